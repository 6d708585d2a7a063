#include "backend/orders/OrderService.h"

#include <limits>

#include <QSet>
#include <QSqlQuery>

#include "backend/catalog/Product.h"
#include "backend/catalog/ProductRows.h"
#include "backend/catalog/ProductValidator.h"
#include "backend/orders/OrderRows.h"
#include "backend/orders/OrderStateMachine.h"
#include "backend/orders/OrderStock.h"
#include "backend/orders/OrderTotals.h"
#include "backend/store/Connection.h"
#include "backend/store/LookupCache.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;
using souk::orders::rows::OrderColumns;
using souk::orders::rows::readOrder;

namespace souk::orders {
namespace {

using catalog::AmountLimits;
static_assert(OrderService::LinesMax <= AmountLimits::OrderLinesMax,
              "the price limit is sized for this many lines per order");
// the largest subtotal, doubled for a 100 % tax, still leaves room in int64 for the delivery fee
__extension__ static_assert(__int128(AmountLimits::PriceMinorMax) * AmountLimits::LineQuantityMax *
                                    AmountLimits::OrderLinesMax * 2 <
                                std::numeric_limits<qint64>::max() / 4,
                            "an order within the limits must total inside int64");

/// What a line's SKU resolves to in the catalog.
struct Sku
{
    Id variantId;
    QString title;
    qint64 priceMinor = 0;
    QString currency;
    catalog::ProductStatus status = catalog::ProductStatus::Draft;
};

Result<std::optional<Sku>> findSku(store::UnitOfWork& uow, Id merchantId, const QString& sku)
{
    // the writer's cache: a SKU's title, price and status only change with its rows
    store::LookupCache* cache = uow.lookups();
    const QString key = cache ? u"sku\x1f%1\x1f%2"_s.arg(merchantId.value).arg(sku) : QString();
    if (const QVariantList* hit = cache ? cache->find(key) : nullptr) {
        return std::optional<Sku>(Sku{Id{hit->at(0).toLongLong()}, hit->at(1).toString(), hit->at(2).toLongLong(),
                                      hit->at(3).toString(), catalog::ProductStatus(hit->at(4).toInt())});
    }
    store::Statement& q = uow.statement(u"SELECT v.id, p.title, v.option_values, v.price_minor, v.currency, p.status "
                                        "FROM variants v JOIN products p ON p.id = v.product_id "
                                        "WHERE v.merchant_id = ? AND v.sku = ?"_s);
    q.bindValue(0, merchantId.value);
    q.bindValue(1, sku);
    if (auto s = store::exec(q, u"looking up an order line's SKU"_s); !s)
        return s.error();
    if (!q.next())
        return std::optional<Sku>();
    Sku out{Id{q.value(0).toLongLong()}, q.value(1).toString(), q.value(3).toLongLong(), q.value(4).toString(),
            catalog::ProductStatus(q.value(5).toInt())};
    const QString options = q.value(2).toString();
    if (!options.isEmpty())
        out.title += u" — "_s + catalog::rows::splitList(options).join(u" / "_s);
    q.finish();
    if (cache)
        cache->insert(key, {out.variantId.value, out.title, out.priceMinor, out.currency, int(out.status)});
    return std::optional<Sku>(out);
}

/// Checks the request's shape before anything is read: quantities, duplicates, limits.
Status validateRequest(const NewOrder& r)
{
    if (r.lines.isEmpty())
        return Error::invalid(u"lines"_s, u"an order needs at least one line"_s);
    if (r.lines.size() > OrderService::LinesMax)
        return Error::invalid(u"lines"_s, u"at most %1 lines per order"_s.arg(OrderService::LinesMax));
    QSet<QString> seen;
    for (int i = 0; i < r.lines.size(); ++i) {
        const NewOrderLine& line = r.lines[i];
        const QString sku = catalog::normalizedIdentifier(line.sku); // as the catalog stores it
        if (sku.isEmpty())
            return Error::invalid(u"lines[%1].sku"_s.arg(i), u"the SKU is empty"_s);
        if (line.quantity <= 0)
            return Error::invalid(u"lines[%1].quantity"_s.arg(i), u"the quantity must be at least 1"_s);
        // bounded with the price limit, so price × quantity × lines always totals inside int64
        if (line.quantity > AmountLimits::LineQuantityMax)
            return Error::invalid(u"lines[%1].quantity"_s.arg(i),
                                  u"the quantity must be at most %1"_s.arg(AmountLimits::LineQuantityMax));
        if (seen.contains(sku))
            return Error::invalid(u"lines[%1].sku"_s.arg(i),
                                  u"SKU %1 appears twice; give one line per SKU"_s.arg(line.sku));
        seen.insert(sku);
    }
    if (r.deliveryFeeMinor && *r.deliveryFeeMinor < 0)
        return Error::invalid(u"deliveryFee"_s, u"the delivery fee must not be negative"_s);
    return {};
}

/// Resolves the lines to catalog SKUs: title and price snapshots, one currency.
Result<QList<OrderLine>> resolveLines(store::UnitOfWork& uow, const NewOrder& r, QString& currency)
{
    QList<OrderLine> lines;
    lines.reserve(r.lines.size());
    for (int i = 0; i < r.lines.size(); ++i) {
        const QString field = u"lines[%1].sku"_s.arg(i);
        const QString skuText = catalog::normalizedIdentifier(r.lines[i].sku);
        auto sku = findSku(uow, r.merchantId, skuText);
        if (!sku)
            return sku.error();
        if (!*sku)
            return Error::notFound(field, u"no SKU %1 in this store"_s.arg(skuText));
        const Sku& found = **sku;
        if (found.status != catalog::ProductStatus::Active)
            return Error::invalid(field, u"SKU %1 is not on sale (its product is not active)"_s.arg(skuText));
        if (currency.isEmpty())
            currency = found.currency;
        else if (found.currency != currency)
            return Error::invalid(field, u"SKU %1 is priced in %2 but the order is in %3; one currency per order"_s.arg(
                                             skuText, found.currency, currency));
        auto total = OrderTotals::lineTotal(found.priceMinor, r.lines[i].quantity);
        if (!total)
            return Error::overflow(u"lines[%1].quantity"_s.arg(i));
        lines.append(OrderLine{found.variantId, skuText, found.title, r.lines[i].quantity, found.priceMinor, *total});
    }
    return lines;
}

Result<std::optional<DiscountCode>> findDiscount(store::UnitOfWork& uow, Id merchantId, const QString& code)
{
    if (code.trimmed().isEmpty())
        return std::optional<DiscountCode>();
    store::Statement& q = uow.statement(u"SELECT kind, value FROM discount_codes WHERE merchant_id = ? AND code = ? "
                                        "AND active = 1"_s);
    q.bindValue(0, merchantId.value);
    q.bindValue(1, code.trimmed());
    if (auto s = store::exec(q, u"looking up a discount code"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(u"discountCode"_s, u"no active discount code %1"_s.arg(code.trimmed()));
    DiscountCode d{merchantId, code.trimmed(), DiscountKind(q.value(0).toInt()), q.value(1).toLongLong(), true};
    q.finish();
    return std::optional<DiscountCode>(d);
}

/// Who placed the order as the order keeps it: the customer's email and name.
struct Placer
{
    QString email;
    QString name;
};

Result<Placer> customerAndLocation(store::UnitOfWork& uow, const NewOrder& r, Id& locationId)
{
    store::LookupCache* cache = uow.lookups();
    const QString key = cache ? u"who\x1f%1\x1f%2"_s.arg(r.customerId.value).arg(r.merchantId.value) : QString();
    if (const QVariantList* hit = cache ? cache->find(key) : nullptr) {
        locationId = Id{hit->at(1).toLongLong()};
        return Placer{hit->at(0).toString(), hit->at(2).toString()};
    }
    store::Statement& c = uow.statement(u"SELECT email, name FROM customers WHERE id = ?"_s);
    c.bindValue(0, r.customerId.value);
    if (auto s = store::exec(c, u"reading the order's customer"_s); !s)
        return s.error();
    if (!c.next())
        return Error::notFound(u"customerId"_s, u"no such customer"_s);
    const Placer placer{c.value(0).toString(), c.value(1).toString()};
    c.finish();
    // the first location by id; min() walks the merchant's few rows (ORDER BY id would sort them)
    store::Statement& l = uow.statement(u"SELECT min(id) FROM locations WHERE merchant_id = ?"_s);
    l.bindValue(0, r.merchantId.value);
    if (auto s = store::exec(l, u"reading the merchant's stock location"_s); !s)
        return s.error();
    if (!l.next() || l.value(0).isNull())
        return Error::notFound(u"merchantId"_s, u"no such merchant, or it has no stock location"_s);
    locationId = Id{l.value(0).toLongLong()};
    l.finish();
    if (cache)
        cache->insert(key, {placer.email, locationId.value, placer.name});
    return placer;
}

/// The merchant's next order number, counted in a row of the same transaction as the order
/// (as payments count their provider calls), never in memory: a command undone (its savepoint,
/// or the whole batch) takes its number back with its order, and the next order gets it. So
/// several orders of one group commit count up one by one, and no number is given twice; the
/// unique index (merchant_id, number) refuses a second one should anything else try.
Result<qint64> nextNumber(store::UnitOfWork& uow, Id merchantId)
{
    store::Statement& q =
        uow.statement(u"INSERT INTO order_numbers (merchant_id, last_number) VALUES (?, ?) "
                      "ON CONFLICT (merchant_id) DO UPDATE SET last_number = order_numbers.last_number + 1 "
                      "RETURNING last_number"_s);
    q.bindValue(0, merchantId.value);
    q.bindValue(1, FirstOrderNumber);
    if (auto s = store::exec(q, u"numbering an order"_s); !s)
        return s.error();
    if (!q.next())
        return Error::internal(u"numbering an order returned no number"_s);
    const qint64 number = q.value(0).toLongLong();
    q.finish();
    return number;
}

Status insertOrder(store::UnitOfWork& uow, const Order& o)
{
    store::Statement& q =
        uow.statement(u"INSERT INTO orders (id, merchant_id, customer_id, location_id, status, "
                      "payment_state, currency, subtotal_minor, discount_minor, discount_code, tax_minor, "
                      "delivery_fee_minor, total_minor, customer_email, expires_ms, created_ms, updated_ms, "
                      "version, number, customer_name) "
                      "VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"_s);
    const QVariantList values{o.id.value,  o.merchantId.value, o.customerId.value, o.locationId.value,
                              o.currency,  o.subtotalMinor,    o.discountMinor,    store::nonNull(o.discountCode),
                              o.taxMinor,  o.deliveryFeeMinor, o.totalMinor,       store::nonNull(o.customerEmail),
                              o.expiresMs, o.createdMs,        o.updatedMs,        o.number,
                              store::nonNull(o.customerName)};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (auto s = store::exec(q, u"writing an order"_s); !s)
        return s;
    store::Statement& l =
        uow.statement(u"INSERT INTO order_lines (order_id, position, variant_id, sku, title, quantity, "
                      "unit_price_minor, line_total_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (int i = 0; i < o.lines.size(); ++i) {
        const OrderLine& line = o.lines[i];
        const QVariantList lv{
            o.id.value,         i, line.variantId.value, line.sku, line.title, line.quantity, line.unitPriceMinor,
            line.lineTotalMinor};
        for (int j = 0; j < lv.size(); ++j)
            l.bindValue(j, lv[j]);
        if (auto s = store::exec(l, u"writing an order line"_s); !s)
            return s;
    }
    return {};
}

Status insertEvent(store::UnitOfWork& uow, Id orderId, const QString& kind, std::optional<OrderStatus> from,
                   std::optional<OrderStatus> to, std::optional<qint64> amount, const QString& detail)
{
    store::Statement& q = uow.statement(u"INSERT INTO order_events (id, order_id, kind, from_status, to_status, "
                                        "amount_minor, detail, actor, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.bindValue(0, uow.newId().value);
    q.bindValue(1, orderId.value);
    q.bindValue(2, kind);
    q.bindValue(3, from ? QVariant(int(*from)) : QVariant(QMetaType(QMetaType::Int)));
    q.bindValue(4, to ? QVariant(int(*to)) : QVariant(QMetaType(QMetaType::Int)));
    q.bindValue(5, amount ? QVariant(*amount) : QVariant(QMetaType(QMetaType::LongLong)));
    q.bindValue(6, store::nonNull(detail));
    q.bindValue(7, uow.actor().toString());
    q.bindValue(8, uow.nowMs());
    return store::exec(q, u"writing an order event"_s);
}

} // namespace

Result<Order> OrderService::create(store::UnitOfWork& uow, const NewOrder& r)
{
    Q_ASSERT(uow.isOpen());
    if (auto s = validateRequest(r); !s)
        return s.error();
    Order o;
    auto who = customerAndLocation(uow, r, o.locationId);
    if (!who)
        return who.error();
    auto lines = resolveLines(uow, r, o.currency);
    if (!lines)
        return lines.error();
    auto discount = findDiscount(uow, r.merchantId, r.discountCode);
    if (!discount)
        return discount.error();
    auto terms = OrderService::terms(uow, r.merchantId);
    if (!terms)
        return terms.error();
    auto totals =
        OrderTotals::compute(*lines, *discount, terms->taxRateBp, r.deliveryFeeMinor.value_or(terms->deliveryFeeMinor));
    if (!totals)
        return totals.error();
    o.id = uow.newId();
    o.merchantId = r.merchantId;
    o.customerId = r.customerId;
    o.customerEmail = who->email;
    o.customerName = who->name;
    o.lines = *lines;
    o.subtotalMinor = totals->subtotalMinor;
    o.discountMinor = totals->discountMinor;
    o.discountCode = *discount ? (*discount)->code : QString();
    o.taxMinor = totals->taxMinor;
    o.deliveryFeeMinor = totals->deliveryFeeMinor;
    o.totalMinor = totals->totalMinor;
    o.createdMs = o.updatedMs = uow.nowMs();
    o.expiresMs = uow.nowMs() + qint64(terms->unpaidExpiryMinutes) * 60'000;
    o.version = 1;
    for (int i = 0; i < o.lines.size(); ++i) {
        if (auto s = OrderStock::reserve(uow, o.id, o.locationId, o.lines[i], u"lines[%1].quantity"_s.arg(i)); !s)
            return s.error();
    }
    // last before the row: a request refused above uses no number
    auto number = nextNumber(uow, r.merchantId);
    if (!number)
        return number.error();
    o.number = *number;
    if (auto s = insertOrder(uow, o); !s)
        return s.error();
    if (auto s = insertEvent(uow, o.id, u"status"_s, std::nullopt, OrderStatus::PendingPayment, o.totalMinor,
                             u"order placed"_s);
        !s)
        return s.error();
    uow.recordChange(u"order"_s, o.id, o.version, ChangeOp::Created);
    return o;
}

Result<Order> OrderService::advance(store::UnitOfWork& uow, Id orderId, OrderStatus to, const QString& reason)
{
    // the refund and payment states belong to payments; by hand only the fulfilment steps
    if (to != OrderStatus::Fulfilling && to != OrderStatus::Shipped && to != OrderStatus::Delivered &&
        to != OrderStatus::Completed)
        return Error{ErrorCode::IllegalTransition, u"this status is set by payments, not by hand"_s, u"status"_s};
    auto order = load(uow, orderId, false);
    if (!order)
        return order.error();
    if (auto s = transition(uow, *order, to, reason); !s)
        return s.error();
    return *order;
}

Result<Order> OrderService::cancelUnpaid(store::UnitOfWork& uow, Id orderId, const QString& reason)
{
    auto order = load(uow, orderId, true);
    if (!order)
        return order.error();
    if (auto s = OrderStateMachine::check(order->status, OrderStatus::Cancelled); !s)
        return s.error();
    if (order->status != OrderStatus::PendingPayment)
        return Error{ErrorCode::IllegalTransition, u"a paid order is cancelled with a refund"_s, u"status"_s};
    if (auto s = OrderStock::release(uow, *order); !s)
        return s.error();
    if (auto s = transition(uow, *order, OrderStatus::Cancelled, reason); !s)
        return s.error();
    return *order;
}

Result<int> OrderService::expireDue(store::UnitOfWork& uow, int limit)
{
    // an authorized payment keeps the order alive until the authorization itself expires
    const auto due = store::ids(uow.db(),
                                u"SELECT o.id FROM orders o WHERE o.status = 0 AND o.expires_ms <= ? "
                                "AND o.payment_state <> 1 ORDER BY o.expires_ms LIMIT ?"_s,
                                {uow.nowMs(), limit}, u"finding expired orders"_s);
    if (!due)
        return due.error();
    for (Id id : *due) {
        auto order = load(uow, id, true);
        if (!order)
            return order.error();
        if (auto s = OrderStock::release(uow, *order); !s)
            return s.error();
        if (auto s = transition(uow, *order, OrderStatus::Expired, u"not paid in time"_s); !s)
            return s.error();
    }
    return int(due->size());
}

Result<Order> OrderService::load(QSqlDatabase& db, Id orderId, bool withLines)
{
    // the reader connection's cached statements: orders are read before every authorization
    return rows::loadWith(store::Connection::statement(db, rows::orderSql()),
                          withLines ? &store::Connection::statement(db, rows::linesSql()) : nullptr, orderId);
}

Result<Order> OrderService::load(store::UnitOfWork& uow, Id orderId, bool withLines)
{
    // the writer's cached statements: orders are read on every payment step
    return rows::loadWith(uow.statement(rows::orderSql()), withLines ? &uow.statement(rows::linesSql()) : nullptr,
                          orderId);
}

Status OrderService::transition(store::UnitOfWork& uow, Order& order, OrderStatus to, const QString& reason,
                                std::optional<qint64> amountMinor, const QString& kind)
{
    if (auto s = OrderStateMachine::check(order.status, to); !s)
        return s;
    const OrderStatus from = order.status;
    order.status = to;
    if (auto s = saveMoney(uow, order); !s)
        return s;
    return insertEvent(uow, order.id, kind, from, to, amountMinor, reason);
}

Status OrderService::saveMoney(store::UnitOfWork& uow, Order& order)
{
    store::Statement& q = uow.statement(u"UPDATE orders SET status = ?, payment_state = ?, captured_minor = ?, "
                                        "refunded_minor = ?, card_last4 = ?, updated_ms = ?, version = version + 1 "
                                        "WHERE id = ? AND version = ?"_s);
    q.bindValue(0, int(order.status));
    q.bindValue(1, int(order.paymentState));
    q.bindValue(2, order.capturedMinor);
    q.bindValue(3, order.refundedMinor);
    q.bindValue(4, store::nonNull(order.cardLast4));
    q.bindValue(5, uow.nowMs());
    q.bindValue(6, order.id.value);
    q.bindValue(7, order.version);
    if (auto s = store::exec(q, u"updating an order"_s); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return Error::versionConflict(u"orderId"_s, u"the order changed since it was read"_s);
    order.version += 1;
    order.updatedMs = uow.nowMs();
    uow.recordChange(u"order"_s, order.id, order.version, ChangeOp::Updated);
    return {};
}

Status OrderService::addEvent(store::UnitOfWork& uow, Id orderId, const QString& kind,
                              std::optional<qint64> amountMinor, const QString& detail)
{
    return insertEvent(uow, orderId, kind, std::nullopt, std::nullopt, amountMinor, detail);
}

Result<MerchantTerms> OrderService::terms(QSqlDatabase& db, Id merchantId)
{
    return rows::termsWith(store::Connection::statement(db, rows::termsSql()), merchantId);
}

Result<MerchantTerms> OrderService::terms(store::UnitOfWork& uow, Id merchantId)
{
    store::LookupCache* cache = uow.lookups();
    const QString key = cache ? u"terms\x1f%1"_s.arg(merchantId.value) : QString();
    if (const QVariantList* hit = cache ? cache->find(key) : nullptr) {
        MerchantTerms t;
        t.merchantId = merchantId;
        t.taxRateBp = hit->at(0).toInt();
        t.commissionBp = hit->at(1).toInt();
        t.commissionFixedMinor = hit->at(2).toLongLong();
        t.deliveryFeeMinor = hit->at(3).toLongLong();
        t.unpaidExpiryMinutes = hit->at(4).toInt();
        t.version = hit->at(5).toLongLong();
        return t;
    }
    auto t = rows::termsWith(uow.statement(rows::termsSql()), merchantId);
    if (t && cache) {
        cache->insert(key, {t->taxRateBp, t->commissionBp, t->commissionFixedMinor, t->deliveryFeeMinor,
                            t->unpaidExpiryMinutes, t->version});
    }
    return t;
}

} // namespace souk::orders
