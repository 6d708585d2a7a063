#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace souk::engine {
class Engine;
class PaymentFlows;
} // namespace souk::engine

namespace souk::metrics {

class GaugeFamily;
class Registry;

/// The engine's series on a node's registry: the writer's queue depth, its commits with their
/// latency and size, the commands they held, the store file's and its log's size, the provider
/// outbox's depth and dead letters, the orders placed, and the authorizations and provider calls
/// by outcome. Orders are counted from the change feed as it is published (a rolled-back order
/// is never in it); the payment work reports to a PaymentFlows::Observer that bumps counters
/// (relaxed atomics, on the flows' threads). The writer reports each commit itself
/// (Engine::setCommitObserver: lock-free histogram and counter updates on its thread); the queue
/// depth is an atomic and the sizes a stat, read at scrape. The outbox needs a store read, so it
/// is counted on a reader every `outboxRefreshMs` and a scrape shows the last count: a scrape
/// never waits on the store. Lives on the thread that made it (its timer needs an event loop);
/// destroy it before the engine, and keep the registry until the engine is gone.
class EngineMetrics final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineMetrics)
public:
    static constexpr int DefaultOutboxRefreshMs = 5000;

    /// `flows` runs the engine's payment work; destroy this before it too.
    EngineMetrics(Registry& registry, engine::Engine& engine, engine::PaymentFlows& flows,
                  int outboxRefreshMs = DefaultOutboxRefreshMs, QObject* parent = nullptr);
    /// Stops the outbox counts, the observers and the callbacks that read the engine and the
    /// files.
    ~EngineMetrics() override;

    /// Counts the outbox on a reader now, unless a count is under way; the gauges change when
    /// it is done.
    void refreshOutbox();

    /// On PostgreSQL: reads the database's state on a reader now (the primary's address,
    /// its connections, each standby's replication lag), unless a read is under way.
    void refreshDatabase();

    /// A commit's seconds: 50 µs (a commit without a sync) to 10 s (a stalled disk).
    static QList<double> commitBucketsSeconds();
    /// Commands per transaction: powers of two up to the engine's default batch size.
    static QList<double> batchCommandBuckets();

private:
    struct Outbox;   // the last counts, shared with the read in flight
    struct Database; // the database's gauges, shared with the read in flight

    void wireWriter(Registry& registry);
    void wireOrders(Registry& registry);
    void wirePayments(Registry& registry);
    void wireDatabase(Registry& registry, const QString& every); ///< EngineMetricsDatabase.cpp

    engine::Engine& m_engine;
    engine::PaymentFlows& m_flows;
    std::shared_ptr<Outbox> m_outbox;
    std::shared_ptr<Database> m_database; ///< null for a SQLite store
    QList<GaugeFamily*> m_callbacks; ///< cleared before the engine goes
    QTimer m_timer;
};

} // namespace souk::metrics
