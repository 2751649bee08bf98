// SPDX-License-Identifier: MIT
// The overview of all keys: a heat strip of keys by bins coloured by score, most urgent keys on top,
// to spot the outliers at a glance and click through to one.
#pragma once

#include <QImage>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

#include "engine/core/ticks.h"
#include "model/heat_strip_builder.h"

namespace kvt::model {
class AnalysisSession;
struct RuleResults;
} // namespace kvt::model

namespace kvt::ui {

/// Follows the session's results and selection. Each cell is a key's score on a bin on a diverging
/// scale (drops blue, rises red, |score| beyond the threshold saturated); with more keys than pixel
/// rows a row holds several keys and shows their most extreme score. A narrow gutter shows each
/// row's status; the selected key's row is outlined. A click selects the key and bin whose score
/// colours the cell. The cells are painted once into a cached image, rebuilt only on new results,
/// a resize or a palette change, so a repaint is one image copy. GUI thread only.
class HeatStrip : public QWidget {
    Q_OBJECT
public:
    explicit HeatStrip(model::AnalysisSession *session, QWidget *parent = nullptr);
    ~HeatStrip() override;

    // Inspection (tests; positions in widget coordinates).
    /// Rows drawn at the current size: keys, or buckets of keys.
    int rowCount() const { return data() ? data()->rowCount() : 0; }
    /// Columns drawn: bins, or buckets of bins.
    int columnCount() const { return data() ? data()->columnCount() : 0; }
    QRect cellRect(int row, int column) const { return layout().cellRect(row, column); } ///< empty when out of range
    /// The key whose score colours the cell under @p pos (the row's key, or a bucket's strongest);
    /// empty outside the cells.
    QString keyAt(const QPoint &pos) const;
    /// Start (UTC ticks) of the bin whose score colours the cell under @p pos.
    std::optional<engine::Ticks> binAt(const QPoint &pos) const;

    /// What a click does: selects keyAt(@p pos) and binAt(@p pos) in the session.
    void activateAt(const QPoint &pos);

    QSize sizeHint() const override { return {480, 120}; }
    QSize minimumSizeHint() const override { return {120, fontMetrics().height() * 2 + 16}; }

protected:
    bool event(QEvent *e) override;
    void paintEvent(QPaintEvent *e) override;
    void resizeEvent(QResizeEvent *e) override;
    void mousePressEvent(QMouseEvent *e) override;
    void changeEvent(QEvent *e) override;

private:
    /// Where rows and columns fall, computed once per paint or query: rows fill the cell area from
    /// its top, up to kMaxRowHeight each (a few keys still read as rows, not as blocks); columns
    /// always fill its width.
    struct Layout {
        static constexpr int kMaxRowHeight = 14;
        QRect cells;
        int rows = 0;
        int columns = 0;
        int rowsExtent = 0; ///< pixels the rows take from the top of the cell area

        int rowTop(int row) const
        {
            return cells.top() + (rows > 0 ? model::heatStripBucketStart(row, rowsExtent, rows) : 0);
        }
        int columnLeft(int column) const
        {
            return cells.left() + (columns > 0 ? model::heatStripBucketStart(column, cells.width(), columns) : 0);
        }
        int rowAt(int y) const
        {
            const int offset = y - cells.top();
            return offset >= 0 && offset < rowsExtent ? model::heatStripBucketOf(offset, rowsExtent, rows) : -1;
        }
        int columnAt(int x) const
        {
            const int offset = x - cells.left();
            const bool inside = offset >= 0 && offset < cells.width() && columns > 0;
            return inside ? model::heatStripBucketOf(offset, cells.width(), columns) : -1;
        }
        QRect cellRect(int row, int column) const
        {
            if (row < 0 || row >= rows || column < 0 || column >= columns)
                return {};
            const int left = columnLeft(column), top = rowTop(row);
            return {left, top, columnLeft(column + 1) - left, rowTop(row + 1) - top};
        }
    };

    void onResults();
    void invalidate();
    const model::HeatStripData *data() const; ///< built for the current size on first use
    model::HeatStripKeys orderedKeys() const;
    QRect cellsRect() const;
    Layout layout() const;
    const model::HeatStripCell *cellAt(const QPoint &pos, int *row = nullptr) const;
    int selectedRow() const;
    void renderImage() const;
    void paintCells(QPainter &p, const Layout &l) const;
    void paintStatusGutter(QPainter &p, const Layout &l) const;
    void paintLegend(QPainter &p, const Layout &l) const;
    void paintSelection(QPainter &p, const Layout &l) const;
    QString toolTipAt(const QPoint &pos) const;

    model::AnalysisSession *m_session;
    std::shared_ptr<const model::RuleResults> m_results; ///< keeps the series m_data indexes alive
    // Caches: the key order once per result; the strip and its image once per result and size.
    mutable std::optional<model::HeatStripKeys> m_keys;
    mutable std::vector<int> m_orderOfSeries; ///< series index -> ordered key index
    mutable std::optional<model::HeatStripData>
        m_data; ///< checked against the size on use (a hidden widget gets no resize event)
    mutable QImage m_image;
};

} // namespace kvt::ui
