// The cluster page's reading of nodes: the metrics text read back, the figures between two looks,
// and the monitor's states, business and alerts, with a prober the test scripts and a mock clock.
#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QPromise>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

#include "backend/api/metrics/Exposition.h"
#include "backend/client/NodeProber.h"
#include "backend/core/Clock.h"
#include "models/cluster/ClusterAlertModel.h"
#include "models/cluster/ClusterMonitor.h"
#include "models/cluster/ClusterNodeModel.h"
#include "models/cluster/NodeFigures.h"

using namespace Qt::StringLiterals;
using namespace souk;
using metrics::Exposition;

namespace {

/// What a node has counted so far, written as soukd writes it.
struct NodeCounts
{
    double apiRequests = 0;  ///< GET /v1/orders, all answered 200
    double serverErrors = 0; ///< POST /v1/checkouts answered 503
    double healthLooks = 0;  ///< /metrics and /readyz: never traffic
    double fastRequests = 0; ///< of apiRequests+serverErrors, within 1 ms (the rest within 10 ms)
    double orders = 0;
    double approved = 0;
    double declined = 0;
    double providerFailed = 0;
    double deadLetters = 0;
    double startedS = 1000;

    QByteArray database; ///< the souk_db_* lines of a node on PostgreSQL

    QByteArray text() const
    {
        const double timed = apiRequests + serverErrors;
        QByteArray t;
        t += "# HELP souk_build_info The node's version\n# TYPE souk_build_info gauge\n";
        t += "souk_build_info{version=\"1.2.3\"} 1\n";
        t += "process_start_time_seconds " + QByteArray::number(startedS) + "\n";
        t += "# TYPE souk_http_requests_total counter\n";
        t += "souk_http_requests_total{route=\"/v1/orders\",method=\"GET\",status=\"200\"} " +
             QByteArray::number(apiRequests) + "\n";
        t += "souk_http_requests_total{route=\"/v1/checkouts\",method=\"POST\",status=\"503\"} " +
             QByteArray::number(serverErrors) + "\n";
        t += "souk_http_requests_total{route=\"/metrics\",method=\"GET\",status=\"200\"} " +
             QByteArray::number(healthLooks) + " 1700000000000\n"; // a timestamp, as the format allows
        t += "# TYPE souk_http_request_duration_seconds histogram\n";
        for (const char* route : {"/v1/orders", "/metrics"}) {
            const bool api = QByteArray(route) == "/v1/orders";
            const double fast = api ? fastRequests : healthLooks;
            const double all = api ? timed : healthLooks;
            t += "souk_http_request_duration_seconds_bucket{route=\"" + QByteArray(route) + "\",le=\"0.001\"} " +
                 QByteArray::number(fast) + "\n";
            t += "souk_http_request_duration_seconds_bucket{route=\"" + QByteArray(route) + "\",le=\"0.01\"} " +
                 QByteArray::number(all) + "\n";
            t += "souk_http_request_duration_seconds_bucket{route=\"" + QByteArray(route) + "\",le=\"+Inf\"} " +
                 QByteArray::number(all) + "\n";
        }
        t += "souk_http_requests_in_flight 3\nsouk_writer_queue_depth 7\nsouk_outbox_depth NaN\n";
        t += "souk_outbox_dead_letters " + QByteArray::number(deadLetters) + "\n";
        t += "souk_orders_placed_total " + QByteArray::number(orders) + "\n";
        t += "souk_payment_authorizations_total{outcome=\"approved\"} " + QByteArray::number(approved) + "\n";
        t += "souk_payment_authorizations_total{outcome=\"declined\"} " + QByteArray::number(declined) + "\n";
        t += "souk_payment_authorizations_total{outcome=\"failed\"} 0\n";
        t += "souk_provider_calls_total{call=\"capture\",outcome=\"failed\"} " + QByteArray::number(providerFailed) +
             "\n";
        t += "souk_provider_calls_total{call=\"capture\",outcome=\"done\"} 9\n";
        return t + database;
    }
};

/// A node the test speaks for: each look answers what `next` holds at that moment.
class ScriptedProber final : public NodeProber
{
public:
    explicit ScriptedProber(QString url) : m_url(std::move(url)) {}
    QString url() const override { return m_url; }
    QFuture<Result<NodeScrape>> scrape() override
    {
        ++looks;
        if (hang) {
            auto promise = std::make_shared<QPromise<Result<NodeScrape>>>();
            promise->start();
            hanging.push_back(promise);
            return promise->future();
        }
        return QtFuture::makeReadyFuture(next);
    }

