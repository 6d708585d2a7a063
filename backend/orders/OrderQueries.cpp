#include "backend/orders/OrderQueries.h"

#include <QMap>
#include <QSqlQuery>

#include <algorithm>

#include "backend/orders/OrderRows.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::orders {
namespace {

/// WHERE clauses and their values for the query's filters.
void filters(const OrderQuery& q, QStringList& where, QVariantList& binds)
{
    const auto add = [&](const QString& clause, const QVariant& value) {
        where.append(clause);
        binds.append(value);
    };
    if (!q.merchantId.isNull())
        add(u"merchant_id = ?"_s, q.merchantId.value);
    if (q.status)
        add(u"status = ?"_s, int(*q.status));
    if (q.paymentState)
        add(u"payment_state = ?"_s, int(*q.paymentState));
    // ids are time-ordered: a date range is an id range on the primary key
    if (q.fromMs)
        add(u"id >= ?"_s, IdGenerator::firstIdAt(*q.fromMs).value);
    if (q.toMs)
        add(u"id < ?"_s, IdGenerator::firstIdAt(*q.toMs).value);
    if (q.minTotalMinor)
        add(u"total_minor >= ?"_s, *q.minTotalMinor);
    if (q.maxTotalMinor)
        add(u"total_minor <= ?"_s, *q.maxTotalMinor);
    if (!q.beforeId.isNull())
        add(u"id < ?"_s, q.beforeId.value);
    const QString s = q.search.trimmed();
    if (s.isEmpty())
        return;
    bool numeric = false;
    const qint64 asId = s.toLongLong(&numeric);
    if (s.contains(u'@'))
        add(u"customer_email = ?"_s, s.toLower());
    else if (numeric && s.size() == 4)
        add(u"card_last4 = ? AND card_last4 <> ''"_s, s); // the second term lets SQLite use the partial index
    else if (numeric)
        add(u"id = ?"_s, asId);
    else { // a prefix of the (lower-cased) email: exact, like OrderFilter::matches, and on the index
        add(u"customer_email >= ?"_s, s.toLower());
        add(u"customer_email < ?"_s, QString(s.toLower() + QChar(0xFFFF)));
    }
}

} // namespace

Result<OrderPage> OrderQueries::page(QSqlDatabase& db, const OrderQuery& query)
{
    QStringList where;
    QVariantList binds;
    filters(query, where, binds);
    const int limit = std::clamp(query.limit, 1, PageRowsMax);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + rows::OrderColumns + u" FROM orders"_s
              + (where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s))
              + u" ORDER BY id DESC LIMIT %1"_s.arg(limit + 1));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto s = store::exec(q, u"reading a page of orders"_s); !s)
        return s.error();
    OrderPage page;
    while (q.next()) {
        if (page.orders.size() == limit) {
            page.more = true;
            break;
        }
        page.orders.append(rows::readOrder(q));
    }
    return page;
}

Result<QList<Order>> OrderQueries::orders(QSqlDatabase& db, const QList<Id>& ids)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + rows::OrderColumns + u" FROM orders WHERE id IN (SELECT value FROM json_each(?))"_s);
    QString list = u"["_s;
    for (Id id : ids) {
        if (list.size() > 1)
            list += u',';
        list += id.toString();
    }
    q.bindValue(0, QString(list + u']'));
    if (auto s = store::exec(q, u"reading orders"_s); !s)
        return s.error();
    QList<Order> out;
    while (q.next())
        out.append(rows::readOrder(q));
    return out;
}

Result<QList<OrderEvent>> OrderQueries::events(QSqlDatabase& db, Id orderId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, kind, from_status, to_status, amount_minor, detail, actor, at_ms FROM order_events "
              "WHERE order_id = ? ORDER BY id"_s);
    q.bindValue(0, orderId.value);
    if (auto s = store::exec(q, u"reading an order's timeline"_s); !s)
        return s.error();
    QList<OrderEvent> out;
    while (q.next()) {
        OrderEvent e;
        e.id = Id{q.value(0).toLongLong()};
        e.kind = q.value(1).toString();
        if (!q.value(2).isNull())
            e.fromStatus = OrderStatus(q.value(2).toInt());
        if (!q.value(3).isNull())
            e.toStatus = OrderStatus(q.value(3).toInt());
        if (!q.value(4).isNull())
            e.amountMinor = q.value(4).toLongLong();
        e.detail = q.value(5).toString();
        e.actor = q.value(6).toString();
        e.atMs = q.value(7).toLongLong();
        out.append(e);
    }
    return out;
}

Result<OrderCounters> OrderQueries::counters(QSqlDatabase& db, Id merchantId, qint64 nowMs, qint64 dayStartMs)
{
    // ids are time-ordered (IdGenerator), so time windows are id ranges on the primary key
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString mine = merchantId.isNull() ? QString() : u" AND merchant_id = %1"_s.arg(merchantId.value);
    q.prepare(u"SELECT "
              "(SELECT count(*) FROM orders WHERE id >= ?"_s + mine + u"), "
              "(SELECT count(*) FROM orders WHERE status = 0"_s + mine + u"), "
              "(SELECT count(*) FROM orders WHERE status = 0 AND payment_state = 1"_s + mine + u"), "
              "(SELECT currency FROM merchants"_s
              + (merchantId.isNull() ? QString() : u" WHERE id = %1"_s.arg(merchantId.value))
              + u" ORDER BY id LIMIT 1)"_s);
    q.bindValue(0, IdGenerator::firstIdAt(nowMs - 60'000).value);
    if (auto s = store::exec(q, u"counting orders"_s); !s)
        return s.error();
    if (!q.next())
        return Error::internal(u"counters returned no row"_s);
    OrderCounters out{q.value(0).toLongLong(), {}, q.value(3).toString(), q.value(1).toLongLong(),
                      q.value(2).toLongLong()};
    q.finish();
    // per merchant, summed per currency here: each merchant's orders of the day are a range
    // of the (merchant_id, id) index. GROUP BY currency would first sort every order of the
    // day in memory (74 MB more RSS in bench_monitor, with a million orders placed today).
    QSqlQuery g(db);
    g.setForwardOnly(true);
    g.prepare(u"SELECT m.currency, (SELECT coalesce(sum(o.captured_minor - o.refunded_minor), 0) FROM orders o "
              "WHERE o.merchant_id = m.id AND o.id >= ? AND o.captured_minor > 0) FROM merchants m"_s
              + (merchantId.isNull() ? QString() : u" WHERE m.id = %1"_s.arg(merchantId.value)));
    g.bindValue(0, IdGenerator::firstIdAt(dayStartMs).value);
    if (auto s = store::exec(g, u"summing today's GMV"_s); !s)
        return s.error();
    QMap<QString, qint64> byCurrency; // sorted by code
    while (g.next()) {
        if (const qint64 minor = g.value(1).toLongLong(); minor != 0)
            byCurrency[g.value(0).toString()] += minor;
    }
    for (auto it = byCurrency.cbegin(); it != byCurrency.cend(); ++it)
        out.gmvToday.append({it.key(), it.value()});
    return out;
}

} // namespace souk::orders
