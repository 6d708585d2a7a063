#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "tests/api/NodeFixture.h"
#include "tests/support/TestSupport.h"

using namespace Qt::StringLiterals;
using souk::test::NodeFixture;

namespace {

struct Ran
{
    int exitCode = -1;
    QByteArray output; ///< stdout and stderr
};

Ran run(const QString& program, const QStringList& args, const QByteArray& input, int timeoutMs)
{
    Ran ran;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10'000)) {
        ran.output = p.errorString().toUtf8();
        return ran;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        p.waitForFinished(5000);
        ran.output = "did not finish: " + p.readAll();
        return ran;
    }
    ran.exitCode = p.exitCode();
    ran.output = p.readAll();
    return ran;
}

} // namespace

/// The contract the running node publishes: its OpenAPI document passes the pinned linter and
/// gives every operation an id and a problem answer, and its /metrics scrape is one Prometheus
/// accepts after real traffic (a 404 and a 429 among it).
class TestNodeOpenApi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void documentPassesTheLinter();
    void everyOperationHasIdAndProblem();
    void metricsPassPromtool();

private:
    QJsonObject document();

    std::unique_ptr<NodeFixture> m_node;
    QTemporaryDir m_dir;
};

void TestNodeOpenApi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    // low enough that a short flood meets the per-address limit (for the 429 in /metrics)
    QVERIFY(m_node->start({{u"limits/per_address_rate"_s, u"5"_s}, {u"limits/per_address_burst"_s, u"15"_s}}));
}

void TestNodeOpenApi::cleanupTestCase()
{
    if (m_node->running())
        QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
    m_node.reset();
}

QJsonObject TestNodeOpenApi::document()
{
    const auto r = m_node->request("GET", u"/v1/openapi.json"_s);
    if (r.status != 200)
        qWarning().noquote() << r.describe();
    return r.json();
}

void TestNodeOpenApi::documentPassesTheLinter()
{
    const auto r = m_node->request("GET", u"/v1/openapi.json"_s);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QString path = m_dir.filePath(u"openapi.json"_s);
    QVERIFY(souk::test::writeFile(path, r.body));
    const QString bash = QStandardPaths::findExecutable(u"bash"_s);
    QVERIFY(!bash.isEmpty());
    const Ran lint = run(bash, {QStringLiteral(OPENAPI_LINT), path, QStringLiteral(OPENAPI_LINT_WORKDIR)}, {}, 600'000);
    QVERIFY2(lint.exitCode == 0, lint.output.constData());
    QVERIFY(lint.output.contains("openapi-lint: OK"));
}

void TestNodeOpenApi::everyOperationHasIdAndProblem()
{
    const QJsonObject doc = document();
    const QJsonObject paths = doc.value(u"paths"_s).toObject();
    QVERIFY(paths.size() >= 10);
    const QStringList methods = {u"get"_s, u"put"_s, u"post"_s, u"delete"_s, u"patch"_s, u"head"_s, u"options"_s};
    int operations = 0;
    QStringList ids;
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (const QString& method : methods) {
            if (!item.contains(method))
                continue;
            ++operations;
            const QJsonObject op = item.value(method).toObject();
            const QString where = method + u' ' + path.key();
            const QString id = op.value(u"operationId"_s).toString();
            QVERIFY2(!id.isEmpty(), qPrintable(where + u": no operationId"_s));
            QVERIFY2(!ids.contains(id), qPrintable(where + u": operationId used twice: "_s + id));
            ids << id;
            const QJsonObject responses = op.value(u"responses"_s).toObject();
            bool problem = false;
            for (auto response = responses.begin(); response != responses.end(); ++response) {
                if (!response.key().startsWith(u'4'))
                    continue;
                QJsonObject answer = response.value().toObject();
                if (answer.contains(u"$ref"_s)) { // components/responses/Name
                    const QString name = answer.value(u"$ref"_s).toString().section(u'/', -1);
                    answer = doc[u"components"_s][u"responses"_s][name].toObject();
                }
                problem = problem || answer.value(u"content"_s).toObject().contains(u"application/problem+json"_s);
            }
            QVERIFY2(problem, qPrintable(where + u": no 4XX application/problem+json response"_s));
        }
    }
    QVERIFY2(operations >= 12, qPrintable(QString::number(operations)));
    QVERIFY(ids.contains(u"list_orders"_s) && ids.contains(u"get_order"_s));
}

void TestNodeOpenApi::metricsPassPromtool()
{
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    // never a skip: a scrape Prometheus refuses is an outage nobody sees until it matters
    QVERIFY2(!promtool.isEmpty(), "promtool not found on PATH: install Debian's prometheus package");
    const QString key = m_node->seeded().adminKey;
    QCOMPARE(m_node->request("GET", u"/v1/merchants"_s, key).status, 200);
    QCOMPARE(m_node->request("GET", u"/v1/no-such-route"_s, key).status, 404);
    QCOMPARE(m_node->request("GET", u"/v1/orders/7393829471029248"_s, key).status, 404);
    int limited = 0;
    for (int i = 0; i < 40 && limited == 0; ++i)
        limited = m_node->request("GET", u"/healthz"_s).status == 429 ? 1 : 0;
    QVERIFY2(limited, "the flood never met the per-address limit");
    NodeFixture::Reply scrape;
    for (int attempt = 0; attempt < 10 && scrape.status != 200; ++attempt) {
        QTest::qWait(attempt == 0 ? 0 : 500); // the bucket refills at 5 a second
        scrape = m_node->request("GET", u"/metrics"_s);
    }
    QVERIFY2(scrape.status == 200, qPrintable(scrape.describe()));
    QVERIFY(scrape.header("content-type").startsWith("text/plain"));
    const QByteArray text = scrape.body;
    QVERIFY2(text.contains("status=\"404\""), text.constData());
    QVERIFY2(text.contains("status=\"429\""), text.constData());
    QVERIFY2(text.contains("reason=\"rate_limited_address\""), text.constData());
    const Ran check = run(promtool, {u"check"_s, u"metrics"_s}, text, 60'000);
    QVERIFY2(check.exitCode == 0 && check.output.trimmed().isEmpty(),
             qPrintable(u"promtool exit %1, said:\n%2\n--- scrape ---\n%3"_s.arg(check.exitCode)
                            .arg(QString::fromUtf8(check.output), QString::fromUtf8(text))));
}

QTEST_GUILESS_MAIN(TestNodeOpenApi)
#include "TestNodeOpenApi.moc"
