#pragma once

#include <QString>

namespace souk::store {

/// How durable a commit is. Normal survives a process crash (WAL); Full also survives power loss.
enum class Durability
{
    Normal,
    Full,
};

/// Where and how to open a store. Plain struct, filled from arguments or a config file.
struct StoreOptions
{
    QString path;
    Durability durability = Durability::Normal;
    int busyTimeoutMs = 5000;
    bool readOnly = false;     ///< open for reading only (soukctl check/export); no lock, no migration
    bool backupBeforeMigration = true;
    /// The write-ahead log is copied into the store by a thread of its own once it holds this
    /// many pages (4 KiB each); 0 leaves it to SQLite's checkpoint inside the writer's commits.
    int checkpointPages = 4000;
};

} // namespace souk::store
