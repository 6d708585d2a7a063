#pragma once

#include <QList>
#include <QSqlDatabase>

#include "backend/catalog/Inventory.h"
#include "backend/store/UnitOfWork.h"

namespace souk::catalog {

/// Stock as a journal: every change is a movement row, and stock_levels is its running sum,
/// updated in the same transaction. Quantities are never overwritten. Writes on the writer thread.
class InventoryService final
{
public:
    /// A hand adjustment (received, counted, returned), validated and journalled.
    static Result<StockLevel> adjust(store::UnitOfWork& uow, const StockAdjustment& adjustment);

    /// Appends one movement and updates the level; refuses to make on-hand or available negative.
    /// Used by adjust(), import and (later) orders. `field` names the quantity in errors.
    static Result<StockLevel> move(store::UnitOfWork& uow, Id variantId, Id locationId, MovementKind kind,
                                   qint64 onHandDelta, qint64 reservedDelta, const QString& reason,
                                   const QString& reference, const QString& field = QStringLiteral("quantity"));

    static Result<QList<StockLevel>> levels(QSqlDatabase& db, Id productId);
    static Result<StockLevel> level(QSqlDatabase& db, Id variantId, Id locationId);
    static Result<QList<StockMovement>> movements(QSqlDatabase& db, Id variantId, int limit);
    static constexpr int MovementsLimitMax = 5000;
};

} // namespace souk::catalog
