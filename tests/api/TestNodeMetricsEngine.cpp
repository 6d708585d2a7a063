#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

#include "backend/client/LocalClient.h"
#include "backend/core/Clock.h"
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
using souk::test::hasMetric;
using souk::test::metricSample;
using souk::test::NodeFixture;
using souk::test::promtoolCheck;
using souk::test::StoreFixture;

/// The engine's series in the real soukd's /metrics: after writes through the API the writer's
/// commits are in the latency histogram and the counters, its queue is empty again, the store's
/// size is there, and the outbox gauges show the capture the provider has not confirmed and the
/// dead letter the store holds; the build and the start time are there; checkouts through the
/// API count their orders, their authorizations by outcome and the provider's calls; the scrape
/// passes promtool.
class TestNodeMetricsEngine final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void outboxAsTheStoreHoldsIt();
    void writerSeriesAfterWrites();
    void buildAndStartTime();
    void checkoutsCountOrdersAndAuthorizations();
    void scrapePassesPromtool();

private:
    /// Leaves a capture waiting in the outbox (the provider failed it; it is due again 30 s
    /// later) and a capture the provider refused for good (a dead letter), with the node stopped.
    bool leaveProviderCalls();
    QByteArray scrape();
    /// POST /v1/checkouts for one of skuA, paid with the card `number`; the node's answer.
    NodeFixture::Reply checkout(const char* number, bool capture);

    std::unique_ptr<NodeFixture> m_node;
    payments::OutboxCounts m_held; ///< what the store held when the node started
    qint64 m_startingMs = 0;       ///< the wall clock just before soukd was started
    qint64 m_startedMs = 0;        ///< and once it listened
};

void TestNodeMetricsEngine::initTestCase()
{
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    QVERIFY(leaveProviderCalls());
    m_startingMs = SystemClock::instance().nowMs();
    QVERIFY(m_node->start());
    m_startedMs = SystemClock::instance().nowMs();
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

NodeFixture::Reply TestNodeMetricsEngine::checkout(const char* number, bool capture)
{
    const NodeFixture::Seed& seed = m_node->seeded();
    const QJsonObject line{{u"sku"_s, seed.skuA}, {u"quantity"_s, 1}};
    const QJsonObject order{{u"merchant_id"_s, seed.merchantA.toString()},
                            {u"customer_id"_s, seed.customer.toString()},
                            {u"lines"_s, QJsonArray{line}}};
    const QJsonObject card{
        {u"number"_s, QString::fromLatin1(number)}, {u"exp_month"_s, 12}, {u"exp_year"_s, 2030}, {u"cvv"_s, u"123"_s}};
    const QByteArray body = QJsonDocument(QJsonObject{{u"order"_s, order}, {u"card"_s, card}, {u"capture"_s, capture}})
                                .toJson(QJsonDocument::Compact);
    return m_node->request("POST", u"/v1/checkouts"_s, seed.ownerAKey, body,
                           {{"Idempotency-Key", souk::test::newKey().toLatin1()}});
}

void TestNodeMetricsEngine::buildAndStartTime()
{
    const QByteArray text = scrape();
    QCOMPARE(metricSample(text, "souk_build_info{version=\"" SOUK_VERSION_STRING "\"}"), 1.0);
    QVERIFY(text.contains("# TYPE souk_build_info gauge\n"));
    QVERIFY(text.contains("# TYPE process_start_time_seconds gauge\n"));
    // Unix seconds, between the moment the test started soukd and the moment it listened
    const double started = metricSample(text, "process_start_time_seconds");
    QVERIFY2(started >= std::floor(m_startingMs / 1000.0) && started <= m_startedMs / 1000.0 + 1,
             qPrintable(u"%1 not in [%2, %3] ms"_s.arg(started, 0, 'f', 3).arg(m_startingMs).arg(m_startedMs)));
}

void TestNodeMetricsEngine::checkoutsCountOrdersAndAuthorizations()
{
    const auto sample = [this](const QByteArray& series) { return metricSample(scrape(), series); };
    const QByteArray placed = "souk_orders_placed_total";
    const QByteArray approved = "souk_payment_authorizations_total{outcome=\"approved\"}";
    const QByteArray declined = "souk_payment_authorizations_total{outcome=\"declined\"}";
    const QByteArray failed = "souk_payment_authorizations_total{outcome=\"failed\"}";
    const QByteArray authorizeDone = "souk_provider_calls_total{call=\"authorize\",outcome=\"done\"}";
    const QByteArray captureDone = "souk_provider_calls_total{call=\"capture\",outcome=\"done\"}";
    const QByteArray before = scrape();
    for (const QByteArray& series : {placed, approved, declined, failed, authorizeDone, captureDone})
        QVERIFY2(metricSample(before, series) >= 0, series.constData()); // there, from the first scrape
    // the writes of the other tests went through the API: counted as they were placed
    const double placedBefore = metricSample(before, placed);

    const auto paid = checkout(payments::SimulatedProvider::Approved, true);
    QVERIFY2(paid.status == 201, qPrintable(paid.describe()));
    QCOMPARE(sample(placed), placedBefore + 1);
    QCOMPARE(sample(approved), metricSample(before, approved) + 1);
    QCOMPARE(sample(authorizeDone), metricSample(before, authorizeDone) + 1);
    // the capture leaves through the outbox once the checkout committed
    QTRY_COMPARE_WITH_TIMEOUT(sample(captureDone), metricSample(before, captureDone) + 1, 10'000);

    // a card the issuer refuses: the order is placed all the same, its authorization declined
    const auto refused = checkout(payments::SimulatedProvider::InsufficientFunds, true);
    QVERIFY2(refused.status == 201, qPrintable(refused.describe())); // the payment says it failed
    QCOMPARE(refused.json().value(u"payment"_s).toObject().value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(sample(placed), placedBefore + 2);
    QCOMPARE(sample(declined), metricSample(before, declined) + 1);
    QCOMPARE(sample(approved), metricSample(before, approved) + 1);
    QCOMPARE(sample(failed), metricSample(before, failed));
    QCOMPARE(sample(authorizeDone), metricSample(before, authorizeDone) + 2);
}

void TestNodeMetricsEngine::scrapePassesPromtool()
{
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    // never a skip: a scrape Prometheus refuses is an outage nobody sees until it matters
    QVERIFY2(!promtool.isEmpty(), "promtool not found on PATH: install Debian's prometheus package");
    const QByteArray text = scrape();
    QVERIFY(text.contains("# TYPE souk_writer_commit_seconds histogram\n"));
    QVERIFY(text.contains("# TYPE souk_writer_queue_depth gauge\n"));
    QVERIFY(text.contains("# TYPE souk_provider_calls_total counter\n"));
    QVERIFY(hasMetric(text, "souk_provider_calls_total{call=\"refund\",outcome=\"failed\"}"));
    const auto [exitCode, said] = promtoolCheck(promtool, text);
    QVERIFY2(exitCode == 0 && said.trimmed().isEmpty(),
             qPrintable(u"promtool exit %1, said:\n%2\n--- scrape ---\n%3"_s.arg(exitCode).arg(
                 QString::fromUtf8(said), QString::fromUtf8(text))));
}

QTEST_GUILESS_MAIN(TestNodeMetricsEngine)
#include "TestNodeMetricsEngine.moc"
