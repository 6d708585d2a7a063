#include <atomic>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>
#include <vector>

#include <QRegularExpression>
#include <QTest>

#include "backend/api/metrics/Naming.h"
#include "backend/api/metrics/Registry.h"
#include "backend/api/metrics/TextFormat.h"

using namespace Qt::StringLiterals;
using namespace souk::metrics;

namespace {

QList<QByteArray> lines(const QByteArray& text)
{
    QList<QByteArray> out = text.split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast(); // the text ends with a line feed
    return out;
}

} // namespace

class TestMetrics final : public QObject
{
    Q_OBJECT

private slots:
    void expositionIsExact();
    void histogramCountsEdgesInTheirBucket_data();
    void histogramCountsEdgesInTheirBucket();
    void formatsValues_data();
    void formatsValues();
    void escapesHostileLabelValuesAndHelp();
    void overflowCountsAsOther();
    void overLongLabelValueCountsAsOther();
    void invalidUtf16ValuesAreOneSeries();
    void seriesStayWhereTheyAre();
    void concurrentUpdatesSumExactly();
    void registeringAgainReturnsTheSameFamily();
    void callbackGaugeStopsWhenCleared();
    void namingRules_data();
    void namingRules();
    void refusedFamilyWorksButIsNotExposed();
};

void TestMetrics::expositionIsExact()
{
    Registry registry;
    // registered out of order: the exposition sorts families by name
    registry.callbackGauge(u"souk_writer_queue_depth"_s, u"Commands waiting for the engine's writer"_s,
                           [] { return 7.0; });
    registry.counter(u"souk_tls_handshake_failures_total"_s, u"TLS handshakes that failed"_s);
    registry.counterFamily(u"souk_payments_refused_total"_s, u"Payments the provider refused, by reason"_s,
                           {u"reason"_s});
    CounterFamily& requests =
        registry.counterFamily(u"souk_http_requests_total"_s, u"HTTP requests answered, by route and status"_s,
                               {u"route"_s, u"method"_s, u"status"_s});
    requests.with({u"/v1/orders"_s, u"POST"_s, u"201"_s}).inc(2);
    requests.with({u"/v1/orders"_s, u"GET"_s, u"200"_s}).inc();
    registry.gauge(u"souk_connections_open"_s, u"TLS connections open now"_s).set(3);
    registry.gauge(u"souk_cache_hit_ratio"_s, u"Share of lookups the cache answered"_s).set(0.75);
    Histogram& latency = registry
                             .histogramFamily(u"souk_http_request_duration_seconds"_s, u"Time to answer, by route"_s,
                                              {u"route"_s}, {0.25, 0.5, 1, 2.5})
                             .with({u"/v1/orders"_s});
    for (const double seconds : {0.25, 0.5, 0.5, 1.0, 3.0}) // three on bucket edges, one past the last
        latency.observe(seconds);
    registry.histogram(u"souk_store_commit_duration_seconds"_s, u"Time to commit a batch"_s, {0.5}).observe(0.5);

    const QByteArray expected = R"(# HELP souk_cache_hit_ratio Share of lookups the cache answered
# TYPE souk_cache_hit_ratio gauge
souk_cache_hit_ratio 0.75
# HELP souk_connections_open TLS connections open now
# TYPE souk_connections_open gauge
souk_connections_open 3
# HELP souk_http_request_duration_seconds Time to answer, by route
# TYPE souk_http_request_duration_seconds histogram
souk_http_request_duration_seconds_bucket{route="/v1/orders",le="0.25"} 1
souk_http_request_duration_seconds_bucket{route="/v1/orders",le="0.5"} 3
souk_http_request_duration_seconds_bucket{route="/v1/orders",le="1"} 4
souk_http_request_duration_seconds_bucket{route="/v1/orders",le="2.5"} 4
souk_http_request_duration_seconds_bucket{route="/v1/orders",le="+Inf"} 5
souk_http_request_duration_seconds_sum{route="/v1/orders"} 5.25
souk_http_request_duration_seconds_count{route="/v1/orders"} 5
# HELP souk_http_requests_total HTTP requests answered, by route and status
# TYPE souk_http_requests_total counter
souk_http_requests_total{route="/v1/orders",method="GET",status="200"} 1
souk_http_requests_total{route="/v1/orders",method="POST",status="201"} 2
# HELP souk_payments_refused_total Payments the provider refused, by reason
# TYPE souk_payments_refused_total counter
# HELP souk_store_commit_duration_seconds Time to commit a batch
# TYPE souk_store_commit_duration_seconds histogram
souk_store_commit_duration_seconds_bucket{le="0.5"} 1
souk_store_commit_duration_seconds_bucket{le="+Inf"} 1
souk_store_commit_duration_seconds_sum 0.5
souk_store_commit_duration_seconds_count 1
# HELP souk_tls_handshake_failures_total TLS handshakes that failed
# TYPE souk_tls_handshake_failures_total counter
souk_tls_handshake_failures_total 0
# HELP souk_writer_queue_depth Commands waiting for the engine's writer
# TYPE souk_writer_queue_depth gauge
souk_writer_queue_depth 7
)";
    const QByteArray actual = registry.exposition();
    QCOMPARE(lines(actual), lines(expected));
    QCOMPARE(actual, expected);
    QCOMPARE(registry.exposition(), actual); // same state, same bytes
}

