#pragma once

#include <QPalette>

class QCustomPlot;

namespace souk {

/// A QCustomPlot on the palette: the base as background, axes, ticks and labels in the text colour,
/// a faint grid, the legend framed by the grid's colour. Charts call it again on a palette change.
void stylePlot(QCustomPlot* plot, const QPalette& palette);

/// The grid's colour on `palette`: the text colour, faint (a little less faint on dark).
QColor plotGridColour(const QPalette& palette);

} // namespace souk
