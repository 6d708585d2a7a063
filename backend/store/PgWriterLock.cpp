#include "backend/store/PgWriterLock.h"

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace souk::store {

Result<std::unique_ptr<PgWriterLock>> PgWriterLock::take(const QString& url)
{
    // keepalives: a lock held by a host that vanished goes with its session, not hours later
    const QByteArray dbname = url.toUtf8();
    const char* keys[] = {"dbname",           "keepalives", "keepalives_idle", "keepalives_interval",
                          "keepalives_count", nullptr};
    const char* values[] = {dbname.constData(), "1", "10", "5", "3", nullptr};
    PGconn* conn = PQconnectdbParams(keys, values, 1); // expand_dbname: the URL's own settings apply
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString why = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQfinish(conn);
        return Error::store(ErrorCode::StoreIo, u"cannot connect to the PostgreSQL store: "_s + why);
    }
    const QByteArray lock = QByteArray::number(Lock);
    const char* params[] = {lock.constData()};
    // an idle session of its own: the server's idle timeout, if one is set, must not end it
    PQclear(PQexec(conn, "SET idle_session_timeout = 0"));
    PGresult* r =
        PQexecParams(conn, "SELECT pg_try_advisory_lock($1::bigint)", 1, nullptr, params, nullptr, nullptr, 0);
    const bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
    const bool taken = ok && PQntuples(r) == 1 && qstrcmp(PQgetvalue(r, 0, 0), "t") == 0;
    const QString why = ok ? QString() : QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    PQclear(r);
    if (!taken) {
        PQfinish(conn);
        if (!ok)
            return Error::store(ErrorCode::StoreIo, u"cannot lock the PostgreSQL store: "_s + why);
        return Error::store(ErrorCode::StoreLocked, u"another node or program writes this PostgreSQL store; a store "
                                                    "takes one writer until nodes can share it"_s);
    }
    return std::unique_ptr<PgWriterLock>(new PgWriterLock(conn));
}

PgWriterLock::~PgWriterLock()
{
    PQfinish(static_cast<PGconn*>(m_connection)); // the session ends, and its lock with it
}

} // namespace souk::store
