#include "backend/catalog/InventoryService.h"

#include <QSqlQuery>

#include <algorithm>

#include "backend/catalog/Product.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

const QString LevelSql = uR"(SELECT v.id, l.id, l.name, v.sku, coalesce(s.on_hand, 0), coalesce(s.reserved, 0),
       v.low_stock_threshold, coalesce(s.version, 0)
FROM variants v JOIN locations l ON l.merchant_id = v.merchant_id
LEFT JOIN stock_levels s ON s.variant_id = v.id AND s.location_id = l.id )"_s;

StockLevel readLevel(const QSqlQuery& q)
{
    return StockLevel{Id{q.value(0).toLongLong()}, Id{q.value(1).toLongLong()}, q.value(2).toString(),
                      q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toLongLong(),
                      q.value(6).toLongLong(), q.value(7).toLongLong()};
}

Status validateAdjustment(const StockAdjustment& a)
{
    switch (a.kind) {
    case MovementKind::Received:
    case MovementKind::Returned:
        if (a.delta <= 0)
            return Error::invalid(u"quantity"_s, u"the quantity received or returned must be positive"_s);
        break;
    case MovementKind::Adjusted:
        if (a.delta == 0)
            return Error::invalid(u"quantity"_s, u"the adjustment must not be zero"_s);
        if (a.reason.trimmed().isEmpty())
            return Error::invalid(u"reason"_s, u"say why the stock is adjusted"_s);
        break;
    default:
        return Error::invalid(u"kind"_s, u"only receipts, adjustments and returns can be entered by hand"_s);
    }
    if (a.delta > Limits::QuantityMax || a.delta < -Limits::QuantityMax)
        return Error::invalid(u"quantity"_s, u"the quantity must be within ±%1"_s.arg(Limits::QuantityMax));
    if (a.reason.size() > Limits::ShortTextMax)
        return Error::invalid(u"reason"_s, u"at most %1 characters"_s.arg(Limits::ShortTextMax));
    return {};
}

} // namespace

Result<StockLevel> InventoryService::adjust(store::UnitOfWork& uow, const StockAdjustment& a)
{
    if (auto s = validateAdjustment(a); !s)
        return s.error();
    if (a.expectedVersion >= 0) {
        auto current = level(uow.db(), a.variantId, a.locationId);
        if (!current)
            return current.error();
        if (current->version != a.expectedVersion)
            return Error::versionConflict(u"quantity"_s, u"the stock changed since it was read"_s);
    }
    return move(uow, a.variantId, a.locationId, a.kind, a.delta, 0, a.reason.trimmed(), QString());
}

