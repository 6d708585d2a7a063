#pragma once

#include <QLockFile>
#include <QString>

#include <memory>

#include "backend/core/Result.h"
#include "backend/store/StoreOptions.h"

namespace souk {
class Clock;
}

namespace souk::store {

/// A store file made ready for use: checked, locked against other processes, migrated.
/// Owned by whoever runs the engine; the lock is held until it is destroyed. Any thread.
class StoreFile final
{
    Q_DISABLE_COPY_MOVE(StoreFile)
public:
    /// Checks the file (readable, writable, an SQLite file, a Souk store, intact, not newer),
    /// locks it, creates or migrates it. Each failure is a coded Error with a plain message.
    static Result<std::unique_ptr<StoreFile>> prepare(const StoreOptions& options, const Clock& clock);
    ~StoreFile();

    const StoreOptions& options() const { return m_options; }
    /// The backup written before a migration, or empty.
    const QString& backupPath() const { return m_backupPath; }
    bool created() const { return m_created; }

private:
    explicit StoreFile(StoreOptions options);
    StoreOptions m_options;
    std::unique_ptr<QLockFile> m_lock;
    QString m_backupPath;
    bool m_created = false;
};

/// Checks that `path` can be opened at all (exists or can be created, permissions, SQLite
/// header) without opening it. Used by prepare() and by read-only tools.
Status checkStorePath(const QString& path, bool needWrite);

} // namespace souk::store
