// SPDX-License-Identifier: MIT
#include "ui/exclusion_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "model/analysis_session.h"
#include "model/text_conversions.h"
#include "model/tuning_advisor.h"

namespace kvt::ui {
namespace {

using engine::ExclusionKind;

QString beforeAfter(std::size_t before, std::size_t after)
{
    const QLocale locale;
    if (before == after)
        return locale.toString(qulonglong(before));
    return QStringLiteral("%1 → %2").arg(locale.toString(qulonglong(before)), locale.toString(qulonglong(after)));
}

QString keyList(const std::vector<std::string> &keys)
{
    QStringList out;
    for (const auto &k : keys)
        out << model::toQString(k);
    return out.join(QStringLiteral(", "));
}

QString kindWord(ExclusionKind k)
{
    switch (k) {
    case ExclusionKind::AppId: return QObject::tr("app id");
    case ExclusionKind::CallerIp: return QObject::tr("caller");
    case ExclusionKind::Account: break;
    }
    return QObject::tr("account");
}

} // namespace

ExclusionPanel::ExclusionPanel(model::AnalysisSession *session, model::TuningAdvisor *advisor, QWidget *parent)
    : QWidget(parent), m_session(session), m_advisor(advisor), m_kind(new QComboBox(this)),
      m_value(new QComboBox(this)), m_summary(new QLabel(this)), m_runs(new QTableWidget(this)),
      m_addSentinel(new QPushButton(tr("Add to &Sentinel rule"), this)),
      m_addElastic(new QPushButton(tr("Add to &ES|QL rule"), this))
{
    m_kind->addItem(tr("App id"), int(ExclusionKind::AppId));
    m_kind->addItem(tr("Caller IP"), int(ExclusionKind::CallerIp));
    m_kind->addItem(tr("Account (UPN)"), int(ExclusionKind::Account));
    m_kind->setCurrentIndex(1);
    m_value->setEditable(true);
    m_value->setInsertPolicy(QComboBox::NoInsert);
    m_value->setMinimumContentsLength(28);
    m_value->setToolTip(tr("The values the rules read most are listed; type any other and press Enter"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addSentinel->setToolTip(tr("Sentinel: an app id joins Allowedappid (only its VaultGet calls are dropped); an "
                                 "address or account is dropped from both halves of the query"));
    m_addElastic->setToolTip(tr("ES|QL: the records are dropped before the STATS (Kibana cannot allow-list the "
                                "rule's aggregated rows)"));

    m_runs->setColumnCount(8);
    m_runs->setHorizontalHeaderLabels({tr("Run (UTC)"), tr("Sentinel alerts"), tr("Anomalies"), tr("Keys lost"),
        tr("Keys gained"), tr("Records"), tr("ES|QL alerts"), tr("ES|QL records")});
    m_runs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runs->verticalHeader()->hide();
    m_runs->verticalHeader()->setDefaultSectionSize(22);
    m_runs->setAlternatingRowColors(true);
    m_runs->setWordWrap(false);

    auto *pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Exclude"), this));
    pick->addWidget(m_kind);
    pick->addWidget(m_value, 1);
    pick->addWidget(m_addSentinel);
    pick->addWidget(m_addElastic);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(pick);
    layout->addWidget(m_summary);
    layout->addWidget(m_runs, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        fillCandidates();
        previewValue();
    });
    connect(m_value, &QComboBox::activated, this, &ExclusionPanel::previewValue);
    connect(m_value->lineEdit(), &QLineEdit::returnPressed, this, &ExclusionPanel::previewValue);
    connect(m_addSentinel, &QPushButton::clicked, this,
        [this] { m_advisor->applyPreviewed(model::TuningAdvisor::Rule::Sentinel); });
    connect(m_addElastic, &QPushButton::clicked, this,
        [this] { m_advisor->applyPreviewed(model::TuningAdvisor::Rule::Elastic); });
    connect(m_runs, &QTableWidget::cellActivated, this, [this](int row, int) {
        m_session->setEvaluationDay(engine::startOfDay(m_runs->item(row, 0)->data(Qt::UserRole).toLongLong()));
    });
    connect(advisor, &model::TuningAdvisor::adviceChanged, this, &ExclusionPanel::fillCandidates);
    connect(advisor, &model::TuningAdvisor::previewChanged, this, &ExclusionPanel::showPreview);
    fillCandidates();
    showPreview();
}

void ExclusionPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_advisor->setViewer(this, true); // the candidates come with the advice
}

void ExclusionPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_advisor->setViewer(this, false);
}

