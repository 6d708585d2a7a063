#include "tests/bench/BenchRawOrders.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "backend/core/Clock.h"
#include "backend/orders/Order.h"
#include "backend/payments/Payment.h"
#include "backend/store/Checkpointer.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"
#include "backend/store/StoreFile.h"

using namespace Qt::StringLiterals;

namespace souk::bench {
namespace {

[[noreturn]] void fail(sqlite3* db, const char* what)
{
    qFatal("raw baseline, %s: %s", what, sqlite3_errmsg(db));
}

void exec(sqlite3* db, const QString& sql)
{
    if (sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(db, qPrintable(sql.left(60)));
}

sqlite3_stmt* prepare(sqlite3* db, const QString& sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db, sql.toUtf8().constData(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        fail(db, qPrintable(sql.left(60)));
    return stmt;
}

void step(sqlite3* db, sqlite3_stmt* stmt)
{
    if (sqlite3_step(stmt) != SQLITE_DONE)
        fail(db, sqlite3_sql(stmt));
    sqlite3_reset(stmt);
}

/// Which order a row of each table belongs to, as an SQL expression over the row `t` in the
/// engine's store `src`; NULL when the row does not say (decided in ownersOf()).
const QMap<QString, QString>& ownerExpressions()
{
    static const QMap<QString, QString> all = {
        {u"orders"_s, u"t.id"_s},
        {u"order_lines"_s, u"t.order_id"_s},
        {u"order_events"_s, u"t.order_id"_s},
        {u"payments"_s, u"t.order_id"_s},
        {u"payment_attempts"_s, u"t.order_id"_s},
        {u"journal_entries"_s, u"(SELECT p.order_id FROM src.payments p WHERE p.id = t.payment_id)"_s},
        {u"postings"_s, u"(SELECT p.order_id FROM src.journal_entries j JOIN src.payments p ON p.id = j.payment_id "
                        "WHERE j.id = t.entry_id)"_s},
        {u"stock_movements"_s, u"CASE WHEN t.reason = 'order' THEN CAST(t.reference AS INTEGER) END"_s},
        // a command's stock and product changes come just before its order's or payment's
        {u"changes"_s, u"CASE t.entity WHEN 'order' THEN t.entity_id WHEN 'payment' THEN "
                       "(SELECT p.order_id FROM src.payments p WHERE p.id = t.entity_id) END"_s},
        // three keys per order (one for checkout), in the order the commands ran
        {u"idempotency_keys"_s, u"NULL"_s},
    };
    return all;
}

/// One value of a copied row; text and blobs are offsets into the run's arena.
struct Cell
{
    qint64 value = 0;
    int type = SQLITE_NULL;
    int bytes = 0;
};

/// A table's rows of the run, grouped by order: rows [begin[o], begin[o + 1]) are order o's.
struct Rows
{
    QString table;
    QStringList columns;
    std::vector<Cell> cells; ///< row-major
    std::vector<size_t> begin;

    int column(const QString& name) const
    {
        const int c = int(columns.indexOf(name));
        if (c < 0)
            qFatal("raw baseline: %s has no column %s", qPrintable(table), qPrintable(name));
        return c;
    }
    const Cell* row(size_t r) const { return &cells[r * size_t(columns.size())]; }
};

/// Order index for each row: the row's own, else the next row's that has one (or the last
/// order); a table whose rows never say is spread evenly, in row order.
std::vector<int> ownersOf(std::vector<int> owner, int orders)
{
    const size_t n = owner.size();
    bool any = false;
    for (int o : owner)
        any = any || o >= 0;
    if (!any) {
        for (size_t k = 0; k < n; ++k)
            owner[k] = int(qint64(k) * orders / qint64(std::max<size_t>(1, n)));
        return owner;
    }
    int next = orders - 1;
    for (size_t k = n; k-- > 0;) {
        if (owner[k] < 0)
            owner[k] = next;
        else
            next = owner[k];
    }
    return owner;
}

/// Reads the run's rows of `table` from `src`, grouped by order.
Rows load(sqlite3* db, const QString& table, qint64 from, qint64 to, const QHash<qint64, int>& orderIndex, int orders,
          std::string& arena)
{
    Rows rows;
    rows.table = table;
    sqlite3_stmt* q =
        prepare(db, u"SELECT %1, t.* FROM src.%2 AS t WHERE t.%3 > ? AND t.%3 <= ? "
                    "ORDER BY t.%3"_s.arg(ownerExpressions().value(table), table, RawOrders::markColumn(table)));
    sqlite3_bind_int64(q, 1, from);
    sqlite3_bind_int64(q, 2, to);
    const int width = sqlite3_column_count(q) - 1;
    for (int c = 0; c < width; ++c)
        rows.columns.append(QString::fromUtf8(sqlite3_column_name(q, c + 1)));
    std::vector<Cell> cells;
    std::vector<int> owner;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        owner.push_back(sqlite3_column_type(q, 0) == SQLITE_NULL ? -1
                                                                 : orderIndex.value(sqlite3_column_int64(q, 0), -1));
        for (int c = 1; c <= width; ++c) {
            Cell cell;
            cell.type = sqlite3_column_type(q, c);
            switch (cell.type) {
            case SQLITE_INTEGER:
                cell.value = sqlite3_column_int64(q, c);
                break;
            case SQLITE_FLOAT: {
                const double d = sqlite3_column_double(q, c);
                std::memcpy(&cell.value, &d, sizeof d);
                break;
            }
            case SQLITE_TEXT:
            case SQLITE_BLOB: {
                const void* data = cell.type == SQLITE_TEXT ? static_cast<const void*>(sqlite3_column_text(q, c))
                                                            : sqlite3_column_blob(q, c);
                cell.bytes = sqlite3_column_bytes(q, c);
                cell.value = qint64(arena.size());
                arena.append(static_cast<const char*>(data), size_t(cell.bytes));
                break;
            }
            default:
                break;
            }
            cells.push_back(cell);
        }
    }
    if (rc != SQLITE_DONE)
        fail(db, "reading the engine's rows");
    sqlite3_finalize(q);
    // a counting sort by order keeps each order's rows in the engine's row order
    const std::vector<int> owners = ownersOf(std::move(owner), orders);
    rows.begin.assign(size_t(orders) + 1, 0);
    for (int o : owners)
        ++rows.begin[size_t(o) + 1];
    for (size_t o = 1; o < rows.begin.size(); ++o)
        rows.begin[o] += rows.begin[o - 1];
    std::vector<size_t> at(rows.begin.begin(), rows.begin.end() - 1);
    rows.cells.resize(cells.size());
    const size_t w = size_t(width);
    for (size_t r = 0; r < owners.size(); ++r)
        std::copy_n(cells.begin() + ptrdiff_t(r * w), w, rows.cells.begin() + ptrdiff_t(at[size_t(owners[r])]++ * w));
    return rows;
}

void bindCell(sqlite3_stmt* stmt, int param, const Cell& cell, const std::string& arena)
{
    switch (cell.type) {
    case SQLITE_INTEGER:
        sqlite3_bind_int64(stmt, param, cell.value);
        break;
    case SQLITE_FLOAT: {
        double d = 0;
        std::memcpy(&d, &cell.value, sizeof d);
        sqlite3_bind_double(stmt, param, d);
        break;
    }
    case SQLITE_TEXT:
        sqlite3_bind_text(stmt, param, arena.data() + cell.value, cell.bytes, SQLITE_STATIC);
        break;
    case SQLITE_BLOB:
        sqlite3_bind_blob(stmt, param, arena.data() + cell.value, cell.bytes, SQLITE_STATIC);
        break;
    default:
        sqlite3_bind_null(stmt, param);
    }
}

qint64 rowsIn(sqlite3* db, const QString& table, const QString& where)
{
    sqlite3_stmt* q = prepare(db, u"SELECT count(*) FROM %1 WHERE %2"_s.arg(table, where));
    if (sqlite3_step(q) != SQLITE_ROW)
        fail(db, "counting rows");
    const qint64 n = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return n;
}

/// Per stock level, the movements after `mark`: a subquery `d (variant_id, location_id, oh, r)`.
QString stockDeltasAfter(qint64 mark)
{
    return u"(SELECT variant_id, location_id, sum(on_hand_delta) AS oh, sum(reserved_delta) AS r "_s
           u"FROM src.stock_movements WHERE rowid > %1 GROUP BY variant_id, location_id) AS d"_s.arg(mark);
}

/// Per ledger account, the postings after `mark`: a subquery `d (account_id, total)`.
QString postingsAfter(qint64 mark)
{
    return u"(SELECT account_id, sum(amount_minor) AS total FROM src.postings WHERE entry_id > %1 "_s
           u"GROUP BY account_id) AS d"_s.arg(mark);
}

/// The store as it stood before the run: every row but the run's, and the stock levels and
/// ledger balances as they were then.
void copyBefore(sqlite3* db, const RawOrders::Marks& before)
{
    sqlite3_stmt* names = prepare(db, u"SELECT name FROM src.sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                      "'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'product\\_search%' ESCAPE '\\'"_s);
    QStringList tables;
    while (sqlite3_step(names) == SQLITE_ROW)
        tables.append(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(names, 0))));
    sqlite3_finalize(names);
    exec(db, u"BEGIN"_s);
    for (const QString& t : tables) {
        exec(db, u"DELETE FROM main.%1"_s.arg(t));
        const QString where =
            before.contains(t) ? u" WHERE %1 <= %2"_s.arg(RawOrders::markColumn(t)).arg(before.value(t)) : QString();
        exec(db, u"INSERT INTO main.%1 SELECT * FROM src.%1%2"_s.arg(t, where));
    }
    // stock levels and ledger balances are updated in place: take back what came after
    exec(db, u"UPDATE main.stock_levels AS s SET on_hand = s.on_hand - d.oh, reserved = s.reserved - d.r FROM "_s +
                 stockDeltasAfter(before.value(u"stock_movements"_s)) +
                 u" WHERE s.variant_id = d.variant_id AND s.location_id = d.location_id"_s);
    exec(db, u"UPDATE main.ledger_accounts AS a SET balance_minor = a.balance_minor - d.total FROM "_s +
                 postingsAfter(before.value(u"postings"_s)) + u" WHERE a.id = d.account_id"_s);
    exec(db, u"COMMIT"_s);
}

/// What the stock levels and ledger balances must be once the run is written: the engine's,
/// less what came after the run. In temporary tables, compared by matches() after the run.
void expectAfter(sqlite3* db, const RawOrders::Marks& after)
{
    exec(db, u"CREATE TEMP TABLE expected_stock AS SELECT s.variant_id, s.location_id, "_s
             u"s.on_hand - coalesce(d.oh, 0) AS on_hand, s.reserved - coalesce(d.r, 0) AS reserved "_s
             u"FROM src.stock_levels s LEFT JOIN "_s +
                 stockDeltasAfter(after.value(u"stock_movements"_s)) +
                 u" ON s.variant_id = d.variant_id AND s.location_id = d.location_id"_s);
    exec(db, u"CREATE TEMP TABLE expected_accounts AS SELECT a.id, a.balance_minor - coalesce(d.total, 0) "_s
             u"AS balance_minor FROM src.ledger_accounts a LEFT JOIN "_s +
                 postingsAfter(after.value(u"postings"_s)) + u" ON a.id = d.account_id"_s);
}

/// True when the written store's stock levels and balances are what expectAfter() said.
bool matches(sqlite3* db)
{
    return rowsIn(db,
                  u"(SELECT variant_id, location_id, on_hand, reserved FROM main.stock_levels "_s
                  u"EXCEPT SELECT * FROM temp.expected_stock)"_s,
                  u"1"_s) == 0 &&
           rowsIn(db,
                  u"(SELECT id, balance_minor FROM main.ledger_accounts EXCEPT SELECT * FROM temp.expected_accounts)"_s,
                  u"1"_s) == 0;
}

/// The run's rows in memory, grouped by order, and the statements that write them again.
class Replay
{
public:
    /// Reads the rows after `before`, up to `after`, from the attached engine store `src`.
    Replay(sqlite3* db, const RawOrders::Marks& before, const RawOrders::Marks& after) : m_db(db)
    {
        sqlite3_stmt* ids = prepare(db, u"SELECT id FROM src.orders WHERE id > ? AND id <= ? ORDER BY id"_s);
        sqlite3_bind_int64(ids, 1, before.value(u"orders"_s));
        sqlite3_bind_int64(ids, 2, after.value(u"orders"_s));
        QHash<qint64, int> orderIndex;
        while (sqlite3_step(ids) == SQLITE_ROW)
            orderIndex.insert(sqlite3_column_int64(ids, 0), m_count++);
        sqlite3_finalize(ids);
        const auto rowsOf = [&](const QString& t) {
            return load(db, t, before.value(t), after.value(t), orderIndex, m_count, m_arena);
        };
        m_orders = rowsOf(u"orders"_s);
        // in the order the engine's commands write them, parents first
        for (const QString& t : {u"order_lines"_s, u"order_events"_s, u"payments"_s, u"payment_attempts"_s, u"journal_entries"_s,
                                 u"postings"_s, u"stock_movements"_s, u"changes"_s, u"idempotency_keys"_s}) {
            m_children.push_back(rowsOf(t));
            if (t == u"payments"_s)
                m_payments = m_children.size() - 1;
            else if (t == u"postings"_s)
                m_postings = m_children.size() - 1;
            else if (t == u"stock_movements"_s)
                m_movements = m_children.size() - 1;
        }
    }
    ~Replay()
    {
        for (sqlite3_stmt* s : m_statements)
            sqlite3_finalize(s);
    }
    Q_DISABLE_COPY_MOVE(Replay)

