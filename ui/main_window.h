// SPDX-License-Identifier: MIT
// The main window composes the panels; it holds no analysis logic.
#pragma once

#include <QMainWindow>

#include <memory>

#include "engine/core/issue.h"

QT_BEGIN_NAMESPACE
class QDockWidget;
class QLabel;
QT_END_NAMESPACE

namespace kvt::model {
class AnalysisRunner;
class ImportIssuesModel;
class LoadedFilesModel;
class SeriesListModel;
struct LoadOutcome;
} // namespace kvt::model

namespace kvt::ui {

class ChartPanel;
class ProgressStrip;
class SeriesPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Loads @p paths (files or folders) in the background, replacing what is shown.
    void openPaths(const QStringList &paths);

    model::AnalysisRunner *runner() const { return m_runner; }
    model::SeriesListModel *seriesModel() const { return m_series; }
    SeriesPanel *seriesPanel() const { return m_seriesPanel; }
    ChartPanel *chartPanel() const { return m_chartPanel; }
    ProgressStrip *progressStrip() const { return m_progress; }
    QString statusText() const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void showOpenDialog();
    void onLoadFinished(engine::JobStatus status, const std::shared_ptr<const model::LoadOutcome> &outcome);

    model::AnalysisRunner *m_runner;
    model::SeriesListModel *m_series;
    model::ImportIssuesModel *m_issues;
    model::LoadedFilesModel *m_files;
    SeriesPanel *m_seriesPanel;
    ChartPanel *m_chartPanel;
    ProgressStrip *m_progress;
    QDockWidget *m_issuesDock;
    QDockWidget *m_filesDock;
    QLabel *m_status;
};

} // namespace kvt::ui
