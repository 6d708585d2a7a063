#include "backend/store/Sql.h"

#include <QLoggingCategory>
#include <QSqlDriver>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "backend/store/Connection.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSql, "souk.store.sql")

namespace souk::store {

namespace {

/// PostgreSQL's SQLSTATE (five characters) as a Souk error; nothing for a code that is not one.
std::optional<Error> postgresError(const QString& state, const QString& what)
{
    if (state.size() != 5)
        return std::nullopt;
    if (state == u"40001" || state == u"40P01" || state == u"55P03") // serialization, deadlock, lock
        return Error::store(ErrorCode::StoreLocked, u"the store is busy; try again"_s);
    if (state.startsWith(u"08") || state.startsWith(u"57P")) // connection lost, server shutting down
        return Error::store(ErrorCode::StoreIo, u"the connection to the database was lost while "_s + what);
    if (state == u"25006")
        return Error::store(ErrorCode::StoreReadOnly, u"the database takes no writes (a standby?)"_s);
    if (state == u"53100")
        return Error::store(ErrorCode::StoreIo, u"the database's disk is full"_s);
    if (state == u"XX001" || state == u"XX002")
        return Error::store(ErrorCode::StoreCorrupt, u"the database reports damaged data"_s);
    return Error::store(ErrorCode::StoreIo, u"database error while "_s + what);
}

} // namespace

Error sqlError(const QSqlError& error, const QString& what)
{
    const QString text = error.databaseText() + u' ' + error.driverText();
    const QString native = error.nativeErrorCode();
    if (auto pg = postgresError(native, what)) {
        qCWarning(lcSql).noquote() << errorCodeName(pg->code) << what << "-" << text.trimmed() << "(" << native << ")";
        return *pg;
    }
    ErrorCode code = ErrorCode::StoreIo;
    QString message;
    // SQLite primary result codes: 5 BUSY, 6 LOCKED, 8 READONLY, 11 CORRUPT, 26 NOTADB, 13 FULL
    if (native == u"5" || native == u"6" || text.contains(u"locked"_s)) {
        code = ErrorCode::StoreLocked;
        message = u"the store is busy or locked by another process"_s;
    } else if (native == u"8" || text.contains(u"readonly"_s) || text.contains(u"read-only"_s)) {
        code = ErrorCode::StoreReadOnly;
        message = u"the store is read-only"_s;
    } else if (native == u"11" || native == u"26" || text.contains(u"malformed"_s) ||
               text.contains(u"not a database"_s)) {
        code = ErrorCode::StoreCorrupt;
        message = u"the store file is damaged or is not a Souk store"_s;
    } else if (native == u"13" || text.contains(u"full"_s)) {
        message = u"the disk is full"_s;
    } else {
        message = u"database error while "_s + what;
    }
    qCWarning(lcSql).noquote() << errorCodeName(code) << what << "-" << text.trimmed() << "(" << native << ")";
    return Error::store(code, message);
}

Status exec(QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds)
{
    QSqlQuery q(db);
    if (binds.size() == 0 && isPostgres(db)) // PostgreSQL prepares no utility statement (BEGIN, SET)
        return exec(q, sql, u"running a statement"_s);
    if (!q.prepare(sql))
        return sqlError(q.lastError(), u"preparing a statement"_s);
    int i = 0;
    for (const auto& v : binds)
        q.bindValue(i++, v);
    return exec(q, u"running a statement"_s);
}

Status exec(QSqlQuery& query, const QString& sql, const QString& what)
{
    if (!query.exec(sql))
        return sqlError(query.lastError(), what);
    return {};
}

Status exec(QSqlQuery& query, const QString& what)
{
    if (!query.exec())
        return sqlError(query.lastError(), what);
    return {};
}

Result<QVariant> scalar(QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (binds.size() == 0 && isPostgres(db)) {
        if (!q.exec(sql))
            return sqlError(q.lastError(), u"running a query"_s);
    } else {
        if (!q.prepare(sql))
            return sqlError(q.lastError(), u"preparing a query"_s);
        int i = 0;
        for (const auto& v : binds)
            q.bindValue(i++, v);
        if (!q.exec())
            return sqlError(q.lastError(), u"running a query"_s);
    }
    if (!q.next())
        return Error::notFound(u"row"_s);
    return q.value(0);
}

Result<QList<Id>> ids(QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds, const QString& what)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q.lastError(), what);
    int i = 0;
    for (const auto& v : binds)
        q.bindValue(i++, v);
    if (auto s = exec(q, what); !s)
        return s.error();
    QList<Id> out;
    while (q.next())
        out.append(Id{q.value(0).toLongLong()});
    return out;
}