    int orders() const { return m_count; }

    /// Prepares the statements; call once the store is ready to write.
    void prepareStatements()
    {
        m_insertOrder = insertInto(m_orders);
        for (const Rows& rows : m_children)
            m_inserts.push_back(insertInto(rows));
        m_updateOrder = statement(u"UPDATE orders SET status = ?, payment_state = ?, captured_minor = ?, "
                                  "refunded_minor = ?, card_last4 = ?, updated_ms = ?, version = version + 1 "
                                  "WHERE id = ?"_s);
        m_updatePayment = statement(u"UPDATE payments SET status = ?, captured_minor = ?, refunded_minor = ?, "
                                    "version = version + 1 WHERE id = ?"_s);
        m_updateStock = statement(u"UPDATE stock_levels SET on_hand = on_hand + ?, reserved = reserved + ?, "
                                  "version = version + 1 WHERE variant_id = ? AND location_id = ?"_s);
        m_updateAccount = statement(u"UPDATE ledger_accounts SET balance_minor = balance_minor + ? WHERE id = ?"_s);
        // column positions, looked up once rather than per row
        m_o = {m_orders.column(u"id"_s),
               m_orders.column(u"status"_s),
               m_orders.column(u"payment_state"_s),
               m_orders.column(u"captured_minor"_s),
               m_orders.column(u"refunded_minor"_s),
               m_orders.column(u"card_last4"_s),
               m_orders.column(u"updated_ms"_s)};
        m_orderAsPlaced = {
            {m_o.status, Zero}, {m_o.state, Zero}, {m_o.captured, Zero}, {m_o.refunded, Zero}, {m_o.last4, Empty}};
        const Rows& payments = m_children[m_payments];
        m_paymentAsAuthorized = {{payments.column(u"status"_s), integer(int(payments::PaymentStatus::Authorized))},
                                 {payments.column(u"captured_minor"_s), Zero},
                                 {payments.column(u"refunded_minor"_s), Zero}};
        m_paymentUpdate = columns(m_payments, {u"status"_s, u"captured_minor"_s, u"refunded_minor"_s, u"id"_s});
        m_stockUpdate =
            columns(m_movements, {u"on_hand_delta"_s, u"reserved_delta"_s, u"variant_id"_s, u"location_id"_s});
        m_accountUpdate = columns(m_postings, {u"amount_minor"_s, u"account_id"_s});
    }

