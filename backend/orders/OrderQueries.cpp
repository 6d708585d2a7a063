#include "backend/orders/OrderQueries.h"

#include <QMap>
#include <QSqlQuery>

#include <algorithm>

#include "backend/orders/OrderRows.h"
#include "backend/orders/OrderSearch.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::orders {
namespace {

/// Number-suffix searches probe the (merchant_id, number) index for each number that ends so
/// when there are at most this many; beyond it the suffix is common enough ("2": one order in
/// ten) that testing every number on that index is as quick.
constexpr qint64 NumberProbesMax = 1000;
/// A search way with at most this many matches (orders by email, customers by name) is driven
/// by its own index and the matches sorted; with more, the orders are walked newest first,
/// which fills a page within a few rows when matches are that common. Without statistics
/// SQLite would walk for every way (to skip the sort): 50-100 ms over 100,000 orders for a
/// name or email that matches nothing.
constexpr qint64 ProbeRowsMax = 2000;

/// WHERE clauses joined by AND, with their values in order, and the index that drives them.
struct Where
{
    QStringList clauses;
    QVariantList binds;
    QString index; ///< INDEXED BY this; empty: SQLite's choice

    void add(const QString& clause) { clauses.append(clause); }
    template <typename... V> void add(const QString& clause, const V&... values)
    {
        clauses.append(clause);
        (binds.append(QVariant::fromValue(values)), ...);
    }
    /// `hints`: SQLite's INDEXED BY; PostgreSQL's planner takes none
    QString from(bool hints) const
    {
        return index.isEmpty() || !hints ? u" FROM orders"_s : u" FROM orders INDEXED BY "_s + index;
    }
    QString sql() const { return clauses.isEmpty() ? QString() : u" WHERE "_s + clauses.join(u" AND "_s); }
};

/// The query's filters other than the search text.
Where filters(const OrderQuery& q)
{
    Where w;
    if (!q.merchantId.isNull())
        w.add(u"merchant_id = ?"_s, q.merchantId.value);
    if (q.status)
        w.add(u"status = ?"_s, int(*q.status));
    if (q.paymentState)
        w.add(u"payment_state = ?"_s, int(*q.paymentState));
    // ids are time-ordered: a date range is an id range on the primary key
    if (q.fromMs)
        w.add(u"id >= ?"_s, IdGenerator::firstIdAt(*q.fromMs).value);
    if (q.toMs)
        w.add(u"id < ?"_s, IdGenerator::firstIdAt(*q.toMs).value);
    if (q.minTotalMinor)
        w.add(u"total_minor >= ?"_s, *q.minTotalMinor);
    if (q.maxTotalMinor)
        w.add(u"total_minor <= ?"_s, *q.maxTotalMinor);
    if (!q.beforeId.isNull())
        w.add(u"id < ?"_s, q.beforeId.value);
    return w;
}

/// The number index leads with the merchant: for every merchant's orders, name them all so
/// SQLite probes the index once per merchant rather than reading every order.
void numberIndex(const OrderQuery& q, Where& w)
{
    w.index = u"orders_number"_s;
    if (q.merchantId.isNull())
        w.add(u"merchant_id IN (SELECT id FROM merchants)"_s);
}

/// Orders whose number ends with the digits: each such number probed on the index while they
/// are few, else every number on the index tested.
Result<std::optional<Where>> numberSuffix(QSqlDatabase& db, const OrderQuery& q, const OrderSearch& s)
{
    auto last =
        q.merchantId.isNull()
            ? store::scalar(db, u"SELECT coalesce(max(last_number), 0) FROM order_numbers"_s)
            : store::scalar(db, u"SELECT coalesce(max(last_number), 0) FROM order_numbers WHERE merchant_id = ?"_s,
                            {q.merchantId.value});
    if (!last)
        return last.error();
    const qint64 p = s.modulus();
    const qint64 first = s.value >= p / 10 ? s.value : s.value + p; // "042" ends 1042, not 42
    const qint64 top = last->toLongLong();
    if (first > top)
        return std::optional<Where>(); // no number that long yet
    Where w;
    if ((top - first) / p + 1 > NumberProbesMax) {
        if (q.merchantId.isNull())
            w.add(u"merchant_id IN (SELECT id FROM merchants)"_s);
        w.add(u"number % ? = ? AND number >= ?"_s, p, s.value, p / 10);
        return std::optional<Where>(w);
    }
    numberIndex(q, w);
    QString list = u"["_s;
    for (qint64 n = first; n <= top; n += p)
        list += (list.size() > 1 ? u","_s : QString()) + QString::number(n);
    w.add(u"number IN (%1)"_s.arg(store::jsonIntegers(db)), QString(list + u']'));
    return std::optional<Where>(w);
}

/// Orders whose customer email starts with the text, on the email index unless very many do.
Result<Where> emailPrefix(QSqlDatabase& db, const OrderSearch& s)
{
    const QString end = s.email + QChar(0xFFFF);
    auto many = store::scalar(db,
                              u"SELECT count(*) FROM (SELECT 1 FROM orders WHERE customer_email >= ? "
                              "AND customer_email < ? LIMIT ?) AS probe"_s,
                              {s.email, end, ProbeRowsMax + 1});
    if (!many)
        return many.error();
    Where w;
    w.add(u"customer_email >= ? AND customer_email < ?"_s, s.email, end);
    if (many->toLongLong() <= ProbeRowsMax)
        w.index = u"orders_email"_s;
    return w;
}

/// Orders of customers whose name holds the text: the customers first (fewer and narrower than
/// orders), then their orders on the (customer_id, id) index; when very many customers match,
/// the orders newest first, each tested. lower() folds A-Z only, as OrderSearch::name is.
Result<std::optional<Where>> nameMatch(QSqlDatabase& db, const OrderSearch& s)
{
    QSqlQuery c(db);
    c.setForwardOnly(true);
    c.prepare(u"SELECT id FROM customers WHERE %1 > 0 LIMIT ?"_s.arg(store::position(db, u"lower(name)"_s, u"?"_s)));
    c.bindValue(0, s.name);
    c.bindValue(1, ProbeRowsMax + 1);
    if (auto st = store::exec(c, u"finding customers by name"_s); !st)
        return st.error();
    QString list = u"["_s;
    qint64 found = 0;
    while (c.next()) {
        list += (found++ > 0 ? u","_s : QString()) + c.value(0).toString();
    }
    if (found == 0)
        return std::optional<Where>();
    Where w;
    if (found > ProbeRowsMax) {
        // "+" keeps SQLite off the customer index: the walk newest first is the quick way here
        w.add(u"+customer_id IN (SELECT id FROM customers WHERE %1 > 0)"_s.arg(
                  store::position(db, u"lower(name)"_s, u"?"_s)),
              s.name);
        return std::optional<Where>(w);
    }
    w.add(u"customer_id IN (%1)"_s.arg(store::jsonIntegers(db)), QString(list + u']'));
    w.index = u"orders_customer"_s;
    return std::optional<Where>(w);
}

/// Each way an order can match the search (see OrderSearch), as clauses added to the filters.
Result<QList<Where>> searchBranches(QSqlDatabase& db, const OrderQuery& q, const OrderSearch& s)
{
    QList<Where> out;
    Where w;
    switch (s.kind) {
    case OrderSearch::Kind::All:
        break;
    case OrderSearch::Kind::Email:
        w.add(u"customer_email = ?"_s, s.email);
        w.index = u"orders_email"_s;
        out.append(w);
        break;
    case OrderSearch::Kind::Number:
        numberIndex(q, w);
        w.add(u"number = ?"_s, s.value);
        out.append(w);
        break;
    case OrderSearch::Kind::Digits: {
        out.append(Where{{u"id = ?"_s}, {s.value}, {}});
        if (s.isSuffix()) {
            auto numbers = numberSuffix(db, q, s);
            if (!numbers)
                return numbers.error();
            if (*numbers)
                out.append(**numbers);
        }
        if (s.searchesCard()) // the second term lets SQLite use the partial index
            out.append(Where{{u"card_last4 = ? AND card_last4 <> ''"_s}, {s.text}, u"orders_card"_s});
        if (s.searchesIdSuffix()) // on the rowid: tested in the merchant index, no row read
            out.append(Where{{u"id % ? = ? AND id >= ?"_s}, {s.modulus(), s.value, s.modulus() / 10}, {}});
        break;
    }
    case OrderSearch::Kind::Text: {
        auto email = emailPrefix(db, s);
        if (!email)
            return email.error();
        out.append(*email);
        auto name = nameMatch(db, s);
        if (!name)
            return name.error();
        if (*name)
            out.append(**name);
        break;
    }
    }
    return out;
}

/// The page's SQL and its values: the filters alone, with the one search clause, or, when the
/// search can match in several ways, each way's newest `rowsMax` ids (each on its own index)
/// and then the newest `rowsMax` of them all.
QString pageSql(const Where& common, const QList<Where>& branches, int rowsMax, bool hints, QVariantList& binds)
{
    const QString order = u" ORDER BY id DESC LIMIT %1"_s.arg(rowsMax);
    const QString select = u"SELECT "_s + rows::OrderColumns + u" FROM orders"_s;
    if (branches.size() <= 1) {
        Where w = common;
        for (const Where& b : branches) {
            w.clauses += b.clauses;
            w.binds += b.binds;
            w.index = b.index;
        }
        binds = w.binds;
        return u"SELECT "_s + rows::OrderColumns + w.from(hints) + w.sql() + order;
    }
    QStringList parts;
    for (const Where& b : branches) {
        Where w = common;
        w.clauses += b.clauses;
        w.binds += b.binds;
        w.index = b.index;
        parts.append(u"SELECT id FROM (SELECT id"_s + w.from(hints) + w.sql() + order + u") AS b"_s);
        binds += w.binds;
    }
    return select + u" WHERE id IN ("_s + parts.join(u" UNION ALL "_s) + u')' + order;
}

} // namespace

Result<OrderPage> OrderQueries::page(QSqlDatabase& db, const OrderQuery& query)
{
    if (query.search.size() > OrderSearchTextMax)
        return Error::invalid(u"search"_s,
                              u"search text is too long (at most %1 characters)"_s.arg(OrderSearchTextMax));
    const OrderSearch search = OrderSearch::parse(query.search);
    auto branches = searchBranches(db, query, search);
    if (!branches)
        return branches.error();
    const int limit = std::clamp(query.limit, 1, PageRowsMax);
    OrderPage page;
    if (search.kind != OrderSearch::Kind::All && branches->isEmpty())
        return page; // the search cannot match any order
    QVariantList binds;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(pageSql(filters(query), *branches, limit + 1, !store::isPostgres(db), binds));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto s = store::exec(q, u"reading a page of orders"_s); !s)
        return s.error();
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
    q.prepare(u"SELECT "_s + rows::OrderColumns + u" FROM orders WHERE id IN (%1)"_s.arg(store::jsonIntegers(db)));
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
    store::Statement& q = store::Connection::statement(
        db, u"SELECT id, kind, from_status, to_status, amount_minor, detail, actor, at_ms FROM order_events "
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
    q.finish();
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
