#include <cmath>
#include <limits>

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include "backend/api/metrics/Naming.h"
#include "backend/api/metrics/Registry.h"

using namespace Qt::StringLiterals;
using namespace souk::metrics;

namespace {

// never a skip: a scrape Prometheus refuses is an outage nobody sees until it matters
constexpr char MissingPromtool[] = "promtool not found on PATH: install Debian's prometheus package "
                                   "(apt-get install prometheus), as CI does";

struct Checked
{
    bool ran = false;
    int exitCode = -1;
    QByteArray output; ///< stdout and stderr: a lint warning counts as much as an error
    QString failure;
};

/// Pipes `text` into `promtool check metrics`.
Checked checkMetrics(const QString& promtool, const QByteArray& text)
{
    Checked checked;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(promtool, {u"check"_s, u"metrics"_s});
    if (!process.waitForStarted(10000)) {
        checked.failure = u"promtool did not start: "_s + process.errorString();
        return checked;
    }
    process.write(text);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        checked.failure = u"promtool did not finish: "_s + process.errorString();
        process.kill();
        process.waitForFinished(10000);
        return checked;
    }
    checked.ran = true;
    checked.exitCode = process.exitCode();
    checked.output = process.readAll();
    return checked;
}

QString report(const Checked& checked, const QByteArray& text)
{
    return u"promtool exit %1, said:\n%2\n--- exposition ---\n%3"_s.arg(
        QString::number(checked.exitCode), QString::fromUtf8(checked.output), QString::fromUtf8(text));
}

/// A family written by hand, for names the registry would refuse.
QByteArray handWritten(MetricType type, const QString& name, const QString& help, const QStringList& labels)
{
    QByteArray pairs;
    for (const QString& label : labels)
        pairs += (pairs.isEmpty() ? "" : ",") + label.toUtf8() + "=\"x\"";
    const QByteArray n = name.toUtf8();
    const QByteArray braces = pairs.isEmpty() ? QByteArray() : QByteArray('{' + pairs + '}');
    QByteArray text = "# HELP " + n + ' ' + help.toUtf8() + '\n';
    if (type == MetricType::Histogram) {
        const QByteArray le = pairs.isEmpty() ? QByteArray("le=\"+Inf\"") : pairs + ",le=\"+Inf\"";
        text += "# TYPE " + n + " histogram\n";
        text += n + "_bucket{" + le + "} 1\n" + n + "_sum" + braces + " 1\n" + n + "_count" + braces + " 1\n";
    } else {
        text += "# TYPE " + n + (type == MetricType::Counter ? " counter\n" : " gauge\n");
        text += n + braces + " 1\n";
    }
    return text;
}

/// Label values a hostile client could send as a route or a user agent.
QStringList hostileValues()
{
    return {
        u"back\\slash"_s,
        u"say \"hi\""_s,
        u"line1\nline2"_s,
        u"x\"} 1\n# TYPE souk_fake_total counter\nsouk_fake_total 99"_s,
        u"tab\tcr\r"_s,
        QString(QChar(0)) + u"nul"_s,
        QString(QChar(0xD800)) + u"lone surrogate"_s,
        u"caf\u00e9 \U0001F6D2 {}=,"_s,
        QString(Family::LabelValueMax + 1, u'x'),
    };
}

} // namespace

class TestMetricsPromtool final : public QObject
{
    Q_OBJECT

private slots:
    void fullExpositionPassesPromtool();
    void namingRulesAgreeWithPromtool_data();
    void namingRulesAgreeWithPromtool();
};

