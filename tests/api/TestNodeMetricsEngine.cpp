#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

#include "backend/client/LocalClient.h"
#include "backend/engine/Engine.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/payments/ProviderOutbox.h"
#include "backend/store/Sql.h"
#include "tests/api/MetricsText.h"
#include "tests/api/NodeFixture.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using souk::test::metricSample;
using souk::test::NodeFixture;
using souk::test::promtoolCheck;
using souk::test::StoreFixture;

/// The engine's series in the real soukd's /metrics: after writes through the API the writer's
/// commits are in the latency histogram and the counters, its queue is empty again, the store's
/// size is there, and the outbox gauges show the capture the provider has not confirmed and the
/// dead letter the store holds; the scrape passes promtool.
class TestNodeMetricsEngine final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void outboxAsTheStoreHoldsIt();
    void writerSeriesAfterWrites();
    void scrapePassesPromtool();

private:
    /// Leaves a capture waiting in the outbox (the provider failed it; it is due again 30 s
    /// later) and a capture the provider refused for good (a dead letter), with the node stopped.
    bool leaveProviderCalls();
    QByteArray scrape();

    std::unique_ptr<NodeFixture> m_node;
    payments::OutboxCounts m_held; ///< what the store held when the node started
};

void TestNodeMetricsEngine::initTestCase()
{
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    QVERIFY(leaveProviderCalls());
    QVERIFY(m_node->start());
}

void TestNodeMetricsEngine::cleanupTestCase()
{
    if (m_node->running())
        QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
    m_node.reset();
}

bool TestNodeMetricsEngine::leaveProviderCalls()
{
    auto provider = std::make_shared<payments::SimulatedProvider>(0);
    LocalClient::Options options;
    options.store.path = m_node->storePath();
    options.principal = auth::Principal::localAdmin(u"test"_s);
    options.provider = provider;
    options.maintenanceIntervalMs = 0;
    auto opened = LocalClient::open(options);
    if (!opened) {
        qWarning().noquote() << opened.error().toString();
        return false;
    }
    std::unique_ptr<LocalClient> client = std::move(opened).value();
    const NodeFixture::Seed& seed = m_node->seeded();
    const orders::NewOrder order{seed.merchantA, seed.customer, {{seed.skuA, 1}}, {}, {}};
    const payments::CardInput card{QString::fromLatin1(payments::SimulatedProvider::Approved), 12, 2030, u"123"_s};
    const auto counts = [&client] {
        auto c = StoreFixture::wait(client->engine().read<payments::OutboxCounts>(
            [](QSqlDatabase& db) { return payments::ProviderOutbox::counts(db); }));
        return c ? *c : payments::OutboxCounts{-1, -1};
    };
    const auto attempted = [&client] {
        auto n = StoreFixture::wait(client->engine().read<QVariant>([](QSqlDatabase& db) {
            return store::scalar(db, u"SELECT count(*) FROM provider_outbox WHERE state = 0 AND attempts = 1"_s);
        }));
        return n ? n->toLongLong() : -1;
    };
    provider->failNextCalls(1);
    if (!StoreFixture::wait(client->checkout(order, card, true, souk::test::newKey())))
        return false;
    if (!QTest::qWaitFor([&] { return attempted() == 1; }, 10'000)) // the failure is recorded
        return false;
    provider->refuseNextCalls(1, u"authorization_expired"_s);
    if (!StoreFixture::wait(client->checkout(order, card, true, souk::test::newKey())))
        return false;
    if (!QTest::qWaitFor([&] { return counts().dead == 1; }, 10'000))
        return false;
    m_held = counts();
    client.reset();
    return m_held.waiting == 1 && m_held.dead == 1;
}

QByteArray TestNodeMetricsEngine::scrape()
{
    const auto r = m_node->request("GET", u"/metrics"_s);
    if (r.status != 200)
        qWarning().noquote() << r.describe();
    return r.body;
}

void TestNodeMetricsEngine::outboxAsTheStoreHoldsIt()
{
    // counted on a reader when the metrics are wired, then every few seconds; the waiting
    // capture is not due again for 30 s, so the store still holds what it held at the start
    QTRY_VERIFY_WITH_TIMEOUT(!std::isnan(metricSample(scrape(), "souk_outbox_depth")), 10'000);
    const QByteArray text = scrape();
    QCOMPARE(metricSample(text, "souk_outbox_depth"), double(m_held.waiting));
    QCOMPARE(metricSample(text, "souk_outbox_dead_letters"), double(m_held.dead));
    QVERIFY(text.contains("# HELP souk_outbox_depth "));
    QVERIFY(text.contains("counted from the store every 5 s"));
}

void TestNodeMetricsEngine::writerSeriesAfterWrites()
{
    const QByteArray before = scrape();
    const double commitsBefore = metricSample(before, "souk_writer_commits_total");
    QVERIFY2(commitsBefore >= 0, before.constData());
    const NodeFixture::Seed& seed = m_node->seeded();
    const QJsonObject line{{u"sku"_s, seed.skuA}, {u"quantity"_s, 1}};
    const QByteArray order =
        QJsonDocument(QJsonObject{{u"order"_s, QJsonObject{{u"merchant_id"_s, seed.merchantA.toString()},
                                                           {u"customer_id"_s, seed.customer.toString()},
                                                           {u"lines"_s, QJsonArray{line}}}}})
            .toJson(QJsonDocument::Compact);
    for (int i = 0; i < 5; ++i) {
        const auto r = m_node->request("POST", u"/v1/orders"_s, seed.ownerAKey, order,
                                       {{"Idempotency-Key", souk::test::newKey().toLatin1()}});
        QVERIFY2(r.status == 201, qPrintable(r.describe()));
    }
    const QByteArray text = scrape();
    const double commits = metricSample(text, "souk_writer_commits_total");
    QVERIFY2(commits >= commitsBefore + 5, text.constData()); // each order answered after its commit
    QCOMPARE(metricSample(text, "souk_writer_commit_seconds_count"), commits);
    QCOMPARE(metricSample(text, "souk_writer_batch_commands_count"), commits);
    QVERIFY(metricSample(text, "souk_engine_commands_total") >= commits);
    const double seconds = metricSample(text, "souk_writer_commit_seconds_sum");
    QVERIFY2(seconds > 0 && seconds / commits < 1.0, qPrintable(QString::number(seconds)));
    QCOMPARE(metricSample(text, "souk_writer_queue_depth"), 0.0); // nothing is waiting between requests
    QVERIFY(metricSample(text, "souk_store_size_bytes") >= 4096);
    QVERIFY(metricSample(text, "souk_store_wal_size_bytes") >= 0);
}

void TestNodeMetricsEngine::scrapePassesPromtool()
{
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    // never a skip: a scrape Prometheus refuses is an outage nobody sees until it matters
    QVERIFY2(!promtool.isEmpty(), "promtool not found on PATH: install Debian's prometheus package");
    const QByteArray text = scrape();
    QVERIFY(text.contains("# TYPE souk_writer_commit_seconds histogram\n"));
    QVERIFY(text.contains("# TYPE souk_writer_queue_depth gauge\n"));
    const auto [exitCode, said] = promtoolCheck(promtool, text);
    QVERIFY2(exitCode == 0 && said.trimmed().isEmpty(),
             qPrintable(u"promtool exit %1, said:\n%2\n--- scrape ---\n%3"_s.arg(exitCode).arg(
                 QString::fromUtf8(said), QString::fromUtf8(text))));
}

QTEST_GUILESS_MAIN(TestNodeMetricsEngine)
#include "TestNodeMetricsEngine.moc"
