#include "backend/store/Connection.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>
#include <mutex>
#include <sqlite3.h>

#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::store {
namespace {
QAtomicInteger<quint64> s_serial;

/// Once per process, before SQLite starts: no memory statistics. With them on, every
/// allocation SQLite makes takes one process-wide mutex, shared by the writer and every
/// reader; Souk never reads those statistics. Refused (and harmless) when SQLite already runs.
void configureSqliteOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}
/// A libpq URL as the key='value' words QPSQL hands to libpq (its connect options), or an Error
/// naming what is wrong with it. QPSQL turns every ';' of those options into a space, so a value
/// holding one is refused rather than silently changed.
Result<QString> conninfoOf(const QString& url)
{
    char* problem = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.toUtf8().constData(), &problem);
    if (!options) {
        const QString why = problem ? QString::fromUtf8(problem).trimmed() : u"out of memory"_s;
        PQfreemem(problem);
        return Error::invalid(u"store"_s, u"the PostgreSQL URL is not valid: "_s + why);
    }
    QStringList words;
    for (PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        QString value = QString::fromUtf8(o->val);
        if (value.contains(u';')) {
            PQconninfoFree(options);
            return Error::invalid(u"store"_s, u"the PostgreSQL URL's %1 holds a ';', which cannot be passed on"_s.arg(
                                                  QString::fromUtf8(o->keyword)));
        }
        value.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
        words << u"%1='%2'"_s.arg(QString::fromUtf8(o->keyword), value);
    }
    PQconninfoFree(options);
    const QString given = words.join(u' ');
    if (!given.contains(u"connect_timeout="_s)) // an unreachable host fails in seconds, not minutes
        words << u"connect_timeout='10'"_s;
    // a host that died without a word (power, network) ends the connection in seconds, not when
    // the kernel gives up (about 15 min): its commands are answered "try again" and go elsewhere
    if (!given.contains(u"keepalives"_s))
        words << u"keepalives='1' keepalives_idle='5' keepalives_interval='2' keepalives_count='3'"_s;
    if (!given.contains(u"tcp_user_timeout="_s))
        words << u"tcp_user_timeout='10000'"_s;
    return words.join(u' ');
}

/// Opens a PostgreSQL connection for `role` and sets the session as Souk's SQLite pragmas do.
Status openPostgres(QSqlDatabase& db, const StoreOptions& options, const QString& role)
{
    auto conninfo = conninfoOf(options.path);
    if (!conninfo)
        return conninfo.error();
    db.setConnectOptions(*conninfo + u" application_name='souk-"_s + role + u'\'');
    if (!db.open()) {
        // libpq's own words (refused, no such database, password) are what an operator needs
        const QString why = db.lastError().databaseText().trimmed();
        return Error::store(ErrorCode::StoreIo, u"cannot connect to the PostgreSQL store: "_s +
                                                    (why.isEmpty() ? db.lastError().driverText() : why));
    }
    QStringList settings = {u"SET TIME ZONE 'UTC'"_s, u"SET lock_timeout = %1"_s.arg(options.busyTimeoutMs)};
    // Normal durability (demos, throwaway stores) does not wait for the log's flush
    if (options.durability == Durability::Normal)
        settings << u"SET synchronous_commit = off"_s;
    // readers (the engine's pool, soukctl) read each query from one snapshot, as SQLite's do
    // the writer reads under read committed whatever the server's default: after taking the feed's
    // or the audit chain's lock, it must see the commit of the transaction it waited for
    if (options.readOnly)
        settings << u"SET default_transaction_read_only = on"_s
                 << u"SET default_transaction_isolation = 'repeatable read'"_s;
    else
        settings << u"SET default_transaction_isolation = 'read committed'"_s;
    for (const QString& setting : settings) {
        if (auto s = exec(db, setting); !s)
            return s;
    }
    return {};
}

/// This thread's open Connections by name: a connection never leaves its thread.
thread_local std::unordered_map<QString, Connection*> t_open;
}

Connection::Connection(QString name) : m_name(std::move(name))
{
    t_open.emplace(m_name, this);
}

Connection::~Connection()
{
    t_open.erase(m_name);
    m_statements.clear(); // SQLite refuses to close a connection with statements left
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Statement& Connection::statement(QSqlDatabase& db, const QString& sql)
{
    const auto it = t_open.find(db.connectionName());
    if (it != t_open.end())
        return it->second->statement(sql);
    thread_local std::unordered_map<QString, StatementCache> unowned;
    auto& cache = unowned[db.connectionName()];
    if (cache.size() == 0)
        qWarning("souk: statements cached for a connection Souk did not open: %s", qPrintable(db.connectionName()));
    return cache.get(db, sql);
}

Result<std::unique_ptr<Connection>> Connection::open(const StoreOptions& options, const QString& role)
{
    configureSqliteOnce();
    const QString name = u"souk-%1-%2"_s.arg(role).arg(s_serial.fetchAndAddRelaxed(1));
    std::unique_ptr<Connection> conn(new Connection(name));
    if (options.isPostgres()) {
        conn->m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        if (!conn->m_db.isValid())
            return Error::store(ErrorCode::StoreIo, u"the PostgreSQL driver (QPSQL) is not installed"_s);
        if (auto s = openPostgres(conn->m_db, options, role); !s)
            return s.error();
        return conn;
    }
    conn->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    if (!conn->m_db.isValid())
        return Error::store(ErrorCode::StoreIo, u"the SQLite driver (QSQLITE) is not installed"_s);
    conn->m_db.setDatabaseName(options.path);
    QString connectOptions = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(options.busyTimeoutMs);
    if (options.readOnly)
        connectOptions += u";QSQLITE_OPEN_READONLY"_s;
    conn->m_db.setConnectOptions(connectOptions);
    if (!conn->m_db.open())
        return sqlError(conn->m_db.lastError(), u"opening "_s + options.path);

    const QString sync = options.durability == Durability::Full ? u"FULL"_s : u"NORMAL"_s;
    const QStringList pragmas = {
        u"PRAGMA foreign_keys = ON"_s,
        u"PRAGMA synchronous = "_s + sync,
        u"PRAGMA temp_store = MEMORY"_s,
        u"PRAGMA cache_size = -16000"_s, // 16 MB per connection
    };
    for (const QString& p : pragmas) {
        if (auto s = exec(conn->m_db, p); !s)
            return s.error();
    }
    return conn;
}

} // namespace souk::store
