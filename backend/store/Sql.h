#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <optional>

#include "backend/core/Error.h"
#include "backend/core/Id.h"
#include "backend/core/Result.h"

namespace souk::store {

/// Maps a driver error to a Souk error: locked, corrupt, read-only or plain I/O. `what` says
/// what was being done, for the log; SQL text never reaches a user.
Error sqlError(const QSqlError& error, const QString& what);

/// The string, or "" when it is null: QtSql binds a null QString as SQL NULL, which NOT NULL
/// text columns refuse.
inline QString nonNull(const QString& text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

/// Runs one statement with positional bindings; for schema work and rare statements.
Status exec(QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds = {});

/// Runs a prepared query already bound; maps failure through sqlError.
Status exec(QSqlQuery& query, const QString& what);
/// Runs `sql` on `query` unprepared; maps failure through sqlError.
Status exec(QSqlQuery& query, const QString& sql, const QString& what);
class Statement;
Status exec(Statement& statement, const QString& what);

/// Whether a transaction is open on the connection. SQLite rolls a whole transaction back by
/// itself on some errors (disk full, I/O, out of memory): callers of savepoints must check.
bool inTransaction(QSqlDatabase& db);
/// PostgreSQL: a statement of the open transaction failed, so the server refuses every statement
/// until a rollback (to a savepoint). Always false on SQLite, which undoes only the statement.
bool transactionFailed(QSqlDatabase& db);
/// PostgreSQL: the connection to the server was lost (a restart, a failover, the server ended
/// the session); a statement found it so. Such a connection is opened again, not used on.
/// Always false on SQLite.
bool connectionBroken(QSqlDatabase& db);
/// After a failed COMMIT whose error is `error`: whether it may have taken effect all the same,
/// its answer lost. PostgreSQL: the connection broke during it. SQLite: an I/O error under it.
/// A COMMIT refused outright (a deferred constraint, a busy store) is known not to have.
bool commitOutcomeUnknown(QSqlDatabase& db, const QSqlError& error);
/// What a command or read that met PostgreSQL gone (a restart, a failover) is told: not that
/// it failed, but to try again (with its key): unavailable, with `cause`'s words.
Error databaseGone(const Error& cause);
/// PostgreSQL: waits for `key`'s advisory lock and holds it to the transaction's end, so that
/// what the transaction reads next (a newest version, a counter) stays true until it commits
/// on every node. A no-op on SQLite, whose store has one writer.
Status lockUntilCommit(QSqlDatabase& db, qint64 key, const QString& what);

/// Rows inserted, updated or deleted on this connection since it opened (triggers included), or
/// nothing where the native handle is not available. A command that failed without moving it
/// changed nothing.
std::optional<qint64> totalChanges(QSqlDatabase& db);

/// The connection's native sqlite3 handle when it is safe to use from this process (the
/// driver and Souk share one SQLite library), else null.
void* nativeSqliteHandle(QSqlDatabase& db);

/// Whether the connection is to PostgreSQL (the QPSQL driver) rather than an SQLite file.
bool isPostgres(const QSqlDatabase& db);

/// The text for the connection's dialect, for the few statements whose SQL differs. Both are
/// long-lived texts (function-local statics), as Statement's cache requires.
inline const QString& dialect(const QSqlDatabase& db, const QString& sqlite, const QString& postgres)
{
    return isPostgres(db) ? postgres : sqlite;
}

/// Where `needle` first occurs in `haystack` (1-based, 0 for nowhere), in the dialect's words.
inline QString position(const QSqlDatabase& db, const QString& haystack, const QString& needle)
{
    return (isPostgres(db) ? QStringLiteral("strpos(%1, %2)") : QStringLiteral("instr(%1, %2)")).arg(haystack, needle);
}

/// A subquery of the integers of a JSON array bound at its `?` ("[1,2,3]"), for `x IN (...)`.
inline QString jsonIntegers(const QSqlDatabase& db)
{
    return isPostgres(db) ? QStringLiteral("SELECT value::bigint FROM jsonb_array_elements_text(CAST(? AS jsonb)) "
                                           "AS j(value)")
                          : QStringLiteral("SELECT value FROM json_each(?)");
}

/// The first column of the first row, or an error (NotFound when there is no row).
Result<QVariant> scalar(QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds = {});

/// The ids in the first column of every row (the work a maintenance pass finds due); `what`
/// names the read for the log.
Result<QList<Id>> ids(QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds, const QString& what);

} // namespace souk::store
