#pragma once

#include <QSqlDatabase>
#include <QString>

#include "backend/core/Result.h"
#include "backend/store/Statement.h"
#include "backend/store/StoreOptions.h"

namespace souk::store {

/// One named SQLite connection, opened and closed on the thread that creates it, with Souk's
/// pragmas applied (WAL, foreign keys, busy timeout, durability); or, for a PostgreSQL URL, a
/// QPSQL connection with the same settings in PostgreSQL's words. Never crosses threads.
class Connection final
{
    Q_DISABLE_COPY_MOVE(Connection)
public:
    /// Opens `options.path`; `role` ("writer", "reader", "setup") is part of the unique name.
    static Result<std::unique_ptr<Connection>> open(const StoreOptions& options, const QString& role);
    ~Connection();

    QSqlDatabase& db() { return m_db; }
    /// The connection's cached statement for `sql` (a long-lived text: see StatementCache).
    Statement& statement(const QString& sql) { return m_statements.get(m_db, sql); }
    StatementCache& statements() { return m_statements; }

    /// The cached statement of the Connection that opened `db` on this thread; for query code
    /// that is handed only the QSqlDatabase. A connection opened otherwise gets a statement
    /// cached for this thread's life, with a warning.
    static Statement& statement(QSqlDatabase& db, const QString& sql);
    const QString& name() const { return m_name; }

private:
    explicit Connection(QString name);
    QString m_name;
    QSqlDatabase m_db;
    StatementCache m_statements; ///< cleared before the connection closes
};

} // namespace souk::store
