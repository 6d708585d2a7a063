#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>
#include <limits>
#include <memory>
#include <optional>
#include <sys/prctl.h>
#include <unistd.h>

#include "tests/api/MetricsText.h"
#include "tests/api/NodeFixture.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using namespace souk;
using souk::test::metricSample;
using souk::test::NodeFixture;

namespace {

constexpr int TargetUpTimeoutMs = 30'000; ///< Prometheus starts, then scrapes every second
constexpr int SampleTimeoutMs = 10'000;   ///< a few scrapes
constexpr int StopTimeoutMs = 10'000;

/// A free loopback port: the kernel picks it, then lets it go for the program that listens.
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

/// Debian's prometheus server, started on a config and storage folder of its own, listening on
/// loopback only. Stopped (SIGTERM, then SIGKILL) when it goes, so a failed test leaves nothing
/// running. Test thread only.
class PrometheusProcess final
{
    Q_DISABLE_COPY_MOVE(PrometheusProcess)
public:
    PrometheusProcess() = default;
    ~PrometheusProcess() { stop(); }

    /// Starts `program` on `config`, with its storage under `dir`; false with the reason in log().
    bool start(const QString& program, const QString& config, const QString& dir)
    {
        m_port = freePort();
        m_logPath = dir + u"/prometheus.log"_s;
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(m_logPath);
        // dies with the test, and holds none of the test's open files (a build lock, say)
        m_process.setChildProcessModifier([] {
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
        });
        m_process.start(program, {u"--config.file="_s + config, u"--storage.tsdb.path="_s + dir + u"/tsdb"_s,
                                  u"--web.listen-address=127.0.0.1:%1"_s.arg(m_port), u"--log.level=warn"_s});
        return m_port != 0 && m_process.waitForStarted(StopTimeoutMs);
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(StopTimeoutMs)) {
            m_process.kill();
            m_process.waitForFinished(StopTimeoutMs);
        }
    }

    bool running() const { return m_process.state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    QString log() const
    {
        QFile f(m_logPath);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_logPath;
};

} // namespace

/// The node's /metrics as Prometheus itself sees it: a real soukd and a real Prometheus server
/// (Debian's package, never a skip without it) scraping it over HTTPS every second. The target
/// comes up, souk_build_info names this build, and an order placed through the node reaches
/// souk_orders_placed_total in Prometheus's own query API. What promtool accepts, the server
/// must also take, over the TLS the node really speaks.
class TestPrometheusScrape final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void targetIsUp();
    void buildInfoNamesThisBuild();
    void placedOrderReachesPrometheus();

private:
    /// The result vector of an instant query; nullopt (with a warning) when Prometheus did not
    /// answer it.
    std::optional<QJsonArray> query(const QString& expression);
    /// GET on Prometheus's HTTP API: the answer's "data", or null (with a warning).
    QJsonValue apiGet(const QString& path, const QUrlQuery& query);
    /// Why Prometheus's last scrape of the node failed (its targets API), for messages.
    QString lastScrapeError();
    /// The value of the one sample `expression` gives, NaN when there is none (not scraped yet).
    double value(const QString& expression);
    QString logs() const;

    QTemporaryDir m_dir;
    std::unique_ptr<NodeFixture> m_node;
    std::unique_ptr<PrometheusProcess> m_prometheus;
    QNetworkAccessManager m_network;
    bool m_up = false; ///< targetIsUp() saw up == 1: the later tests need not wait for nothing
};

