#include "backend/orders/OrderStock.h"

#include <QSqlQuery>

#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;
using souk::catalog::MovementKind;

namespace souk::orders {

Status OrderStock::reserve(store::UnitOfWork& uow, Id orderId, Id locationId, const OrderLine& line,
                           const QString& field)
{
    return move(uow, orderId, locationId, line, MovementKind::Reserved, 0, line.quantity, field);
}

Status OrderStock::release(store::UnitOfWork& uow, const Order& order)
{
    for (int i = 0; i < order.lines.size(); ++i) {
        const OrderLine& line = order.lines[i];
        if (auto s = move(uow, order.id, order.locationId, line, MovementKind::Released, 0, -line.quantity,
                          u"lines[%1].quantity"_s.arg(i));
            !s)
            return s;
    }
    return {};
}

Status OrderStock::sell(store::UnitOfWork& uow, const Order& order)
{
    for (int i = 0; i < order.lines.size(); ++i) {
        const OrderLine& line = order.lines[i];
        if (auto s = move(uow, order.id, order.locationId, line, MovementKind::Sold, -line.quantity, -line.quantity,
                          u"lines[%1].quantity"_s.arg(i));
            !s)
            return s;
    }
    return {};
}

Status OrderStock::restock(store::UnitOfWork& uow, const Order& order)
{
    for (int i = 0; i < order.lines.size(); ++i) {
        const OrderLine& line = order.lines[i];
        if (auto s = move(uow, order.id, order.locationId, line, MovementKind::Returned, line.quantity, 0,
                          u"lines[%1].quantity"_s.arg(i));
            !s)
            return s;
    }
    return {};
}

Status OrderStock::move(store::UnitOfWork& uow, Id orderId, Id locationId, const OrderLine& line,
                        MovementKind kind, qint64 onHandDelta, qint64 reservedDelta, const QString& field)
{
    // The guard keeps on hand, reserved and available from going negative: a step that would
    // is refused, never clamped. A SKU with no level row has nothing on hand to hold or sell.
    store::Statement& up = uow.statement(
        u"UPDATE stock_levels SET on_hand = on_hand + ?, reserved = reserved + ?, version = version + 1 "
        "WHERE variant_id = ? AND location_id = ? AND on_hand + ? >= 0 AND reserved + ? >= 0 "
        "AND (on_hand + ?) - (reserved + ?) >= 0 "
        "RETURNING version, (SELECT product_id FROM variants WHERE id = ?), "
        "(SELECT p.version FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?)"_s);
    const QVariantList binds{onHandDelta, reservedDelta, line.variantId.value, locationId.value, onHandDelta,
                             reservedDelta, onHandDelta, reservedDelta, line.variantId.value, line.variantId.value};
    for (int i = 0; i < binds.size(); ++i)
        up.bindValue(i, binds[i]);
    if (auto s = store::exec(up, u"moving stock for an order"_s); !s)
        return s;
    if (!up.next()) {
        return Error{ErrorCode::InsufficientStock,
                     u"not enough %1 available for this step"_s.arg(line.sku), field};
    }
    const qint64 version = up.value(0).toLongLong();
    const Id productId{up.value(1).toLongLong()};
    const qint64 productVersion = up.value(2).toLongLong();
    up.finish();
    store::Statement& ins = uow.statement(
        u"INSERT INTO stock_movements (id, variant_id, location_id, kind, on_hand_delta, reserved_delta, reason, "
        "reference, actor, at_ms) VALUES (?, ?, ?, ?, ?, ?, 'order', ?, ?, ?)"_s);
    ins.bindValue(0, uow.newId().value);
    ins.bindValue(1, line.variantId.value);
    ins.bindValue(2, locationId.value);
    ins.bindValue(3, int(kind));
    ins.bindValue(4, onHandDelta);
    ins.bindValue(5, reservedDelta);
    ins.bindValue(6, orderId.toString());
    ins.bindValue(7, uow.actor().toString());
    ins.bindValue(8, uow.nowMs());
    if (auto s = store::exec(ins, u"journalling an order's stock movement"_s); !s)
        return s;
    uow.recordChange(u"stock"_s, line.variantId, version, ChangeOp::Updated);
    // the catalog table shows stock in product rows: tell it which product's summary moved
    uow.recordChange(u"product"_s, productId, productVersion, ChangeOp::Updated);
    return {};
}

} // namespace souk::orders
