#include <QFileInfo>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTest>

#include <atomic>
#include <cmath>
#include <limits>

#include "backend/api/metrics/EngineMetrics.h"
#include "backend/api/metrics/Registry.h"
#include "backend/engine/Engine.h"
#include "backend/store/Sql.h"
#include "tests/api/MetricsText.h"
#include "tests/support/Keys.h"
#include "tests/support/OrderSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;
using souk::metrics::EngineMetrics;
using souk::metrics::Registry;
using souk::test::hasMetric;
using souk::test::metricSample;
using souk::test::OrderSupport;
using souk::test::promtoolCheck;
using souk::test::StoreFixture;

/// The engine's series a node exports (EngineMetrics) on a real store: the writer's queue depth
/// while the writer is held, each commit in the latency and size histograms and the counters,
/// the store's size, and the provider outbox's depth and dead letters as the store holds them
/// after captures the provider failed and refused; the orders placed (never a rolled-back one),
/// the authorizations by outcome and the provider's calls by call and outcome, each at 0 before
/// anything happened; the scrape passes promtool.
class TestEngineMetrics final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void queueDepthCountsWaitingCommands();
    void everyCommitIsObserved();
    void outboxDepthAndDeadLettersFollowTheStore();
    void paymentSeriesStartAtZero();
    void ordersPlacedCountsCommittedOrders();
    void authorizationsByOutcome();
    void providerCallsByCallAndOutcome();
    void scrapePassesPromtool();

private:
    /// A card whose number decides the simulated provider's answer.
    static payments::CardInput card(const char* number) { return {QString::fromLatin1(number), 12, 2030, u"123"_s}; }

    template <typename T> T wait(QFuture<T> f) { return StoreFixture::wait(std::move(f)); }
    qint64 count(const QString& sql);
    QByteArray scrape() const { return m_registry->exposition(); }

    std::unique_ptr<MockClock> m_clock; // provider retries wait for it: a failed call stays put
    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<OrderSupport> m_orders;
    std::unique_ptr<Registry> m_registry; // outlives the engine, as on the node
    std::unique_ptr<EngineMetrics> m_metrics;
};

void TestEngineMetrics::init()
{
    m_clock = std::make_unique<MockClock>();
    m_registry = std::make_unique<Registry>();
    m_f = std::make_unique<StoreFixture>(u"EUR"_s, *m_clock);
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 10);
    m_orders = std::make_unique<OrderSupport>(*m_f);
    m_metrics = std::make_unique<EngineMetrics>(*m_registry, m_f->client().engine(), m_f->client().paymentFlows(), 50);
}

void TestEngineMetrics::cleanup()
{
    m_metrics.reset();
    m_orders.reset();
    m_f.reset();
    m_registry.reset();
    m_clock.reset();
}

qint64 TestEngineMetrics::count(const QString& sql)
{
    auto n = wait(m_f->client().engine().read<QVariant>([sql](QSqlDatabase& db) { return store::scalar(db, sql); }));
    return n ? n->toLongLong() : -1;
}

void TestEngineMetrics::queueDepthCountsWaitingCommands()
{
    engine::Engine& engine = m_f->client().engine();
    QCOMPARE(metricSample(scrape(), "souk_writer_queue_depth"), 0.0);
    // one command holds the writer; the five queued behind it wait, and the gauge says so
    auto started = std::make_shared<std::atomic<bool>>(false);
    auto release = std::make_shared<QSemaphore>();
    const Actor tester{u"tester"_s, u"owner"_s};
    auto held = engine.write<bool>(tester, [started, release](store::UnitOfWork&) -> Result<bool> {
        started->store(true);
        release->acquire();
        return true;
    });
    QTRY_VERIFY(started->load());
    QList<QFuture<Result<bool>>> queued;
    for (int i = 0; i < 5; ++i)
        queued << engine.write<bool>(tester, [](store::UnitOfWork&) -> Result<bool> { return true; });
    QCOMPARE(engine.writerQueueDepth(), 5);
    QCOMPARE(metricSample(scrape(), "souk_writer_queue_depth"), 5.0);
    release->release();
    QVERIFY(wait(held));
    for (auto& f : queued)
        QVERIFY(wait(f));
    QCOMPARE(metricSample(scrape(), "souk_writer_queue_depth"), 0.0);
    // the five went in one transaction behind the held one
    const QByteArray text = scrape();
    QCOMPARE(metricSample(text, "souk_writer_batch_commands_bucket{le=\"4\"}"), 1.0);
    QCOMPARE(metricSample(text, "souk_writer_batch_commands_bucket{le=\"8\"}"), 2.0);
    QCOMPARE(metricSample(text, "souk_writer_batch_commands_sum"), 6.0);
}