    Result<NodeScrape> next = Error{ErrorCode::Unavailable, u"not scripted"_s, {}};
    int looks = 0;
    bool hang = false; ///< the next looks never finish
    std::vector<std::shared_ptr<QPromise<Result<NodeScrape>>>> hanging;

    void answer(const NodeCounts& counts, int readyStatus = 200, const QString& detail = {})
    {
        NodeScrape s;
        s.readyStatus = readyStatus;
        s.readyDetail = detail;
        s.metricsText = counts.text();
        s.roundTripMs = 4;
        next = s;
    }
    void refuse() { next = Error{ErrorCode::Unavailable, u"the node did not answer: Connection refused"_s, {}}; }

private:
    QString m_url;
};

double lastOf(const SeriesPoints& series)
{
    return series.y.isEmpty() ? NodeFigures::Unknown : series.y.last();
}

} // namespace

class TestClusterMonitor : public QObject
{
    Q_OBJECT

private slots:
    void readsTheTextFormatBack();
    void namesTheLineOfAMalformedSample_data();
    void namesTheLineOfAMalformedSample();
    void quantilesFollowPrometheus();
    void figuresLeaveOutHealthChecksAndCountRestarts();
    void aNodeGoesSuspectThenDeadAndComesBack();
    void notReadyIsSuspectWithTheNodesReason();
    void businessAddsTheNodesUpExactly();
    void alertsOnErrorsAndDeadLetters();
    void aLookThatNeverEndsMakesTheNodeSuspectThenDead();
    void aFlappingNodeRaisesNoStormOfAlerts();
    void theAlertListInsertsRows();
    void theDatabaseFailoverLagAndALonePrimaryAreAlerts();

private:
    struct Rig
    {
        MockClock clock{1'800'000'000'000};
        std::vector<ScriptedProber*> nodes;
        std::unique_ptr<ClusterMonitor> monitor;
    };
    static std::unique_ptr<Rig> rig(int nodes);
    /// One round of looks at the clock's time, answered before it returns.
    static void round(Rig& rig, qint64 advanceMs = 1000);
};

std::unique_ptr<TestClusterMonitor::Rig> TestClusterMonitor::rig(int nodes)
{
    auto r = std::make_unique<Rig>();
    std::vector<std::unique_ptr<NodeProber>> probers;
    for (int i = 0; i < nodes; ++i) {
        auto p = std::make_unique<ScriptedProber>(u"https://node-%1:8443"_s.arg(i + 1));
        r->nodes.push_back(p.get());
        probers.push_back(std::move(p));
    }
    // the timer stays off: rounds are the test's
    r->monitor = std::make_unique<ClusterMonitor>(std::move(probers), r->clock, MonitorTiming{1000, 3000, 10000});
    return r;
}

void TestClusterMonitor::round(Rig& rig, qint64 advanceMs)
{
    rig.clock.advanceMs(advanceMs);
    rig.monitor->lookAll();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(); // the ready futures' watchers answer through the event loop
}