void TestMetricsPromtool::fullExpositionPassesPromtool()
{
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    QVERIFY2(!promtool.isEmpty(), MissingPromtool);

    Registry registry(8); // the last hostile value goes to "other"
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^souk_http_requests_total: a label value is longer"_s));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"^souk_http_request_duration_seconds: a label value is longer"_s));
    CounterFamily& requests =
        registry.counterFamily(u"souk_http_requests_total"_s, u"HTTP requests answered, by route, method and status"_s,
                               {u"route"_s, u"method"_s, u"status"_s});
    HistogramFamily& latency =
        registry.histogramFamily(u"souk_http_request_duration_seconds"_s, u"Time to answer, by route"_s, {u"route"_s},
                                 HistogramFamily::latencyBucketsSeconds());
    const QList<double> bounds = HistogramFamily::latencyBucketsSeconds();
    for (const QString& route : hostileValues()) {
        requests.with({route, u"GET"_s, u"200"_s}).inc();
        for (const double seconds : bounds) // on every edge
            latency.with({route}).observe(seconds);
        latency.with({route}).observe(12.5);
    }
    registry.counter(u"souk_tls_handshake_failures_total"_s, u"TLS handshakes that failed"_s);
    registry.counter(u"souk_http_response_bytes_total"_s, u"Bytes of response bodies sent"_s).inc(quint64(1) << 40);
    registry.counterFamily(u"souk_payments_refused_total"_s, u"Payments refused, by reason"_s, {u"reason"_s});
    GaugeFamily& values = registry.gaugeFamily(
        u"souk_test_values"_s, u"Edge values. Help with a \\ backslash,\na line feed and \"quotes\""_s, {u"case"_s});
    values.with({u"nan"_s}).set(std::numeric_limits<double>::quiet_NaN());
    values.with({u"pos_inf"_s}).set(std::numeric_limits<double>::infinity());
    values.with({u"neg_inf"_s}).set(-std::numeric_limits<double>::infinity());
    values.with({u"tiny"_s}).set(5e-324);
    values.with({u"huge"_s}).set(std::numeric_limits<double>::max());
    values.with({u"negative"_s}).set(-2.5);
    values.setCallback({u"callback"_s}, [] { return 41.0; });
    // a start time in Unix seconds keeps its milliseconds
    registry.gauge(u"process_start_time_seconds"_s, u"Start time of the process since the Unix epoch in seconds"_s)
        .set(1796630317.094);
    registry.callbackGauge(u"souk_writer_queue_depth"_s, u"Commands waiting for the engine's writer"_s,
                           [] { return 3.0; });
    Histogram& odd = registry.histogram(u"souk_test_odd_seconds"_s, u"Observations nobody should make"_s, {1});
    odd.observe(-1);
    odd.observe(std::numeric_limits<double>::infinity());
    odd.observe(std::numeric_limits<double>::quiet_NaN());

    const QByteArray text = registry.exposition();
    // the exposition holds what this test means to check
    QVERIFY(text.contains(R"(souk_http_requests_total{route="other",method="other",status="other"} 1)"));
    QVERIFY(text.contains(R"(souk_http_request_duration_seconds_bucket{route="other",le="+Inf"})"));
    QVERIFY(text.contains(R"(route="x\"} 1\n# TYPE souk_fake_total counter\nsouk_fake_total 99")"));
    QVERIFY(text.contains("souk_test_values{case=\"nan\"} NaN\n"));
    QVERIFY(text.contains("souk_test_odd_seconds_sum NaN\n"));
    QVERIFY(text.contains("process_start_time_seconds 1796630317.094\n"));
    QVERIFY(text.contains("# TYPE souk_payments_refused_total counter\n# HELP"));

    const Checked checked = checkMetrics(promtool, text);
    QVERIFY2(checked.ran, qPrintable(checked.failure));
    QVERIFY2(checked.exitCode == 0 && checked.output.isEmpty(), qPrintable(report(checked, text)));
}

void TestMetricsPromtool::namingRulesAgreeWithPromtool_data()
{
    // only where the registry means to agree: it also refuses "__" names, which promtool lets by
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
    const QStringList route{u"route"_s};
    QTest::addRow("counter") << counter << u"souk_http_requests_total"_s << route << help << true;
    QTest::addRow("gauge") << gauge << u"souk_connections_open"_s << none << help << true;
    QTest::addRow("histogram") << histogram << u"souk_http_request_duration_seconds"_s << route << help << true;
    QTest::addRow("bytes") << counter << u"souk_http_response_bytes_total"_s << none << help << true;
    // the node's own series, by the names a dashboard depends on
    QTest::addRow("build info") << gauge << u"souk_build_info"_s << QStringList{u"version"_s} << help << true;
    QTest::addRow("start time") << gauge << u"process_start_time_seconds"_s << none << help << true;
    QTest::addRow("orders placed") << counter << u"souk_orders_placed_total"_s << none << help << true;
    QTest::addRow("authorizations") << counter << u"souk_payment_authorizations_total"_s << QStringList{u"outcome"_s}
                                    << help << true;
    QTest::addRow("provider calls") << counter << u"souk_provider_calls_total"_s << QStringList{u"call"_s, u"outcome"_s}
                                    << help << true;
    QTest::addRow("capital after _") << counter << u"souk_Http_total"_s << none << help << true;
    QTest::addRow("counter without _total") << counter << u"souk_http_requests"_s << none << help << false;
    QTest::addRow("gauge with _total") << gauge << u"souk_queue_total"_s << none << help << false;
    QTest::addRow("gauge with _count") << gauge << u"souk_queue_count"_s << none << help << false;
    QTest::addRow("gauge with _sum") << gauge << u"souk_queue_sum"_s << none << help << false;
    QTest::addRow("gauge with _bucket") << gauge << u"souk_queue_bucket"_s << none << help << false;
    QTest::addRow("dash") << counter << u"souk-http_total"_s << none << help << false;
    QTest::addRow("leading digit") << gauge << u"1souk_open"_s << none << help << false;
    QTest::addRow("colon") << counter << u"souk:http_total"_s << none << help << false;
    QTest::addRow("camelCase") << counter << u"soukHttp_total"_s << none << help << false;
    QTest::addRow("milliseconds") << gauge << u"souk_latency_milliseconds"_s << none << help << false;
    QTest::addRow("kilobytes") << counter << u"souk_body_kilobytes_total"_s << none << help << false;
    QTest::addRow("minutes") << gauge << u"souk_uptime_minutes"_s << none << help << false;
    QTest::addRow("bits") << counter << u"souk_sent_bits_total"_s << none << help << false;
    QTest::addRow("ms") << histogram << u"souk_latency_ms"_s << none << help << false;
    QTest::addRow("sec inside") << counter << u"souk_cpu_sec_total"_s << none << help << false;
    QTest::addRow("b") << gauge << u"souk_body_b"_s << none << help << false;
    QTest::addRow("counter in name") << counter << u"souk_requests_counter_total"_s << none << help << false;
    QTest::addRow("gauge in name") << gauge << u"souk_queue_gauge"_s << none << help << false;
    QTest::addRow("summary in name") << gauge << u"souk_summary_open"_s << none << help << false;
    QTest::addRow("no help") << gauge << u"souk_connections_open"_s << none << QString() << false;
    QTest::addRow("label le") << gauge << u"souk_queue_depth"_s << QStringList{u"le"_s} << help << false;
    QTest::addRow("histogram label le") << histogram << u"souk_x_seconds"_s << QStringList{u"le"_s} << help << false;
    QTest::addRow("label quantile") << gauge << u"souk_queue_depth"_s << QStringList{u"quantile"_s} << help << false;
    QTest::addRow("label camelCase") << gauge << u"souk_queue_depth"_s << QStringList{u"routeName"_s} << help << false;
    QTest::addRow("label dash") << gauge << u"souk_queue_depth"_s << QStringList{u"route-name"_s} << help << false;
}

void TestMetricsPromtool::namingRulesAgreeWithPromtool()
{
    QFETCH(MetricType, type);
    QFETCH(QString, name);
    QFETCH(QStringList, labels);
    QFETCH(QString, help);
    QFETCH(bool, accepted);
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    QVERIFY2(!promtool.isEmpty(), MissingPromtool);

    const QString problem = namingProblem(type, name, help, labels);
    QVERIFY2(problem.isEmpty() == accepted, qPrintable(problem.isEmpty() ? u"the registry accepts it"_s : problem));
    const QByteArray text = handWritten(type, name, help, labels);
    const Checked checked = checkMetrics(promtool, text);
    QVERIFY2(checked.ran, qPrintable(checked.failure));
    QVERIFY2((checked.exitCode == 0 && checked.output.isEmpty()) == accepted, qPrintable(report(checked, text)));
}

QTEST_GUILESS_MAIN(TestMetricsPromtool)
#include "TestMetricsPromtool.moc"
