#include "backend/store/PgMigrations.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include "backend/store/Connection.h"
#include "backend/store/Migrations.h"
#include "backend/store/PgSchema.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPgMigrations, "souk.store.pgmigrations")

namespace souk::store {
namespace {

/// One statement sent as it is: PostgreSQL prepares no DDL (QPSQL would send PREPARE ... AS CREATE).
Status ddl(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return sqlError(q.lastError(), u"migrating: "_s + sql.left(80));
    return {};
}

Status applyFrom(QSqlDatabase& db, int from, int target)
{
    if (from == 0) {
        for (const QString& sql : pgschema::baseline()) {
            if (auto s = ddl(db, sql); !s)
                return s;
        }
        if (auto s = ddl(db, u"CREATE TABLE souk_schema (id SMALLINT PRIMARY KEY CHECK (id = 1), "
                              "application_id BIGINT NOT NULL, version BIGINT NOT NULL)"_s);
            !s)
            return s;
        if (auto s = exec(db, u"INSERT INTO souk_schema (id, application_id, version) VALUES (1, ?, ?)"_s,
                          {qint64(ApplicationId), pgschema::BaselineVersion});
            !s)
            return s;
        from = pgschema::BaselineVersion;
    }
    const QList<QStringList>& steps = pgschema::stepsAfterBaseline();
    for (int v = from; v < target; ++v) {
        for (const QString& sql : steps.at(v - pgschema::BaselineVersion)) {
            if (auto s = ddl(db, sql); !s)
                return s;
        }
    }
    return exec(db, u"UPDATE souk_schema SET version = ? WHERE id = 1"_s, {target});
}

} // namespace

int PgMigrations::currentVersion()
{
    return pgschema::BaselineVersion + int(pgschema::stepsAfterBaseline().size());
}

Result<int> PgMigrations::versionOf(QSqlDatabase& db)
{
    auto marked = scalar(db, u"SELECT to_regclass('souk_schema') IS NOT NULL"_s);
    if (!marked)
        return marked.error();
    if (!marked->toBool()) {
        // an extension's objects are not another program's (pg_auto_failover installs
        // pg_stat_statements, whose views land in the public schema)
        auto tables = scalar(db, u"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                 "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
                                 "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
                                 "AND d.objid = c.oid AND d.deptype = 'e')"_s);
        if (!tables)
            return tables.error();
        if (tables->toLongLong() == 0)
            return 0; // a new, empty database
        return Error::store(ErrorCode::StoreCorrupt, u"this PostgreSQL database holds tables that are not a Souk "
                                                     "store; give Souk a database of its own"_s);
    }
    auto appId = scalar(db, u"SELECT application_id FROM souk_schema WHERE id = 1"_s);
    if (!appId)
        return appId.error();
    if (appId->toLongLong() != ApplicationId)
        return Error::store(ErrorCode::StoreCorrupt, u"this PostgreSQL database is not a Souk store"_s);
    auto version = scalar(db, u"SELECT version FROM souk_schema WHERE id = 1"_s);
    if (!version)
        return version.error();
    return int(version->toLongLong());
}

Status PgMigrations::migrate(QSqlDatabase& db)
{
    const int target = currentVersion();
    if (target != Migrations::currentVersion()) // a SQLite step without its PostgreSQL words
        return Error::internal(u"the PostgreSQL schema is at %1 and SQLite's at %2: a migration step was added for "
                               "one dialect only"_s.arg(target).arg(Migrations::currentVersion()));
    // trigrams of Chinese text and lower() of non-ASCII letters need a UTF-8 character type: under C
    // the search index would silently miss every Chinese title
    auto ctype = scalar(db, u"SELECT datctype FROM pg_database WHERE datname = current_database()"_s);
    if (!ctype)
        return ctype.error();
    if (const QString c = ctype->toString(); c == u"C"_s || c == u"POSIX"_s)
        return Error::invalid(u"store"_s, u"the database's character type is %1; Souk needs a UTF-8 one for Chinese "
                                          "search: CREATE DATABASE ... LC_CTYPE 'C.UTF-8' TEMPLATE template0"_s.arg(c));
    // text compares by code point, as in SQLite: e-mail prefixes are ranges up to U+FFFF and names
    // sort the same on both stores; a language's collation would order and match otherwise
    auto collate = scalar(db, u"SELECT CASE WHEN datlocprovider = 'i' THEN 'ICU ' || daticulocale ELSE datcollate END "
                              "FROM pg_database WHERE datname = current_database()"_s);
    if (!collate)
        return collate.error();
    if (const QString c = collate->toString(); !QStringList{u"C"_s, u"POSIX"_s, u"C.UTF-8"_s, u"C.utf8"_s}.contains(c))
        return Error::invalid(u"store"_s, u"the database sorts text by %1; Souk compares text by code point, as "
                                          "SQLite does: CREATE DATABASE ... LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' "
                                          "TEMPLATE template0"_s.arg(c));
    if (!db.transaction())
        return sqlError(db.lastError(), u"starting migration"_s);
    // held to COMMIT: a second node waits here, then finds the store at the target
    Status status = exec(db, u"SELECT pg_advisory_xact_lock(?)"_s, {MigrationLock});
    int from = 0;
    if (status) {
        auto version = versionOf(db);
        if (!version)
            status = version.error();
        else
            from = *version;
    }
    if (status && from > target)
        status = Error::store(ErrorCode::StoreNewer, u"the store was written by a newer Souk (schema %1; this "
                                                     "version reads up to %2)"_s.arg(from).arg(target));
    else if (status && from > 0 && from < pgschema::BaselineVersion)
        status = Error::store(ErrorCode::StoreCorrupt, u"the store says schema %1, older than any PostgreSQL store "
                                                       "(%2)"_s.arg(from).arg(pgschema::BaselineVersion));
    else if (status && from < target)
        status = applyFrom(db, from, target);
    if (!status) {
        db.rollback();
        return status;
    }
    if (!db.commit())
        return sqlError(db.lastError(), u"committing migration"_s);
    if (from < target)
        qCInfo(lcPgMigrations) << "migrated PostgreSQL store schema" << from << "->" << target;
    return {};
}

Status PgMigrations::prepare(const StoreOptions& options)
{
    auto conn = Connection::open(options, u"setup"_s);
    if (!conn)
        return conn.error();
    QSqlDatabase& db = (*conn)->db();
    if (!options.readOnly)
        return migrate(db);
    auto version = versionOf(db);
    if (!version)
        return version.error();
    if (*version == 0)
        return Error::store(ErrorCode::StoreCorrupt, u"this PostgreSQL database holds no Souk store yet"_s);
    if (*version > currentVersion())
        return Error::store(ErrorCode::StoreNewer, u"the store was written by a newer Souk (schema %1; this version "
                                                   "reads up to %2)"_s.arg(*version)
                                                       .arg(currentVersion()));
    if (*version < currentVersion())
        return Error::store(ErrorCode::StoreReadOnly, u"the store is at schema %1 and must be migrated to %2, which "
                                                      "a read-only open does not do"_s.arg(*version)
                                                          .arg(currentVersion()));
    return {};
}

} // namespace souk::store
