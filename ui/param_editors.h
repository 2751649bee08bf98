// SPDX-License-Identifier: MIT
// One control per row of a rule's parameter table, chosen by the row's type: slider and spin box,
// spin box, combo box, check box, validated line edit, list editor, date-time field with a day scrubber.
#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>

#include "engine/rules/rule_parameters.h"

namespace kvt::ui {

/// What an editor needs of its row, whichever rule's table the row comes from.
struct ParamRow {
    QString option; ///< the long option name, e.g. "score-threshold"
    QString ruleName; ///< the rule's own name for it
    QString unit;
    QString help;
    QString defaultText;
    engine::ParamType type = engine::ParamType::Number;
    std::optional<double> min, max;
    QStringList choices;
    bool repeatable = false; ///< every occurrence adds an item
    bool emptyAsNone = false; ///< "none" spells the empty list
};

template <typename P> ParamRow paramRow(const engine::ParamSpec<P> &spec)
{
    ParamRow row;
    row.option = QString::fromStdString(spec.option);
    row.ruleName = QString::fromStdString(spec.ruleName);
    row.unit = QString::fromStdString(spec.unit);
    row.help = QString::fromStdString(spec.help);
    row.defaultText = QString::fromStdString(spec.defaultText);
    row.type = spec.type;
    row.min = spec.min;
    row.max = spec.max;
    for (const auto &c : spec.choices)
        row.choices.append(QString::fromStdString(c));
    row.repeatable = spec.repeatable;
    row.emptyAsNone = spec.emptyAsNone;
    return row;
}

/// The control of one parameter. It shows the value it is given (showValue never emits @ref edited)
/// and emits @ref edited with texts the row's parse reads, one per occurrence of the option. It
/// computes nothing: the owner applies the texts to the session's parameters. GUI thread only.
class ParamEditor : public QWidget {
    Q_OBJECT
public:
    /// The row's parse of @p texts on a scratch copy: the error message, empty when they are valid.
    using Validator = std::function<QString(const QStringList &texts)>;

    const ParamRow &row() const { return m_row; }
    /// Shows @p value (the row's value of the session's parameters) without emitting anything.
    virtual void showValue(const engine::ParamValue &value) = 0;
    /// Date-time rows: the loaded data's first and last record and the scheduled run `now` stands
    /// for while unset (UTC ticks); nullopt when nothing is loaded.
    virtual void setDataRange([[maybe_unused]] std::optional<engine::Ticks> first, [[maybe_unused]] engine::Ticks last,
        [[maybe_unused]] engine::Ticks scheduled)
    {
    }

Q_SIGNALS:
    /// The analyst changed the value. @p debounced: a step of a drag or of typing (sliders, spin
    /// boxes, the day scrubber), to be applied once it rests.
    void edited(const QStringList &texts, bool debounced);

protected:
    ParamEditor(ParamRow row, QWidget *parent);

private:
    ParamRow m_row;
};

/// The editor for @p row's type; @p validate checks free text before it is applied.
ParamEditor *createParamEditor(const ParamRow &row, ParamEditor::Validator validate, QWidget *parent);

} // namespace kvt::ui
