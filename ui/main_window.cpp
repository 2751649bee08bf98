// SPDX-License-Identifier: MIT
#include "ui/main_window.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

#include "model/analysis_runner.h"
#include "model/import_issues_model.h"
#include "model/loaded_files_model.h"
#include "model/series_list_model.h"
#include "model/text_conversions.h"
#include "ui/chart/chart_panel.h"
#include "ui/import_issues_panel.h"
#include "ui/loaded_files_panel.h"
#include "ui/progress_strip.h"
#include "ui/series_panel.h"

namespace kvt::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_runner(new model::AnalysisRunner(this)), m_series(new model::SeriesListModel(this)),
      m_issues(new model::ImportIssuesModel(this)), m_files(new model::LoadedFilesModel(this)),
      m_seriesPanel(new SeriesPanel(m_series, this)), m_chartPanel(new ChartPanel(m_series, this)),
      m_progress(new ProgressStrip(this)), m_issuesDock(new QDockWidget(tr("Import problems"), this)),
      m_filesDock(new QDockWidget(tr("Loaded files"), this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("kvtriage"));
    setAcceptDrops(true);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_seriesPanel);
    splitter->addWidget(m_chartPanel);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({470, 810});
    setCentralWidget(splitter);

    m_issuesDock->setObjectName(QStringLiteral("importIssuesDock"));
    m_issuesDock->setWidget(new ImportIssuesPanel(m_issues, m_issuesDock));
    addDockWidget(Qt::BottomDockWidgetArea, m_issuesDock);
    m_issuesDock->hide();
    m_filesDock->setObjectName(QStringLiteral("loadedFilesDock"));
    m_filesDock->setWidget(new LoadedFilesPanel(m_files, m_filesDock));
    addDockWidget(Qt::BottomDockWidgetArea, m_filesDock);
    tabifyDockWidget(m_issuesDock, m_filesDock);
    m_filesDock->hide();

    m_status->setText(tr("No data loaded. Open Key Vault audit logs with File › Open or drop them here."));
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);

    connect(m_progress, &ProgressStrip::cancelRequested, m_runner, &model::AnalysisRunner::cancel);
    connect(m_runner, &model::AnalysisRunner::progressChanged, m_progress, &ProgressStrip::setPermille);
    connect(m_runner, &model::AnalysisRunner::loadFinished, this, &MainWindow::onLoadFinished);

    buildMenus();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("ui/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("ui/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::showOpenDialog);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_issuesDock->toggleViewAction());
    view->addAction(m_filesDock->toggleViewAction());
}

void MainWindow::showOpenDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Key Vault audit logs"), QString(),
        tr("Audit exports (*.json *.jsonl *.ndjson *.csv *.gz);;All files (*)"));
    if (!files.isEmpty())
        openPaths(files);
}

void MainWindow::openPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_progress->start(paths.size() == 1 ? tr("Loading %1…").arg(QFileInfo(paths.first()).fileName())
                                        : tr("Loading %n input(s)…", nullptr, static_cast<int>(paths.size())));
    m_status->setText(tr("Loading…"));
    m_runner->startLoad(paths);
}

void MainWindow::onLoadFinished(engine::JobStatus status, const std::shared_ptr<const model::LoadOutcome> &outcome)
{
    m_progress->finish();
    if (status == engine::JobStatus::Cancelled) {
        m_status->setText(tr("Loading cancelled; the previous data is still shown."));
        return;
    }
    if (!outcome)
        return;
    const auto &load = outcome->load;
    m_issues->setReports(load.files);
    m_files->setReports(load.files);
    const bool problems = m_issues->rowCount() > 0;
    m_issuesDock->setVisible(problems);
    if (status != engine::JobStatus::Ok || !load.dataset)
        return;
    m_series->setSeries(outcome->dailyByCaller);

    const QLocale locale;
    QString text = tr("%1 records from %n file(s)", nullptr, static_cast<int>(load.files.size()))
                       .arg(locale.toString(static_cast<qulonglong>(load.records())));
    if (load.rejected() > 0)
        text += tr(" · %1 rejected").arg(locale.toString(static_cast<qulonglong>(load.rejected())));
    if (!load.dataset->empty())
        text += tr(" · %1 – %2 UTC · %n caller IP(s)", nullptr, m_series->rowCount())
                    .arg(model::ticksToDateTime(load.dataset->firstTime()).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                        model::ticksToDateTime(load.dataset->lastTime()).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    m_status->setText(text);
    if (load.records() == 0 && problems)
        m_status->setText(tr("Nothing could be read: see Import problems."));
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
        openPaths(paths);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("ui/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace kvt::ui