void TestClusterMonitor::readsTheTextFormatBack()
{
    const QByteArray text = "# HELP a_total Things \\\\ with a backslash\n"
                            "# TYPE a_total counter\n"
                            "a_total{path=\"/x\",note=\"say \\\"hi\\\"\\nthere\"} 12 1700000000000\n"
                            "a_total{path=\"/y\",} 3\n" // a trailing comma is allowed
                            "\n"
                            "b NaN\n"
                            "c_bucket{le=\"+Inf\"} 4\n"
                            "d -Inf\n"
                            "e 1.5e3\n";
    const auto parsed = Exposition::parse(text);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->samples().size(), 6);
    QCOMPARE(parsed->type(u"a_total"_s), u"counter"_s);
    QCOMPARE(parsed->sum(u"a_total"_s), 15.0);
    QCOMPARE(parsed->sum(u"a_total"_s, {{u"path"_s, u"/y"_s}}), 3.0);
    QCOMPARE(parsed->samples().first().label(u"note"_s), u"say \"hi\"\nthere"_s);
    QVERIFY(std::isnan(parsed->sum(u"b"_s)));
    QVERIFY(std::isnan(parsed->sum(u"missing"_s))); // absent is unknown, not 0
    QVERIFY(std::isinf(parsed->sum(u"d"_s)) && parsed->sum(u"d"_s) < 0);
    QCOMPARE(parsed->sum(u"e"_s), 1500.0);
    QCOMPARE(parsed->buckets(u"c"_s).size(), 1);
    QVERIFY(std::isinf(parsed->buckets(u"c"_s).first().first));
}

void TestClusterMonitor::namesTheLineOfAMalformedSample_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("says");
    QTest::newRow("value") << QByteArray("ok 1\nbad_total twelve\n") << u"line 2: the value of bad_total"_s;
    QTest::newRow("unclosed label") << QByteArray("ok 1\n\nx{a=\"b} 1\n") << u"line 3: the label a of x is not closed"_s;
    QTest::newRow("unquoted") << QByteArray("x{a=b} 1\n") << u"line 1: the label a of x is not quoted"_s;
    QTest::newRow("no name") << QByteArray("{a=\"b\"} 1\n") << u"line 1: a sample must start"_s;
    QTest::newRow("no comma") << QByteArray("x{a=\"b\" c=\"d\"} 1\n") << u"line 1: the labels of x"_s;
    QTest::newRow("html") << QByteArray("<html><body>proxy error</body></html>\n") << u"line 1:"_s;
}

void TestClusterMonitor::namesTheLineOfAMalformedSample()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, says);
    const auto parsed = Exposition::parse(text);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().field, u"metrics"_s);
    QVERIFY2(parsed.error().message.startsWith(says), qPrintable(parsed.error().message));
}

void TestClusterMonitor::quantilesFollowPrometheus()
{
    // 100 observations: 50 up to 1, 40 in (1, 2], 10 in (2, 4]
    const QList<std::pair<double, double>> buckets{{1, 50}, {2, 90}, {4, 100}, {INFINITY, 100}};
    QCOMPARE(metrics::histogramQuantile(0.5, buckets), 1.0);
    QCOMPARE(metrics::histogramQuantile(0.7, buckets), 1.5);
    QCOMPARE(metrics::histogramQuantile(0.95, buckets), 3.0);
    QCOMPARE(metrics::histogramQuantile(0.25, buckets), 0.5);
    QVERIFY(std::isnan(metrics::histogramQuantile(0.5, {{1, 0}, {INFINITY, 0}})));
    // beyond every finite bound: the highest one, as histogram_quantile says
    QCOMPARE(metrics::histogramQuantile(0.99, {{1, 10}, {INFINITY, 20}}), 1.0);
    // between two scrapes; a counter that went down is a restart, and all it has is new
    const QList<std::pair<double, double>> later{{1, 60}, {2, 100}, {4, 110}, {INFINITY, 110}};
    const auto between = metrics::bucketsBetween(buckets, later);
    QCOMPARE(between.at(0).second, 10.0);
    QCOMPARE(between.at(1).second, 10.0);
    QCOMPARE(between.at(3).second, 10.0);
    const QList<std::pair<double, double>> restarted{{1, 3}, {2, 4}, {4, 4}, {INFINITY, 4}};
    QCOMPARE(metrics::bucketsBetween(buckets, restarted), restarted);
}

