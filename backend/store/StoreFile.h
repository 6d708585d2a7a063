#pragma once

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
/// The lock is a kernel lock (flock) on "<store>.lock", held open for the StoreFile's life: it dies
/// with the process, so a lock file a crashed program left behind never blocks the store, and the
/// file names the holder (pid, program, host) for the error a second opener sees.
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
    int m_lockFd = -1; ///< the open, flock()ed lock file; -1 when read-only
    QString m_lockPath;
    QString m_backupPath;
    bool m_created = false;
};

/// Checks that `path` can be opened at all (exists or can be created, a regular file, permissions,
/// SQLite header) without opening it as a database. A FIFO, device, socket or folder is refused
/// before anything opens it (opening a FIFO would wait for a writer). Used by prepare() and by
/// read-only tools.
Status checkStorePath(const QString& path, bool needWrite);

} // namespace souk::store