void* nativeSqliteHandle(QSqlDatabase& db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    // A driver with its own bundled SQLite (other platforms' Qt builds) must not be handed to
    // ours: the source ids of the two builds must match, checked once per process.
    static const bool sameLibrary = [&db] {
        auto id = scalar(db, QStringLiteral("SELECT sqlite_source_id()"));
        const bool same = id && id->toString() == QString::fromUtf8(sqlite3_sourceid());
        if (!same)
            qCWarning(lcSql) << "the SQLite driver carries its own SQLite; bulk writes take the slower QtSql path";
        return same;
    }();
    return sameLibrary ? *static_cast<sqlite3* const*>(handle.constData()) : nullptr;
}

std::optional<qint64> totalChanges(QSqlDatabase& db)
{
    if (void* handle = nativeSqliteHandle(db))
        return qint64(sqlite3_total_changes64(static_cast<sqlite3*>(handle)));
    return std::nullopt;
}

bool isPostgres(const QSqlDatabase& db)
{
    return db.driverName() == u"QPSQL";
}

namespace {

/// libpq's connection under QPSQL; null when `db` is not PostgreSQL's.
PGconn* pgConnection(QSqlDatabase& db)
{
    if (!isPostgres(db))
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // QPSQL declares the handle's type by libpq's struct name (PGconn is a typedef of it)
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn* const*>(handle.constData());
}

/// libpq's view of the connection's transaction; nothing when `db` is not PostgreSQL's.
std::optional<PGTransactionStatusType> pgTransaction(QSqlDatabase& db)
{
    PGconn* conn = pgConnection(db);
    return conn ? std::optional(PQtransactionStatus(conn)) : std::nullopt;
}

} // namespace

bool inTransaction(QSqlDatabase& db)
{
    if (void* handle = nativeSqliteHandle(db))
        return sqlite3_get_autocommit(static_cast<sqlite3*>(handle)) == 0;
    if (const auto state = pgTransaction(db))
        return *state == PQTRANS_INTRANS || *state == PQTRANS_INERROR || *state == PQTRANS_ACTIVE;
    return true; // cannot tell: assume the driver kept it, as QtSql itself does
}

Status lockUntilCommit(QSqlDatabase& db, qint64 key, const QString& what)
{
    if (!isPostgres(db))
        return {};
    static const QString sql = u"SELECT pg_advisory_xact_lock(?)"_s;
    Statement& lock = Connection::statement(db, sql);
    lock.bindValue(0, key);
    if (auto s = exec(lock, what); !s)
        return s;
    lock.finish();
    return {};
}

bool connectionBroken(QSqlDatabase& db)
{
    PGconn* conn = pgConnection(db);
    if (!conn)
        return false;
    // a session the server ended answers the next statement with its reason (57P01) before libpq
    // meets the closed socket: with no query under way, read what is waiting, which finds it
    if (PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) != PQTRANS_ACTIVE)
        PQconsumeInput(conn);
    return PQstatus(conn) == CONNECTION_BAD;
}

bool commitOutcomeUnknown(QSqlDatabase& db, const QSqlError& error)
{
    if (isPostgres(db))
        return connectionBroken(db);
    return (error.nativeErrorCode().toInt() & 0xff) == SQLITE_IOERR; // the extended code's primary
}

Error databaseGone(const Error& cause)
{
    Error gone{ErrorCode::Unavailable,
               u"the database cannot be reached now (restarting or failing over); try again: "_s + cause.message,
               cause.field};
    gone.outcomeUnknown = cause.outcomeUnknown;
    return gone;
}

bool transactionFailed(QSqlDatabase& db)
{
    const auto state = pgTransaction(db);
    return state && *state == PQTRANS_INERROR;
}

} // namespace souk::store
