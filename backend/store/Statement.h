#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QVariant>

#include <memory>
#include <unordered_map>
#include <vector>

class QSqlQuery;
struct sqlite3;
struct sqlite3_stmt;

namespace souk::store {

/// One prepared statement on one connection, with QSqlQuery's calling conventions (bindValue,
/// exec, next, value, finish) so services read the same either way. Where the driver shares
/// Souk's SQLite library it runs on the native handle: binding and reading through QtSql cost
/// more per statement (a QVariant list, a QSqlRecord per row, UTF-16 round trips) than SQLite's
/// own work on the order hot path. Elsewhere (PostgreSQL, a foreign SQLite) it wraps a QSqlQuery.
/// Not thread-safe; lives on its connection's thread.
class Statement final
{
    Q_DISABLE_COPY_MOVE(Statement)
public:
    Statement(QSqlDatabase& db, const QString& sql);
    ~Statement();

    const QString& sql() const { return m_sql; }

    /// Binds by position (0-based). A null QString or null QVariant binds SQL NULL, as QtSql does.
    void bindValue(int index, qint64 value);
    void bindValue(int index, int value) { bindValue(index, qint64(value)); }
    void bindValue(int index, const QString& value);
    void bindValue(int index, const QVariant& value);

    /// Runs the statement with the current bindings; false on failure (see lastError()).
    bool exec();
    /// Moves to the next result row; false when there is none.
    bool next();
    /// A column of the current row; a null QVariant for SQL NULL.
    QVariant value(int column) const;
    /// Ends the current result set (bindings are kept), releasing what the statement holds.
    void finish();

    int numRowsAffected() const { return int(m_changes); }
    qint64 lastInsertId() const { return m_lastInsertId; }
    QSqlError lastError() const { return m_error; }

private:
    void resetIfActive();
    void fail(int rc);

    QString m_sql;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    std::unique_ptr<QSqlQuery> m_query; ///< the portable path, when there is no native handle
    std::vector<QByteArray> m_texts;    ///< UTF-8 of bound texts, alive until rebound
    QSqlError m_error;
    qint64 m_changes = 0;
    qint64 m_lastInsertId = 0;
    bool m_active = false;     ///< stepped and not yet reset
    bool m_pendingRow = false; ///< exec() stepped onto the first row; next() hands it out
    bool m_onRow = false;
    bool m_direct = false; ///< the portable path sends the text unprepared (see the constructor)
    bool m_postgres = false;
    bool m_prepared = false; ///< the portable path's prepare succeeded
};

/// Prepared statements of one connection, kept for its lifetime. Keyed by the address of the SQL
/// text, because hashing a few hundred characters on every call cost about as much as running a
/// small statement; the text is compared on a hit, so a reused address never returns the wrong
/// statement. Callers therefore pass long-lived texts (literals, function-local statics).
/// Owned by the thread of that connection; must be cleared before the connection closes.
class StatementCache final
{
public:
    /// The statement for `sql` on `db`, prepared on first use (a failed prepare fails on exec()).
    Statement& get(QSqlDatabase& db, const QString& sql);
    /// Ends every statement's result set, so none holds a read transaction open; drops them all
    /// when there are more than `keepMax` (a caller passing built texts would otherwise grow it).
    void finishAll(size_t keepMax = 256);
    void clear() { m_statements.clear(); }
    size_t size() const { return m_statements.size(); }

private:
    std::unordered_multimap<const void*, std::unique_ptr<Statement>> m_statements;
};

} // namespace souk::store