void TestEngineMetrics::everyCommitIsObserved()
{
    engine::Engine& engine = m_f->client().engine();
    const qint64 commitsBefore = engine.commits();
    const qint64 commandsBefore = engine.commandsCommitted();
    QCOMPARE(metricSample(scrape(), "souk_writer_commits_total"), 0.0); // counted from when the node wires them
    for (int i = 0; i < 4; ++i)
        m_orders->place(u"EAR-1"_s, 1);
    const qint64 commits = engine.commits() - commitsBefore;
    const qint64 commands = engine.commandsCommitted() - commandsBefore;
    QVERIFY(commits >= 4);
    QVERIFY(commands >= commits);
    const QByteArray text = scrape();
    QCOMPARE(metricSample(text, "souk_writer_commits_total"), double(commits));
    QCOMPARE(metricSample(text, "souk_writer_commit_seconds_count"), double(commits));
    QCOMPARE(metricSample(text, "souk_writer_batch_commands_count"), double(commits));
    QCOMPARE(metricSample(text, "souk_engine_commands_total"), double(commands));
    QCOMPARE(metricSample(text, "souk_writer_batch_commands_sum"), double(commands));
    // a commit takes some time, and far less than a second on a test machine's disk
    const double seconds = metricSample(text, "souk_writer_commit_seconds_sum");
    QVERIFY2(seconds > 0 && seconds / double(commits) < 1.0, qPrintable(QString::number(seconds)));
    QCOMPARE(metricSample(text, "souk_writer_commit_seconds_bucket{le=\"+Inf\"}"), double(commits));
    // the store's file is there and has pages; the log holds what is not yet checkpointed
    const double storeBytes = metricSample(text, "souk_store_size_bytes");
    QVERIFY2(storeBytes >= 4096, qPrintable(QString::number(storeBytes)));
    QVERIFY(metricSample(text, "souk_store_wal_size_bytes") >= 0);
    QCOMPARE(metricSample(text, "souk_store_size_bytes"), double(QFileInfo(m_f->storePath()).size()));

    // once the metrics go, the writer no longer reports to them
    m_metrics.reset();
    m_orders->place(u"EAR-1"_s, 1);
    QCOMPARE(metricSample(scrape(), "souk_writer_commits_total"), double(commits));
}

void TestEngineMetrics::outboxDepthAndDeadLettersFollowTheStore()
{
    QTRY_COMPARE(metricSample(scrape(), "souk_outbox_depth"), 0.0);
    QCOMPARE(metricSample(scrape(), "souk_outbox_dead_letters"), 0.0);
    // the provider cannot be reached: the capture is decided, and waits in the outbox
    m_f->provider().failNextCalls(1);
    const payments::Payment waiting = m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_COMPARE(count(u"SELECT count(*) FROM provider_outbox WHERE state = 0 AND attempts = 1"_s), 1);
    QTRY_COMPARE(metricSample(scrape(), "souk_outbox_depth"), 1.0);
    QCOMPARE(metricSample(scrape(), "souk_outbox_dead_letters"), 0.0);
    // a capture the provider refuses for good becomes a dead letter
    m_f->provider().refuseNextCalls(1, u"authorization_expired"_s);
    m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_COMPARE(count(u"SELECT count(*) FROM provider_outbox WHERE state = 1"_s), 1);
    QTRY_COMPARE(metricSample(scrape(), "souk_outbox_dead_letters"), 1.0);
    QCOMPARE(metricSample(scrape(), "souk_outbox_depth"), 1.0);
    QCOMPARE(count(u"SELECT count(*) FROM provider_outbox WHERE state = 0"_s), 1);
    // the provider is back and the retry is due: the waiting call goes, and the gauge follows
    m_clock->advanceMs(payments::ProviderOutbox::RetryBaseMs);
    QVERIFY(wait(m_f->client().runMaintenance()));
    QTRY_COMPARE(count(u"SELECT count(*) FROM provider_outbox WHERE state = 0"_s), 0);
    QTRY_COMPARE(metricSample(scrape(), "souk_outbox_depth"), 0.0);
    QCOMPARE(metricSample(scrape(), "souk_outbox_dead_letters"), 1.0);
    QCOMPARE(m_f->provider().captures(), 1); // the waiting capture, and not the refused one
    Q_UNUSED(waiting);
}

