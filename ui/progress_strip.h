// SPDX-License-Identifier: MIT
// Non-modal progress in the status bar with Cancel; appears only for jobs that outlive ~400 ms.
#pragma once

#include <QTimer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
class QPushButton;
QT_END_NAMESPACE

namespace kvt::ui {

class ProgressStrip : public QWidget {
    Q_OBJECT
public:
    explicit ProgressStrip(QWidget *parent = nullptr);

    /// Starts a job display; the strip becomes visible after @p delayMs unless @ref finish comes first.
    void start(const QString &what, int delayMs = 400);
    void setPermille(int permille);
    void finish();

    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    QTimer m_showTimer;
};

} // namespace kvt::ui