void TestClusterMonitor::figuresLeaveOutHealthChecksAndCountRestarts()
{
    NodeCounts a;
    a.apiRequests = 100;
    a.fastRequests = 100;
    a.healthLooks = 500;
    a.orders = 10;
    NodeCounts b = a;
    b.apiRequests = 118; // 18 more answered, 2 failed: 20 requests in 2 s
    b.serverErrors = 2;
    b.fastRequests = 110; // of the 20 new, 10 within 1 ms
    b.healthLooks = 900;
    b.orders = 16;
    b.approved = 5;
    b.declined = 1;
    const auto before = Exposition::parse(a.text());
    const auto after = Exposition::parse(b.text());
    QVERIFY(before && after);
    const NodeFigures f = figuresBetween(&*before, *after, 2.0, 1060);
    QCOMPARE(f.version, u"1.2.3"_s);
    QCOMPARE(f.uptimeS, 60.0);
    QCOMPARE(f.requestsPerS, 10.0); // the 400 health looks are not traffic
    QCOMPARE(f.errorShare, 0.1);
    QCOMPARE(f.p50Ms, 1.0);
    QCOMPARE(f.p99Ms, 9.82); // 19.8th of 20: inside (1, 10] ms by linear interpolation
    QCOMPARE(f.ordersPerS, 3.0);
    QCOMPARE(f.approvedPerS, 2.5);
    QCOMPARE(f.inFlight, 2.0); // the look that read it is not counted
    QCOMPARE(f.writerQueue, 7.0);
    QVERIFY(std::isnan(f.outboxDepth)); // the node has not counted yet: unknown, shown as a dash
    QVERIFY(std::isnan(f.refusedPerS)); // an older node without the series

    // the first look has no rates, only what the node holds now
    const NodeFigures first = figuresBetween(nullptr, *after, 0, 1060);
    QVERIFY(std::isnan(first.requestsPerS));
    QCOMPARE(first.writerQueue, 7.0);

    // restarted between the looks: its counters began again, and all they hold is new
    NodeCounts c;
    c.apiRequests = 4;
    c.fastRequests = 4;
    c.orders = 2;
    const auto restarted = Exposition::parse(c.text());
    const NodeFigures r = figuresBetween(&*after, *restarted, 2.0, 1060);
    QCOMPARE(r.requestsPerS, 2.0);
    QCOMPARE(r.ordersPerS, 1.0);
    // restarted and busier since than before: the start time tells, where no counter went down
    NodeCounts d = b;
    d.startedS = 1059;
    d.apiRequests = 200;
    d.fastRequests = 200;
    d.orders = 20;
    const auto busier = Exposition::parse(d.text());
    const NodeFigures again = figuresBetween(&*after, *busier, 2.0, 1060);
    QCOMPARE(again.ordersPerS, 10.0); // 20 since the restart, not 20 - 16
    QCOMPARE(again.uptimeS, 1.0);
}

