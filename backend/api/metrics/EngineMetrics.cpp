#include "backend/api/metrics/EngineMetrics.h"

#include <QFileInfo>
#include <QLoggingCategory>

#include <array>
#include <atomic>
#include <limits>

#include "backend/api/metrics/Registry.h"
#include "backend/engine/Engine.h"
#include "backend/engine/PaymentFlows.h"
#include "backend/payments/ProviderOutbox.h"

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcMetrics) // Family.cpp

namespace souk::metrics {
namespace {

/// A file's size, 0 when it is not there (no log after a clean close). One stat.
double fileBytes(const QString& path)
{
    const QFileInfo info(path);
    return info.exists() ? double(info.size()) : 0.0;
}

} // namespace

struct EngineMetrics::Outbox
{
    // NaN until the first count: a 0 would claim an empty outbox nobody has looked at
    std::atomic<double> waiting{std::numeric_limits<double>::quiet_NaN()};
    std::atomic<double> dead{std::numeric_limits<double>::quiet_NaN()};
    std::atomic<bool> reading{false}; ///< a count is under way: a slow store gets one at a time
    std::atomic<bool> failing{false}; ///< the last count failed (logged once until one succeeds)
};

EngineMetrics::EngineMetrics(Registry& registry, engine::Engine& engine, engine::PaymentFlows& flows,
                             int outboxRefreshMs, QObject* parent)
    : QObject(parent), m_engine(engine), m_flows(flows), m_outbox(std::make_shared<Outbox>())
{
    wireWriter(registry);
    wireOrders(registry);
    wirePayments(registry);

    // a file's sizes; a PostgreSQL store's are the database server's to export
    if (const QString store = engine.storeOptions().path; !engine.storeOptions().isPostgres()) {
        m_callbacks << &registry.callbackGauge(u"souk_store_size_bytes"_s,
                                               u"Size of the store's SQLite file, read (stat) at scrape"_s,
                                               [store] { return fileBytes(store); });
        m_callbacks << &registry.callbackGauge(
            u"souk_store_wal_size_bytes"_s,
            u"Size of the store's write-ahead log, read (stat) at scrape; 0 when there is none"_s,
            [wal = QString(store + u"-wal"_s)] { return fileBytes(wal); }); // a QString, not a builder of temporaries
    }

    const QString every = QString::number(outboxRefreshMs / 1000.0);
    std::shared_ptr<Outbox> outbox = m_outbox;
    m_callbacks << &registry.callbackGauge(
        u"souk_outbox_depth"_s,
        u"Provider calls (releases, captures, refunds) decided and not yet confirmed by the provider; counted "
        "from the store every %1 s (NaN before the first count)"_s.arg(every),
        [outbox] { return outbox->waiting.load(std::memory_order_relaxed); });
    m_callbacks << &registry.callbackGauge(
        u"souk_outbox_dead_letters"_s,
        u"Provider calls that ended as dead letters and wait for a person; counted from the store every %1 s "
        "(NaN before the first count)"_s.arg(every),
        [outbox] { return outbox->dead.load(std::memory_order_relaxed); });

    m_timer.setInterval(outboxRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &EngineMetrics::refreshOutbox);
    wireDatabase(registry, every);
    m_timer.start();
    refreshOutbox();
}

void EngineMetrics::wireWriter(Registry& registry)
{
    m_callbacks << &registry.callbackGauge(u"souk_writer_queue_depth"_s,
                                           u"Commands waiting for the engine's writer, read at scrape"_s,
                                           [e = &m_engine] { return double(e->writerQueueDepth()); });
    Histogram& seconds = registry.histogram(
        u"souk_writer_commit_seconds"_s,
        u"Time from a transaction's BEGIN to its COMMIT returning, per transaction the writer committed"_s,
        commitBucketsSeconds());
    Histogram& commands = registry.histogram(u"souk_writer_batch_commands"_s,
                                             u"Commands per transaction the writer committed"_s, batchCommandBuckets());
    Counter& commits =
        registry.counter(u"souk_writer_commits_total"_s, u"Transactions the writer committed since the node started"_s);
    Counter& commandsRun = registry.counter(
        u"souk_engine_commands_total"_s,
        u"Commands the writer ran in committed transactions (kept, or rolled back alone), since the node started"_s);
    // on the writer thread, after each commit: four relaxed atomic updates, no lock
    m_engine.setCommitObserver([&seconds, &commands, &commits, &commandsRun](double took, int count) {
        seconds.observe(took);
        commands.observe(count);
        commits.inc();
        commandsRun.inc(quint64(count));
    });
}

void EngineMetrics::wireOrders(Registry& registry)
{
    Counter& placed = registry.counter(u"souk_orders_placed_total"_s,
                                       u"Orders created and committed on this node since it started"_s);
    // the feed as it is published, on the writer's completion thread (direct: no copy of the list
    // is queued): a rolled-back order was never in it. One pass over the batch's changes, no lock
    connect(
        &m_engine, &engine::Engine::committed, this,
        [&placed](const ChangeList& changes) {
            quint64 created = 0;
            for (const Change& c : changes)
                created += c.op == ChangeOp::Created && c.entity == u"order"_s;
            if (created > 0)
                placed.inc(created);
        },
        Qt::DirectConnection);
}

void EngineMetrics::wirePayments(Registry& registry)
{
    using Flows = engine::PaymentFlows;
    CounterFamily& authorizations = registry.counterFamily(
        u"souk_payment_authorizations_total"_s,
        u"Authorizations the provider was asked for, by outcome: approved or declined (its final answer, "
        "recorded), failed (no final answer: unreachable, timeout, processing error; or an answer not "
        "recorded). Risk blocks never reach the provider"_s,
        {u"outcome"_s});
    CounterFamily& calls = registry.counterFamily(
        u"souk_provider_calls_total"_s,
        u"Calls sent to the payment provider, by call and outcome: done (answered for good) or failed "
        "(tried again later, or set aside)"_s,
        {u"call"_s, u"outcome"_s});
    // every series from the first scrape, at 0, and held here: an update takes no lock. The
    // enums' order is the arrays' (asserted): an index, not a lookup
    static_assert(int(Flows::AuthorizationOutcome::Approved) == 0 && int(Flows::AuthorizationOutcome::Declined) == 1 &&
                  int(Flows::AuthorizationOutcome::Failed) == 2);
    static_assert(int(Flows::ProviderCallKind::Authorize) == 0 && int(Flows::ProviderCallKind::Capture) == 1 &&
                  int(Flows::ProviderCallKind::Release) == 2 && int(Flows::ProviderCallKind::Refund) == 3);
    std::array<Counter*, 3> byOutcome{};
    const QStringList outcomes{u"approved"_s, u"declined"_s, u"failed"_s};
    for (size_t i = 0; i < byOutcome.size(); ++i)
        byOutcome[i] = &authorizations.with({outcomes[qsizetype(i)]});
    std::array<std::array<Counter*, 2>, 4> byCall{}; // [call][done, failed]
    const QStringList callNames{u"authorize"_s, u"capture"_s, u"release"_s, u"refund"_s};
    for (size_t i = 0; i < byCall.size(); ++i) {
        byCall[i][0] = &calls.with({callNames[qsizetype(i)], u"done"_s});
        byCall[i][1] = &calls.with({callNames[qsizetype(i)], u"failed"_s});
    }
    Flows::Observer observer;
    observer.authorization = [byOutcome](Flows::AuthorizationOutcome outcome) { byOutcome[size_t(outcome)]->inc(); };
    observer.providerCall = [byCall](Flows::ProviderCallKind call, bool done) {
        byCall[size_t(call)][done ? 0 : 1]->inc();
    };
    m_flows.setObserver(std::move(observer));
}

EngineMetrics::~EngineMetrics()
{
    m_timer.stop();
    m_engine.setCommitObserver({});
    m_flows.setObserver({});
    for (GaugeFamily* family : std::as_const(m_callbacks))
        family->clearCallback({});
    // a count in flight writes only to m_outbox, which it shares
}

void EngineMetrics::refreshOutbox()
{
    if (m_outbox->reading.exchange(true))
        return;
    std::shared_ptr<Outbox> outbox = m_outbox;
    m_engine.read<payments::OutboxCounts>(
        [](QSqlDatabase& db) { return payments::ProviderOutbox::counts(db); }, engine::ReadMode::Snapshot,
        [outbox](const Result<payments::OutboxCounts>& counted) {
            if (counted) {
                outbox->waiting.store(double(counted->waiting), std::memory_order_relaxed);
                outbox->dead.store(double(counted->dead), std::memory_order_relaxed);
                outbox->failing.store(false);
            } else if (!outbox->failing.exchange(true)) {
                // the gauges keep their last count; a store that cannot be read says so elsewhere too
                qCWarning(lcMetrics).noquote() << "cannot count the provider outbox:" << counted.error().toString();
            }
            outbox->reading.store(false);
        });
}

QList<double> EngineMetrics::commitBucketsSeconds()
{
    return {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

QList<double> EngineMetrics::batchCommandBuckets()
{
    return {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
}

} // namespace souk::metrics
