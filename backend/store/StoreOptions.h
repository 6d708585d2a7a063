#pragma once

#include <QString>

namespace souk::store {

/// How durable a commit is. Full (the default) syncs the log at every commit, so a command is
/// acknowledged, and its provider calls leave, only once it survives power loss. Normal
/// survives a crash of the process but may lose the last commits on power loss: for demos and
/// throwaway stores only, never where money is real.
enum class Durability
{
    Normal,
    Full,
};

/// Where and how to open a store. Plain struct, filled from arguments or a config file.
struct StoreOptions
{
    /// An SQLite file, or a PostgreSQL database as a libpq URL ("postgresql://user@host:port/db",
    /// several hosts allowed, with target_session_attrs=read-write for a failover pair).
    QString path;
    Durability durability = Durability::Full;
    int busyTimeoutMs = 5000;
    bool readOnly = false;     ///< open for reading only (soukctl check/export); no lock, no migration
    bool backupBeforeMigration = true;
    /// The write-ahead log is copied into the store by a thread of its own once it holds this
    /// many pages (4 KiB each); 0 leaves it to SQLite's checkpoint inside the writer's commits.
    int checkpointPages = 4000;

    /// Whether `path` is a PostgreSQL URL rather than a file.
    bool isPostgres() const { return isPostgresUrl(path); }
    static bool isPostgresUrl(const QString& text)
    {
        return text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"));
    }
    /// A store's path as logs and messages show it: a URL's password (user:password@) becomes ***.
    static QString shown(const QString& path)
    {
        if (!isPostgresUrl(path))
            return path;
        QString out = path;
        const qsizetype scheme = out.indexOf(QLatin1String("://")) + 3;
        const qsizetype at = out.indexOf(u'@', scheme);
        const qsizetype colon = out.indexOf(u':', scheme);
        if (at >= 0 && colon >= 0 && colon < at)
            out = out.left(colon + 1) + QLatin1String("***") + out.mid(at);
        // and a password given as a parameter (?password=... or &password=...)
        for (qsizetype p = out.indexOf(QLatin1String("password="), scheme); p >= 0;
             p = out.indexOf(QLatin1String("password="), p + 1)) {
            if (out[p - 1] != u'?' && out[p - 1] != u'&')
                continue;
            const qsizetype end = out.indexOf(u'&', p);
            out = out.left(p + 9) + QLatin1String("***") + (end < 0 ? QString() : out.mid(end));
        }
        return out;
    }
};

} // namespace souk::store
