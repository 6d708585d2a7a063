#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <csignal>
#include <memory>

#include "tests/api/NodeFixture.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using souk::test::NodeFixture;

namespace {


/// Waits up to `timeoutMs` for the peer to close; the milliseconds it took, or -1.
qint64 closedWithin(QSslSocket& socket, int timeoutMs, QByteArray* received = nullptr)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return clock.elapsed();
        socket.waitForReadyRead(50);
        const QByteArray bytes = socket.readAll();
        if (received)
            *received += bytes;
    }
    return -1;
}

QByteArray getRequest(const QByteArray& path, const QByteArray& extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

} // namespace

/// The transport's limits on the real soukd, from the outside: sizes, timeouts, rates, the
/// firewall, the connection cap, SIGHUP and SIGTERM. Each test starts soukd with the settings
/// it is about. A refusal must be the documented one and must change nothing.
class TestNodeLimits final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void headerOver16KiBIs431();
    void bodyOver1MiBIs413Unread();
    void importTakesItsOwnBodyLimit();
    void contentLengthWithChunkedIs400();
    void slowlorisIsCutAtHeaderTimeout();
    void idleKeepAliveIsClosed();
    void floodGets429();
    void deniedAddressIsClosedUnanswered();
    void connectionCapAnswers503();
    void sighupAppliesNewLimits();
    void sigtermAnswersRequestInFlight();

private:
    QByteArray orders();
    QByteArray authorization() const
    {
        return "Authorization: Bearer " + m_node->seeded().ownerAKey.toLatin1() + "\r\n";
    }

    std::unique_ptr<NodeFixture> m_node;
};

void TestNodeLimits::initTestCase()
{
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
}

void TestNodeLimits::cleanup()
{
    if (m_node->running())
        QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
}

QByteArray TestNodeLimits::orders()
{
    const auto r = m_node->request("GET", u"/v1/orders?limit=1000"_s, m_node->seeded().adminKey);
    return r.status == 200 ? QJsonDocument(r.json().value(u"data"_s).toArray()).toJson() : r.describe().toUtf8();
}

void TestNodeLimits::headerOver16KiBIs431()
{
    QVERIFY(m_node->start());
    const auto r =
        m_node->exchange(getRequest("/v1/orders", authorization() + "X-Pad: " + QByteArray(17 * 1024, 'a') + "\r\n"));
    QCOMPARE_PROBLEM(r, 431, "invalid", "header");
    // just under the limit is served
    const auto fits = m_node->exchange(getRequest(
        "/v1/orders", authorization() + "X-Pad: " + QByteArray(15 * 1024, 'a') + "\r\nConnection: close\r\n"));
    QVERIFY2(fits.status == 200, qPrintable(fits.describe()));
}