void TestPrometheusScrape::initTestCase()
{
    const QString program = QStandardPaths::findExecutable(u"prometheus"_s);
    // never a skip: this is the one test that shows Prometheus itself takes the node's scrape
    QVERIFY2(!program.isEmpty(), "prometheus not found on PATH: install Debian's prometheus package "
                                 "(apt-get install prometheus; tools/dev.sh lists it)");
    QVERIFY(m_dir.isValid());
    m_network.setProxy(QNetworkProxy::NoProxy); // loopback, whatever the environment says
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    QVERIFY(m_node->start());

    // The node's certificate is self-signed (made beside the store on its first start) and names
    // 127.0.0.1. It is given to Prometheus as its CA (ca_file) rather than insecure_skip_verify:
    // Go's verifier takes a leaf found among its roots as a chain of its own (CA:FALSE or not), so
    // the scrape really checks the certificate and the address it names, as an operator's scrape
    // of a pinned node should. Skipping verification would let a certificate Prometheus refuses
    // (a wrong address, say: tried, and the target stays down) pass unseen.
    const QString certificate = m_node->storePath() + u".cert.pem"_s;
    QVERIFY2(QFile::exists(certificate), qPrintable(certificate));
    const QString config = m_dir.filePath(u"prometheus.yml"_s);
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(u"global:\n"
               "  scrape_interval: 1s\n"
               "  scrape_timeout: 1s\n"
               "scrape_configs:\n"
               "  - job_name: soukd\n"
               "    scheme: https\n"
               "    metrics_path: /metrics\n"
               "    tls_config:\n"
               "      ca_file: '%1'\n"
               "    static_configs:\n"
               "      - targets: ['127.0.0.1:%2']\n"_s.arg(certificate)
                   .arg(m_node->port())
                   .toUtf8());
    file.close();
    m_prometheus = std::make_unique<PrometheusProcess>();
    QVERIFY2(m_prometheus->start(program, config, m_dir.path()), qPrintable(logs()));
}

void TestPrometheusScrape::cleanupTestCase()
{
    // Prometheus first: it must not count the node's exit as a failed scrape worth a warning
    m_prometheus.reset();
    if (m_node && m_node->running())
        QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
    m_node.reset();
}

QString TestPrometheusScrape::logs() const
{
    return u"--- prometheus ---\n%1\n--- soukd ---\n%2"_s.arg(m_prometheus ? m_prometheus->log() : QString(),
                                                              m_node ? m_node->log() : QString());
}

QJsonValue TestPrometheusScrape::apiGet(const QString& path, const QUrlQuery& query)
{
    QUrl url(u"http://127.0.0.1:%1%2"_s.arg(m_prometheus->port()).arg(path));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    std::unique_ptr<QNetworkReply> reply(m_network.get(request));
    QEventLoop loop;
    connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    if (reply->error() != QNetworkReply::NoError || answer.value(u"status"_s).toString() != u"success"_s) {
        // Prometheus is still starting (connection refused), or refused the request
        qWarning().noquote() << path << query.toString() << "->" << reply->errorString()
                             << QJsonDocument(answer).toJson(QJsonDocument::Compact);
        return {};
    }
    return answer.value(u"data"_s);
}

std::optional<QJsonArray> TestPrometheusScrape::query(const QString& expression)
{
    const QJsonValue data = apiGet(u"/api/v1/query"_s, QUrlQuery{{u"query"_s, expression}});
    if (!data.isObject())
        return std::nullopt;
    return data.toObject().value(u"result"_s).toArray();
}

QString TestPrometheusScrape::lastScrapeError()
{
    const QJsonArray targets = apiGet(u"/api/v1/targets"_s, QUrlQuery{{u"state"_s, u"active"_s}})
                                   .toObject()
                                   .value(u"activeTargets"_s)
                                   .toArray();
    QStringList said;
    for (const QJsonValue& t : targets)
        said << t.toObject().value(u"scrapeUrl"_s).toString() + u": "_s + t.toObject().value(u"health"_s).toString() +
                    u" "_s + t.toObject().value(u"lastError"_s).toString();
    return said.join(u'\n');
}