void TestMetrics::histogramCountsEdgesInTheirBucket_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("bucket"); // index of the first cumulative bucket that counts it
    const QList<double> bounds = HistogramFamily::latencyBucketsSeconds();
    for (qsizetype i = 0; i < bounds.size(); ++i)
        QTest::addRow("on %g", bounds[i]) << bounds[i] << int(i); // "le": a value on a bound is in it
    QTest::addRow("just above 0.005") << std::nextafter(0.005, 1.0) << 3;
    QTest::addRow("zero") << 0.0 << 0;
    QTest::addRow("negative") << -1.0 << 0;
    QTest::addRow("past 10") << 10.5 << int(bounds.size());
    QTest::addRow("+Inf") << std::numeric_limits<double>::infinity() << int(bounds.size());
    QTest::addRow("NaN") << std::numeric_limits<double>::quiet_NaN() << int(bounds.size()); // as the Go client
}

void TestMetrics::histogramCountsEdgesInTheirBucket()
{
    QFETCH(double, value);
    QFETCH(int, bucket);
    Registry registry;
    Histogram& h = registry.histogram(u"souk_http_request_duration_seconds"_s, u"Time to answer"_s,
                                      HistogramFamily::latencyBucketsSeconds());
    h.observe(value);
    const Histogram::Snapshot s = h.snapshot();
    QCOMPARE(s.cumulative.size(), HistogramFamily::latencyBucketsSeconds().size() + 1);
    for (qsizetype i = 0; i < s.cumulative.size(); ++i)
        QCOMPARE(s.cumulative[i], quint64(i >= bucket ? 1 : 0));
    QCOMPARE(s.count, quint64(1));
}

void TestMetrics::formatsValues_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("zero") << 0.0 << "0"_ba;
    QTest::addRow("negative zero") << -0.0 << "0"_ba;
    QTest::addRow("whole") << 42.0 << "42"_ba;
    QTest::addRow("negative whole") << -3.0 << "-3"_ba;
    QTest::addRow("big whole, no exponent") << 123456789012345.0 << "123456789012345"_ba;
    QTest::addRow("2^53, no exponent") << 9007199254740992.0 << "9007199254740992"_ba;
    QTest::addRow("past qint64") << 1e20 << "1e+20"_ba;
    QTest::addRow("fraction") << 0.75 << "0.75"_ba;
    QTest::addRow("shortest") << 0.1 << "0.1"_ba;
    QTest::addRow("round trip") << 0.1 + 0.2 << "0.30000000000000004"_ba;
    QTest::addRow("small") << 1e-7 << "1e-07"_ba;
    QTest::addRow("+Inf") << std::numeric_limits<double>::infinity() << "+Inf"_ba;
    QTest::addRow("-Inf") << -std::numeric_limits<double>::infinity() << "-Inf"_ba;
    QTest::addRow("NaN") << std::numeric_limits<double>::quiet_NaN() << "NaN"_ba;
}

