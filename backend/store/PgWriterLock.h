#pragma once

#include <QString>

#include <memory>

#include "backend/core/Result.h"

namespace souk::store {

/// One writing engine per PostgreSQL store, as the lock file is for an SQLite store: a session
/// advisory lock, held on a libpq connection of its own for the engine's life. The server ends
/// the session, and frees the lock, when the process dies. Until several nodes share a store
/// safely (node ids by lease, the ledger's chain in commit order), a second writer is refused.
/// Any thread: a plain libpq connection, used only to take and keep the lock.
class PgWriterLock final
{
    Q_DISABLE_COPY_MOVE(PgWriterLock)
public:
    /// "Souk" and 4.
    static constexpr qint64 Lock = 0x536F756B'00000004;

    /// Takes the lock on the store at `url`; StoreLocked when another engine holds it.
    static Result<std::unique_ptr<PgWriterLock>> take(const QString& url);
    ~PgWriterLock();

private:
    explicit PgWriterLock(void* connection) : m_connection(connection) {}
    void* m_connection; ///< the PGconn holding the lock
};

} // namespace souk::store