void TestEngineMetrics::paymentSeriesStartAtZero()
{
    // a dashboard's rate() needs the series before the first event, not from it
    const QByteArray text = scrape();
    QCOMPARE(metricSample(text, "souk_orders_placed_total"), 0.0);
    for (const char* outcome : {"approved", "declined", "failed"})
        QCOMPARE(metricSample(text, "souk_payment_authorizations_total{outcome=\"" + QByteArray(outcome) + "\"}"), 0.0);
    for (const char* call : {"authorize", "capture", "release", "refund"}) {
        for (const char* outcome : {"done", "failed"}) {
            const QByteArray series =
                "souk_provider_calls_total{call=\"" + QByteArray(call) + "\",outcome=\"" + QByteArray(outcome) + "\"}";
            QVERIFY2(metricSample(text, series) == 0.0, series.constData());
        }
    }
    QVERIFY(text.contains("# TYPE souk_orders_placed_total counter\n"));
    QVERIFY(text.contains("# TYPE souk_payment_authorizations_total counter\n"));
    QVERIFY(text.contains("# TYPE souk_provider_calls_total counter\n"));
}

void TestEngineMetrics::ordersPlacedCountsCommittedOrders()
{
    m_orders->place(u"EAR-1"_s, 1);
    m_orders->place(u"EAR-1"_s, 2);
    // counted as the feed is published, before the command's future finishes
    QCOMPARE(metricSample(scrape(), "souk_orders_placed_total"), 2.0);
    // an order the engine refuses (more than the 10 in stock) rolls back, and is not counted
    const auto refused = wait(m_f->client().createOrder(
        orders::NewOrder{m_f->merchantId(), m_orders->customerId(), {{u"EAR-1"_s, 1000}}, {}, {}},
        m_orders->nextKey()));
    QVERIFY(!refused);
    QCOMPARE(count(u"SELECT count(*) FROM orders"_s), 2);
    // a checkout makes its order in its first write: counted once, approved or not
    const orders::NewOrder basket{m_f->merchantId(), m_orders->customerId(), {{u"EAR-1"_s, 1}}, {}, {}};
    QVERIFY(
        wait(m_f->client().checkout(basket, card(payments::SimulatedProvider::Approved), false, m_orders->nextKey())));
    QCOMPARE(metricSample(scrape(), "souk_orders_placed_total"), 3.0);
    // no other entity's creation counts
    m_orders->paidOrder(u"EAR-1"_s, 1);
    QCOMPARE(metricSample(scrape(), "souk_orders_placed_total"), 4.0);
    QCOMPARE(count(u"SELECT count(*) FROM orders"_s), 4);
}

void TestEngineMetrics::authorizationsByOutcome()
{
    const auto authorizations = [this](const char* outcome) {
        return metricSample(scrape(), "souk_payment_authorizations_total{outcome=\"" + QByteArray(outcome) + "\"}");
    };
    const auto authorizeCalls = [this](const char* outcome) {
        return metricSample(scrape(),
                            "souk_provider_calls_total{call=\"authorize\",outcome=\"" + QByteArray(outcome) + "\"}");
    };
    m_orders->authorize(m_orders->place(u"EAR-1"_s, 1).id);
    // reported before the authorization's answer is handed back
    QCOMPARE(authorizations("approved"), 1.0);
    QCOMPARE(authorizeCalls("done"), 1.0);
    // the issuer says no for good: declined, and the provider did answer
    const auto declined = wait(m_f->client().authorizePayment(
        m_orders->place(u"EAR-1"_s, 1).id, card(payments::SimulatedProvider::InsufficientFunds), m_orders->nextKey()));
    QVERIFY2(!declined || declined->status != payments::PaymentStatus::Authorized, "a declined card was authorized");
    QCOMPARE(authorizations("declined"), 1.0);
    QCOMPARE(authorizeCalls("done"), 2.0);
    // a processing error is no final answer: failed, as an unreachable provider would be
    wait(m_f->client().authorizePayment(m_orders->place(u"EAR-1"_s, 1).id,
                                        card(payments::SimulatedProvider::ProcessingError), m_orders->nextKey()));
    QCOMPARE(authorizations("failed"), 1.0);
    QCOMPARE(authorizeCalls("failed"), 1.0);
    // a retry under a recorded key gets the stored answer: the provider is not asked again
    const Id orderId = m_orders->place(u"EAR-1"_s, 1).id;
    const QString key = m_orders->nextKey();
    QVERIFY(wait(m_f->client().authorizePayment(orderId, card(payments::SimulatedProvider::Approved), key)));
    QVERIFY(wait(m_f->client().authorizePayment(orderId, card(payments::SimulatedProvider::Approved), key)));
    QCOMPARE(authorizations("approved"), 2.0);
    QCOMPARE(authorizations("declined"), 1.0);
    QCOMPARE(authorizations("failed"), 1.0);
    QCOMPARE(authorizeCalls("done"), 3.0);
}