void TestNodeLimits::bodyOver1MiBIs413Unread()
{
    QVERIFY(m_node->start());
    const QByteArray before = orders();
    auto socket = m_node->connectTls();
    QVERIFY(socket);
    const qint64 length = 2 * 1024 * 1024;
    socket->write("POST /v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization() +
                  "Idempotency-Key: " + souk::test::newKey().toLatin1() +
                  "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(length) + "\r\n\r\n");
    socket->write(QByteArray(16 * 1024, ' ')); // a start of the body, the rest never sent
    socket->flush();
    const auto r = NodeFixture::readReply(*socket, 5000); // answered while 2 MiB minus 16 KiB are still owed
    QCOMPARE_PROBLEM(r, 413, "invalid", "body");
    QVERIFY2(closedWithin(*socket, 3000) >= 0, "the connection stays open after a 413");
    QCOMPARE(orders(), before);
}

void TestNodeLimits::importTakesItsOwnBodyLimit()
{
    QVERIFY(m_node->start({{u"limits/max_import_bytes"_s, u"3145728"_s}}));
    // a 2 MiB catalog file: over the 1 MiB of every other route, within the import's 3 MiB
    // QByteArray, not auto: a deduced QStringBuilder would refer to temporaries gone by then
    const auto body = [](qint64 csvBytes) -> QByteArray {
        return "{\"merchant_id\":\"1\",\"format\":\"souk\",\"csv\":\"" + QByteArray(csvBytes, 'a') + "\"}";
    };
    const auto request = [&](const QByteArray& json) -> QByteArray {
        return "POST /v1/catalog/imports/plan HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization() +
               "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(json.size()) +
               "\r\nConnection: close\r\n\r\n" + json;
    };
    const auto within = m_node->exchange(request(body(2 * 1024 * 1024)), 15000);
    QVERIFY2(within.status != 413 && within.status != 0, qPrintable(within.describe()));
    // past the import's own cap: refused before it is read
    const auto over = m_node->exchange(
        "POST /v1/catalog/imports/plan HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization() +
            "Content-Type: application/json\r\nContent-Length: 4194304\r\n\r\n",
        5000);
    QCOMPARE_PROBLEM(over, 413, "invalid", "body");
}

void TestNodeLimits::contentLengthWithChunkedIs400()
{
    QVERIFY(m_node->start());
    const QByteArray before = orders();
    const QByteArray body = "{\"order\":{\"merchant_id\":\"" + m_node->seeded().merchantA.toString().toLatin1() +
                            "\",\"lines\":[{\"sku\":\"" + m_node->seeded().skuA.toLatin1() + "\",\"quantity\":1}]}}";
    const QByteArray chunked = QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n0\r\n\r\n";
    const auto r = m_node->exchange("POST /v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization() +
                                    "Idempotency-Key: " + souk::test::newKey().toLatin1() +
                                    "\r\nContent-Type: application/json\r\nContent-Length: 5\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n" +
                                    chunked);
    QCOMPARE_PROBLEM(r, 400, "invalid", "request");
    QCOMPARE(r.header("connection").toLower(), QByteArray("close"));
    QCOMPARE(orders(), before); // neither reading of the body made an order
}

void TestNodeLimits::slowlorisIsCutAtHeaderTimeout()
{
    QVERIFY(m_node->start({{u"limits/header_timeout_ms"_s, u"1500"_s}, {u"limits/idle_timeout_ms"_s, u"2000"_s}}));
    auto socket = m_node->connectTls();
    QVERIFY(socket);
    const QByteArray request = getRequest("/healthz", "X-Slow: " + QByteArray(64, 'z') + "\r\n");
    QElapsedTimer clock;
    clock.start();
    QByteArray received;
    qint64 closedAtMs = -1;
    for (qsizetype i = 0; i < request.size() - 2 && clock.elapsed() < 10'000; ++i) {
        socket->write(request.mid(i, 1)); // one byte a second: each byte alone beats any read timeout
        socket->flush();
        if (closedWithin(*socket, 1000, &received) >= 0) {
            closedAtMs = clock.elapsed();
            break;
        }
    }
    QVERIFY2(closedAtMs >= 0, "a header trickling in at a byte a second was never cut off");
    QVERIFY2(closedAtMs >= 1300 && closedAtMs <= 5000, qPrintable(u"closed after %1 ms"_s.arg(closedAtMs)));
    QVERIFY2(!received.startsWith("HTTP/1.1 200"), received.constData());
    QTRY_VERIFY2_WITH_TIMEOUT(m_node->log().contains(u"header_timeout"_s), qPrintable(m_node->log()), 3000);
}

void TestNodeLimits::idleKeepAliveIsClosed()
{
    QVERIFY(m_node->start({{u"limits/header_timeout_ms"_s, u"1500"_s}, {u"limits/idle_timeout_ms"_s, u"2000"_s}}));
    auto socket = m_node->connectTls();
    QVERIFY(socket);
    socket->write(getRequest("/healthz"));
    socket->flush();
    const auto r = NodeFixture::readReply(*socket, 5000);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QVERIFY(r.header("connection").toLower() != "close"); // kept alive...
    const qint64 ms = closedWithin(*socket, 6000);
    QVERIFY2(ms >= 1500 && ms <= 5000, qPrintable(u"idle connection closed after %1 ms"_s.arg(ms))); // ...for 2 s
}

void TestNodeLimits::floodGets429()
{
    QVERIFY(m_node->start({{u"limits/per_address_rate"_s, u"5"_s}, {u"limits/per_address_burst"_s, u"5"_s}}));
    auto socket = m_node->connectTls();
    QVERIFY(socket);
    int served = 0;
    NodeFixture::Reply limited;
    for (int i = 0; i < 20 && limited.status == 0; ++i) {
        socket->write(getRequest("/healthz"));
        socket->flush();
        const auto r = NodeFixture::readReply(*socket, 5000);
        if (r.status == 200)
            ++served;
        else
            limited = r;
    }
    QVERIFY2(served >= 5 && served <= 7, qPrintable(u"%1 served before the limit"_s.arg(served)));
    QCOMPARE_PROBLEM(limited, 429, "unavailable", "");
    QVERIFY2(limited.header("retry-after").toInt() >= 1, qPrintable(limited.describe()));
}

void TestNodeLimits::deniedAddressIsClosedUnanswered()
{
    QVERIFY(m_node->start({{u"firewall/deny"_s, u"127.0.0.1/32"_s}}));
    QSslSocket socket;
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket, [&socket] { socket.ignoreSslErrors(); });
    socket.connectToHostEncrypted(u"127.0.0.1"_s, m_node->port());
    const bool encrypted = socket.waitForEncrypted(5000);
    QVERIFY2(!encrypted, "a denied address completed the TLS handshake");
    QByteArray received;
    QVERIFY(closedWithin(socket, 3000, &received) >= 0);
    QVERIFY2(received.isEmpty(), received.constData());
    QVERIFY(m_node->log().contains(u"firewall"_s));
}

