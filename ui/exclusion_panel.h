// SPDX-License-Identifier: MIT
// Exclusion impact: pick an app id, a caller address or an account (the values the rules read most
// are offered, any other can be typed) and see, run by run over the backtest, what excluding it
// would take away from each rule before adding it to either.
#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
QT_END_NAMESPACE

namespace kvt::model {
class AnalysisSession;
class TuningAdvisor;
} // namespace kvt::model

namespace kvt::ui {

/// GUI thread only.
class ExclusionPanel : public QWidget {
    Q_OBJECT
public:
    ExclusionPanel(model::AnalysisSession *session, model::TuningAdvisor *advisor, QWidget *parent = nullptr);

    QComboBox *kindBox() const { return m_kind; }
    QComboBox *valueBox() const { return m_value; }
    QLabel *summaryLabel() const { return m_summary; }
    QTableWidget *runsTable() const { return m_runs; }
    QPushButton *addToSentinelButton() const { return m_addSentinel; }
    QPushButton *addToElasticButton() const { return m_addElastic; }

    /// Previews excluding the value typed or picked in the value box.
    void previewValue();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void fillCandidates();
    void showPreview();

    model::AnalysisSession *m_session;
    model::TuningAdvisor *m_advisor;
    QComboBox *m_kind;
    QComboBox *m_value;
    QLabel *m_summary;
    QTableWidget *m_runs;
    QPushButton *m_addSentinel;
    QPushButton *m_addElastic;
};

} // namespace kvt::ui