void TestMetrics::formatsValues()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    QCOMPARE(text::formatValue(value), text);
}

void TestMetrics::escapesHostileLabelValuesAndHelp()
{
    Registry registry;
    CounterFamily& requests =
        registry.counterFamily(u"souk_http_requests_total"_s,
                               u"Requests by route.\nRoutes look like \\v1\\orders, \"quoted\""_s, {u"route"_s});
    for (const QString& route : {u"a\\b"_s, u"say \"hi\""_s, u"line1\nline2"_s, u"x\"} 1\nsouk_fake_total 99"_s,
                                 u"literal \\n"_s, u"tab\tcr\r"_s, u"caf\u00e9 \U0001F6D2"_s})
        requests.with({route}).inc();

    const QByteArray expected = "# HELP souk_http_requests_total Requests by route.\\nRoutes look like "
                                "\\\\v1\\\\orders, \"quoted\"\n"
                                "# TYPE souk_http_requests_total counter\n"
                                "souk_http_requests_total{route=\"a\\\\b\"} 1\n"
                                "souk_http_requests_total{route=\"caf\xc3\xa9 \xf0\x9f\x9b\x92\"} 1\n"
                                "souk_http_requests_total{route=\"line1\\nline2\"} 1\n"
                                "souk_http_requests_total{route=\"literal \\\\n\"} 1\n"
                                "souk_http_requests_total{route=\"say \\\"hi\\\"\"} 1\n"
                                "souk_http_requests_total{route=\"tab\tcr\r\"} 1\n"
                                "souk_http_requests_total{route=\"x\\\"} 1\\nsouk_fake_total 99\"} 1\n"_ba;
    QCOMPARE(lines(registry.exposition()), lines(expected));
    QCOMPARE(registry.exposition(), expected);
}

void TestMetrics::overflowCountsAsOther()
{
    Registry registry(3);
    CounterFamily& requests =
        registry.counterFamily(u"souk_http_requests_total"_s, u"HTTP requests answered"_s, {u"route"_s, u"status"_s});
    Counter& a = requests.with({u"/a"_s, u"200"_s});
    requests.with({u"/b"_s, u"200"_s}).inc();
    requests.with({u"/c"_s, u"404"_s}).inc();
    QTest::ignoreMessage(QtWarningMsg,
                         "souk_http_requests_total has 3 label sets; updates to new ones count as \"other\"");
    QTest::failOnWarning(QRegularExpression(u".*"_s)); // the warning comes once, not per update
    Counter& d = requests.with({u"/d"_s, u"200"_s});
    Counter& e = requests.with({u"/e"_s, u"500"_s});
    QCOMPARE(&d, &e);
    QCOMPARE(&requests.with({u"other"_s, u"other"_s}), &d);
    QCOMPARE(&requests.with({u"/a"_s, u"200"_s}), &a); // the first three keep their own series
    d.inc();
    e.inc(2);
    a.inc();
    for (int i = 0; i < 1000; ++i) // random routes from a hostile client: no new series, no memory
        requests.with({u"/random/%1"_s.arg(i), u"200"_s}).inc();
    QCOMPARE(requests.seriesCount(), 4);
    QCOMPARE(requests.maxSeries(), 3);

    const QList<QByteArray> samples = lines(registry.exposition()).mid(2);
    QCOMPARE(samples, (QList<QByteArray>{
                          R"(souk_http_requests_total{route="/a",status="200"} 1)",
                          R"(souk_http_requests_total{route="/b",status="200"} 1)",
                          R"(souk_http_requests_total{route="/c",status="404"} 1)",
                          R"(souk_http_requests_total{route="other",status="other"} 1003)",
                      }));
}