Result<StockLevel> InventoryService::move(store::UnitOfWork& uow, Id variantId, Id locationId, MovementKind kind,
                                          qint64 onHandDelta, qint64 reservedDelta, const QString& reason,
                                          const QString& reference, const QString& field)
{
    // other nodes move the same level on PostgreSQL: its row is locked before it is read (a
    // level not yet made is guarded by the version the write below expects)
    if (store::isPostgres(uow.db())) {
        store::Statement& lock =
            uow.statement(u"SELECT 1 FROM stock_levels WHERE variant_id = ? AND location_id = ? FOR UPDATE"_s);
        lock.bindValue(0, variantId.value);
        lock.bindValue(1, locationId.value);
        if (auto s = store::exec(lock, u"locking a stock level"_s); !s)
            return s.error();
        lock.finish();
    }
    auto current = level(uow.db(), variantId, locationId);
    if (!current)
        return current.error();
    StockLevel next = *current;
    next.onHand += onHandDelta;
    next.reserved += reservedDelta;
    if (next.onHand < 0)
        return Error::conflict(field, u"only %1 on hand at %2"_s.arg(current->onHand).arg(current->locationName));
    if (next.reserved < 0 || next.available() < 0)
        return Error::conflict(field, u"only %1 available at %2 (%3 reserved)"_s.arg(current->available())
                                          .arg(current->locationName)
                                          .arg(current->reserved));
    next.version = current->version + 1;
    store::Statement& ins = uow.statement(u"INSERT INTO stock_movements (id, variant_id, location_id, kind, on_hand_delta, "
                                   "reserved_delta, reason, reference, actor, at_ms) VALUES (?, ?, ?, ?, ?, ?, coalesce(?, ''), "
                                   "coalesce(?, ''), ?, ?)"_s);
    const QVariantList values = {uow.newId().value, variantId.value, locationId.value, int(kind), onHandDelta,
                                 reservedDelta, reason, reference, uow.actor().toString(), uow.nowMs()};
    for (int i = 0; i < values.size(); ++i)
        ins.bindValue(i, values[i]);
    if (auto s = store::exec(ins, u"journalling a stock movement"_s); !s)
        return s.error();
    store::Statement& up =
        uow.statement(u"INSERT INTO stock_levels (variant_id, location_id, on_hand, reserved, version) "
                      "VALUES (?,?,?,?,?) ON CONFLICT (variant_id, location_id) DO UPDATE SET "
                      "on_hand = excluded.on_hand, reserved = excluded.reserved, version = excluded.version "
                      "WHERE stock_levels.version = excluded.version - 1"_s);
    up.bindValue(0, variantId.value);
    up.bindValue(1, locationId.value);
    up.bindValue(2, next.onHand);
    up.bindValue(3, next.reserved);
    up.bindValue(4, next.version);
    if (auto s = store::exec(up, u"updating a stock level"_s); !s)
        return s.error();
    if (up.numRowsAffected() != 1) // another node made the level after it was read as none
        return Error::versionConflict(field, u"the stock changed while it was moved; try again"_s);
    uow.recordChange(u"stock"_s, variantId, next.version, ChangeOp::Updated);
    // the catalog table folds stock into product rows: tell it which product's summary moved
    // (the product itself, and so its version, did not change)
    store::Statement& owner = uow.statement(u"SELECT p.id, p.version FROM variants v JOIN products p ON p.id = v.product_id "
                                     "WHERE v.id = ?"_s);
    owner.bindValue(0, variantId.value);
    if (auto s = store::exec(owner, u"finding a variant's product"_s); !s)
        return s.error();
    if (owner.next())
        uow.recordChange(u"product"_s, Id{owner.value(0).toLongLong()}, owner.value(1).toLongLong(), ChangeOp::Updated);
    owner.finish();
    return next;
}

Result<QList<StockLevel>> InventoryService::levels(QSqlDatabase& db, Id productId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(LevelSql + u"WHERE v.product_id = ? ORDER BY v.position, l.id"_s);
    q.bindValue(0, productId.value);
    if (auto s = store::exec(q, u"reading stock levels"_s); !s)
        return s.error();
    QList<StockLevel> out;
    while (q.next())
        out.append(readLevel(q));
    return out;
}

Result<StockLevel> InventoryService::level(QSqlDatabase& db, Id variantId, Id locationId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(LevelSql + u"WHERE v.id = ? AND l.id = ?"_s);
    q.bindValue(0, variantId.value);
    q.bindValue(1, locationId.value);
    if (auto s = store::exec(q, u"reading a stock level"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(u"variantId"_s, u"no such SKU at this location"_s);
    return readLevel(q);
}

Result<QList<StockMovement>> InventoryService::movements(QSqlDatabase& db, Id variantId, int limit)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT m.id, m.variant_id, m.location_id, l.name, m.kind, m.on_hand_delta, m.reserved_delta, "
              "m.reason, m.actor, m.at_ms FROM stock_movements m JOIN locations l ON l.id = m.location_id "
              "WHERE m.variant_id = ? ORDER BY m.id DESC LIMIT ?"_s);
    q.bindValue(0, variantId.value);
    q.bindValue(1, std::clamp(limit, 1, MovementsLimitMax));
    if (auto s = store::exec(q, u"reading stock movements"_s); !s)
        return s.error();
    QList<StockMovement> out;
    while (q.next()) {
        out.append(StockMovement{Id{q.value(0).toLongLong()}, Id{q.value(1).toLongLong()},
                                 Id{q.value(2).toLongLong()}, q.value(3).toString(), MovementKind(q.value(4).toInt()),
                                 q.value(5).toLongLong(), q.value(6).toLongLong(), q.value(7).toString(),
                                 q.value(8).toString(), q.value(9).toLongLong()});
    }
    return out;
}

} // namespace souk::catalog
