// SPDX-License-Identifier: MIT
#include "ui/param_editors.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

#include <algorithm>
#include <climits>
#include <cmath>

#include "model/text_conversions.h"
#include "model/tuning_summary.h"

namespace kvt::ui {
namespace {

using engine::ParamValue;
using engine::Ticks;

// Spin boxes need finite bounds, where a number row without a range has none.
constexpr double kUnbounded = 1e9;

QString valueText(const ParamValue &value)
{
    return model::toQString(engine::formatParamValue(value, false));
}

template <typename T> T valueAs(const ParamValue &value, T fallback)
{
    return std::holds_alternative<T>(value) ? std::get<T>(value) : fallback;
}

template <typename Layout> Layout *bareLayout(QWidget *w)
{
    auto *layout = new Layout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    return layout;
}

// A red line under a free-text field that says what the row's parse refused.
class ErrorLine final : public QLabel {
public:
    explicit ErrorLine(QWidget *parent) : QLabel(parent)
    {
        setWordWrap(true);
        setStyleSheet(QStringLiteral("color: #c62828"));
        hide();
    }
    /// Shows @p error, or hides when it is empty; true when there is none.
    bool report(const QString &error)
    {
        setText(error);
        setVisible(!error.isEmpty());
        return error.isEmpty();
    }
};

class NumberEditor final : public ParamEditor {
public:
    NumberEditor(const ParamRow &row, QWidget *parent)
        : ParamEditor(row, parent), m_span(model::sliderSpan(row.min, row.max, row.defaultText.toDouble())),
          m_slider(new QSlider(Qt::Horizontal, this)), m_spin(new QDoubleSpinBox(this))
    {
        m_slider->setRange(0, static_cast<int>(std::lround((m_span.high - m_span.low) / m_span.step)));
        m_spin->setDecimals(m_span.decimals);
        m_spin->setRange(row.min.value_or(-kUnbounded), row.max.value_or(kUnbounded));
        m_spin->setSingleStep(m_span.step);
        auto *layout = bareLayout<QHBoxLayout>(this);
        layout->addWidget(m_slider, 1);
        layout->addWidget(m_spin);
        connect(m_slider, &QSlider::valueChanged, this, [this](int step) {
            const QSignalBlocker block(m_spin);
            m_spin->setValue(m_span.low + step * m_span.step);
            // The spin box's rounded value: 0.1 * 37 is sent as 3.7, not 3.7000000000000002.
            Q_EMIT edited({valueText(m_spin->value())}, true);
        });
        connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
            const QSignalBlocker block(m_slider);
            m_slider->setValue(sliderStep(v));
            Q_EMIT edited({valueText(v)}, true);
        });
    }

    void showValue(const ParamValue &value) override
    {
        const double v = valueAs<double>(value, m_spin->value());
        const QSignalBlocker blockSpin(m_spin), blockSlider(m_slider);
        if (m_spin->value() != v)
            m_spin->setValue(v); // only when it differs: rewriting the text would move the cursor
        m_slider->setValue(sliderStep(v));
    }

private:
    int sliderStep(double v) const
    {
        return std::clamp(static_cast<int>(std::lround((v - m_span.low) / m_span.step)), 0, m_slider->maximum());
    }

    model::SliderSpan m_span;
    QSlider *m_slider;
    QDoubleSpinBox *m_spin;
};

class IntegerEditor final : public ParamEditor {
public:
    IntegerEditor(const ParamRow &row, QWidget *parent) : ParamEditor(row, parent), m_spin(new QSpinBox(this))
    {
        m_spin->setRange(static_cast<int>(std::max(row.min.value_or(INT_MIN), double(INT_MIN))),
            static_cast<int>(std::min(row.max.value_or(INT_MAX), double(INT_MAX))));
        bareLayout<QHBoxLayout>(this)->addWidget(m_spin);
        connect(m_spin, &QSpinBox::valueChanged, this, [this](int v) { Q_EMIT edited({QString::number(v)}, true); });
    }

    void showValue(const ParamValue &value) override
    {
        const long long v = valueAs<long long>(value, m_spin->value());
        const QSignalBlocker block(m_spin);
        if (m_spin->value() != v)
            m_spin->setValue(static_cast<int>(v));
    }

private:
    QSpinBox *m_spin;
};

class ChoiceEditor final : public ParamEditor {
public:
    ChoiceEditor(const ParamRow &row, QWidget *parent) : ParamEditor(row, parent), m_combo(new QComboBox(this))
    {
        m_combo->addItems(row.choices);
        bareLayout<QHBoxLayout>(this)->addWidget(m_combo);
        connect(m_combo, &QComboBox::currentIndexChanged, this,
            [this](int index) { Q_EMIT edited({m_combo->itemText(index)}, false); });
    }