void TestMetrics::overLongLabelValueCountsAsOther()
{
    Registry registry;
    GaugeFamily& sessions = registry.gaugeFamily(u"souk_sessions_open"_s, u"Sessions open, by client"_s, {u"client"_s});
    Gauge& longest = sessions.with({QString(Family::LabelValueMax, u'x')});
    QTest::ignoreMessage(QtWarningMsg, "souk_sessions_open: a label value is longer than 256 characters; such "
                                       "updates count as \"other\"");
    Gauge& tooLong = sessions.with({QString(Family::LabelValueMax + 1, u'x')});
    QVERIFY(&longest != &tooLong);
    QCOMPARE(&sessions.with({u"other"_s}), &tooLong);
    QCOMPARE(sessions.seriesCount(), 2);
}

void TestMetrics::invalidUtf16ValuesAreOneSeries()
{
    Registry registry;
    CounterFamily& requests =
        registry.counterFamily(u"souk_http_requests_total"_s, u"HTTP requests answered"_s, {u"route"_s});
    // QString::toUtf8() writes both as '?': two series would be one label set shown twice
    Counter& high = requests.with({u"/a"_s + QChar(0xD800)});
    Counter& low = requests.with({u"/a"_s + QChar(0xDC00)});
    QCOMPARE(&high, &low);
    QCOMPARE(&requests.with({u"/a?"_s}), &high);
    high.inc();
    low.inc();
    QCOMPARE(lines(registry.exposition()).mid(2), QList<QByteArray>{R"(souk_http_requests_total{route="/a?"} 2)"_ba});
}

void TestMetrics::seriesStayWhereTheyAre()
{
    Registry registry;
    CounterFamily& requests =
        registry.counterFamily(u"souk_http_requests_total"_s, u"HTTP requests answered"_s, {u"route"_s});
    Counter& first = requests.with({u"/first"_s});
    first.inc();
    for (int i = 0; i < Registry::DefaultMaxSeries - 1; ++i) // the map rebalances, series do not move
        requests.with({u"/r%1"_s.arg(i)}).inc();
    first.inc();
    QCOMPARE(&requests.with({u"/first"_s}), &first);
    QCOMPARE(first.value(), quint64(2));
    QCOMPARE(requests.seriesCount(), Registry::DefaultMaxSeries);
    QCOMPARE(&registry.counterFamily(u"souk_http_requests_total"_s, u"HTTP requests answered"_s, {u"route"_s}),
             &requests);
}

void TestMetrics::concurrentUpdatesSumExactly()
{
    Registry registry;
    CounterFamily& requests =
        registry.counterFamily(u"souk_http_requests_total"_s, u"HTTP requests answered"_s, {u"route"_s});
    Counter& cached = registry.counter(u"souk_tls_handshakes_total"_s, u"TLS handshakes"_s);
    Gauge& open = registry.gauge(u"souk_connections_open"_s, u"Connections open"_s);
    Histogram& latency = registry.histogram(u"souk_http_request_duration_seconds"_s, u"Time to answer"_s,
                                            HistogramFamily::latencyBucketsSeconds());
    constexpr int Threads = 4; // two IO threads, the main thread and one more
    constexpr int Updates = 100000;
    std::atomic<bool> done{false};
    std::atomic<int> scrapes{0};
    std::thread scraper([&] { // scrapes meanwhile take the families' locks the lookups take
        do {
            if (!registry.exposition().isEmpty())
                ++scrapes;
        } while (!done.load());
    });
    std::vector<std::thread> workers;
    for (int t = 0; t < Threads; ++t) {
        workers.emplace_back([&, t] {
            const QStringList routes{u"/v1/orders"_s, u"/v1/payments"_s, u"/thread/%1"_s.arg(t)};
            for (int i = 0; i < Updates; ++i) {
                cached.inc();
                requests.with({routes[i % 3]}).inc(); // the lookup path, under the family's lock
                open.inc();
                open.dec(0.5);
                latency.observe(0.5); // exact in binary: the sum must be exact too
            }
        });
    }
    for (std::thread& worker : workers)
        worker.join();
    done = true;
    scraper.join();
    QVERIFY(scrapes.load() > 0);

    constexpr quint64 Total = quint64(Threads) * Updates;
    QCOMPARE(cached.value(), Total);
    quint64 perRoute = 0;
    for (int t = 0; t < Threads; ++t)
        perRoute += requests.with({u"/thread/%1"_s.arg(t)}).value();
    perRoute += requests.with({u"/v1/orders"_s}).value() + requests.with({u"/v1/payments"_s}).value();
    QCOMPARE(perRoute, Total);
    QCOMPARE(open.value(), 0.5 * double(Total));
    const Histogram::Snapshot s = latency.snapshot();
    QCOMPARE(s.count, Total);
    QCOMPARE(s.sum, 0.5 * double(Total));
    QCOMPARE(s.cumulative.at(8), Total); // le="0.5"
    QCOMPARE(s.cumulative.at(7), quint64(0));
}

