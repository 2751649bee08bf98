// SPDX-License-Identifier: MIT
#include "ui/main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

#include "model/alerts_table_model.h"
#include "model/analysis_session.h"
#include "model/app_settings.h"
#include "model/import_issues_model.h"
#include "model/loaded_files_model.h"
#include "model/triage_store.h"
#include "model/tuning_advisor.h"
#include "ui/alerts_panel.h"
#include "ui/burst_panel.h"
#include "ui/chart/backtest_panel.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/rule_chart_panel.h"
#include "ui/chart/threshold_advice_panel.h"
#include "ui/color_scheme.h"
#include "ui/drill_down_panel.h"
#include "ui/exclusion_panel.h"
#include "ui/explain_panel.h"
#include "ui/heat_strip.h"
#include "ui/import_issues_panel.h"
#include "ui/keys_panel.h"
#include "ui/load_options_dialog.h"
#include "ui/loaded_files_panel.h"
#include "ui/progress_strip.h"
#include "ui/series_panel.h"
#include "ui/session_status_label.h"
#include "ui/tuning_panel.h"

namespace kvt::ui {

MainWindow::MainWindow(model::AnalysisSession *session, model::AppSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_settings(settings), m_keysPanel(new KeysPanel(session, this)),
      m_seriesPanel(new SeriesPanel(session, this)), m_ruleChartPanel(new RuleChartPanel(session, this)),
      m_chartPanel(new ChartPanel(session, this)), m_progress(new ProgressStrip(this)),
      m_status(new SessionStatusLabel(session, this))
{
    setWindowTitle(tr("kvtriage"));
    setAcceptDrops(true);

    auto *lists = new QTabWidget(this);
    lists->addTab(m_keysPanel, tr("Rule &keys"));
    lists->addTab(m_seriesPanel, tr("All &callers"));
    // Each list has its chart: the rule's keys with what the rule scores (and, under it, why the
    // selected point scored what it did), every caller with all records.
    auto *ruleView = new QSplitter(Qt::Vertical, this);
    // The heat strip above the chart: every key at a glance, a click brings one into the chart.
    ruleView->addWidget(new HeatStrip(session, ruleView));
    ruleView->addWidget(m_ruleChartPanel);
    ruleView->addWidget(new ExplainPanel(session, ruleView));
    ruleView->setStretchFactor(0, 0);
    ruleView->setStretchFactor(1, 3);
    ruleView->setStretchFactor(2, 1);
    ruleView->setSizes({140, 480, 200}); // scaled to the height there is; the chart gets most
    auto *charts = new QStackedWidget(this);
    charts->addWidget(ruleView);
    charts->addWidget(m_chartPanel);
    connect(lists, &QTabWidget::currentChanged, charts, &QStackedWidget::setCurrentIndex);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(lists);
    splitter->addWidget(charts);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 720});
    setCentralWidget(splitter);