void ExclusionPanel::fillCandidates()
{
    const auto advice = m_advisor->advice();
    const QString typed = m_value->currentText();
    const QSignalBlocker block(m_value);
    m_value->clear();
    if (advice) {
        const QLocale locale;
        for (const auto &c : advice->candidatesOf(ExclusionKind(m_kind->currentData().toInt()))) {
            m_value->addItem(model::toQString(c.value));
            m_value->setItemData(m_value->count() - 1,
                tr("%1 records the Sentinel rule reads, %2 the ES|QL rule reads")
                    .arg(locale.toString(qulonglong(c.sentinelRecords)), locale.toString(qulonglong(c.burstRecords))),
                Qt::ToolTipRole);
        }
    }
    m_value->setCurrentText(typed);
}

void ExclusionPanel::previewValue()
{
    const QString value = m_value->currentText().trimmed();
    if (value.isEmpty()) {
        m_advisor->clearPreview();
        return;
    }
    m_advisor->previewExclusion({ExclusionKind(m_kind->currentData().toInt()), value.toStdString()});
}

void ExclusionPanel::showPreview()
{
    const auto previewed = m_advisor->previewedExclusion();
    const auto preview = m_advisor->preview();
    m_runs->setRowCount(0);
    if (preview && previewed) {
        const bool inSentinel = engine::excludes(m_session->sentinelParams(), *previewed);
        const bool inElastic = engine::excludes(m_session->burstParams(), *previewed);
        m_addSentinel->setEnabled(!inSentinel);
        m_addElastic->setEnabled(!inElastic);
        m_addSentinel->setText(inSentinel ? tr("In the Sentinel rule") : tr("Add to &Sentinel rule"));
        m_addElastic->setText(inElastic ? tr("In the ES|QL rule") : tr("Add to &ES|QL rule"));
    } else {
        m_addSentinel->setEnabled(false);
        m_addElastic->setEnabled(false);
    }
    if (!previewed) {
        m_summary->setText(tr("Pick or type a value to see, run by run over the backtest, what excluding it would "
                              "remove from each rule."));
        return;
    }
    const QString what = kindWord(previewed->kind) + QLatin1Char(' ') + model::toQString(previewed->value);
    if (!preview) {
        m_summary->setText(m_session->backtest() ? tr("Replaying the backtest without %1…").arg(what)
                                                 : tr("The preview follows the backtest once data is loaded."));
        return;
    }
    const engine::ExclusionImpact &i = preview->impact;
    const QLocale locale;
    QString text = tr("Excluding %1 over %n run(s): ", nullptr, static_cast<int>(i.runs.size())).arg(what);
    text += tr("Sentinel alerts %1, anomalies %2, %3 records no longer read; ES|QL alerts %4, %5 records no "
               "longer read.")
                .arg(beforeAfter(i.alertsBefore, i.alertsAfter), beforeAfter(i.anomaliesBefore, i.anomaliesAfter),
                    locale.toString(qulonglong(i.recordsRemoved)), beforeAfter(i.burstsBefore, i.burstsAfter),
                    locale.toString(qulonglong(i.burstRecordsRemoved)));
    if (previewed->kind == ExclusionKind::AppId)
        text += QLatin1Char(' ')
            + tr("(In the Sentinel rule an app id joins Allowedappid, which drops only its "
                 "VaultGet calls.)");
    if (i.recordsRemoved + i.burstRecordsRemoved == 0)
        text += QLatin1Char(' ') + tr("Neither rule reads a record of it.");
    m_summary->setText(text);

    // The runs where anything changes; the others would only repeat the figures above.
    m_runs->setSortingEnabled(false);
    for (const auto &run : i.runs) {
        if (run.alertsBefore == run.alertsAfter && run.anomaliesBefore == run.anomaliesAfter
            && run.burstsBefore == run.burstsAfter && run.recordsRemoved == 0 && run.burstRecordsRemoved == 0)
            continue;
        const int r = m_runs->rowCount();
        m_runs->insertRow(r);
        auto *when = new QTableWidgetItem(model::ticksToDateTime(run.now).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        when->setData(Qt::UserRole, qlonglong(run.now));
        m_runs->setItem(r, 0, when);
        m_runs->setItem(r, 1, new QTableWidgetItem(beforeAfter(run.alertsBefore, run.alertsAfter)));
        m_runs->setItem(r, 2, new QTableWidgetItem(beforeAfter(run.anomaliesBefore, run.anomaliesAfter)));
        m_runs->setItem(r, 3, new QTableWidgetItem(keyList(run.keysLost)));
        m_runs->setItem(r, 4, new QTableWidgetItem(keyList(run.keysGained)));
        m_runs->setItem(r, 5, new QTableWidgetItem(locale.toString(qulonglong(run.recordsRemoved))));
        m_runs->setItem(r, 6, new QTableWidgetItem(beforeAfter(run.burstsBefore, run.burstsAfter)));
        m_runs->setItem(r, 7, new QTableWidgetItem(locale.toString(qulonglong(run.burstRecordsRemoved))));
    }
    m_runs->resizeColumnsToContents();
}

} // namespace kvt::ui