void TestMetrics::registeringAgainReturnsTheSameFamily()
{
    Registry registry;
    HistogramFamily& first =
        registry.histogramFamily(u"souk_http_request_duration_seconds"_s, u"Time to answer"_s, {u"route"_s}, {0.1, 1});
    HistogramFamily& again =
        registry.histogramFamily(u"souk_http_request_duration_seconds"_s, u"Time to answer"_s, {u"route"_s}, {0.1, 1});
    QCOMPARE(&again, &first);
    QCOMPARE(&registry.gauge(u"souk_connections_open"_s, u"Open"_s),
             &registry.gauge(u"souk_connections_open"_s, u"Open"_s));
}

void TestMetrics::callbackGaugeStopsWhenCleared()
{
    Registry registry;
    int calls = 0;
    GaugeFamily& depth = registry.callbackGauge(u"souk_writer_queue_depth"_s, u"Commands waiting"_s, [&calls] {
        ++calls;
        return 12.0;
    });
    QVERIFY(registry.exposition().contains("\nsouk_writer_queue_depth 12\n"));
    QCOMPARE(calls, 1);
    depth.clearCallback({});
    QVERIFY(registry.exposition().contains("\nsouk_writer_queue_depth 0\n")); // its stored value
    QCOMPARE(calls, 1);

    depth.setCallback({}, []() -> double { throw std::runtime_error("engine gone"); });
    QVERIFY(registry.exposition().contains("\nsouk_writer_queue_depth NaN\n"));
}

