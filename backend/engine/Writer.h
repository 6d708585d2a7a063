#pragma once

#include <QThread>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "backend/core/Change.h"
#include "backend/engine/WriteJob.h"
#include "backend/store/Checkpointer.h"
#include "backend/store/StoreOptions.h"

namespace souk::store {
class Connection;
class LookupCache;
} // namespace souk::store

namespace souk::engine {

class Engine;

/// The engine's single writer thread. Owns the writer connection (opened and closed inside
/// run()); takes queued jobs in batches, runs them in one transaction (see runBatch), commits,
/// then hands the batch to its completion thread, which publishes the batch's changes and
/// completes the jobs (their continuations run there, not on the writer). The log is
/// checkpointed by a Checkpointer thread, not inside the writer's commits. Owned by Engine.
class Writer final : public QThread
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Writer)
public:
    Writer(Engine& engine, store::StoreOptions options, int batchMax, int queueMax);
    ~Writer() override;

    /// Queues a job; fails it at once when the queue is full or the writer has stopped.
    void enqueue(std::unique_ptr<WriteJob> job);
    /// Finishes the queued jobs, then ends the thread.
    void stop();
    /// Checkpoints the background thread has run (0 where SQLite checkpoints in the commits).
    qint64 checkpoints() const { return m_checkpointer.checkpoints(); }
    /// Transactions committed so far.
    qint64 commits() const { return m_commits.load(std::memory_order_relaxed); }
    /// Commands in the transactions committed so far (each ran once: kept, or rolled back alone).
    qint64 commandsCommitted() const { return m_commandsCommitted.load(std::memory_order_relaxed); }
    /// Commands queued and not yet taken into a batch. Any thread, no lock.
    int queueDepth() const { return m_queueDepth.load(std::memory_order_relaxed); }
    /// Called on this thread after each commit with the seconds from BEGIN to COMMIT's return and
    /// the batch's commands; see Engine::setCommitObserver. Any thread; empty clears it.
    using CommitObserver = std::function<void(double seconds, int commands)>;
    void setCommitObserver(CommitObserver observer);

protected:
    void run() override;

private:
    std::deque<std::unique_ptr<WriteJob>> takeBatch();
    /// Opens the writer connection (again), with its lookup cache.
    std::optional<Error> connect();
    /// BEGINs the next batch's transaction, first opening the connection again when PostgreSQL
    /// dropped it; a BEGIN that finds it dropped is tried once more on a new one.
    std::optional<Error> beginBatch();
    /// On PostgreSQL: whether the writer has no connection, or a broken one (a failover).
    bool databaseLost();
    /// Puts jobs back at the front of the queue, in their order (they lost a wait to another node).
    void requeueFirst(std::deque<std::unique_ptr<WriteJob>>& jobs);
    /// A committed (or failed) batch, waiting for its completion.
    struct Done
    {
        std::deque<std::unique_ptr<WriteJob>> jobs;
        std::optional<Error> commitError;
        ChangeList changes;
    };
    /// Counts a committed batch and tells the commit observer.
    void countCommit(double seconds, int commands);
    void handOver(Done done);
    void completeLoop();
    void failAll(const Error& error);

    Engine& m_engine;
    const store::StoreOptions m_options;
    std::unique_ptr<store::Connection> m_connection; ///< the writer thread's, opened and closed in run()
    std::unique_ptr<store::LookupCache> m_lookups;
    const int m_batchMax;
    const int m_queueMax;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::unique_ptr<WriteJob>> m_queue;
    bool m_stopping = false;
    std::atomic<qint64> m_commits{0};
    std::atomic<qint64> m_commandsCommitted{0};
    std::atomic<int> m_queueDepth{0}; ///< m_queue's size, written under m_mutex, read without it
    // read once per batch; a shared_ptr so a new observer never frees one the writer is calling
    std::atomic<std::shared_ptr<const CommitObserver>> m_commitObserver;
    std::mutex m_doneMutex;
    std::condition_variable m_doneWake;
    std::deque<Done> m_done;
    bool m_doneClosing = false;
    store::Checkpointer m_checkpointer; ///< outlives the writer connection, whose hook points at it
};

} // namespace souk::engine