double TestPrometheusScrape::value(const QString& expression)
{
    const auto result = query(expression);
    if (!result || result->size() != 1)
        return std::numeric_limits<double>::quiet_NaN();
    // "value": [time, "text"]: Prometheus writes sample values as strings
    bool ok = false;
    const double v = result->at(0).toObject().value(u"value"_s).toArray().at(1).toString().toDouble(&ok);
    return ok ? v : std::numeric_limits<double>::quiet_NaN();
}

void TestPrometheusScrape::targetIsUp()
{
    // up is 1 only after a scrape that connected, passed TLS and parsed: 0 says it failed
    m_up = QTest::qWaitFor([this] { return value(u"up{job=\"soukd\"}"_s) == 1.0; }, TargetUpTimeoutMs);
    QVERIFY2(m_up,
             qPrintable(u"the target never came up within %1 s; Prometheus says:\n%2\n"_s.arg(TargetUpTimeoutMs / 1000)
                            .arg(lastScrapeError()) +
                        logs()));
    QVERIFY2(m_prometheus->running(), qPrintable(logs()));
}

void TestPrometheusScrape::buildInfoNamesThisBuild()
{
    QVERIFY2(m_up, "the target is not up (see targetIsUp)");
    QVERIFY(QTest::qWaitFor([this] { return value(u"souk_build_info"_s) == 1.0; }, SampleTimeoutMs));
    const auto result = query(u"souk_build_info"_s);
    QVERIFY(result && result->size() == 1);
    const QJsonObject labels = result->at(0).toObject().value(u"metric"_s).toObject();
    QCOMPARE(labels.value(u"version"_s).toString(), QStringLiteral(SOUK_VERSION_STRING));
    QCOMPARE(labels.value(u"job"_s).toString(), u"soukd"_s);
    QCOMPARE(labels.value(u"instance"_s).toString(), u"127.0.0.1:%1"_s.arg(m_node->port()));
    // the start time as Prometheus stores it: a Unix time in seconds, not milliseconds
    const double started = value(u"process_start_time_seconds"_s);
    QVERIFY2(started > 1.6e9 && started < 1e11, qPrintable(QString::number(started, 'f', 3)));
}

void TestPrometheusScrape::placedOrderReachesPrometheus()
{
    QVERIFY2(m_up, "the target is not up (see targetIsUp)");
    // there at 0 before the first order (a series that appears only with its first event hides
    // that first increase from rate())
    QVERIFY2(QTest::qWaitFor([this] { return value(u"souk_orders_placed_total"_s) == 0.0; }, SampleTimeoutMs),
             qPrintable(logs()));
    const NodeFixture::Seed& seed = m_node->seeded();
    const QJsonObject line{{u"sku"_s, seed.skuA}, {u"quantity"_s, 1}};
    const QByteArray order =
        QJsonDocument(QJsonObject{{u"order"_s, QJsonObject{{u"merchant_id"_s, seed.merchantA.toString()},
                                                           {u"customer_id"_s, seed.customer.toString()},
                                                           {u"lines"_s, QJsonArray{line}}}}})
            .toJson(QJsonDocument::Compact);
    const auto placed = m_node->request("POST", u"/v1/orders"_s, seed.ownerAKey, order,
                                        {{"Idempotency-Key", souk::test::newKey().toLatin1()}});
    QVERIFY2(placed.status == 201, qPrintable(placed.describe()));
    // the node counts it at once; Prometheus has it after its next scrape
    QCOMPARE(metricSample(m_node->request("GET", u"/metrics"_s).body, "souk_orders_placed_total"), 1.0);
    QVERIFY2(QTest::qWaitFor([this] { return value(u"souk_orders_placed_total"_s) == 1.0; }, SampleTimeoutMs),
             qPrintable(u"souk_orders_placed_total in Prometheus: %1\n"_s.arg(value(u"souk_orders_placed_total"_s)) +
                        logs()));
    QCOMPARE(value(u"up{job=\"soukd\"}"_s), 1.0);
}

QTEST_GUILESS_MAIN(TestPrometheusScrape)
#include "TestPrometheusScrape.moc"
