#include "views/cluster/LiveChart.h"

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "models/common/Theme.h"
#include "views/common/PlotStyle.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr double WindowS = ClusterMonitor::KeepMs / 1000.0;
constexpr double ShortestS = 120;

QColor severityColour(ClusterAlert::Severity severity, const QPalette& palette)
{
    switch (severity) {
    case ClusterAlert::Severity::Critical:
        return theme::text(theme::Tone::Error, palette);
    case ClusterAlert::Severity::Warning:
        return theme::text(theme::Tone::Warning, palette);
    case ClusterAlert::Severity::Info:
        break;
    }
    return theme::text(theme::Tone::Success, palette);
}

} // namespace

LiveChart::LiveChart(const QString& objectName, QWidget* parent) : QWidget(parent)
{
    setObjectName(objectName);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(objectName + u"Plot"_s);
    m_plot->setMinimumSize(240, 170);
    m_plot->setAntialiasedElements(QCP::aeAll);
    m_plot->plotLayout()->insertRow(0);
    QFont bold = font();
    bold.setBold(true);
    m_title = new QCPTextElement(m_plot, QString(), bold);
    m_plot->plotLayout()->addElement(0, 0, m_title);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(u"HH:mm"_s);
    ticker->setDateTimeSpec(Qt::LocalTime);
    ticker->setTickCount(4);
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->ticker()->setTickCount(4);
    // the legend goes under the chart, in a row that wraps, where it hides no line
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(2, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(2, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(3);
    m_plot->legend->setMargins(QMargins(4, 0, 4, 5));
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setColumnSpacing(8);
    QFont small = font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() - 1));
    m_plot->legend->setFont(small);
    m_plot->legend->setIconSize(16, 8);
    m_plot->legend->setVisible(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    applyColours();
}

void LiveChart::setEmptyText(const QString& text)
{
    m_emptyText = text;
}

void LiveChart::setTitle(const QString& title)
{
    m_title->setText(title);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QColor LiveChart::colour(int index, const QPalette& palette)
{
    static const QColor light[] = {QColor(0x0b, 0x5c, 0xad), QColor(0xc2, 0x4e, 0x00), QColor(0x1e, 0x7b, 0x34),
                                   QColor(0x8e, 0x24, 0xaa), QColor(0x00, 0x69, 0x7a), QColor(0xa3, 0x1c, 0x3a)};
    static const QColor dark[] = {QColor(0x6c, 0xb6, 0xff), QColor(0xff, 0xb8, 0x5c), QColor(0x7e, 0xe0, 0x8f),
                                  QColor(0xd9, 0x9b, 0xff), QColor(0x5f, 0xd8, 0xe8), QColor(0xff, 0x8f, 0xa6)};
    const int i = index % 6;
    return theme::isDark(palette) ? dark[i] : light[i];
}

void LiveChart::draw(const QList<Line>& lines, const QList<ClusterAlert>& alerts, double nowS)
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    const QPalette& pal = palette();
    double top = 0;
    for (const Line& line : lines) {
        QCPGraph* graph = m_plot->addGraph();
        graph->setName(line.name);
        graph->setPen(QPen(colour(line.colour, pal), 1.6, line.style));
        graph->setData(line.points->x, line.points->y, true); // NaN is a gap: the node did not answer
        if (line.name.isEmpty())
            graph->removeFromLegend(); // told apart by its style, in the chart's title
        if (line.dots) // a second alone between gaps is a point, not a line
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3));
        for (double y : line.points->y) {
            if (std::isfinite(y))
                top = std::max(top, y);
        }
    }
    m_plot->legend->setVisible(!lines.isEmpty());
    for (const ClusterAlert& alert : alerts) {
        const double atS = double(alert.atMs) / 1000.0;
        if (atS < nowS - WindowS)
            continue;
        auto* mark = new QCPItemStraightLine(m_plot);
        mark->point1->setCoords(atS, 0);
        mark->point2->setCoords(atS, 1);
        mark->setPen(QPen(severityColour(alert.severity, pal), 1, Qt::DotLine));
        mark->setSelectable(false);
    }
    setTimeAxis(lines, nowS);
    bool anyValue = false;
    for (const Line& line : lines)
        anyValue = anyValue ||
                   std::any_of(line.points->y.begin(), line.points->y.end(), [](double y) { return std::isfinite(y); });
    if (!anyValue && !m_emptyText.isEmpty()) {
        auto* note = new QCPItemText(m_plot);
        note->position->setType(QCPItemPosition::ptAxisRectRatio);
        note->position->setCoords(0.5, 0.5);
        note->setText(m_emptyText);
        note->setColor(palette().color(QPalette::PlaceholderText));
        note->setSelectable(false);
    }
    // a little room under 0, so a line lying at 0 (no errors) shows above the axis, not hidden in it
    const double upper = top > 0 ? top * 1.15 : 1;
    m_plot->yAxis->setRange(-upper * 0.02, upper);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LiveChart::setTimeAxis(const QList<Line>& lines, double nowS)
{
    // a chart just opened shows two minutes, growing to the fifteen it keeps: not a line at the edge
    double firstS = nowS;
    for (const Line& line : lines) {
        if (!line.points->x.isEmpty())
            firstS = std::min(firstS, line.points->x.first());
    }
    const double spanS = std::clamp(nowS - firstS, ShortestS, WindowS);
    m_plot->xAxis->setRange(nowS - spanS, nowS);
    if (auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>())
    {
        // seconds while the span is short; as many labels as the width holds, so none touch
        const QString format = spanS < 300 ? u"HH:mm:ss"_s : u"HH:mm"_s;
        const int labelPx =
            QFontMetrics(m_plot->xAxis->tickLabelFont()).horizontalAdvance(u"00:00:00"_s.left(format.size()));
        ticker->setDateTimeFormat(format);
        ticker->setTickStepStrategy(QCPAxisTicker::tssMeetTickCount);
        ticker->setTickCount(std::clamp(m_plot->axisRect()->width() / std::max(1, labelPx * 2), 2, 6));
    }
}

void LiveChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

void LiveChart::applyColours()
{
    const QPalette& pal = palette();
    stylePlot(m_plot, pal);
    m_title->setTextColor(pal.color(QPalette::Text));
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setTextColor(pal.color(QPalette::Text));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace souk
