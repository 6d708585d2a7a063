#pragma once

#include <QIcon>

namespace souk::inventory {

/// The amber warning triangle shown beside low stock. Drawn once in code (no theme needed); an
/// empty icon when no QGuiApplication exists (model tests run without one). GUI thread.
QIcon lowStockIcon();

} // namespace souk::inventory
