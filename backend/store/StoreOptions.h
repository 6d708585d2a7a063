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
};

} // namespace souk::store
