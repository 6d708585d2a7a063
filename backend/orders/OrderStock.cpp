#include "backend/orders/OrderStock.h"

#include <QSqlQuery>

#include "backend/core/Money.h"
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
        const QString field = u"lines[%1].quantity"_s.arg(i);
        auto back = checkedNegate(line.quantity, field); // a stored line is not trusted to be in range
        if (!back)
            return back.error();
        if (auto s = move(uow, order.id, order.locationId, line, MovementKind::Released, 0, *back, field); !s)
            return s;
    }
    return {};
}

Status OrderStock::sell(store::UnitOfWork& uow, const Order& order)
{
    for (int i = 0; i < order.lines.size(); ++i) {
        const OrderLine& line = order.lines[i];
        const QString field = u"lines[%1].quantity"_s.arg(i);
        auto out = checkedNegate(line.quantity, field);
        if (!out)
            return out.error();
        if (auto s = move(uow, order.id, order.locationId, line, MovementKind::Sold, *out, *out, field); !s)
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
    if (store::isPostgres(uow.db())) {
        auto moved = moveInOne(uow, orderId, locationId, line, kind, onHandDelta, reservedDelta);
        if (!moved)
            return moved.error();
        if (*moved)
            return {};
        // refused: the general step reads the level again and says why, in the same words
    }
    return moveChecked(uow, orderId, locationId, line, kind, onHandDelta, reservedDelta, field);
}

Status OrderStock::moveChecked(store::UnitOfWork& uow, Id orderId, Id locationId, const OrderLine& line,
                               MovementKind kind, qint64 onHandDelta, qint64 reservedDelta, const QString& field)
{
    // The level is read, checked here and written back under its version: no RETURNING, which
    // makes SQLite build a temporary table per statement. The check keeps on hand, reserved and
    // available from going negative: a step that would is refused, never clamped. A SKU with no
    // level row has nothing on hand to hold or sell.
    // On PostgreSQL other nodes move the same level: the row is locked as it is read, so this
    // waits for their commit and reads what they left.
    static const QString sqlite =
        u"SELECT s.on_hand, s.reserved, s.version, v.product_id, p.version FROM stock_levels s "
        "JOIN variants v ON v.id = s.variant_id JOIN products p ON p.id = v.product_id "
        "WHERE s.variant_id = ? AND s.location_id = ?"_s;
    static const QString postgres = sqlite + u" FOR UPDATE OF s"_s;
    store::Statement& read = uow.statement(store::dialect(uow.db(), sqlite, postgres));
    read.bindValue(0, line.variantId.value);
    read.bindValue(1, locationId.value);
    if (auto s = store::exec(read, u"reading stock for an order"_s); !s)
        return s;
    if (!read.next()) {
        return Error{ErrorCode::InsufficientStock, u"not enough %1 available for this step"_s.arg(line.sku), field};
    }
    auto onHand = checkedAdd(read.value(0).toLongLong(), onHandDelta, field);
    auto reserved = checkedAdd(read.value(1).toLongLong(), reservedDelta, field);
    const qint64 version = read.value(2).toLongLong() + 1;
    const Id productId{read.value(3).toLongLong()};
    const qint64 productVersion = read.value(4).toLongLong();
    read.finish();
    if (!onHand)
        return onHand.error();
    if (!reserved)
        return reserved.error();
    // on hand and reserved are both non-negative past the first two tests, so the difference fits
    if (*onHand < 0 || *reserved < 0 || *onHand < *reserved) {
        return Error{ErrorCode::InsufficientStock, u"not enough %1 available for this step"_s.arg(line.sku), field};
    }
    store::Statement& up = uow.statement(u"UPDATE stock_levels SET on_hand = ?, reserved = ?, version = ? "
                                         "WHERE variant_id = ? AND location_id = ? AND version = ?"_s);
    up.bindValue(0, *onHand);
    up.bindValue(1, *reserved);
    up.bindValue(2, version);
    up.bindValue(3, line.variantId.value);
    up.bindValue(4, locationId.value);
    up.bindValue(5, version - 1);
    if (auto s = store::exec(up, u"moving stock for an order"_s); !s)
        return s;
    if (up.numRowsAffected() != 1) // the row is the writer's (one writer, or locked): only a bug moves it
        return Error::internal(u"stock level of %1 changed while it was moved"_s.arg(line.sku));
    if (auto s = journal(uow, orderId, locationId, line, kind, onHandDelta, reservedDelta); !s)
        return s;
    recordMoved(uow, line.variantId, version, productId, productVersion);
    return {};
}

Status OrderStock::journal(store::UnitOfWork& uow, Id orderId, Id locationId, const OrderLine& line, MovementKind kind,
                           qint64 onHandDelta, qint64 reservedDelta)
{
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
    return store::exec(ins, u"journalling an order's stock movement"_s);
}

Result<bool> OrderStock::moveInOne(store::UnitOfWork& uow, Id orderId, Id locationId, const OrderLine& line,
                                   MovementKind kind, qint64 onHandDelta, qint64 reservedDelta)
{
    // PostgreSQL only: the guarded UPDATE and the journal row in one statement, one round trip
    // where the general step takes three. Its guard is the general step's check in numeric, which
    // cannot overflow. Under read committed the UPDATE waits for another node's lock on the level
    // and tests the guard again on what that node committed. No row: refused, or no level row.
    static const QString sql =
        u"WITH up AS (UPDATE stock_levels s SET on_hand = s.on_hand + CAST(? AS BIGINT), "
        "reserved = s.reserved + CAST(? AS BIGINT), version = s.version + 1 "
        "FROM variants v JOIN products p ON p.id = v.product_id "
        "WHERE s.variant_id = CAST(? AS BIGINT) AND s.location_id = CAST(? AS BIGINT) "
        "AND v.id = s.variant_id AND CAST(s.on_hand AS NUMERIC) + CAST(? AS BIGINT) "
        "BETWEEN CAST(s.reserved AS NUMERIC) + CAST(? AS BIGINT) AND 9223372036854775807 "
        "AND CAST(s.reserved AS NUMERIC) + CAST(? AS BIGINT) >= 0 "
        "RETURNING s.version, v.product_id, p.version AS product_version), "
        "ins AS (INSERT INTO stock_movements (id, variant_id, location_id, kind, on_hand_delta, "
        "reserved_delta, reason, reference, actor, at_ms) SELECT CAST(? AS BIGINT), "
        "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS BIGINT), "
        "CAST(? AS BIGINT), 'order', CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT) FROM up) "
        "SELECT version, product_id, product_version FROM up"_s;
    store::Statement& q = uow.statement(sql);
    // the movement's id is taken even when the step is refused: a gap in ids, nothing more
    const QVariantList values = {
        onHandDelta,   reservedDelta,      line.variantId.value,   locationId.value, onHandDelta, reservedDelta,
        reservedDelta, uow.newId().value,  line.variantId.value,   locationId.value, int(kind),   onHandDelta,
        reservedDelta, orderId.toString(), uow.actor().toString(), uow.nowMs()};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (auto s = store::exec(q, u"moving stock for an order"_s); !s)
        return s.error();
    if (!q.next())
        return false;
    const qint64 version = q.value(0).toLongLong();
    const Id productId{q.value(1).toLongLong()};
    const qint64 productVersion = q.value(2).toLongLong();
    q.finish();
    recordMoved(uow, line.variantId, version, productId, productVersion);
    return true;
}

void OrderStock::recordMoved(store::UnitOfWork& uow, Id variantId, qint64 version, Id productId, qint64 productVersion)
{
    uow.recordChange(u"stock"_s, variantId, version, ChangeOp::Updated);
    // the catalog table shows stock in product rows: tell it which product's summary moved
    uow.recordChange(u"product"_s, productId, productVersion, ChangeOp::Updated);
}

} // namespace souk::orders