    m_issuesDock = addPanelDock(
        tr("Import problems"), QStringLiteral("importIssuesDock"), new ImportIssuesPanel(session->importIssuesModel()));
    m_filesDock = addPanelDock(
        tr("Loaded files"), QStringLiteral("loadedFilesDock"), new LoadedFilesPanel(session->loadedFilesModel()));
    // The drill-down under the chart: what stands behind the selected point, key, alert or burst.
    m_recordsDock = addPanelDock(
        tr("Records"), QStringLiteral("recordsDock"), new DrillDownPanel(session), Qt::BottomDockWidgetArea);
    // Alerts beside the records: pick an alert on the left, read what stands behind it on the right.
    auto *alerts = new AlertsPanel(session->alertsModel(), session->triage());
    connect(alerts, &AlertsPanel::alertActivated, session, [session](model::AlertRule rule, int index) {
        if (rule == model::AlertRule::Sentinel)
            session->selectAlert(index);
        else
            session->selectBurst(index);
    });
    connect(session, &model::AnalysisSession::selectionChanged, alerts, [alerts](const model::Selection &s) {
        if (s.alert >= 0)
            alerts->showAlert(model::AlertRule::Sentinel, s.alert);
        else if (s.burst >= 0)
            alerts->showAlert(model::AlertRule::Esql, s.burst);
    });
    m_alertsDock = addPanelDock(tr("Alerts"), QStringLiteral("alertsDock"), alerts, Qt::BottomDockWidgetArea);
    // Split before tabifying: a dock already in a tab group would only gain a tab.
    splitDockWidget(m_alertsDock, m_recordsDock, Qt::Horizontal);
    tabifyDockWidget(m_recordsDock, m_issuesDock);
    tabifyDockWidget(m_issuesDock, m_filesDock);
    m_alertsDock->show();
    m_backtestDock = addPanelDock(
        tr("Backtest"), QStringLiteral("backtestDock"), new BacktestPanel(session), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_alertsDock, m_backtestDock);
    m_backtestDock->show();
    // Tuning advice beside the backtest it replays: thresholds and exclusions.
    auto *advisor = new model::TuningAdvisor(session, this);
    m_thresholdsDock = addPanelDock(tr("Thresholds"), QStringLiteral("thresholdsDock"),
        new ThresholdAdvicePanel(session, advisor), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_backtestDock, m_thresholdsDock);
    m_thresholdsDock->show();
    m_exclusionsDock = addPanelDock(tr("Exclusions"), QStringLiteral("exclusionsDock"),
        new ExclusionPanel(session, advisor), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_thresholdsDock, m_exclusionsDock);
    m_exclusionsDock->show();
    m_recordsDock->show();
    m_alertsDock->raise();
    m_recordsDock->raise();
    connect(session, &model::AnalysisSession::recordsChanged, m_recordsDock, [this] {
        if (m_session->records() && m_recordsDock->isVisible())
            m_recordsDock->raise(); // in front of Import problems once there is something to read
    });
    m_tuning = new TuningPanel(session);
    m_tuningDock = addPanelDock(tr("Tuning"), QStringLiteral("tuningDock"), m_tuning, Qt::RightDockWidgetArea);
    m_tuningDock->show();
    m_burstDock
        = addPanelDock(tr("ES|QL rule"), QStringLiteral("burstDock"), new BurstPanel(session), Qt::RightDockWidgetArea);
    tabifyDockWidget(m_tuningDock, m_burstDock);
    m_tuningDock->raise();

    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    connect(m_progress, &ProgressStrip::cancelRequested, session, &model::AnalysisSession::cancelLoad);
    connect(session, &model::AnalysisSession::loadProgress, m_progress, &ProgressStrip::setPermille);
    connect(session, &model::AnalysisSession::loadStarted, m_progress, [this](const QStringList &paths) {
        m_progress->start(paths.size() == 1 ? tr("Loading %1…").arg(QFileInfo(paths.first()).fileName())
                                            : tr("Loading %n input(s)…", nullptr, static_cast<int>(paths.size())));
    });
    connect(session, &model::AnalysisSession::loadFinished, m_progress, &ProgressStrip::finish);
    // Problems found while reading come forward by themselves; the analyst should not have to look.
    connect(session, &model::AnalysisSession::loadFinished, m_issuesDock,
        [this] { m_issuesDock->setVisible(m_session->importIssuesModel()->rowCount() > 0); });