void TestClusterMonitor::aNodeGoesSuspectThenDeadAndComesBack()
{
    auto r = rig(2);
    QSignalSpy raised(r->monitor.get(), &ClusterMonitor::alertRaised);
    r->monitor->start();
    r->monitor->stop(); // start() made the first round; the rest are the test's
    QTRY_VERIFY(!r->monitor->node(0).why.isEmpty());
    QCOMPARE(r->monitor->node(0).state, NodeState::Connecting); // one failed look is a blip
    QCOMPARE(raised.size(), 0);
    round(*r);
    QCOMPARE(r->monitor->node(0).state, NodeState::Suspect); // two are not
    QCOMPARE(raised.size(), 2);
    r->monitor = nullptr;

    r = rig(2);
    NodeCounts counts;
    r->nodes[0]->answer(counts);
    r->nodes[1]->answer(counts);
    ClusterNodeModel shown(*r->monitor);
    ClusterAlertModel listed(*r->monitor);
    QCOMPARE(shown.data(shown.index(0, ClusterNodeModel::StateColumn)).toString(), u"connecting"_s);
    round(*r);
    QCOMPARE(r->monitor->node(0).state, NodeState::Live);
    QCOMPARE(shown.data(shown.index(1, ClusterNodeModel::StateColumn)).toString(), u"live"_s);
    QCOMPARE(shown.data(shown.index(1, ClusterNodeModel::VersionColumn)).toString(), u"1.2.3"_s);
    QCOMPARE(listed.rowCount(), 0); // coming up is not news

    r->nodes[1]->refuse();
    round(*r);
    QCOMPARE(r->monitor->node(1).state, NodeState::Live); // a blip
    QCOMPARE(listed.rowCount(), 0);
    round(*r);
    QCOMPARE(r->monitor->node(1).state, NodeState::Suspect);
    QCOMPARE(r->monitor->node(1).why, u"no answer"_s); // in the user's words,
    QVERIFY(r->monitor->node(1).whyDetail.contains(u"Connection refused"_s)); // the network's in the tooltip
    QVERIFY(shown.data(shown.index(1, ClusterNodeModel::StateColumn), Qt::ToolTipRole)
                .toString()
                .contains(u"Connection refused"_s));
    QCOMPARE(listed.rowCount(), 1);
    QVERIFY(listed.data(listed.index(0)).toString().contains(u"node-2"_s));
    QCOMPARE(listed.data(listed.index(0), ClusterAlertModel::SeverityRole).toInt(),
             int(ClusterAlert::Severity::Warning));
    // its figures are not shown stale, and its chart has a gap, not a fall to zero
    QCOMPARE(shown.data(shown.index(1, ClusterNodeModel::RequestsColumn)).toString(), u"\u2014"_s);
    QVERIFY(std::isnan(lastOf(r->monitor->node(1).requestsPerS)));
    QCOMPARE(r->monitor->node(0).state, NodeState::Live); // the other is unaffected

    for (int i = 0; i < 7; ++i)
        round(*r);
    QCOMPARE(r->monitor->node(1).state, NodeState::Suspect); // 9 s without an answer
    round(*r);
    QCOMPARE(r->monitor->node(1).state, NodeState::Dead); // 10 s
    QCOMPARE(listed.rowCount(), 2);
    QCOMPARE(listed.data(listed.index(0), ClusterAlertModel::SeverityRole).toInt(),
             int(ClusterAlert::Severity::Critical)); // newest first
    QCOMPARE(shown.data(shown.index(1, ClusterNodeModel::StateColumn)).toString(), u"dead"_s);

    r->nodes[1]->answer(counts);
    round(*r);
    QCOMPARE(r->monitor->node(1).state, NodeState::Live);
    QCOMPARE(listed.rowCount(), 3);
    QVERIFY(listed.data(listed.index(0)).toString().contains(u"answering again"_s));
    QCOMPARE(r->monitor->alerts().last().atMs, r->clock.nowMs());
}

