// soukd started before its PostgreSQL store can be reached (the database still starting, or failing
// over): it waits and says why, then serves once the database is up; past [node] store_wait_seconds
// it gives up with the database's own reason, and a setting of 0 does not wait at all.
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "backend/api/node/Certificate.h"
#include "tests/support/PgServer.h"

using namespace Qt::StringLiterals;
using namespace souk;
using souk::test::PgServer;

namespace {

constexpr int NodeStopTimeoutMs = 15'000;

int freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

class TestPgNodeStart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aNodeStartedBeforeItsDatabaseServesOnceItIsUp();
    void itGivesUpAfterTheWaitWithTheDatabasesReason();
    void aWaitOfZeroDoesNotWait();
    void aDatabaseThatDoesNotExistIsNotWaitedFor();

private:
    /// Starts soukd on the stopped server's URL with `[node] store_wait_seconds` = `waitSeconds`.
    void startNode(int waitSeconds, const QString& database = QStringLiteral("souk"));
    QString nodeOutput(); ///< stdout and stderr so far

    std::unique_ptr<PgServer> m_pg;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_node;
    QString m_output;
};

void TestPgNodeStart::initTestCase()
{
    QVERIFY2(PgServer::available(), "postgresql-15 is not installed (tools/dev.sh installs it)");
    QVERIFY2(!qEnvironmentVariable("SOUK_TEST_SOUKD").isEmpty(), "SOUK_TEST_SOUKD names no soukd");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(api::createSelfSigned(m_dir->filePath(u"node.pem"_s), m_dir->filePath(u"node.key"_s),
                                  {u"127.0.0.1"_s, u"localhost"_s}));
    m_pg = std::make_unique<PgServer>();
    m_pg->setPort(freePort()); // the URL the node is given stays right across the server's restarts
    QVERIFY2(m_pg->start(), qPrintable(m_pg->error() + u'\n' + m_pg->log()));
    QVERIFY(m_pg->createDatabase(u"souk"_s));
}

void TestPgNodeStart::init()
{
    QVERIFY(m_pg->stop());
    m_output.clear();
}

void TestPgNodeStart::cleanup()
{
    if (m_node && m_node->state() != QProcess::NotRunning) {
        m_node->kill();
        m_node->waitForFinished(NodeStopTimeoutMs);
    }
    m_node.reset();
}

void TestPgNodeStart::startNode(int waitSeconds, const QString& database)
{
    const QString config = m_dir->filePath(u"soukd.conf"_s);
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(u"[node]\nstore_wait_seconds=%1\n"_s.arg(waitSeconds).toUtf8());
    file.close();
    const int port = freePort();
    QVERIFY(port != 0);
    m_node = std::make_unique<QProcess>();
    m_node->setProcessChannelMode(QProcess::MergedChannels);
    m_node->start(qEnvironmentVariable("SOUK_TEST_SOUKD"),
                  {u"--config"_s, config, u"--store"_s, m_pg->url(database), u"--listen"_s, u"127.0.0.1:%1"_s.arg(port),
                   u"--cert"_s, m_dir->filePath(u"node.pem"_s), u"--key"_s, m_dir->filePath(u"node.key"_s)});
    QVERIFY2(m_node->waitForStarted(), qPrintable(m_node->errorString()));
}

QString TestPgNodeStart::nodeOutput()
{
    if (m_node)
        m_output += QString::fromUtf8(m_node->readAll());
    return m_output;
}

void TestPgNodeStart::aNodeStartedBeforeItsDatabaseServesOnceItIsUp()
{
    startNode(60);
    QTRY_VERIFY2_WITH_TIMEOUT(nodeOutput().contains(u"the store is not reachable yet"_s), qPrintable(nodeOutput()),
                              15'000);
    QTest::qWait(1500); // a try or two more, while nothing answers
    QCOMPARE(m_node->state(), QProcess::Running);
    QVERIFY(!nodeOutput().contains(u"soukd listening"_s));

    QVERIFY2(m_pg->start(), qPrintable(m_pg->error()));
    QTRY_VERIFY2_WITH_TIMEOUT(nodeOutput().contains(u"soukd listening on https://127.0.0.1:"_s),
                              qPrintable(nodeOutput()), 30'000);
    QCOMPARE(m_node->state(), QProcess::Running);
    m_node->terminate(); // SIGTERM: drains and exits 0
    QVERIFY(m_node->waitForFinished(NodeStopTimeoutMs));
    QCOMPARE(m_node->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_node->exitCode(), 0);
}

void TestPgNodeStart::itGivesUpAfterTheWaitWithTheDatabasesReason()
{
    QElapsedTimer clock;
    clock.start();
    startNode(2);
    QVERIFY(m_node->waitForFinished(20'000));
    const QString out = nodeOutput();
    QVERIFY2(m_node->exitCode() != 0, qPrintable(out));
    QVERIFY2(clock.elapsed() >= 1900, qPrintable(u"gave up after %1 ms"_s.arg(clock.elapsed())));
    QVERIFY2(out.contains(u"the store is not reachable yet"_s), qPrintable(out));
    // the last line is the database's own words, for the operator
    QVERIFY2(out.contains(u"cannot connect to the PostgreSQL store"_s), qPrintable(out));
    QVERIFY2(out.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(out));
}

void TestPgNodeStart::aWaitOfZeroDoesNotWait()
{
    startNode(0);
    QVERIFY(m_node->waitForFinished(20'000));
    const QString out = nodeOutput();
    QVERIFY2(m_node->exitCode() != 0, qPrintable(out));
    QVERIFY2(!out.contains(u"the store is not reachable yet"_s), qPrintable(out));
    QVERIFY2(out.contains(u"cannot connect to the PostgreSQL store"_s), qPrintable(out));
}

void TestPgNodeStart::aDatabaseThatDoesNotExistIsNotWaitedFor()
{
    // the server answers, and refuses for good: waiting would only delay the operator's fix
    QVERIFY(m_pg->start());
    QElapsedTimer clock;
    clock.start();
    startNode(60, u"no_such_store"_s);
    QVERIFY(m_node->waitForFinished(20'000));
    const QString out = nodeOutput();
    QVERIFY2(m_node->exitCode() != 0, qPrintable(out));
    QVERIFY2(clock.elapsed() < 15'000, qPrintable(u"took %1 ms"_s.arg(clock.elapsed())));
    QVERIFY2(!out.contains(u"the store is not reachable yet"_s), qPrintable(out));
    QVERIFY2(out.contains(u"\"no_such_store\" does not exist"_s), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestPgNodeStart)
#include "TestPgNodeStart.moc"