    void showValue(const ParamValue &value) override
    {
        const QSignalBlocker block(m_combo);
        m_combo->setCurrentIndex(m_combo->findText(valueText(value)));
    }

private:
    QComboBox *m_combo;
};

class FlagEditor final : public ParamEditor {
public:
    FlagEditor(const ParamRow &row, QWidget *parent) : ParamEditor(row, parent), m_check(new QCheckBox(this))
    {
        bareLayout<QHBoxLayout>(this)->addWidget(m_check);
        connect(m_check, &QCheckBox::toggled, this,
            [this](bool on) { Q_EMIT edited({on ? QStringLiteral("true") : QStringLiteral("false")}, false); });
    }

    void showValue(const ParamValue &value) override
    {
        const QSignalBlocker block(m_check);
        m_check->setChecked(valueAs<bool>(value, false));
    }

private:
    QCheckBox *m_check;
};

// Durations and the operations list: checked as typed, applied when editing finishes.
class TextEditor final : public ParamEditor {
public:
    TextEditor(const ParamRow &row, Validator validate, QWidget *parent)
        : ParamEditor(row, parent), m_validate(std::move(validate)), m_edit(new QLineEdit(this)),
          m_error(new ErrorLine(this))
    {
        m_edit->setPlaceholderText(row.defaultText);
        auto *layout = bareLayout<QVBoxLayout>(this);
        layout->addWidget(m_edit);
        layout->addWidget(m_error);
        connect(m_edit, &QLineEdit::textEdited, this, &TextEditor::check);
        connect(m_edit, &QLineEdit::editingFinished, this, [this] {
            if (m_edit->text() != m_shown && check())
                Q_EMIT edited({m_edit->text()}, false);
        });
    }

    void showValue(const ParamValue &value) override
    {
        m_shown = valueText(value);
        if (m_edit->text() != m_shown) {
            m_edit->setText(m_shown);
            m_edit->setCursorPosition(0); // a long list shows its start
        }
        m_error->report({});
    }

private:
    bool check() { return m_error->report(m_validate({m_edit->text()})); }

    Validator m_validate;
    QLineEdit *m_edit;
    ErrorLine *m_error;
    QString m_shown;
};

// A repeatable list (the allow-listed app ids): one item per value, with its application's name.
class ListEditor final : public ParamEditor {
public:
    ListEditor(const ParamRow &row, Validator validate, QWidget *parent)
        : ParamEditor(row, parent), m_validate(std::move(validate)), m_list(new QListWidget(this)),
          m_input(new QLineEdit(this)), m_remove(new QPushButton(tr("Remove"), this)), m_error(new ErrorLine(this))
    {
        auto *add = new QPushButton(tr("Add"), this);
        m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
        m_list->setMaximumHeight(m_list->fontMetrics().height() * 5);
        m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_list->setTextElideMode(Qt::ElideMiddle); // the name first, then as much of the id as fits
        m_input->setPlaceholderText(tr("Application id(s) to leave uncounted"));
        m_remove->setEnabled(false);
        auto *grid = bareLayout<QGridLayout>(this);
        grid->addWidget(m_list, 0, 0, 1, 3);
        grid->addWidget(m_input, 1, 0);
        grid->addWidget(add, 1, 1);
        grid->addWidget(m_remove, 1, 2);
        grid->addWidget(m_error, 2, 0, 1, 3);
        connect(add, &QPushButton::clicked, this, &ListEditor::add);
        connect(m_input, &QLineEdit::returnPressed, this, &ListEditor::add);
        connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
        connect(m_remove, &QPushButton::clicked, this, &ListEditor::removeSelected);
    }

    void showValue(const ParamValue &value) override
    {
        QStringList shown;
        for (const std::string &item : valueAs<std::vector<std::string>>(value, {}))
            shown.append(model::toQString(item));
        if (shown == ids())
            return;
        m_list->clear();
        for (const QString &id : shown) {
            const QString name = model::wellKnownAppName(id);
            auto *item = new QListWidgetItem(name.isEmpty() ? id : QStringLiteral("%1 — %2").arg(name, id), m_list);
            item->setData(Qt::UserRole, id);
            item->setToolTip(item->text());
        }
    }

private:
    QStringList ids() const
    {
        QStringList out;
        for (int i = 0; i < m_list->count(); ++i)
            out.append(m_list->item(i)->data(Qt::UserRole).toString());
        return out;
    }

    // "none" is how the row spells the empty list, so it cannot be an item.
    QString refusal(const QString &id, const QStringList &list) const
    {
        if (row().emptyAsNone && id == QLatin1String("none"))
            return tr("“none” stands for the empty list: remove the items instead.");
        if (ids().contains(id))
            return tr("%1 is already in the list.").arg(id);
        return m_validate(list);
    }

    void add()
    {
        const QString id = m_input->text().trimmed();
        const QStringList list = ids() << id;
        if (id.isEmpty() || !m_error->report(refusal(id, list)))
            return;
        m_input->clear();
        Q_EMIT edited(list, false);
    }