    /// Writes order `o`'s rows; returns how many rows it inserted and updated.
    qint64 writeOrder(int o)
    {
        const qint64 before = m_writes;
        // the order as placed, nothing paid yet; its rows; then authorized, then captured
        const Cell* placed = m_orders.row(size_t(o));
        write(m_insertOrder, m_orders, size_t(o), m_orderAsPlaced);
        for (size_t k = 0; k < m_children.size(); ++k) {
            const Rows& rows = m_children[k];
            for (size_t r = rows.begin[size_t(o)]; r < rows.begin[size_t(o) + 1]; ++r)
                write(m_inserts[k], rows, r, k == m_payments ? m_paymentAsAuthorized : m_none);
        }
        const auto at = [placed](int c) { return placed[c]; };
        const Cell id = at(m_o.id), last4 = at(m_o.last4), updated = at(m_o.updated);
        run(m_updateOrder, {Zero, integer(int(orders::PaymentState::Authorized)), Zero, Zero, last4, updated, id});
        run(m_updateOrder, {at(m_o.status), at(m_o.state), at(m_o.captured), at(m_o.refunded), last4, updated, id});
        forEachRow(m_payments, o, m_paymentUpdate, m_updatePayment);
        forEachRow(m_movements, o, m_stockUpdate, m_updateStock);
        forEachRow(m_postings, o, m_accountUpdate, m_updateAccount);
        return m_writes - before;
    }

private:
    using Replaced = std::vector<std::pair<int, Cell>>; ///< column -> the value written instead
    struct OrderColumns
    {
        int id = 0, status = 0, state = 0, captured = 0, refunded = 0, last4 = 0, updated = 0;
    };
    static constexpr Cell Zero{0, SQLITE_INTEGER, 0};
    static constexpr Cell Empty{0, SQLITE_TEXT, 0};
    static Cell integer(qint64 v) { return Cell{v, SQLITE_INTEGER, 0}; }

