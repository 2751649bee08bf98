// SPDX-License-Identifier: MIT
// The tuning panel: a control for every row of both rules' parameter tables, marks where the values
// leave the deployed rules, and the effect of each change (alerts and anomalous keys before -> after).
#pragma once

#include <QWidget>

#include <optional>
#include <vector>

#include "engine/rules/rule_parameters.h"
#include "model/tuning_summary.h"

QT_BEGIN_NAMESPACE
class QGridLayout;
class QLabel;
class QPushButton;
class QTabWidget;
class QToolButton;
QT_END_NAMESPACE

namespace kvt::model {
class AnalysisSession;
}

namespace kvt::ui {

class ParamEditor;
struct ParamRow;

/// Controls generated from engine::sentinelParameters() and engine::elasticBurstParameters(), one
/// tab per rule. A change parses through the row into a copy of the session's parameters and hands
/// it to the session (debounced for sliders, spin boxes and the day scrubber; at once for the rest):
/// the rules re-run on the session's worker, never here. Parameters changed elsewhere (a --params
/// file, settings) move the controls without a rescore of their own. GUI thread only.
class TuningPanel : public QWidget {
    Q_OBJECT
public:
    enum class Rule { Sentinel, Elastic };

    explicit TuningPanel(model::AnalysisSession *session, QWidget *parent = nullptr);

    /// Puts both rules back to their deployed parameters in one rescore. The evaluated day (`now`)
    /// stays: the analyst asks what the deployed rule says about the day on screen.
    void resetToDeployed();

    // Inspection, for tests and for the window's menus.
    /// The control of @p option in @p rule's table; null when the table has no such row.
    ParamEditor *editor(const QString &option, Rule rule = Rule::Sentinel) const;
    QLabel *rowLabel(const QString &option, Rule rule = Rule::Sentinel) const;
    QToolButton *rowResetButton(const QString &option, Rule rule = Rule::Sentinel) const;
    bool differsFromDeployed(const QString &option, Rule rule = Rule::Sentinel) const;
    /// Whether any value of either rule differs from the deployed rules.
    bool isTuned() const { return m_tuned; }
    QPushButton *resetButton() const { return m_reset; }
    QLabel *effectLabel() const { return m_effect; }
    QTabWidget *tabs() const { return m_tabs; }
    /// What the last published results changed; empty before the first results of a snapshot.
    const std::optional<model::TuningDelta> &lastDelta() const { return m_delta; }

Q_SIGNALS:
    /// The effect line changed (new results): "Alerts 2 → 1 · anomalous keys …".
    void effectChanged(const QString &summary);
    /// The parameters came to differ from the deployed rules, or came back to them.
    void tunedChanged(bool tuned);

private:
    struct Row {
        Rule rule;
        std::size_t index; ///< into the rule's parameter table
        QString option;
        ParamEditor *editor;
        QLabel *label;
        QToolButton *reset;
        bool differs = false;
    };

    QWidget *buildTable(Rule rule);
    void addRow(Rule rule, std::size_t index, const ParamRow &param, QGridLayout *grid);
    const Row *findRow(const QString &option, Rule rule) const;
    engine::ParamValue valueOf(const Row &row) const;
    QString check(const Row &row, const QStringList &texts) const;
    void applyEdit(const Row &row, const QStringList &texts, bool debounced);
    void resetRow(const Row &row);
    void followParameters();
    void followDataset();
    void updateMarks();
    void showEffect();
    void showPending();

    model::AnalysisSession *m_session;
    QLabel *m_effect;
    QLabel *m_tunedLabel;
    QPushButton *m_reset;
    QTabWidget *m_tabs;
    std::vector<Row> m_rows;
    bool m_following = false; ///< controls are being set from the session: nothing goes back
    bool m_tuned = false;
    /// The figures of the last published results (the "before" of the next change). Figures, not the
    /// RuleResults: an old snapshot must not stay alive through this panel.
    std::optional<model::ResultsFigures> m_previous;
    std::optional<model::TuningDelta> m_delta;
    QString m_effectText;
};

} // namespace kvt::ui
