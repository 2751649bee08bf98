// SPDX-License-Identifier: MIT
// The status bar's summary of the session: what is loaded, and what both rules found in it.
#pragma once

#include <QLabel>

#include "engine/core/issue.h"

namespace kvt::model {
class AnalysisSession;
}

namespace kvt::ui {

/// Follows the session's load and rescore signals; GUI thread only.
class SessionStatusLabel : public QLabel {
    Q_OBJECT
public:
    explicit SessionStatusLabel(model::AnalysisSession *session, QWidget *parent = nullptr);

private:
    void onLoadFinished(engine::JobStatus status);
    void showSummary();
    QString outcomesToolTip() const;

    model::AnalysisSession *m_session;
};

} // namespace kvt::ui
