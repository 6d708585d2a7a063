#include "tests/bench/BenchRawOrders.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <memory>
#include <vector>

#include <sqlite3.h>

#include "backend/core/Clock.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"
#include "backend/store/StoreFile.h"

using namespace Qt::StringLiterals;

namespace souk::bench {
namespace {

constexpr int LinesPerOrder = RawOrders::LinesPerOrder;
/// What a statement binds: the order's number, the line's position, its variant, a fresh id, ...
enum class Param
{
    Order,
    Position,
    Variant,
    Sku,
    NewId,
    OrderText,
    Key,
    Response,
};

/// One statement of the baseline, run `perOrder` times for each order.
struct Write
{
    QString sql;
    QList<Param> params;
    qint64 perOrder = 0;
};

QVariant valueOf(Param p, qint64 order, int k, qint64 id, const QString& response)
{
    const int variant = k % LinesPerOrder + 1;
    switch (p) {
    case Param::Order:
        return order;
    case Param::Position:
        return k;
    case Param::Variant:
        return variant;
    case Param::Sku:
        return u"SKU-%1"_s.arg(variant);
    case Param::NewId:
        return id;
    case Param::OrderText:
        return QString::number(order);
    case Param::Key:
        return u"k-%1-%2"_s.arg(order).arg(k);
    case Param::Response:
        return response;
    }
    return {};
}

QList<Write> writes(const QMap<QString, qint64>& per)
{
    using P = Param;
    return {
        {u"INSERT INTO orders (id, merchant_id, customer_id, location_id, status, payment_state, currency, "
         "subtotal_minor, discount_minor, tax_minor, delivery_fee_minor, total_minor, customer_email, expires_ms, "
         "created_ms, updated_ms, version) VALUES (?, 1, 1, 1, 0, 0, 'EUR', 1000, 0, 83, 0, 1083, 'c@example.com', "
         "0, 0, 0, 1)"_s,
         {P::Order},
         per.value(u"orders"_s)},
        {u"INSERT INTO order_lines (order_id, position, variant_id, sku, title, quantity, unit_price_minor, "
         "line_total_minor) VALUES (?, ?, ?, ?, 'Demo product', 1, 500, 500)"_s,
         {P::Order, P::Position, P::Variant, P::Sku},
         per.value(u"order_lines"_s)},
        {u"INSERT INTO order_events (id, order_id, kind, to_status, amount_minor, detail, actor, at_ms) "
         "VALUES (?, ?, 'status', 0, 1083, 'order placed', 'bench/owner', 0)"_s,
         {P::NewId, P::Order},
         per.value(u"order_events"_s)},
        {u"INSERT INTO payments (id, order_id, merchant_id, status, currency, amount_minor, card_brand, card_last4, "
         "card_exp_month, card_exp_year, card_fingerprint, provider_ref, authorized_ms, auth_expires_ms, version) "
         "VALUES (?, ?, 1, 1, 'EUR', 1083, 'visa', '4242', 12, 2030, 'fp', 'ref', 0, 0, 1)"_s,
         {P::Order, P::Order},
         per.value(u"payments"_s)},
        {u"INSERT INTO journal_entries (id, kind, payment_id, memo, actor, at_ms) VALUES (?, 'capture', ?, '', "
         "'bench/owner', 0)"_s,
         {P::Order, P::Order},
         per.value(u"journal_entries"_s)},
        {u"INSERT INTO postings (entry_id, account_id, amount_minor) VALUES (?, ?, 361)"_s,
         {P::Order, P::Variant},
         per.value(u"postings"_s)},
        {u"INSERT INTO stock_movements (id, variant_id, location_id, kind, on_hand_delta, reserved_delta, reason, "
         "reference, actor, at_ms) VALUES (?, ?, 1, 4, 0, 1, 'order', ?, 'bench/owner', 0)"_s,
         {P::NewId, P::Variant, P::OrderText},
         per.value(u"stock_movements"_s)},
        {u"INSERT INTO changes (entity, entity_id, version, op, actor, at_ms) VALUES ('order', ?, 1, 1, "
         "'bench/owner', 0)"_s,
         {P::Order},
         per.value(u"changes"_s)},
        {u"INSERT INTO idempotency_keys (key, command, request_hash, response, created_ms) VALUES (?, 'capture', "
         "'0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', ?, 0)"_s,
         {P::Key, P::Response},
         per.value(u"idempotency_keys"_s)},
        // the updates the services make: order (authorize, capture), payment (capture), each line's
        // stock level (reserve, sell), the capture's three ledger accounts
        {u"UPDATE orders SET status = 1, payment_state = 2, captured_minor = 1083, updated_ms = 1, "
         "version = version + 1 WHERE id = ?"_s,
         {P::Order},
         2},
        {u"UPDATE payments SET status = 2, captured_minor = 1083, version = version + 1 WHERE id = ?"_s, {P::Order}, 1},
        {u"UPDATE stock_levels SET on_hand = on_hand - 1, version = version + 1 WHERE variant_id = ? "
         "AND location_id = 1"_s,
         {P::Variant},
         2 * LinesPerOrder},
        {u"UPDATE ledger_accounts SET balance_minor = balance_minor + 1 WHERE id = ?"_s, {P::Variant}, 3},
    };
}

void prepare(QSqlDatabase& db)
{
    QStringList sql = {u"INSERT INTO merchants VALUES (1, 'raw', 'EUR', 1, 0, 0)"_s,
                       u"INSERT INTO locations (id, merchant_id, name, version) VALUES (1, 1, 'main', 1)"_s,
                       u"INSERT INTO products (id, merchant_id, handle, title, status, version, created_ms, "
                       "updated_ms) VALUES (1, 1, 'p', 'P', 1, 1, 0, 0)"_s,
                       u"INSERT INTO customers (id, name, email, version, created_ms) VALUES (1, 'C', 'c@x', 1, 0)"_s};
    for (int k = 1; k <= LinesPerOrder; ++k) {
        sql << u"INSERT INTO variants (id, product_id, merchant_id, position, sku, price_minor, currency, version) "
               "VALUES (%1, 1, 1, %1, 'SKU-%1', 500, 'EUR', 1)"_s.arg(k)
            << u"INSERT INTO stock_levels VALUES (%1, 1, 1000000000, 0, 1)"_s.arg(k)
            << u"INSERT INTO ledger_accounts VALUES (%1, %2, %3, 'EUR', 0)"_s.arg(k).arg(k == 2 ? 1 : 0).arg(k - 1);
    }
    for (const QString& s : sql) {
        if (auto r = store::exec(db, s); !r)
            qFatal("raw setup: %s", qPrintable(r.error().toString()));
    }
}

} // namespace

const QStringList& RawOrders::tables()
{
    static const QStringList all = {u"orders"_s,          u"order_lines"_s,     u"order_events"_s,
                                    u"payments"_s,        u"journal_entries"_s, u"postings"_s,
                                    u"stock_movements"_s, u"changes"_s,         u"idempotency_keys"_s};
    return all;
}

RawOrders::Figures RawOrders::run(const QString& path, const QMap<QString, qint64>& per, int count,
                                  int perTransaction)
{
    store::StoreOptions options{path};
    auto file = store::StoreFile::prepare(options, SystemClock::instance());
    auto conn = store::Connection::open(options, u"raw"_s);
    if (!file || !conn)
        qFatal("cannot prepare the raw store");
    QSqlDatabase& db = (*conn)->db();
    prepare(db);
    // SQLite's own API, prepared statements, no savepoints, no reads: the floor of what these
    // row writes cost (the engine's statements use the same handle)
    auto* raw = static_cast<sqlite3*>(store::nativeSqliteHandle(db));
    if (!raw)
        qFatal("the raw baseline needs the driver's native SQLite handle");
    const QList<Write> all = writes(per);
    const QByteArray response(per.value(u"idempotency_response_bytes"_s), 'x'); // as long as the engine's
    std::vector<sqlite3_stmt*> statements;
    Figures f;
    for (const Write& w : all) {
        sqlite3_stmt* stmt = nullptr;
        const QByteArray sql = w.sql.toUtf8();
        if (sqlite3_prepare_v3(raw, sql.constData(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
            qFatal("raw prepare: %s", sqlite3_errmsg(raw));
        statements.push_back(stmt);
        f.rowsPerOrder += w.perOrder;
    }
    const auto run = [raw](const char* sql) {
        if (sqlite3_exec(raw, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            qFatal("raw: %s", sqlite3_errmsg(raw));
    };
    qint64 id = 1'000'000'000;
    QElapsedTimer t;
    t.start();
    for (qint64 o = 1; o <= count; ++o) {
        if (o % perTransaction == 1 || perTransaction == 1)
            run("BEGIN");
        for (int w = 0; w < all.size(); ++w) {
            sqlite3_stmt* stmt = statements[size_t(w)];
            for (int k = 0; k < all[w].perOrder; ++k) {
                ++id;
                for (int i = 0; i < all[w].params.size(); ++i) {
                    const QVariant v = valueOf(all[w].params[i], o, k, id, QString());
                    if (all[w].params[i] == Param::Response) {
                        sqlite3_bind_text(stmt, i + 1, response.constData(), int(response.size()), SQLITE_STATIC);
                    } else if (v.typeId() == QMetaType::QString) {
                        const QByteArray text = v.toString().toUtf8();
                        sqlite3_bind_text(stmt, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
                    } else {
                        sqlite3_bind_int64(stmt, i + 1, v.toLongLong());
                    }
                }
                if (sqlite3_step(stmt) != SQLITE_DONE)
                    qFatal("raw: %s", sqlite3_errmsg(raw));
                sqlite3_reset(stmt);
            }
        }
        if (o % perTransaction == 0 || o == count)
            run("COMMIT");
    }
    f.ordersPerSecond = count * 1000.0 / std::max<qint64>(1, t.elapsed());
    for (sqlite3_stmt* stmt : statements)
        sqlite3_finalize(stmt);
    return f;
}

} // namespace souk::bench