void TestClusterMonitor::notReadyIsSuspectWithTheNodesReason()
{
    auto r = rig(1);
    r->nodes[0]->answer(NodeCounts{});
    round(*r);
    r->nodes[0]->answer(NodeCounts{}, 503, u"draining"_s);
    round(*r);
    QCOMPARE(r->monitor->node(0).state, NodeState::Suspect); // its own word: at once
    QCOMPARE(r->monitor->node(0).why, u"shutting down"_s);
    QCOMPARE(r->monitor->node(0).whyDetail, u"draining"_s);
    QVERIFY(r->monitor->alerts().last().text().contains(u"shutting down"_s));
    // metrics a proxy mangled: the node is not believed, and the page says why
    NodeScrape mangled;
    mangled.readyStatus = 200;
    mangled.metricsText = "<html>502 Bad Gateway</html>";
    r->nodes[0]->next = mangled;
    round(*r);
    QCOMPARE(r->monitor->node(0).state, NodeState::Suspect);
    QCOMPARE(r->monitor->node(0).why, u"its metrics cannot be read"_s);
    QVERIFY2(r->monitor->node(0).whyDetail.contains(u"line 1"_s), qPrintable(r->monitor->node(0).whyDetail));
    // an empty page, or another program's metrics, is not a node that counted nothing
    for (const QByteArray& foreign : {QByteArray(), QByteArray("go_goroutines 12\nup 1\n")}) {
        NodeScrape other;
        other.readyStatus = 200;
        other.metricsText = foreign;
        r->nodes[0]->next = other;
        round(*r);
        QCOMPARE(r->monitor->node(0).why, u"what answers there is not a Souk node"_s);
    }
}

void TestClusterMonitor::businessAddsTheNodesUpExactly()
{
    auto r = rig(2);
    NodeCounts a, b;
    r->nodes[0]->answer(a);
    r->nodes[1]->answer(b);
    round(*r);
    round(*r);
    // node 1 places 3 orders (2 approved, 1 declined), node 2 places 1 (1 approved), within a second
    a.orders = 3;
    a.approved = 2;
    a.declined = 1;
    b.orders = 1;
    b.approved = 1;
    r->nodes[0]->answer(a);
    r->nodes[1]->answer(b);
    round(*r);
    round(*r, 1000); // the business is sampled at the start of a round: it charts what the last round heard
    const ClusterMonitor::Business& biz = r->monitor->business();
    QCOMPARE(lastOf(biz.ordersPerMin), 80.0); // 4 orders in the 3 s charted so far: 80 a minute
    QCOMPARE(lastOf(biz.approvalPercent), 75.0);
    QCOMPARE(lastOf(biz.providerFailuresPerMin), 0.0);
    // a quiet second: the rate is the last ten seconds', the approval rate the last minute's
    round(*r);
    QCOMPARE(lastOf(biz.ordersPerMin), 60.0);
    QCOMPARE(lastOf(biz.approvalPercent), 75.0);
    for (int i = 0; i < 10; ++i)
        round(*r);
    QCOMPARE(lastOf(biz.ordersPerMin), 0.0); // ten seconds on, they have left the window
    // a minute on, those payments have left the window: no rate, not 0 %
    for (int i = 0; i < 51; ++i)
        round(*r);
    QVERIFY(std::isnan(lastOf(biz.approvalPercent)));
    // no node answers: a gap in the business too
    r->nodes[0]->refuse();
    r->nodes[1]->refuse();
    round(*r);
    round(*r);
    QVERIFY(std::isnan(lastOf(biz.ordersPerMin)));
    // fifteen minutes kept, no more
    for (int i = 0; i < 1000; ++i)
        round(*r);
    QVERIFY(biz.ordersPerMin.x.size() <= 901);
    QVERIFY(r->monitor->node(0).requestsPerS.x.size() <= 901);
}

void TestClusterMonitor::alertsOnErrorsAndDeadLetters()
{
    auto r = rig(1);
    NodeCounts n;
    r->nodes[0]->answer(n);
    round(*r);
    n.apiRequests = 90;
    n.serverErrors = 10; // 10 % of requests failed
    n.deadLetters = 2;
    r->nodes[0]->answer(n);
    round(*r);
    QCOMPARE(r->monitor->alerts().size(), 2);
    QVERIFY(r->monitor->alerts().at(0).message.contains(u"10.0 %"_s));
    QCOMPARE(r->monitor->alerts().at(1).severity, ClusterAlert::Severity::Critical);
    QVERIFY(r->monitor->alerts().at(1).message.contains(u"2 provider calls"_s));
    // still failing, no more dead letters: nothing new to say
    n.apiRequests = 180;
    n.serverErrors = 20;
    r->nodes[0]->answer(n);
    round(*r);
    QCOMPARE(r->monitor->alerts().size(), 2);
}

