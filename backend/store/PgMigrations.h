#pragma once

#include <QSqlDatabase>

#include "backend/core/Result.h"
#include "backend/store/StoreOptions.h"

namespace souk::store {

/// Forward-only migrations of a PostgreSQL store. It begins at pgschema::BaselineVersion (the
/// SQLite schema of that version in PostgreSQL's words) and follows the same numbered steps after
/// it. The version is the one row of `souk_schema`, beside the application id SQLite keeps in its
/// header. A migration is one transaction under an advisory lock: nodes that start together
/// migrate once, the others wait and find it done, and a failed step leaves nothing behind
/// (PostgreSQL's DDL is transactional). Stateless; the caller's connection, on its thread.
class PgMigrations final
{
public:
    /// The advisory lock every migration takes ("Souk" and 1).
    static constexpr qint64 MigrationLock = 0x536F756B'00000001;

    /// The schema this build writes: the same number as Migrations::currentVersion().
    static int currentVersion();
    /// 0 for an empty database, the store's version, or StoreCorrupt for a database that holds
    /// tables of something else.
    static Result<int> versionOf(QSqlDatabase& db);
    /// Brings the database to currentVersion(); refuses a newer store (StoreNewer).
    static Status migrate(QSqlDatabase& db);
    /// Makes the PostgreSQL store `options.path` ready for an engine, as StoreFile does for a file:
    /// connects, then migrates it, or, read-only, checks that it is a store of this version.
    static Status prepare(const StoreOptions& options);
};

} // namespace souk::store
