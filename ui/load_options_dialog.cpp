// SPDX-License-Identifier: MIT
#include "ui/load_options_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "engine/ingest/load_option_text.h"
#include "model/text_conversions.h"

namespace kvt::ui {

LoadOptionsDialog::LoadOptionsDialog(const engine::LoadOptions &options, bool dataLoaded, QWidget *parent)
    : QDialog(parent), m_base(options), m_format(new QComboBox(this)), m_columns(new QLineEdit(this)),
      m_offset(new QLineEdit(this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Load options"));
    m_format->addItem(tr("Detect from content"), QString());
    for (const engine::InputFormat f : engine::forcibleInputFormats()) {
        const QString name = model::toQString(engine::formatName(f));
        m_format->addItem(name, name);
    }
    if (options.forcedFormat)
        m_format->setCurrentIndex(m_format->findData(model::toQString(engine::formatName(*options.forcedFormat))));

    QStringList columns;
    for (const auto &c : options.csv.columns)
        columns.append(model::toQString(c));
    m_columns->setText(columns.join(QLatin1Char(',')));
    m_columns->setPlaceholderText(tr("TimeGenerated,OperationName,CallerIPAddress,…"));
    m_columns->setToolTip(tr("Column names, comma-separated, for a CSV file without a header row "
                             "(a Kusto .export). Files with a header ignore them."));
    if (options.csv.localOffsetGiven)
        m_offset->setText(model::toQString(engine::formatUtcOffset(options.csv.localTimeOffset)));
    m_offset->setPlaceholderText(tr("+02:00"));
    m_offset->setToolTip(tr("Local time minus UTC of the machine that exported a CSV with [Local Time] "
                            "columns; empty reads them as UTC and says so."));
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Input &format:"), m_format);
    form->addRow(tr("CSV &column names:"), m_columns);
    form->addRow(tr("Local-time &offset:"), m_offset);
    form->addRow(m_problem);
    form->addRow(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(dataLoaded ? tr("Reload") : tr("OK"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_offset, &QLineEdit::textChanged, this, &LoadOptionsDialog::validate);
    validate();
}

void LoadOptionsDialog::validate()
{
    const QString offset = m_offset->text().trimmed();
    const bool ok = offset.isEmpty() || engine::parseUtcOffset(offset.toStdString()).has_value();
    m_problem->setText(ok ? QString() : tr("The offset is written ±HH:MM, for example +02:00 or -05:00."));
    m_problem->setVisible(!ok);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

engine::LoadOptions LoadOptionsDialog::options() const
{
    engine::LoadOptions o = m_base;
    const QString format = m_format->currentData().toString();
    o.forcedFormat = format.isEmpty() ? std::nullopt : engine::formatByName(format.toStdString());
    const QString columns = m_columns->text().trimmed();
    o.csv.columns = columns.isEmpty() ? std::vector<std::string>() : engine::parseColumnNames(columns.toStdString());
    const auto offset = engine::parseUtcOffset(m_offset->text().trimmed().toStdString());
    o.csv.localTimeOffset = offset.value_or(0);
    o.csv.localOffsetGiven = offset.has_value();
    return o;
}

} // namespace kvt::ui
