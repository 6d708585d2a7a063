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
    QString path;
    Durability durability = Durability::Full;
    int busyTimeoutMs = 5000;
    bool readOnly = false;     ///< open for reading only (soukctl check/export); no lock, no migration
    bool backupBeforeMigration = true;
    /// The write-ahead log is copied into the store by a thread of its own once it holds this
    /// many pages (4 KiB each); 0 leaves it to SQLite's checkpoint inside the writer's commits.
    int checkpointPages = 4000;
};

} // namespace souk::store
