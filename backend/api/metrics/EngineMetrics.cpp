#include "backend/api/metrics/EngineMetrics.h"

#include <QFileInfo>
#include <QLoggingCategory>

#include <atomic>
#include <limits>

#include "backend/api/metrics/Registry.h"
#include "backend/engine/Engine.h"
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

EngineMetrics::EngineMetrics(Registry& registry, engine::Engine& engine, int outboxRefreshMs, QObject* parent)
    : QObject(parent), m_engine(engine), m_outbox(std::make_shared<Outbox>())
{
    m_callbacks << &registry.callbackGauge(u"souk_writer_queue_depth"_s,
                                           u"Commands waiting for the engine's writer, read at scrape"_s,
                                           [e = &engine] { return double(e->writerQueueDepth()); });
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
    engine.setCommitObserver([&seconds, &commands, &commits, &commandsRun](double took, int count) {
        seconds.observe(took);
        commands.observe(count);
        commits.inc();
        commandsRun.inc(quint64(count));
    });

    const QString store = engine.storeFile().options().path;
    m_callbacks << &registry.callbackGauge(u"souk_store_size_bytes"_s,
                                           u"Size of the store's SQLite file, read (stat) at scrape"_s,
                                           [store] { return fileBytes(store); });
    m_callbacks << &registry.callbackGauge(
        u"souk_store_wal_size_bytes"_s,
        u"Size of the store's write-ahead log, read (stat) at scrape; 0 when there is none"_s,
        [wal = QString(store + u"-wal"_s)] { return fileBytes(wal); }); // a QString, not a builder of temporaries

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
    m_timer.start();
    refreshOutbox();
}

EngineMetrics::~EngineMetrics()
{
    m_timer.stop();
    m_engine.setCommitObserver({});
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