void TestEngineMetrics::providerCallsByCallAndOutcome()
{
    const auto calls = [this](const char* call, const char* outcome) {
        return metricSample(scrape(), "souk_provider_calls_total{call=\"" + QByteArray(call) + "\",outcome=\"" +
                                          QByteArray(outcome) + "\"}");
    };
    // a capture leaves through the outbox after its commit: counted when the provider confirms
    const payments::Payment paid = m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_COMPARE(calls("capture", "done"), 1.0);
    QVERIFY(wait(m_f->client().refundPayment(paid.id, 1000, u"damaged"_s, m_orders->nextKey())));
    QTRY_COMPARE(calls("refund", "done"), 1.0);
    const payments::Payment held = m_orders->authorize(m_orders->place(u"EAR-1"_s, 1).id);
    QVERIFY(wait(m_f->client().voidPayment(held.id, u"customer asked"_s, m_orders->nextKey())));
    QTRY_COMPARE(calls("release", "done"), 1.0);
    // the provider cannot be reached: the capture fails now and waits for its retry
    m_f->provider().failNextCalls(1);
    m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_COMPARE(calls("capture", "failed"), 1.0);
    QCOMPARE(calls("capture", "done"), 1.0);
    QCOMPARE(calls("refund", "failed"), 0.0);
    QCOMPARE(calls("release", "failed"), 0.0);
    QCOMPARE(m_f->provider().captures(), 1);
    QCOMPARE(m_f->provider().refunds(), 1);
    QCOMPARE(m_f->provider().voidedHolds(), 1);
}

void TestEngineMetrics::scrapePassesPromtool()
{
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    // never a skip: a scrape Prometheus refuses is an outage nobody sees until it matters
    QVERIFY2(!promtool.isEmpty(), "promtool not found on PATH: install Debian's prometheus package");
    // before the first outbox count too: NaN is a value Prometheus takes
    const QByteArray first = scrape();
    m_orders->paidOrder(u"EAR-1"_s, 1);
    QTRY_VERIFY(!std::isnan(metricSample(scrape(), "souk_outbox_depth")));
    for (const QByteArray& text : {first, scrape()}) {
        for (const char* name :
             {"souk_writer_queue_depth", "souk_writer_commits_total", "souk_engine_commands_total",
              "souk_writer_commit_seconds_count", "souk_writer_batch_commands_count", "souk_outbox_depth",
              "souk_outbox_dead_letters", "souk_store_size_bytes", "souk_store_wal_size_bytes",
              "souk_orders_placed_total", "souk_payment_authorizations_total{outcome=\"failed\"}",
              "souk_provider_calls_total{call=\"refund\",outcome=\"failed\"}"})
            QVERIFY2(hasMetric(text, name), name);
        const auto [exitCode, said] = promtoolCheck(promtool, text);
        QVERIFY2(exitCode == 0 && said.trimmed().isEmpty(),
                 qPrintable(u"promtool exit %1, said:\n%2\n--- scrape ---\n%3"_s.arg(exitCode).arg(
                     QString::fromUtf8(said), QString::fromUtf8(text))));
    }
}

QTEST_GUILESS_MAIN(TestEngineMetrics)
#include "TestEngineMetrics.moc"
