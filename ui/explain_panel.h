// SPDX-License-Identifier: MIT
// Explain: why the selected point scored what it did and which stage of the rule decided it, in
// words and numbers an analyst can defend an alert or a tuning decision with.
#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QTextBrowser;
QT_END_NAMESPACE

namespace kvt::model {
class AnalysisSession;
}

namespace kvt::ui {

/// Follows the session's selection and results: a selected bin is explained, a selected key its last
/// bin, a selected alert the anomaly that raised it. GUI thread only.
class ExplainPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExplainPanel(model::AnalysisSession *session, QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }

private:
    void refresh();

    model::AnalysisSession *m_session;
    QTextBrowser *m_browser;
};

} // namespace kvt::ui
