// SPDX-License-Identifier: MIT
// The main window composes the panels, menus and status bar around one analysis session; it holds
// no analysis logic and pushes no data: every panel reads the session it is handed.
#pragma once

#include <QMainWindow>

QT_BEGIN_NAMESPACE
class QDockWidget;
class QMenu;
QT_END_NAMESPACE

namespace kvt::model {
class AnalysisSession;
class AppSettings;
} // namespace kvt::model

namespace kvt::ui {

class ChartPanel;
class KeysPanel;
class ProgressStrip;
class RuleChartPanel;
class SeriesPanel;
class SessionStatusLabel;
class TuningPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// @p session (and @p settings, when given) must outlive the window. Without settings nothing is
    /// restored or saved (tests, screenshots).
    explicit MainWindow(
        model::AnalysisSession *session, model::AppSettings *settings = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    model::AnalysisSession *session() const { return m_session; }
    KeysPanel *keysPanel() const { return m_keysPanel; }
    SeriesPanel *seriesPanel() const { return m_seriesPanel; }
    RuleChartPanel *ruleChartPanel() const { return m_ruleChartPanel; }
    ChartPanel *chartPanel() const { return m_chartPanel; }
    ProgressStrip *progressStrip() const { return m_progress; }
    TuningPanel *tuningPanel() const { return m_tuning; }
    /// Brings the panel called @p name ("tuning", "esql", "records", "alerts", "backtest", "problems", "files") to the
    /// front, showing it if closed; false for an unknown name. For --show and reviews.
    bool raisePanel(const QString &name);
    static QStringList panelNames();
    QString statusText() const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QDockWidget *addPanelDock(const QString &title, const QString &objectName, QWidget *panel,
        Qt::DockWidgetArea area = Qt::BottomDockWidgetArea);
    void buildMenus();
    void showOpenDialog();
    void showLoadOptions();
    void showAbout();
    void fillRecentMenu();
    void addColorSchemeMenu(QMenu *view);

    model::AnalysisSession *m_session;
    model::AppSettings *m_settings;
    QMenu *m_recentMenu = nullptr;
    KeysPanel *m_keysPanel;
    SeriesPanel *m_seriesPanel;
    RuleChartPanel *m_ruleChartPanel;
    ChartPanel *m_chartPanel;
    ProgressStrip *m_progress;
    SessionStatusLabel *m_status;
    QDockWidget *m_issuesDock;
    QDockWidget *m_filesDock;
    QDockWidget *m_recordsDock;
    QDockWidget *m_alertsDock;
    QDockWidget *m_backtestDock;
    QDockWidget *m_thresholdsDock;
    QDockWidget *m_exclusionsDock;
    TuningPanel *m_tuning;
    QDockWidget *m_tuningDock;
    QDockWidget *m_burstDock;
};

} // namespace kvt::ui
