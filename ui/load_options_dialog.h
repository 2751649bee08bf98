// SPDX-License-Identifier: MIT
// How inputs are read: the GUI's form of --input-format, --columns and --utc-offset.
#pragma once

#include <QDialog>

#include "engine/ingest/loader.h"

QT_BEGIN_NAMESPACE
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
QT_END_NAMESPACE

namespace kvt::ui {

/// Edits a copy of the load options; @ref options is valid after Accepted. OK is disabled while a
/// field does not parse, and says "Reload" when data is loaded (the options apply by reading again).
class LoadOptionsDialog : public QDialog {
    Q_OBJECT
public:
    LoadOptionsDialog(const engine::LoadOptions &options, bool dataLoaded, QWidget *parent = nullptr);

    engine::LoadOptions options() const;

    QComboBox *formatBox() const { return m_format; }
    QLineEdit *columnsEdit() const { return m_columns; }
    QLineEdit *offsetEdit() const { return m_offset; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void validate();

    engine::LoadOptions m_base;
    QComboBox *m_format;
    QLineEdit *m_columns;
    QLineEdit *m_offset;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace kvt::ui