void TestClusterMonitor::aLookThatNeverEndsMakesTheNodeSuspectThenDead()
{
    auto r = rig(1);
    r->nodes[0]->answer(NodeCounts{});
    round(*r);
    QCOMPARE(r->monitor->node(0).state, NodeState::Live);
    r->nodes[0]->hang = true; // a look that never comes back, whatever a prober's deadline says
    round(*r);
    for (int i = 0; i < 3; ++i)
        round(*r);
    QCOMPARE(r->monitor->node(0).state, NodeState::Live); // 3 s: inside suspectAfterMs
    round(*r);
    round(*r);
    QCOMPARE(r->monitor->node(0).state, NodeState::Suspect);
    QVERIFY(r->monitor->node(0).why.startsWith(u"no answer for"_s));
    QCOMPARE(r->nodes[0]->looks, 2); // never a second look at a node still being looked at
    for (int i = 0; i < 6; ++i)
        round(*r);
    QCOMPARE(r->monitor->node(0).state, NodeState::Dead);
}

void TestClusterMonitor::aFlappingNodeRaisesNoStormOfAlerts()
{
    auto r = rig(1);
    r->nodes[0]->answer(NodeCounts{});
    round(*r);
    for (int i = 0; i < 20; ++i) {
        if (i % 2 == 0)
            r->nodes[0]->refuse();
        else
            r->nodes[0]->answer(NodeCounts{});
        round(*r);
    }
    QCOMPARE(r->monitor->alerts().size(), 0); // every other look failing: blips, not an outage
    // failing for a while, then back: one warning and one recovery
    r->nodes[0]->refuse();
    for (int i = 0; i < 4; ++i)
        round(*r);
    r->nodes[0]->answer(NodeCounts{});
    round(*r);
    QCOMPARE(r->monitor->alerts().size(), 2);
    // a short suspect spell ends without a recovery alert
    r->nodes[0]->refuse();
    round(*r);
    round(*r);
    r->nodes[0]->answer(NodeCounts{});
    round(*r);
    QCOMPARE(r->monitor->alerts().size(), 3);
    QCOMPARE(r->monitor->alerts().last().severity, ClusterAlert::Severity::Warning);
}

void TestClusterMonitor::theAlertListInsertsRows()
{
    auto r = rig(1);
    ClusterAlertModel listed(*r->monitor);
    QAbstractItemModelTester tester(&listed, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&listed, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&listed, &QAbstractItemModel::modelReset);
    NodeCounts n;
    r->nodes[0]->answer(n);
    round(*r);
    // each new dead letter is an alert: fill the list past its limit
    for (int i = 1; i <= ClusterMonitor::AlertsMax + 5; ++i) {
        n.deadLetters = i;
        r->nodes[0]->answer(n);
        round(*r, 10);
    }
    QCOMPARE(listed.rowCount(), ClusterMonitor::AlertsMax);
    QCOMPARE(inserted.size(), ClusterMonitor::AlertsMax + 5);
    QCOMPARE(reset.size(), 0);
    QVERIFY(listed.data(listed.index(0)).toString().contains(QString::number(ClusterMonitor::AlertsMax + 5)));
}