    buildMenus();
    if (m_settings) {
        restoreGeometry(m_settings->windowGeometry());
        restoreState(m_settings->windowState());
        // What was opened successfully is worth opening again.
        connect(session, &model::AnalysisSession::datasetChanged, m_settings,
            [this] { m_settings->addRecentFiles(m_session->inputs()); });
    }
}

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::addPanelDock(
    const QString &title, const QString &objectName, QWidget *panel, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    addDockWidget(area, dock);
    dock->hide();
    return dock;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::showOpenDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    fillRecentMenu();
    if (m_settings)
        connect(m_settings, &model::AppSettings::recentFilesChanged, this, &MainWindow::fillRecentMenu);
    QAction *options
        = file->addAction(tr("Load &options…"), QKeySequence(tr("Ctrl+Shift+O")), this, &MainWindow::showLoadOptions);
    options->setToolTip(tr("Input format, CSV column names and the offset of local-time columns"));
    QAction *reload = file->addAction(tr("&Reload"), QKeySequence::Refresh, m_session, &model::AnalysisSession::reload);
    connect(m_session, &model::AnalysisSession::datasetChanged, reload,
        [this, reload] { reload->setEnabled(!m_session->inputs().isEmpty()); });
    reload->setEnabled(false);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence(tr("Ctrl+Q")), this, &QWidget::close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_issuesDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    m_filesDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    view->addAction(m_issuesDock->toggleViewAction());
    view->addAction(m_filesDock->toggleViewAction());
    m_recordsDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+D")));
    view->addAction(m_recordsDock->toggleViewAction());
    m_alertsDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+L")));
    view->addAction(m_alertsDock->toggleViewAction());
    m_backtestDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+B")));
    view->addAction(m_backtestDock->toggleViewAction());
    m_thresholdsDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+H")));
    view->addAction(m_thresholdsDock->toggleViewAction());
    m_exclusionsDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+X")));
    view->addAction(m_exclusionsDock->toggleViewAction());
    view->addSeparator();
    QAction *find = view->addAction(tr("&Find key…"), QKeySequence::Find, this, [this] {
        m_keysPanel->filterEdit()->setFocus();
        m_keysPanel->filterEdit()->selectAll();
    });
    find->setToolTip(tr("Filter the rule's keys"));
    QAction *scores = view->addAction(tr("Show &scores"));
    scores->setCheckable(true);
    scores->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    connect(scores, &QAction::toggled, m_ruleChartPanel->scoresToggle(), &QCheckBox::setChecked);
    connect(m_ruleChartPanel->scoresToggle(), &QCheckBox::toggled, scores, &QAction::setChecked);
    addColorSchemeMenu(view);
    QAction *tuning = m_tuningDock->toggleViewAction();
    tuning->setShortcut(QKeySequence(tr("Ctrl+T")));
    view->addAction(tuning);
    QAction *bursts = m_burstDock->toggleViewAction();
    bursts->setShortcut(QKeySequence(tr("Ctrl+E")));
    view->addAction(bursts);
    QMenu *rule = menuBar()->addMenu(tr("&Rule"));
    QAction *reset = rule->addAction(
        tr("Reset to the &deployed rule"), QKeySequence(tr("Ctrl+Shift+R")), m_tuning, &TuningPanel::resetToDeployed);
    reset->setToolTip(tr("Every parameter of both rules back to the published values"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About kvtriage"), QKeySequence::HelpContents, this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::addColorSchemeMenu(QMenu *view)
{
    QMenu *menu = view->addMenu(tr("&Colours"));
    auto *group = new QActionGroup(menu);
    const model::ColorScheme current = m_settings ? m_settings->colorScheme() : model::ColorScheme::System;
    const std::pair<model::ColorScheme, QString> schemes[] = {{model::ColorScheme::System, tr("Follow the &system")},
        {model::ColorScheme::Light, tr("&Light")}, {model::ColorScheme::Dark, tr("&Dark")}};
    for (const auto &[scheme, text] : schemes) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(scheme == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, scheme] {
            applyColorScheme(scheme);
            if (m_settings)
                m_settings->setColorScheme(scheme);
        });
    }
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_settings ? m_settings->recentFiles() : QStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] { m_session->openPaths({path}); });
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear"), m_settings, &model::AppSettings::clearRecentFiles);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About kvtriage"),
        tr("<h3>kvtriage %1</h3><p>Offline triage of Azure Key Vault audit logs: Microsoft "
           "Sentinel's <i>Azure Key Vault access TimeSeries anomaly</i> rule and Elastic's "
           "<i>Excessive Secret or Key Retrieval from Azure Key Vault</i> rule, computed exactly "
           "as the platforms do.</p><p>Qt %2 (built with %3)</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)));
}

void MainWindow::showOpenDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Key Vault audit logs"), QString(),
        tr("Audit exports (*.json *.jsonl *.ndjson *.csv *.gz);;All files (*)"));
    m_session->openPaths(files);
}

void MainWindow::showLoadOptions()
{
    LoadOptionsDialog dialog(m_session->loadOptions(), !m_session->inputs().isEmpty(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_session->setLoadOptions(dialog.options());
}

QStringList MainWindow::panelNames()
{
    return {QStringLiteral("tuning"), QStringLiteral("esql"), QStringLiteral("records"), QStringLiteral("alerts"),
        QStringLiteral("backtest"), QStringLiteral("thresholds"), QStringLiteral("exclusions"),
        QStringLiteral("problems"), QStringLiteral("files")};
}

bool MainWindow::raisePanel(const QString &name)
{
    QDockWidget *const docks[] = {m_tuningDock, m_burstDock, m_recordsDock, m_alertsDock, m_backtestDock,
        m_thresholdsDock, m_exclusionsDock, m_issuesDock, m_filesDock};
    const qsizetype index = panelNames().indexOf(name);
    if (index < 0)
        return false;
    QDockWidget *dock = docks[index];
    dock->show();
    dock->raise();
    return true;
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        m_session->openPaths(paths);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_settings)
        m_settings->saveWindow(saveGeometry(), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace kvt::ui