void TestNodeLimits::connectionCapAnswers503()
{
    QVERIFY(m_node->start({{u"limits/max_connections"_s, u"5"_s}, {u"limits/idle_timeout_ms"_s, u"20000"_s}}));
    std::vector<std::unique_ptr<QSslSocket>> held;
    for (int i = 0; i < 5; ++i) {
        held.push_back(m_node->connectTls());
        QVERIFY(held.back());
    }
    for (int extra = 0; extra < 2; ++extra) {
        const auto r = m_node->exchange(getRequest("/healthz"));
        QCOMPARE_PROBLEM(r, 503, "unavailable", "");
        QVERIFY2(r.header("retry-after").toInt() >= 1, qPrintable(r.describe()));
    }
    held.clear(); // the held ones leave: the node serves again
    QTRY_COMPARE_WITH_TIMEOUT(m_node->exchange(getRequest("/healthz", "Connection: close\r\n")).status, 200, 5000);
}

void TestNodeLimits::sighupAppliesNewLimits()
{
    const NodeFixture::Settings tight{{u"limits/per_address_rate"_s, u"0.01"_s},
                                      {u"limits/per_address_burst"_s, u"1"_s}};
    QVERIFY(m_node->start(tight));
    const qint64 pid = m_node->pid();
    QCOMPARE(m_node->request("GET", u"/healthz"_s).status, 200);
    QCOMPARE(m_node->request("GET", u"/healthz"_s).status, 429); // the one token is spent for 100 s
    QVERIFY(
        m_node->writeSettings({{u"limits/per_address_rate"_s, u"1000"_s}, {u"limits/per_address_burst"_s, u"1000"_s}}));
    QVERIFY(m_node->sendSignal(SIGHUP));
    QTRY_VERIFY_WITH_TIMEOUT(m_node->log().contains(u"reloaded"_s), 5000);
    // the old rate would refuse for 100 s; the new one refills the spent bucket at 1 a millisecond
    QTest::qWait(100);
    for (int i = 0; i < 10; ++i) {
        const auto r = m_node->request("GET", u"/healthz"_s);
        QVERIFY2(r.status == 200, qPrintable(r.describe() + u"\n"_s + m_node->log()));
    }
    QVERIFY(m_node->running());
    QCOMPARE(m_node->pid(), pid); // applied in place, not by a restart
}

void TestNodeLimits::sigtermAnswersRequestInFlight()
{
    QVERIFY(m_node->start());
    const QByteArray body = "{\"user\":\"" + m_node->seeded().ownerAName.toUtf8() + "\",\"password\":\"" +
                            m_node->seeded().ownerAPassword.toUtf8() + "\",\"code\":\"\"}";
    auto socket = m_node->connectTls();
    QVERIFY(socket);
    // a sign-in: its password hash keeps it in flight long enough for the signal to land
    socket->write(
        "POST /v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
        QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->flush();
    QTest::qWait(30);
    QVERIFY(m_node->sendSignal(SIGTERM));
    const auto r = NodeFixture::readReply(*socket, 5000);
    QVERIFY2(r.status == 201, qPrintable(r.describe()));
    QVERIFY(r.json().value(u"token"_s).toString().startsWith(u"st_"_s));
    QVERIFY2(m_node->waitForExit(), qPrintable(m_node->log()));
}

QTEST_GUILESS_MAIN(TestNodeLimits)
#include "TestNodeLimits.moc"
