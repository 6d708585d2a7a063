#include "views/common/PlotStyle.h"

#include <qcustomplot.h>

#include "models/common/Theme.h"

namespace souk {

QColor plotGridColour(const QPalette& palette)
{
    QColor grid = palette.color(QPalette::Text);
    grid.setAlphaF(theme::isDark(palette) ? 0.18f : 0.14f);
    return grid;
}

void stylePlot(QCustomPlot* plot, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor grid = plotGridColour(palette);
    plot->setBackground(base);
    plot->axisRect()->setBackground(base);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(text, 1));
        axis->setTickPen(QPen(text, 1));
        axis->setSubTickPen(QPen(text, 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::SolidLine));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    plot->legend->setBrush(base);
    plot->legend->setBorderPen(QPen(grid, 1));
    plot->legend->setTextColor(text);
}

} // namespace souk
