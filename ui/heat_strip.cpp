// SPDX-License-Identifier: MIT
#include "ui/heat_strip.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>

#include "model/analysis_session.h"
#include "model/key_list_model.h"
#include "model/text_conversions.h"
#include "ui/series_palette.h"

namespace kvt::ui {
namespace {

constexpr int kStatusWidth = 5; ///< the status gutter left of the cells
constexpr int kGutter = kStatusWidth + 2;
constexpr int kLegendBar = 120; ///< legend scale width (px) from -threshold to +threshold

const QColor kRise(0xd3, 0x2f, 0x2f);
const QColor kDrop(0x19, 0x76, 0xd2);

QColor blend(const QColor &from, const QColor &to, double t)
{
    const auto mix = [t](int a, int b) { return a + static_cast<int>(std::lround((b - a) * t)); };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()), mix(from.blue(), to.blue()));
}

QColor shadeColor(int shade, const QColor &neutral)
{
    if (shade == 0)
        return neutral;
    const QColor &full = shade > 0 ? kRise : kDrop;
    const int level = std::abs(shade);
    return level > model::kHeatStripLevels ? full : blend(neutral, full, 0.7 * level / model::kHeatStripLevels);
}

QString binText(engine::Ticks start, engine::Ticks step)
{
    const bool days = step > 0 && step % engine::kTicksPerDay == 0;
    return model::ticksToDateTime(start).toString(
               days ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd HH:mm"))
        + QStringLiteral(" UTC");
}

} // namespace

HeatStrip::HeatStrip(model::AnalysisSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setAttribute(Qt::WA_OpaquePaintEvent); // the cached image covers every pixel
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setToolTip(tr("Overview of all keys by bin, coloured by score; click a cell to select its key and bin"));
    connect(session, &model::AnalysisSession::resultsChanged, this, &HeatStrip::onResults);
    connect(session, &model::AnalysisSession::datasetChanged, this, &HeatStrip::onResults);
    connect(session, &model::AnalysisSession::selectionChanged, this, [this] { update(); });
    onResults();
}

HeatStrip::~HeatStrip() = default;

void HeatStrip::onResults()
{
    m_results = m_session->results();
    m_keys.reset();
    m_orderOfSeries.clear();
    invalidate();
}

void HeatStrip::invalidate()
{
    m_data.reset();
    m_image = QImage();
    update();
}

const model::HeatStripData *HeatStrip::data() const
{
    if (!m_results)
        return nullptr;
    const engine::SentinelResult &result = m_results->sentinel;
    if (!m_keys) {
        m_keys = orderedKeys();
        m_orderOfSeries.assign(result.series.size(), -1);
        for (std::size_t k = 0; k < m_keys->series.size(); ++k)
            m_orderOfSeries[m_keys->series[k]] = static_cast<int>(k);
    }
    // One row per pixel row at most, one column per pixel column: what cannot be seen is merged.
    // Rebuilt only when that grid changes, so widening a strip that has room for every bin reuses it.
    const QRect cells = cellsRect();
    const int rows = std::min(static_cast<int>(m_keys->series.size()), std::max(1, cells.height()));
    const int columns = std::min(static_cast<int>(result.axis.bins), std::max(1, cells.width()));
    if (!m_data || m_data->rowCount() != rows || m_data->columnCount() != columns) {
        m_data = model::buildHeatStrip(result, *m_keys, rows, columns);
        m_image = QImage();
    }
    return &*m_data;
}

// The keys list summarised these results already (summarizeKeys walks every bin of every key):
// reuse its summaries when it shows the same results.
model::HeatStripKeys HeatStrip::orderedKeys() const
{
    const model::KeyListModel *list = m_session->keyListModel();
    if (list->results() != m_results)
        return model::orderHeatStripKeys(m_results->sentinel);
    std::vector<engine::KeySummary> summaries;
    summaries.reserve(static_cast<std::size_t>(list->rowCount()));
    for (int row = 0; row < list->rowCount(); ++row)
        summaries.push_back(list->summary(row));
    return model::orderHeatStripKeys(summaries);
}

QRect HeatStrip::cellsRect() const
{
    const int legend = fontMetrics().height() + 6;
    return {kGutter, 0, std::max(0, width() - kGutter), std::max(0, height() - legend)};
}

HeatStrip::Layout HeatStrip::layout() const
{
    Layout l;
    l.cells = cellsRect();
    if (const auto *d = data()) {
        l.rows = d->rowCount();
        l.columns = d->columnCount();
    }
    l.rowsExtent = std::min(l.cells.height(), l.rows * Layout::kMaxRowHeight);
    return l;
}

const model::HeatStripCell *HeatStrip::cellAt(const QPoint &pos, int *row) const
{
    const auto *d = data();
    if (!d)
        return nullptr;
    const Layout l = layout();
    const int r = l.rowAt(pos.y()), c = l.columnAt(pos.x());
    if (r < 0 || c < 0 || d->cell(r, c).key < 0)
        return nullptr;
    if (row)
        *row = r;
    return &d->cell(r, c);
}

