#pragma once

#include <QThread>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

#include "backend/engine/WriteJob.h"
#include "backend/store/StoreOptions.h"

namespace souk::engine {

class Engine;

/// The engine's single writer thread. Owns the writer connection (opened and closed inside
/// run()); takes queued jobs in batches, runs each in a savepoint of one transaction, commits,
/// then completes the jobs and publishes the batch's changes. Owned by Engine.
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
};

} // namespace souk::engine