    sqlite3_stmt* statement(const QString& sql)
    {
        m_statements.push_back(prepare(m_db, sql));
        return m_statements.back();
    }
    sqlite3_stmt* insertInto(const Rows& rows)
    {
        QStringList marks;
        for (qsizetype c = 0; c < rows.columns.size(); ++c)
            marks.append(u"?"_s);
        return statement(u"INSERT INTO %1 VALUES (%2)"_s.arg(rows.table, marks.join(u", "_s)));
    }
    std::vector<int> columns(size_t k, const QStringList& names) const
    {
        std::vector<int> out;
        for (const QString& n : names)
            out.push_back(m_children[k].column(n));
        return out;
    }
    /// Inserts row `r` of `rows`, with some columns' values replaced.
    void write(sqlite3_stmt* insert, const Rows& rows, size_t r, const Replaced& replaced)
    {
        const Cell* row = rows.row(r);
        for (int c = 0; c < rows.columns.size(); ++c)
            bindCell(insert, c + 1, row[c], m_arena);
        for (const auto& [c, cell] : replaced)
            bindCell(insert, c + 1, cell, m_arena);
        step(m_db, insert);
        ++m_writes;
    }
    void run(sqlite3_stmt* stmt, std::initializer_list<Cell> values)
    {
        int param = 0;
        for (const Cell& v : values)
            bindCell(stmt, ++param, v, m_arena);
        update(stmt);
    }
    /// Steps an UPDATE, which must change exactly one row.
    void update(sqlite3_stmt* stmt)
    {
        step(m_db, stmt);
        if (sqlite3_changes(m_db) != 1)
            qFatal("raw baseline: an update matched no row: %s", sqlite3_sql(stmt));
        ++m_writes;
    }
    /// Runs `stmt` once per row of child table `k` of order `o`, bound to those columns.
    void forEachRow(size_t k, int o, const std::vector<int>& columns, sqlite3_stmt* stmt)
    {
        const Rows& rows = m_children[k];
        for (size_t r = rows.begin[size_t(o)]; r < rows.begin[size_t(o) + 1]; ++r) {
            for (size_t p = 0; p < columns.size(); ++p)
                bindCell(stmt, int(p) + 1, rows.row(r)[columns[p]], m_arena);
            update(stmt);
        }
    }