void TestClusterMonitor::theDatabaseFailoverLagAndALonePrimaryAreAlerts()
{
    auto r = rig(2);
    const auto standby = [](double lagS, const char* bytes) -> QByteArray {
        return "souk_db_standby_info{standby=\"s1\",address=\"10.0.0.2\",state=\"streaming\",sync=\"sync\"} 1\n"
               "souk_db_replication_lag_bytes{standby=\"s1\"} " +
               QByteArray(bytes) + "\nsouk_db_replication_lag_seconds{standby=\"s1\"} " + QByteArray::number(lagS) +
               "\n";
    };
    NodeCounts n;
    n.database = "souk_db_primary_info{primary=\"10.0.0.1:5432\"} 1\nsouk_db_connections 12\n" + standby(0.2, "0");
    for (ScriptedProber* node : r->nodes)
        node->answer(n);
    round(*r);
    const DatabaseFigures& d = r->monitor->database();
    QCOMPARE(d.primary, u"10.0.0.1:5432"_s);
    QCOMPARE(d.connections, 12.0);
    QCOMPARE(d.standbys.size(), 1);
    QCOMPARE(d.standbys[0].state, u"streaming"_s);
    QCOMPARE(d.standbys[0].sync, u"sync"_s);
    QCOMPARE(d.standbys[0].lagBytes, 0.0);
    QVERIFY(r->monitor->alerts().isEmpty());

    // a standby falling behind is one alert, however long it stays behind; NaN bytes (no pg_monitor) read NaN
    n.database = "souk_db_primary_info{primary=\"10.0.0.1:5432\"} 1\n" + standby(20, "NaN");
    for (int i = 0; i < 2; ++i) {
        for (ScriptedProber* node : r->nodes)
            node->answer(n);
        round(*r);
    }
    QVERIFY(std::isnan(r->monitor->database().standbys[0].lagBytes));
    QCOMPARE(r->monitor->alerts().size(), 1);
    QVERIFY(r->monitor->alerts()[0].message.contains(u"s1 is 20.0 s behind"_s));

    // the failover: the old primary's series reads NaN, the new one runs alone; each said once
    n.database = "souk_db_primary_info{primary=\"10.0.0.1:5432\"} NaN\n"
                 "souk_db_primary_info{primary=\"10.0.0.2:5432\"} 1\n"
                 "souk_db_standby_info{standby=\"s1\",address=\"10.0.0.2\",state=\"streaming\",sync=\"sync\"} NaN\n";
    for (int i = 0; i < 2; ++i) {
        for (ScriptedProber* node : r->nodes)
            node->answer(n);
        round(*r);
    }
    QCOMPARE(r->monitor->database().primary, u"10.0.0.2:5432"_s);
    QVERIFY(r->monitor->database().standbys.isEmpty());
    QCOMPARE(r->monitor->alerts().size(), 3);
    QCOMPARE(r->monitor->alerts()[1].severity, ClusterAlert::Severity::Critical);
    QVERIFY(r->monitor->alerts()[1].message.contains(u"from 10.0.0.1:5432 to 10.0.0.2:5432"_s));
    QVERIFY(r->monitor->alerts()[2].message.contains(u"no standby"_s));
    QVERIFY(r->monitor->alerts()[2].node.isEmpty()); // the cluster's, not a node's

    // one node's late read still names the old primary: a tie keeps the new one, no alert back
    NodeCounts late = n;
    late.database = "souk_db_primary_info{primary=\"10.0.0.1:5432\"} 1\n" + standby(0, "0");
    r->nodes[0]->answer(late);
    round(*r);
    QCOMPARE(r->monitor->database().primary, u"10.0.0.2:5432"_s);
    QCOMPARE(r->monitor->alerts().size(), 3);
    // a failed read (every series NaN) leaves the last word shown
    NodeCounts unread = n;
    unread.database = "souk_db_primary_info{primary=\"10.0.0.2:5432\"} NaN\nsouk_db_connections NaN\n";
    for (ScriptedProber* node : r->nodes)
        node->answer(unread);
    round(*r);
    QCOMPARE(r->monitor->database().primary, u"10.0.0.2:5432"_s);
    QCOMPARE(r->monitor->alerts().size(), 3);
}

QTEST_GUILESS_MAIN(TestClusterMonitor)
#include "TestClusterMonitor.moc"