void TestMetrics::namingRules_data()
{
    QTest::addColumn<MetricType>("type");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QString>("help");
    QTest::addColumn<bool>("accepted");
    const auto counter = MetricType::Counter;
    const auto gauge = MetricType::Gauge;
    const auto histogram = MetricType::Histogram;
    const QString help = u"Some help"_s;
    const QStringList none;
    QTest::addRow("counter") << counter << u"souk_http_requests_total"_s << QStringList{u"route"_s} << help << true;
    QTest::addRow("bytes counter") << counter << u"souk_http_response_bytes_total"_s << none << help << true;
    QTest::addRow("gauge") << gauge << u"souk_connections_open"_s << none << help << true;
    QTest::addRow("histogram") << histogram << u"souk_http_request_duration_seconds"_s << none << help << true;
    QTest::addRow("counter without _total") << counter << u"souk_http_requests"_s << none << help << false;
    QTest::addRow("gauge with _total") << gauge << u"souk_queue_total"_s << none << help << false;
    QTest::addRow("gauge with _count") << gauge << u"souk_queue_count"_s << none << help << false;
    QTest::addRow("gauge with _bucket") << gauge << u"souk_queue_bucket"_s << none << help << false;
    QTest::addRow("dash") << counter << u"souk-http_total"_s << none << help << false;
    QTest::addRow("leading digit") << counter << u"1souk_total"_s << none << help << false;
    QTest::addRow("empty") << gauge << QString() << none << help << false;
    QTest::addRow("reserved __") << counter << u"__souk_total"_s << none << help << false;
    QTest::addRow("colon") << counter << u"souk:http_total"_s << none << help << false;
    QTest::addRow("camelCase") << counter << u"soukHttp_total"_s << none << help << false;
    QTest::addRow("milliseconds") << gauge << u"souk_latency_milliseconds"_s << none << help << false;
    QTest::addRow("kilobytes") << gauge << u"souk_body_kilobytes"_s << none << help << false;
    QTest::addRow("minutes") << gauge << u"souk_uptime_minutes"_s << none << help << false;
    QTest::addRow("ms") << gauge << u"souk_latency_ms"_s << none << help << false;
    QTest::addRow("sec inside") << counter << u"souk_cpu_sec_total"_s << none << help << false;
    QTest::addRow("type in name") << counter << u"souk_requests_counter_total"_s << none << help << false;
    QTest::addRow("no help") << gauge << u"souk_connections_open"_s << none << QString() << false;
    QTest::addRow("blank help") << gauge << u"souk_connections_open"_s << none << u"  "_s << false;
    QTest::addRow("label le") << gauge << u"souk_queue_depth"_s << QStringList{u"le"_s} << help << false;
    QTest::addRow("histogram label le") << histogram << u"souk_x_seconds"_s << QStringList{u"le"_s} << help << false;
    QTest::addRow("label quantile") << gauge << u"souk_queue_depth"_s << QStringList{u"quantile"_s} << help << false;
    QTest::addRow("label __") << gauge << u"souk_queue_depth"_s << QStringList{u"__route"_s} << help << false;
    QTest::addRow("label camelCase") << gauge << u"souk_queue_depth"_s << QStringList{u"routeName"_s} << help << false;
    QTest::addRow("label dash") << gauge << u"souk_queue_depth"_s << QStringList{u"route-name"_s} << help << false;
    QTest::addRow("label colon") << gauge << u"souk_queue_depth"_s << QStringList{u"a:b"_s} << help << false;
    QTest::addRow("label twice") << gauge << u"souk_queue_depth"_s << QStringList{u"route"_s, u"route"_s} << help
                                 << false;
}

void TestMetrics::namingRules()
{
    QFETCH(MetricType, type);
    QFETCH(QString, name);
    QFETCH(QStringList, labels);
    QFETCH(QString, help);
    QFETCH(bool, accepted);
    const QString problem = namingProblem(type, name, help, labels);
    QVERIFY2(problem.isEmpty() == accepted, qPrintable(problem.isEmpty() ? u"accepted"_s : problem));
}

void TestMetrics::refusedFamilyWorksButIsNotExposed()
{
#ifdef QT_NO_DEBUG
    Registry registry;
    registry.gauge(u"souk_connections_open"_s, u"Open"_s);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^metric refused, not exposed: .*souk-bad_total"_s));
    Counter& bad = registry.counter(u"souk-bad_total"_s, u"A bad name"_s);
    bad.inc(); // works: a bad metric must not take the node down
    QCOMPARE(bad.value(), quint64(1));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^metric refused, not exposed: .*souk-bad_total"_s));
    QCOMPARE(&registry.counter(u"souk-bad_total"_s, u"A bad name"_s), &bad); // not one more each time
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"registered twice"_s));
    Gauge& clash = registry.gauge(u"souk_connections_open"_s, u"Open, with other help"_s);
    clash.set(5);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"takes 1 label values, not 2"_s));
    CounterFamily& requests = registry.counterFamily(u"souk_http_requests_total"_s, u"Requests"_s, {u"route"_s});
    QCOMPARE(&requests.with({u"/a"_s, u"extra"_s}), &requests.with({u"other"_s}));

    const QByteArray text = registry.exposition();
    QVERIFY(!text.contains("souk-bad_total"));
    QVERIFY(text.contains("\nsouk_connections_open 0\n"));
    QVERIFY(text.contains("# HELP souk_connections_open Open\n"));
#else
    QSKIP("a bad name asserts in a debug build; the release fallback is tested in release builds");
#endif
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "TestMetrics.moc"
