#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <QString>

#include "backend/core/Result.h"

namespace souk {
class Clock;
}

namespace souk::store {

/// PRAGMA application_id of every Souk store ("Souk" in ASCII), so a foreign SQLite file is refused.
inline constexpr qint32 ApplicationId = 0x536F756B;

/// Forward-only schema migrations, versioned with PRAGMA user_version. Stateless.
class Migrations final
{
public:
    /// The schema this build writes. Bump it and add a step; never edit a shipped step.
    static int currentVersion();
    /// The shipped steps (step N: version N -> N + 1), for tests that build a store of an older
    /// schema with migrateWith() and upgrade it.
    static const QList<QStringList>& shipped();

    /// The version a store is at (0 for an empty file), or StoreCorrupt when the file is
    /// not a Souk store.
    static Result<int> versionOf(QSqlDatabase& db);

    /// Brings the store to currentVersion(). Refuses a newer store (StoreNewer). Before changing
    /// a non-empty store, copies it to `<path>.v<old>-<UTC stamp>.bak` (VACUUM INTO) when
    /// `backupPath` is not null, and reports that path there.
    static Status migrate(QSqlDatabase& db, const QString& path, const Clock& clock, QString* backupPath);

    /// The same with explicit steps (step N: version N -> N + 1). For tests of future upgrades.
    static Status migrateWith(const QList<QStringList>& steps, QSqlDatabase& db, const QString& path,
                              const Clock& clock, QString* backupPath);
};

} // namespace souk::store
