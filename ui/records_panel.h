// SPDX-License-Identifier: MIT
// The records behind a point, a cell, a key or an alert: a count, a quick filter, the table (sorted
// and filtered in the engine), copies as TSV or JSON, and the selected record's original text.
#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTableView;
QT_END_NAMESPACE

namespace kvt::engine {
class Dataset;
class LineLookup;
} // namespace kvt::engine

namespace kvt::model {
struct RecordSet;
class RecordTableModel;
} // namespace kvt::model

namespace kvt::ui {

/// Shows one record set at a time, handed in by whoever owns the selection (the main window).
/// GUI thread only.
class RecordsPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kFilterDebounceMs = 250;

    explicit RecordsPanel(QWidget *parent = nullptr);
    ~RecordsPanel() override;

    /// Shows @p records under @p title ("What make-series counted for 10.1.2.3 on 2026-11-22");
    /// null shows the empty state. The filter and the sort stay as the analyst set them.
    void setRecords(std::shared_ptr<const model::RecordSet> records, const QString &title);

    /// Copies the selected rows, in view order, to the clipboard.
    void copyTsv();
    void copyJson();

    model::RecordTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *countLabel() const { return m_count; }
    QLineEdit *filterEdit() const { return m_text; }
    QComboBox *keyFilter() const { return m_key; }
    QComboBox *operationFilter() const { return m_operation; }
    QComboBox *resultFilter() const { return m_result; }
    QLineEdit *fromEdit() const { return m_from; }
    QLineEdit *toEdit() const { return m_to; }
    QLabel *detailSource() const { return m_detailSource; }
    QPlainTextEdit *detailText() const { return m_detail; }
    bool isShowingEmptyState() const;

Q_SIGNALS:
    /// The analyst activated a row (double click, Enter): its record index into the set's dataset.
    void recordActivated(qulonglong recordIndex);

private:
    QWidget *createFilterRow();
    void setUpView();
    void fillValueFilters();
    void applyFilter();
    void showCount();
    void showDetail();
    void restoreCurrentRecord();
    void syncSortIndicator();
    void showColumnMenu(const QPoint &pos);
    std::vector<std::size_t> selectedRecords() const;

    model::RecordTableModel *m_model;
    QLabel *m_title;
    QLabel *m_count;
    QLineEdit *m_text;
    QComboBox *m_key;
    QComboBox *m_operation;
    QComboBox *m_result;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QTableView *m_view;
    QLabel *m_detailSource;
    QPlainTextEdit *m_detail;
    QAction *m_copyTsv;
    QAction *m_copyJson;
    QTimer m_debounce;
    std::shared_ptr<const engine::Dataset> m_linesData; ///< keeps the snapshot m_lines reads alive
    std::unique_ptr<engine::LineLookup> m_lines; ///< line starts found so far in its sources
    std::optional<std::size_t> m_currentRecord; ///< kept across the resets a sort or filter makes
};

} // namespace kvt::ui