    void removeSelected()
    {
        QStringList list = ids();
        for (const QListWidgetItem *item : m_list->selectedItems())
            list.removeOne(item->data(Qt::UserRole).toString());
        if (list.isEmpty() && row().emptyAsNone)
            list.append(QStringLiteral("none"));
        if (m_error->report(m_validate(list)))
            Q_EMIT edited(list, false);
    }

    Validator m_validate;
    QListWidget *m_list;
    QLineEdit *m_input;
    QPushButton *m_remove;
    ErrorLine *m_error;
};

// `now`: a date-time field and a scrubber over the loaded days. Scrubbing to day D runs the rule
// as scheduled the morning after: now = D + 1 day 00:05 UTC (defaultNow's convention).
class NowEditor final : public ParamEditor {
public:
    NowEditor(const ParamRow &row, QWidget *parent)
        : ParamEditor(row, parent), m_scrubber(new QSlider(Qt::Horizontal, this)), m_edit(new QDateTimeEdit(this)),
          m_day(new QLabel(this))
    {
        m_edit->setTimeSpec(Qt::UTC);
        m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        m_edit->setCalendarPopup(true);
        m_scrubber->setPageStep(7);
        auto *grid = bareLayout<QGridLayout>(this);
        grid->addWidget(m_scrubber, 0, 0);
        grid->addWidget(m_day, 0, 1);
        grid->addWidget(m_edit, 1, 0, 1, 2);
        setEnabled(false);
        connect(m_scrubber, &QSlider::valueChanged, this,
            [this](int day) { apply(m_firstDay + (day + 1) * engine::kTicksPerDay + 5 * engine::kTicksPerMinute); });
        connect(m_edit, &QDateTimeEdit::dateTimeChanged, this,
            [this](const QDateTime &t) { apply(t.toMSecsSinceEpoch() * 10'000); });
    }

    void showValue(const ParamValue &value) override
    {
        const std::string text = valueAs<std::string>(value, {});
        m_explicit = text.empty() ? std::nullopt : engine::parseIsoDateTime(text);
        show(m_explicit.value_or(m_scheduled));
    }

    void setDataRange(std::optional<Ticks> first, Ticks last, Ticks scheduled) override
    {
        m_hasRange = first.has_value();
        setEnabled(m_hasRange);
        if (!m_hasRange)
            return;
        m_firstDay = engine::startOfDay(*first);
        m_scheduled = scheduled;
        const Ticks lastDay = engine::startOfDay(last);
        // The scrubber spans the data; the field takes any instant (a --params file may name one outside).
        const QSignalBlocker blockScrubber(m_scrubber);
        m_scrubber->setRange(0, static_cast<int>((lastDay - m_firstDay) / engine::kTicksPerDay));
        show(m_explicit.value_or(m_scheduled));
    }

private:
    void apply(Ticks now)
    {
        show(now);
        Q_EMIT edited({model::formatTicks(now)}, true);
    }

    // The rule's axis ends at startofday(now): the day before is the one it evaluates.
    void show(Ticks now)
    {
        if (!m_hasRange)
            return;
        const Ticks evaluated = engine::startOfDay(now) - engine::kTicksPerDay;
        const QSignalBlocker blockScrubber(m_scrubber), blockEdit(m_edit);
        m_scrubber->setValue(static_cast<int>((evaluated - m_firstDay) / engine::kTicksPerDay));
        m_edit->setDateTime(model::ticksToDateTime(now));
        m_day->setText(tr("evaluates %1").arg(model::formatTicks(evaluated).left(10))); // the date part
    }

    QSlider *m_scrubber;
    QDateTimeEdit *m_edit;
    QLabel *m_day;
    Ticks m_firstDay = 0;
    Ticks m_scheduled = 0;
    std::optional<Ticks> m_explicit;
    bool m_hasRange = false;
};

} // namespace

ParamEditor::ParamEditor(ParamRow row, QWidget *parent) : QWidget(parent), m_row(std::move(row))
{
    setObjectName(m_row.option);
}

ParamEditor *createParamEditor(const ParamRow &row, ParamEditor::Validator validate, QWidget *parent)
{
    switch (row.type) {
    case engine::ParamType::Number: return new NumberEditor(row, parent);
    case engine::ParamType::Integer: return new IntegerEditor(row, parent);
    case engine::ParamType::Choice: return new ChoiceEditor(row, parent);
    case engine::ParamType::Flag: return new FlagEditor(row, parent);
    case engine::ParamType::DateTime: return new NowEditor(row, parent);
    case engine::ParamType::TextList:
    case engine::ParamType::Duration: break;
    }
    if (row.repeatable)
        return new ListEditor(row, std::move(validate), parent);
    return new TextEditor(row, std::move(validate), parent);
}

} // namespace kvt::ui
