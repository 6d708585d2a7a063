#include "backend/store/RowBatch.h"

#include <algorithm>

#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::store {
namespace {

Error nativeError(sqlite3* db, int rc, const QString& table)
{
    QSqlError e(QString::fromUtf8(sqlite3_errmsg(db)), u"bulk insert"_s, QSqlError::StatementError,
                QString::number(rc & 0xff));
    return sqlError(e, u"writing rows to "_s + table);
}

} // namespace

void appendJsonString(QString& out, QStringView text)
{
    out += u'"';
    for (QChar c : text) {
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c.unicode() < 0x20) {
            out += u"\\u%1"_s.arg(c.unicode(), 4, 16, QChar(u'0'));
        } else {
            out += c;
        }
    }
    out += u'"';
}

RowBatch::RowBatch(QString table, QStringList columns) : m_table(std::move(table)), m_columns(std::move(columns)) {}

RowBatch& RowBatch::row()
{
    Q_ASSERT(m_values.size() == size_t(m_rows * m_columns.size()));
    ++m_rows;
    return *this;
}

RowBatch& RowBatch::integer(qint64 value)
{
    m_values.emplace_back(value);
    return *this;
}

RowBatch& RowBatch::text(const QString& value)
{
    m_values.emplace_back(value);
    return *this;
}

RowBatch& RowBatch::optionalInteger(const std::optional<qint64>& value)
{
    if (value)
        m_values.emplace_back(*value);
    else
        m_values.emplace_back(std::monostate{});
    return *this;
}

Status RowBatch::flush(QSqlDatabase& database)
{
    if (m_rows == 0)
        return {};
    Q_ASSERT(m_values.size() == size_t(m_rows * m_columns.size()));
    const auto done = qScopeGuard([this] { // written or failed, the rows are gone from the batch
        m_values.clear();
        m_rows = 0;
    });
    if (void* db = nativeSqliteHandle(database))
        return flushNative(db);
    return isPostgres(database) ? flushInStatements(database) : flushPortable(database, insertSql(1));
}

/// PostgreSQL through QtSql: up to RowsPerStatementMax rows per INSERT, since each statement costs
/// a round trip to the server (the change feed's rows are written under the feed's lock, which
/// other nodes wait for).
Status RowBatch::flushInStatements(QSqlDatabase& database)
{
    const int width = int(m_columns.size());
    for (qsizetype first = 0; first < m_rows; first += RowsPerStatementMax) {
        const qsizetype rows = std::min<qsizetype>(RowsPerStatementMax, m_rows - first);
        QSqlQuery q(database);
        if (!q.prepare(insertSql(rows)))
            return sqlError(q.lastError(), u"writing rows to "_s + m_table);
        for (qsizetype i = 0; i < rows * width; ++i)
            bindValue(q, int(i), m_values[size_t(first * width + i)]);
        if (auto s = exec(q, u"writing rows to "_s + m_table); !s)
            return s;
    }
    return {};
}

void RowBatch::bindValue(QSqlQuery& q, int position, const Value& v)
{
    if (const auto* i = std::get_if<qint64>(&v))
        q.bindValue(position, *i);
    else if (const auto* s = std::get_if<QString>(&v))
        q.bindValue(position, s->isNull() ? u""_s : *s);
    else
        q.bindValue(position, QVariant(QMetaType::fromType<qlonglong>()));
}

/// The pending rows go in statements of up to RowsPerStatementMax rows. One statement per row
/// costs a statement journal per row: SQLite copies every page a statement touches into the
/// sub-journal before changing it, so a row-by-row insert copies the table's last leaf (and an
/// index leaf per index) once per row; one statement for many rows copies it once.
Status RowBatch::flushNative(void* handle)
{
    auto* db = static_cast<sqlite3*>(handle);
    const int width = int(m_columns.size());
    const int variablesMax = sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
    const qsizetype perStatement = qBound(1, variablesMax / width, RowsPerStatementMax);
    sqlite3_stmt* full = nullptr; // prepared once for every statement of perStatement rows
    const auto finalize = qScopeGuard([&full] { sqlite3_finalize(full); });
    for (qsizetype first = 0; first < m_rows; first += perStatement) {
        const qsizetype rows = std::min(perStatement, m_rows - first);
        sqlite3_stmt* stmt = rows == perStatement ? full : nullptr;
        if (!stmt) {
            const QByteArray sql = insertSql(rows).toUtf8();
            const int rc = sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &stmt, nullptr);
            if (rc != SQLITE_OK)
                return nativeError(db, rc, m_table);
            if (rows == perStatement)
                full = stmt;
        }
        bindRows(stmt, first, rows);
        const int rc = sqlite3_step(stmt);
        const Status status = rc == SQLITE_DONE ? Status() : Status(nativeError(db, rc, m_table));
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt); // the bound texts are borrowed from m_values
        if (stmt != full)
            sqlite3_finalize(stmt);
        if (!status)
            return status;
    }
    m_lastRowId = sqlite3_last_insert_rowid(db);
    return {};
}

void RowBatch::bindRows(void* statement, qsizetype first, qsizetype rows) const
{
    auto* stmt = static_cast<sqlite3_stmt*>(statement);
    const int width = int(m_columns.size());
    int param = 0;
    for (qsizetype r = first; r < first + rows; ++r) {
        for (int c = 0; c < width; ++c) {
            const Value& v = m_values[size_t(r * width + c)];
            ++param;
            if (const auto* i = std::get_if<qint64>(&v))
                sqlite3_bind_int64(stmt, param, *i);
            else if (const auto* s = std::get_if<QString>(&v))
                sqlite3_bind_text16(stmt, param, s->utf16(), int(s->size() * 2), SQLITE_STATIC);
            else
                sqlite3_bind_null(stmt, param);
        }
    }
}

/// INSERT INTO t (a, b) VALUES (?, ?), (?, ?), ... for `rows` rows.
QString RowBatch::insertSql(qsizetype rows) const
{
    const QString one = u'(' + QStringList(m_columns.size(), u"?"_s).join(u", "_s) + u')';
    QString sql = u"INSERT INTO %1 (%2) VALUES "_s.arg(m_table, m_columns.join(u", "_s));
    sql.reserve(sql.size() + rows * (one.size() + 2));
    for (qsizetype r = 0; r < rows; ++r) {
        if (r > 0)
            sql += u", "_s;
        sql += one;
    }
    return sql;
}

Status RowBatch::flushPortable(QSqlDatabase& database, const QString& sql)
{
    QSqlQuery q(database);
    if (!q.prepare(sql))
        return sqlError(q.lastError(), u"writing rows to "_s + m_table);
    const int width = int(m_columns.size());
    for (qsizetype r = 0; r < m_rows; ++r) {
        for (int c = 0; c < width; ++c)
            bindValue(q, c, m_values[size_t(r * width + c)]);
        if (auto s = exec(q, u"writing rows to "_s + m_table); !s)
            return s;
    }
    if (!isPostgres(database)) // QPSQL would ask lastval(), whose error aborts the transaction
        m_lastRowId = q.lastInsertId().toLongLong();
    return {};
}

} // namespace souk::store
