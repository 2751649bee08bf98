// SPDX-License-Identifier: MIT
#include "ui/drill_down_panel.h"

#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QVBoxLayout>

#include "model/analysis_session.h"
#include "model/rule_text.h"
#include "ui/records_panel.h"

namespace kvt::ui {

DrillDownPanel::DrillDownPanel(model::AnalysisSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_headline(new QLabel(this)), m_shown(new RecordsPanel(this)),
      m_wholeBin(new RecordsPanel(this))
{
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    auto *sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(m_shown);
    sides->addWidget(m_wholeBin);
    sides->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_headline);
    layout->addWidget(sides, 1);
    connect(session, &model::AnalysisSession::recordsChanged, this, &DrillDownPanel::showRecords);
    connect(session, &model::AnalysisSession::selectionChanged, this, &DrillDownPanel::showRecords);
    showRecords();
}

void DrillDownPanel::showRecords()
{
    const auto shown = m_session->records();
    const auto whole = m_session->wholeBinRecords();
    const bool alert = m_session->selection().alert >= 0;
    m_shown->setRecords(shown, shown ? shown->title : QString());
    m_wholeBin->setVisible(alert);
    m_wholeBin->setRecords(whole, whole ? whole->title : QString());
    if (!alert || !shown) {
        m_headline->hide();
        return;
    }
    const QLocale locale;
    const auto &params = shown->results->sentinel.params;
    const QString bin = shown->results->sentinel.axis.step == engine::kTicksPerDay
        ? tr("this day")
        : tr("this %1").arg(model::binLabel(shown->results->sentinel.axis.step));
    const QString attached = locale.toString(static_cast<qulonglong>(shown->rows.size()));
    if (!whole)
        m_headline->setText(tr("This alert holds %1 records; counting the whole of %2…").arg(attached, bin));
    else if (params.drilldown == engine::Drilldown::Faithful)
        m_headline->setText(tr("The deployed rule attached %1 of the %2 records of %3 to this alert: its join "
                               "reads only the first UTC hour of the anomalous bin.")
                                .arg(attached, locale.toString(static_cast<qulonglong>(whole->rows.size())), bin));
    else
        m_headline->setText(tr("With the full-bin drill-down this alert holds %1 of the %2 records of %3 (the "
                               "deployed rule would read only the first UTC hour).")
                                .arg(attached, locale.toString(static_cast<qulonglong>(whole->rows.size())), bin));
    m_headline->show();
}

} // namespace kvt::ui
