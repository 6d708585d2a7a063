#pragma once

#include <QSqlDatabase>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "backend/store/StoreOptions.h"

namespace souk::store {

/// Copies the write-ahead log back into the store file on a thread of its own, so the writer
/// never does it inside a commit. SQLite's default checkpoints on the committing connection
/// once the log passes 1,000 pages: copying the pages and syncing the file then stalls every
/// command queued behind that commit.
///
/// attach() takes over the writer connection's WAL hook (SQLite's auto-checkpoint is off from
/// then on); each commit reports the log's length. Once it reaches `options.checkpointPages`
/// the thread runs a PASSIVE checkpoint on its own connection, which blocks neither the writer
/// nor a reader, and copies nearly all of the log with its file syncs.
///
/// Only the writer can start the log over, and only when, as its transaction begins, every
/// frame is in the store file. Under steady writes the writer always appends frames while the
/// thread copies, so that moment never comes by itself: once the thread has copied what it saw,
/// the writer's next commit past the mark checkpoints the few frames added since (a short copy
/// on the writer), and the commit after it starts the log over. The file so stays near
/// `checkpointPages` pages.
/// Where the QtSql driver does not share Souk's SQLite (no native handle), attach() returns
/// false and the writer keeps SQLite's own auto-checkpoint.
class Checkpointer final
{
public:
    explicit Checkpointer(StoreOptions options);
    ~Checkpointer(); ///< stops the thread; a checkpoint under way finishes first
    Q_DISABLE_COPY_MOVE(Checkpointer)

    /// Hooks the writer connection's commits; call on the writer thread after opening it.
    bool attach(QSqlDatabase& writer);
    /// The writer's commit left `pages` pages in the log (called by the hook, writer thread);
    /// true when the writer should checkpoint the rest itself now.
    bool walGrew(int pages);
    /// Checkpoints run so far (tests and benchmarks).
    qint64 checkpoints() const;

private:
    void run();

    StoreOptions m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;
    bool m_caughtUp = false; ///< the thread copied all it saw: the writer finishes the log
    bool m_threadFailed = false; ///< no checkpoint connection: the writer checkpoints past the mark
    bool m_stopping = false;
    qint64 m_done = 0;
    std::thread m_thread; ///< last: started once the members above exist
};

} // namespace souk::store
