#pragma once

#include <QThread>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

#include "backend/engine/WriteJob.h"
#include "backend/store/Checkpointer.h"
#include "backend/store/StoreOptions.h"

namespace souk::engine {

class Engine;

/// The engine's single writer thread. Owns the writer connection (opened and closed inside
/// run()); takes queued jobs in batches, runs them in one transaction (see runBatch), commits,
/// then completes the jobs and publishes the batch's changes. The log is checkpointed by a
/// Checkpointer thread, not inside the writer's commits. Owned by Engine.
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

protected:
    void run() override;

private:
    std::deque<std::unique_ptr<WriteJob>> takeBatch();
    void failAll(const Error& error);

    Engine& m_engine;
    const store::StoreOptions m_options;
    const int m_batchMax;
    const int m_queueMax;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::unique_ptr<WriteJob>> m_queue;
    bool m_stopping = false;
    store::Checkpointer m_checkpointer; ///< outlives the writer connection, whose hook points at it
};

} // namespace souk::engine
