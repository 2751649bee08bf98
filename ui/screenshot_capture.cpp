// SPDX-License-Identifier: MIT
#include "ui/screenshot_capture.h"

#include <QApplication>

#include <cstdio>
#include <utility>

#include "model/analysis_session.h"
#include "ui/main_window.h"

namespace kvt::ui {

ScreenshotCapture::ScreenshotCapture(
    MainWindow *window, model::AnalysisSession *session, QString path, QString selectKey)
    : QObject(window), m_window(window), m_session(session), m_path(std::move(path)), m_selectKey(std::move(selectKey))
{
    connect(session, &model::AnalysisSession::resultsChanged, this, &ScreenshotCapture::settled);
    connect(session, &model::AnalysisSession::loadFinished, this, [this](engine::JobStatus status) {
        if (status != engine::JobStatus::Ok || !m_session->dataset() || m_session->dataset()->empty())
            settled(); // no rule will run: the reason is what the analyst sees
    });
    m_limit.setSingleShot(true);
    connect(&m_limit, &QTimer::timeout, this, [] {
        std::fprintf(stderr, "kvtriage: --screenshot: nothing was loaded within the time limit\n");
        QApplication::exit(1);
    });
}

void ScreenshotCapture::start(const QStringList &files)
{
    m_window->show();
    m_limit.start(kTimeLimitMs);
    if (files.isEmpty())
        settled();
    else
        m_session->openPaths(files);
}

void ScreenshotCapture::settled()
{
    if (m_done)
        return;
    m_done = true;
    if (!m_selectKey.isEmpty())
        m_session->selectKey(m_selectKey);
    QTimer::singleShot(kSettleMs, this, &ScreenshotCapture::capture);
}

void ScreenshotCapture::capture()
{
    if (!m_panels.isEmpty()) {
        // Last, so nothing that arrives with the selection (the records raising their dock) hides them.
        for (const QString &panel : std::exchange(m_panels, {}))
            m_window->raisePanel(panel);
        QTimer::singleShot(kSettleMs / 3, this, &ScreenshotCapture::capture); // let the docks lay out
        return;
    }
    const bool saved = m_window->grab().save(m_path, "PNG");
    if (!saved)
        std::fprintf(stderr, "kvtriage: cannot write %s\n", qPrintable(m_path));
    QApplication::exit(saved ? 0 : 1);
}

} // namespace kvt::ui