    sqlite3* m_db;
    int m_count = 0;
    std::string m_arena;
    Rows m_orders;
    std::vector<Rows> m_children;
    size_t m_payments = 0, m_postings = 0, m_movements = 0;
    std::vector<sqlite3_stmt*> m_statements;
    sqlite3_stmt* m_insertOrder = nullptr;
    std::vector<sqlite3_stmt*> m_inserts;
    sqlite3_stmt *m_updateOrder = nullptr, *m_updatePayment = nullptr, *m_updateStock = nullptr,
                 *m_updateAccount = nullptr;
    OrderColumns m_o;
    Replaced m_orderAsPlaced, m_paymentAsAuthorized, m_none;
    std::vector<int> m_paymentUpdate, m_stockUpdate, m_accountUpdate;
    qint64 m_writes = 0;
};

} // namespace

const QStringList& RawOrders::tables()
{
    static const QStringList all = ownerExpressions().keys();
    return all;
}

QString RawOrders::markColumn(const QString& table)
{
    // WITHOUT ROWID tables; their key starts with an id that grows
    if (table == u"order_lines"_s)
        return u"order_id"_s;
    if (table == u"postings"_s)
        return u"entry_id"_s;
    return u"rowid"_s;
}

RawOrders::Figures RawOrders::run(const QString& path, const QString& enginePath, const Marks& before,
                                  const Marks& after, int perTransaction)
{
    store::StoreOptions options{path};
    auto file = store::StoreFile::prepare(options, SystemClock::instance());
    auto conn = store::Connection::open(options, u"raw"_s);
    if (!file || !conn)
        qFatal("cannot prepare the raw store");
    auto* db = static_cast<sqlite3*>(store::nativeSqliteHandle((*conn)->db()));
    if (!db)
        qFatal("the raw baseline needs the driver's native SQLite handle");

    // not timed: the engine's store as it was before the run, and the run's rows in memory
    exec(db, u"PRAGMA foreign_keys = OFF"_s);
    sqlite3_stmt* attach = prepare(db, u"ATTACH DATABASE ? AS src"_s);
    const QByteArray source = enginePath.toUtf8();
    sqlite3_bind_text(attach, 1, source.constData(), int(source.size()), SQLITE_STATIC);
    step(db, attach);
    sqlite3_finalize(attach);
    copyBefore(db, before);
    Replay replay(db, before, after);
    // what the copy must hold once the run is written: the engine's tables as the run left them
    QMap<QString, qint64> expected;
    for (const QString& t : tables())
        expected.insert(t, rowsIn(db, u"src."_s + t, u"%1 <= %2"_s.arg(markColumn(t)).arg(after.value(t))));
    expectAfter(db, after);
    exec(db, u"DETACH DATABASE src"_s);
    exec(db, u"PRAGMA foreign_keys = ON"_s);
    exec(db, u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    // the engine's store machinery without the engine: the log copied back on a thread of its
    // own, as for the engine's writer, rather than inside this thread's commits
    store::Checkpointer checkpointer(options);
    if (!checkpointer.attach((*conn)->db()))
        qFatal("raw baseline: cannot checkpoint on a thread of its own");
    replay.prepareStatements();

    const int count = replay.orders();
    if (count == 0)
        qFatal("raw baseline: the engine's run added no orders");
    qint64 writes = 0;
    QElapsedTimer t;
    t.start();
    sqlite3_stmt* begin = prepare(db, u"BEGIN"_s);
    sqlite3_stmt* commit = prepare(db, u"COMMIT"_s);
    for (int o = 0; o < count; ++o) {
        if (o % perTransaction == 0)
            step(db, begin);
        writes += replay.writeOrder(o);
        if ((o + 1) % perTransaction == 0 || o + 1 == count)
            step(db, commit);
    }
    Figures f;
    f.ordersPerSecond = count * 1000.0 / std::max<qint64>(1, t.elapsed());
    f.orders = count;
    f.rowWritesPerOrder = double(writes) / std::max(1, count);
    sqlite3_finalize(begin);
    sqlite3_finalize(commit);
    // the copy now holds the engine's rows, stock levels and balances as the run left them
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (const qint64 n = rowsIn(db, it.key(), u"1"_s); n != it.value())
            qFatal("raw baseline: %s holds %lld rows, the engine's %lld", qPrintable(it.key()), n, it.value());
    }
    if (!matches(db))
        qFatal("raw baseline: its stock levels or ledger balances differ from the engine's");
    sqlite3_wal_hook(db, nullptr, nullptr); // the checkpointer goes first
    return f;
}

} // namespace souk::bench