QString HeatStrip::keyAt(const QPoint &pos) const
{
    const auto *cell = cellAt(pos);
    return cell ? model::heatStripKeyName(m_results->sentinel, *m_data, cell->key) : QString();
}

std::optional<engine::Ticks> HeatStrip::binAt(const QPoint &pos) const
{
    const auto *cell = cellAt(pos);
    if (!cell)
        return std::nullopt;
    return m_results->sentinel.axis.binStart(static_cast<std::size_t>(cell->bin));
}

void HeatStrip::activateAt(const QPoint &pos)
{
    const QString key = keyAt(pos);
    const auto bin = binAt(pos);
    if (!key.isEmpty() && bin)
        m_session->selectBin(key, *bin);
}

int HeatStrip::selectedRow() const
{
    const QString &key = m_session->selection().key;
    const auto *d = key.isEmpty() ? nullptr : data();
    if (!d)
        return -1;
    // The rule's series are sorted by key: a binary search, no per-result index of 10,000 strings.
    const auto &series = m_results->sentinel.series;
    const std::string wanted = key.toStdString();
    const auto it = std::lower_bound(series.begin(), series.end(), wanted,
        [](const engine::ScoredSeries &s, const std::string &k) { return s.key < k; });
    if (it == series.end() || it->key != wanted)
        return -1;
    return d->rowOfKey(m_orderOfSeries[static_cast<std::size_t>(it - series.begin())]);
}

void HeatStrip::renderImage() const
{
    const qreal dpr = devicePixelRatioF();
    m_image = QImage(size() * dpr, QImage::Format_ARGB32_Premultiplied);
    m_image.setDevicePixelRatio(dpr);
    m_image.fill(palette().color(QPalette::Window));
    QPainter p(&m_image);
    const Layout l = layout();
    paintStatusGutter(p, l);
    paintCells(p, l);
    paintLegend(p, l);
}

void HeatStrip::paintCells(QPainter &p, const Layout &l) const
{
    const model::HeatStripData &d = *data();
    const QColor neutral = palette().color(QPalette::Base);
    std::array<QColor, 2 * model::kHeatStripLevels + 3> colors;
    for (int shade = -(model::kHeatStripLevels + 1); shade <= model::kHeatStripLevels + 1; ++shade)
        colors[static_cast<std::size_t>(shade + model::kHeatStripLevels + 1)] = shadeColor(shade, neutral);
    const auto shadeAt = [&d](int row, int column) {
        const model::HeatStripCell &cell = d.cell(row, column);
        return cell.key < 0 ? 0 : model::heatStripShade(cell.score, cell.flag, d.threshold);
    };
    // Equal shades next to each other are one fill: a quiet row is a handful of rectangles.
    for (int row = 0; row < d.rowCount(); ++row) {
        const int top = l.rowTop(row), height = l.rowTop(row + 1) - top;
        for (int column = 0; column < d.columnCount();) {
            const int shade = shadeAt(row, column);
            int end = column + 1;
            while (end < d.columnCount() && shadeAt(row, end) == shade)
                ++end;
            const int left = l.columnLeft(column);
            p.fillRect(left, top, l.columnLeft(end) - left, height,
                colors[static_cast<std::size_t>(shade + model::kHeatStripLevels + 1)]);
            column = end;
        }
    }
}

void HeatStrip::paintStatusGutter(QPainter &p, const Layout &l) const
{
    const model::HeatStripData &d = *data();
    for (int row = 0; row < d.rowCount();) {
        const engine::KeyStatus status = d.rows[static_cast<std::size_t>(row)].status;
        int end = row + 1;
        while (end < d.rowCount() && d.rows[static_cast<std::size_t>(end)].status == status)
            ++end;
        if (status != engine::KeyStatus::Quiet)
            p.fillRect(0, l.rowTop(row), kStatusWidth, l.rowTop(end) - l.rowTop(row), keyStatusColor(status));
        row = end;
    }
}

// "-3 [blue .. neutral .. red] +3  score; beyond ±3 flagged (saturated) · 10,000 keys, up to 50 a row"
void HeatStrip::paintLegend(QPainter &p, const Layout &l) const
{
    const model::HeatStripData &d = *data();
    const QFontMetrics fm = fontMetrics();
    const int top = l.cells.bottom() + 4, h = fm.height();
    const QColor neutral = palette().color(QPalette::Base);
    p.setPen(palette().color(QPalette::WindowText));
    const QString low = QString::number(-d.threshold), high = QString::number(d.threshold);
    int x = kGutter;
    p.drawText(QRect(x, top, fm.horizontalAdvance(low), h), Qt::AlignVCenter, low);
    x += fm.horizontalAdvance(low) + 4;
    // The bar reads the same scale the cells use, saturated ends included.
    const int ends = 8;
    for (int i = 0; i < kLegendBar; ++i) {
        const double score = (2.0 * i / (kLegendBar - 1) - 1) * d.threshold;
        p.fillRect(x + ends + i, top + 2, 1, h - 4, shadeColor(model::heatStripShade(score, 0, d.threshold), neutral));
    }
    p.fillRect(x, top + 2, ends, h - 4, kDrop);
    p.fillRect(x + ends + kLegendBar, top + 2, ends, h - 4, kRise);
    x += kLegendBar + 2 * ends + 4;
    p.drawText(QRect(x, top, fm.horizontalAdvance(high), h), Qt::AlignVCenter, high);
    x += fm.horizontalAdvance(high) + 8;
    QString caption = tr("score: drops blue, rises red, beyond the threshold ±%1 flagged").arg(d.threshold);
    caption += QStringLiteral(" · ") + tr("%n key(s)", nullptr, d.keyCount());
    if (d.rowCount() < d.keyCount())
        caption += QStringLiteral(", ")
            + tr("up to %n key(s) a row (a row shows its strongest score)", nullptr,
                (d.keyCount() + d.rowCount() - 1) / d.rowCount());
    p.drawText(QRect(x, top, std::max(0, width() - x), h), Qt::AlignVCenter,
        fm.elidedText(caption, Qt::ElideRight, width() - x));
}

