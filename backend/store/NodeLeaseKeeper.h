#pragma once

#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "backend/core/Result.h"
#include "backend/store/NodeLease.h"
#include "backend/store/StoreOptions.h"

namespace souk::store {

class Connection;

/// A writing engine's node id on a PostgreSQL store: leased (NodeLease) when the engine opens,
/// then kept by a thread with a connection of its own, renewed every third of the lease and
/// given back at a clean close. Several nodes write one store; their ids never meet, because
/// ids are made only while lost() says nothing: a renewal that finds the id taken over, or a
/// lease run out by this process's clock before a renewal got through (the database out of
/// reach), stops the node's writes until it is renewed. A successor takes an id over only a
/// whole lease after it ran out, so the old holder has stopped by then (NodeLease's fencing).
/// nodeId() and lost() on any thread; made and destroyed on one.
class NodeLeaseKeeper final
{
    Q_DISABLE_COPY_MOVE(NodeLeaseKeeper)
public:
    static constexpr qint64 DefaultTtlMs = 15'000;

    /// Takes the lowest free node id in 1..`nodeMax` on the store at `options.path`; Conflict
    /// (field "nodeId") when every one is held, a store error when the database cannot be reached.
    static Result<std::unique_ptr<NodeLeaseKeeper>> start(const StoreOptions& options, int nodeMax,
                                                          qint64 ttlMs = DefaultTtlMs);
    /// Gives the id back (unless it was taken over) and ends the thread.
    ~NodeLeaseKeeper();

    int nodeId() const { return m_nodeId.load(); }
    /// Why this node may not make ids now (Unavailable), or nothing while it may.
    std::optional<Error> lost() const;

private:
    NodeLeaseKeeper(StoreOptions options, int nodeMax, qint64 ttlMs);
    /// The thread: takes the lease (reporting through `started`), then renews it until told to stop.
    void run();
    /// Renews once; a connection that failed is opened again for the next time.
    void renew(std::unique_ptr<Connection>& connection, NodeLease::Held& held);
    void publishValidFor(qint64 remainingMs);

    const StoreOptions m_options;
    const int m_nodeMax;
    const qint64 m_ttlMs;
    const QString m_holder;
    std::atomic<int> m_nodeId = 0;
    std::atomic<qint64> m_validUntilNs = 0; ///< QDeadlineTimer's clock: ids only before it
    std::atomic<bool> m_takenOver = false;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_started = false; ///< guarded by m_mutex, as the two below
    bool m_stopping = false;
    std::optional<Error> m_startError;
    std::thread m_thread;
};

} // namespace souk::store
