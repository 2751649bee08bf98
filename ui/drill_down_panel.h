// SPDX-License-Identifier: MIT
// The records behind whatever is selected. For a Sentinel alert, side by side and labelled: what the
// deployed rule's join attached (the first UTC hour of the anomalous bin) and the whole bin, with the
// counts that say how much the deployed rule left out.
#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QSplitter;
QT_END_NAMESPACE

namespace kvt::model {
class AnalysisSession;
}

namespace kvt::ui {

class RecordsPanel;

/// Follows the session's records (AnalysisSession::records and wholeBinRecords). GUI thread only.
class DrillDownPanel : public QWidget {
    Q_OBJECT
public:
    explicit DrillDownPanel(model::AnalysisSession *session, QWidget *parent = nullptr);

    RecordsPanel *shownRecords() const { return m_shown; } ///< the selection's records
    RecordsPanel *wholeBinRecords() const { return m_wholeBin; } ///< beside them for an alert
    QLabel *headline() const { return m_headline; }

private:
    void showRecords();

    model::AnalysisSession *m_session;
    QLabel *m_headline;
    RecordsPanel *m_shown;
    RecordsPanel *m_wholeBin;
};

} // namespace kvt::ui