void HeatStrip::paintSelection(QPainter &p, const Layout &l) const
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const int top = l.rowTop(row), bottom = l.rowTop(row + 1);
    p.setPen(palette().color(QPalette::Highlight));
    p.setBrush(Qt::NoBrush);
    // Just outside the row above and below, so even a one-pixel row stays visible inside it.
    p.drawRect(l.cells.left(), top - 1, l.cells.width() - 1, bottom - top + 1);
    const auto &bin = m_session->selection().bin;
    const auto &axis = m_results->sentinel.axis;
    if (!bin || axis.step <= 0 || *bin < axis.from || *bin >= axis.end())
        return;
    const int column = m_data->columnOfBin(static_cast<int>((*bin - axis.from) / axis.step));
    p.setPen(palette().color(QPalette::WindowText));
    const QRect cell = l.cellRect(row, column);
    p.drawRect(cell.adjusted(0, -1, -1, 0));
}

void HeatStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const auto *d = data();
    if (!d || d->rowCount() == 0) {
        p.fillRect(rect(), palette().color(QPalette::Window));
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
            d ? tr("No key has a series in the look-back window.")
              : tr("The overview of all keys appears once the rule has scored the data."));
        return;
    }
    if (m_image.isNull() || m_image.size() != size() * devicePixelRatioF())
        renderImage();
    p.drawImage(0, 0, m_image);
    paintSelection(p, layout());
}

QString HeatStrip::toolTipAt(const QPoint &pos) const
{
    int row = -1;
    const auto *cell = cellAt(pos, &row);
    if (!cell)
        return {};
    const model::HeatStripData &d = *m_data;
    const engine::SentinelResult &r = m_results->sentinel;
    const auto &series = r.series[d.keys.series[static_cast<std::size_t>(cell->key)]];
    const auto bin = static_cast<std::size_t>(cell->bin);
    QStringList lines {QString::fromStdString(series.key),
        tr("Bin: %1").arg(binText(r.axis.binStart(bin), r.axis.step)),
        tr("Score: %1").arg(QString::number(cell->score, 'f', 6))
            + (cell->flag > 0        ? tr(" (rise, flagged)")
                    : cell->flag < 0 ? tr(" (drop, flagged)")
                                     : QString()),
        tr("Count: %1").arg(bin < series.counts.size() ? series.counts[bin] : 0),
        tr("Status: %1").arg(model::keyStatusText(d.keys.status[static_cast<std::size_t>(cell->key)]))};
    const model::HeatStripRow &hr = d.rows[static_cast<std::size_t>(row)];
    if (hr.keyCount > 1)
        lines << tr(
            "This row holds %n key(s) (ranks %1 to %2 by urgency) and shows the strongest score.", nullptr, hr.keyCount)
                     .arg(hr.firstKey + 1)
                     .arg(hr.firstKey + hr.keyCount);
    return lines.join(QLatin1Char('\n'));
}

bool HeatStrip::event(QEvent *e)
{
    if (e->type() != QEvent::ToolTip)
        return QWidget::event(e);
    auto *help = static_cast<QHelpEvent *>(e);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty()) {
        QToolTip::showText(help->globalPos(), toolTip(), this); // the strip's own description
        return true;
    }
    const Layout l = layout();
    QToolTip::showText(
        help->globalPos(), text, this, l.cellRect(l.rowAt(help->pos().y()), l.columnAt(help->pos().x())));
    return true;
}

void HeatStrip::resizeEvent(QResizeEvent *e)
{
    QWidget::resizeEvent(e);
    // The image only: data() keeps the strip when the new size holds the same rows and columns.
    m_image = QImage();
    update();
}

void HeatStrip::mousePressEvent(QMouseEvent *e)
{
    if (e->button() == Qt::LeftButton)
        activateAt(e->position().toPoint());
    else
        QWidget::mousePressEvent(e);
}

void HeatStrip::changeEvent(QEvent *e)
{
    QWidget::changeEvent(e);
    // Colours and the legend's height come from the palette and the font.
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::FontChange)
        invalidate();
}

} // namespace kvt::ui
