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
class Statement;
Status exec(Statement& statement, const QString& what);

/// Whether a transaction is open on the connection. SQLite rolls a whole transaction back by
/// itself on some errors (disk full, I/O, out of memory): callers of savepoints must check.
bool inTransaction(QSqlDatabase& db);

/// Rows inserted, updated or deleted on this connection since it opened (triggers included), or
/// nothing where the native handle is not available. A command that failed without moving it
/// changed nothing.
std::optional<qint64> totalChanges(QSqlDatabase& db);

/// The connection's native sqlite3 handle when it is safe to use from this process (the
/// driver and Souk share one SQLite library), else null.
void* nativeSqliteHandle(QSqlDatabase& db);

/// The first column of the first row, or an error (NotFound when there is no row).
Result<QVariant> scalar(QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds = {});

/// The ids in the first column of every row (the work a maintenance pass finds due); `what`
/// names the read for the log.
Result<QList<Id>> ids(QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds, const QString& what);

} // namespace souk::store
