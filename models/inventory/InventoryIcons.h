#pragma once

#include <QIcon>

namespace souk::inventory {

/// The amber warning triangle shown beside low stock, drawn in code for the palette in use: a
/// dark amber with a light mark on a light window, a light amber with a dark mark on a dark one
/// (a view asks again when it repaints after a palette change). An empty icon when no
/// QGuiApplication exists (model tests run without one). GUI thread.
QIcon lowStockIcon();

} // namespace souk::inventory
