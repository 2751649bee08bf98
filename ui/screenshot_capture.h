// SPDX-License-Identifier: MIT
// `kvtriage --screenshot`: render the window once what an analyst would see is on screen, then quit.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace kvt::model {
class AnalysisSession;
}

namespace kvt::ui {

class MainWindow;

/// Waits for the session to settle (the rules' first results, or a load that ended without any),
/// selects @p selectKey if given, lets the window lay out, writes the PNG and quits the application
/// with 0 (or 1 when the file cannot be written or nothing settles within the time limit).
class ScreenshotCapture : public QObject {
    Q_OBJECT
public:
    static constexpr int kSettleMs = 300;
    static constexpr int kTimeLimitMs = 120'000;

    ScreenshotCapture(MainWindow *window, model::AnalysisSession *session, QString path, QString selectKey);

    /// Panels to bring to the front just before the capture (MainWindow::raisePanel names).
    void setPanels(const QStringList &panels) { m_panels = panels; }

    /// Opens @p files in the session (or captures the empty window when there are none).
    void start(const QStringList &files);

private:
    void settled();
    void capture();

    MainWindow *m_window;
    model::AnalysisSession *m_session;
    QString m_path;
    QString m_selectKey;
    QStringList m_panels;
    QTimer m_limit;
    bool m_done = false;
};

} // namespace kvt::ui
