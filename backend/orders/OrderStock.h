#pragma once

#include <QList>

#include "backend/catalog/Inventory.h"
#include "backend/orders/Order.h"
#include "backend/store/UnitOfWork.h"

namespace souk::orders {

/// What an order does to stock, one journal movement per line and step: reserve on create,
/// release on cancel or expiry, sell on payment. Each step is one guarded UPDATE of the level
/// (it refuses, rather than clamps, when stock is short) plus the journal row, in the caller's
/// unit of work. Writer thread only.
class OrderStock final
{
public:
    /// Holds `line.quantity` of the line's SKU; InsufficientStock naming `field` when short.
    static Status reserve(store::UnitOfWork& uow, Id orderId, Id locationId, const OrderLine& line,
                          const QString& field);
    /// Gives every line's hold back (cancelled or expired before payment).
    static Status release(store::UnitOfWork& uow, const Order& order);
    /// Turns every line's hold into a sale (paid).
    static Status sell(store::UnitOfWork& uow, const Order& order);
    /// Puts sold goods back on hand (an order cancelled after payment).
    static Status restock(store::UnitOfWork& uow, const Order& order);

private:
    static Status move(store::UnitOfWork& uow, Id orderId, Id locationId, const OrderLine& line,
                       catalog::MovementKind kind, qint64 onHandDelta, qint64 reservedDelta, const QString& field);
    /// The general step: the level read (locked on PostgreSQL), checked here, written back.
    static Status moveChecked(store::UnitOfWork& uow, Id orderId, Id locationId, const OrderLine& line,
                              catalog::MovementKind kind, qint64 onHandDelta, qint64 reservedDelta,
                              const QString& field);
    /// The movement's journal row.
    static Status journal(store::UnitOfWork& uow, Id orderId, Id locationId, const OrderLine& line,
                          catalog::MovementKind kind, qint64 onHandDelta, qint64 reservedDelta);
    /// PostgreSQL's one-statement step: true when moved, false when it must be decided by move.
    static Result<bool> moveInOne(store::UnitOfWork& uow, Id orderId, Id locationId, const OrderLine& line,
                                  catalog::MovementKind kind, qint64 onHandDelta, qint64 reservedDelta);
    static void recordMoved(store::UnitOfWork& uow, Id variantId, qint64 version, Id productId, qint64 productVersion);
};

} // namespace souk::orders
