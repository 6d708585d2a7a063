// The change feed over a WebSocket (GET /v1/changes/stream) on the real soukd: backlog then live
// changes in seq order, a merchant's key sees its merchant's only, refusals before the upgrade,
// resync for a pruned position, "going away" on a drain; and RemoteClient following it, resuming
// after the link is cut or the node restarts, and falling back to long poll when refused.
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QWebSocket>

#include <csignal>
#include <memory>

#include "backend/api/schema/FeedTypes.h"
#include "backend/client/RemoteClient.h"
#include "tests/api/MetricsText.h"
#include "tests/api/NodeFixture.h"
#include "tests/api/TlsProxy.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using souk::test::NodeFixture;

namespace {

constexpr int WaitMs = 15'000;

/// A raw WebSocket on the stream, pinned to the node's certificate: what it received and how it ended.
class StreamReader final : public QObject
{
public:
    StreamReader(quint16 port, const QString& fingerprint, const QString& bearer, const QString& query)
    {
        connect(&m_socket, &QWebSocket::sslErrors, this, [this, fingerprint](const QList<QSslError>& errors) {
            const auto peer = m_socket.sslConfiguration().peerCertificate();
            if (QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex(':').toUpper()) == fingerprint)
                m_socket.ignoreSslErrors(errors);
        });
        connect(&m_socket, &QWebSocket::connected, this, [this] { opened = true; });
        connect(&m_socket, &QWebSocket::disconnected, this, [this] {
            ended = true;
            closeCode = m_socket.closeCode();
            closeReason = m_socket.closeReason();
        });
        connect(&m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
                [this](QAbstractSocket::SocketError) {
                    if (!opened) // refused: the handshake never finished
                        ended = true;
                });
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
            const QJsonObject page = QJsonDocument::fromJson(text.toUtf8()).object();
            messages << page;
            for (const QJsonValue& c : page.value(u"changes"_s).toArray())
                changes << c.toObject();
        });
        QNetworkRequest request(QUrl(u"wss://127.0.0.1:%1/v1/changes/stream%2"_s.arg(port).arg(query)));
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
        m_socket.open(request);
    }

    QList<qint64> seqs() const
    {
        QList<qint64> out;
        for (const QJsonObject& c : changes)
            out << c.value(u"seq"_s).toInteger();
        return out;
    }
    bool hasId(const QString& id) const
    {
        return std::any_of(changes.begin(), changes.end(),
                           [&](const QJsonObject& c) { return c.value(u"id"_s).toString() == id; });
    }

    bool opened = false;
    bool ended = false;
    int closeCode = -1;
    QString closeReason;
    QList<QJsonObject> messages;
    QList<QJsonObject> changes;

private:
    QWebSocket m_socket;
};

template <typename T> souk::Result<T> settle(QFuture<souk::Result<T>> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, WaitMs) || future.resultCount() == 0)
        return souk::Error::internal(u"no answer"_s);
    if (!future.isFinished() || future.resultCount() == 0)
        return souk::Error::internal(u"no answer"_s);
    return future.result();
}

} // namespace

class TestNodeFeedStream final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void backlogThenLiveInOrder();
    void merchantSeesOnlyItsOwn();
    void refusedBeforeTheUpgrade();
    void remoteClientStreamsAndResumes();
    void remoteClientFallsBackToLongPoll();
    void streamsAreCounted();
    void drainSaysGoingAway();
    void resyncForAPrunedPosition();

private:
    /// One committed change of merchant A's stock (as its staff).
    void adjust(int delta);
    qint64 head();
    std::shared_ptr<souk::RemoteClient> remote(quint16 port, bool preferStream = true);

    std::unique_ptr<NodeFixture> m_node;
};

void TestNodeFeedStream::initTestCase()
{
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    QVERIFY(m_node->start());
}

void TestNodeFeedStream::cleanupTestCase()
{
    if (m_node->running())
        QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
    m_node.reset();
}

void TestNodeFeedStream::adjust(int delta)
{
    const auto& s = m_node->seeded();
    const QJsonObject body{{u"adjustment"_s, QJsonObject{{u"variant_id"_s, s.variantA.toString()},
                                                         {u"location_id"_s, s.locationA.toString()},
                                                         {u"kind"_s, u"received"_s},
                                                         {u"delta"_s, delta},
                                                         {u"reason"_s, u"stream test"_s}}}};
    const auto r = m_node->request(
        "POST", u"/v1/stock_adjustments"_s, s.staffAKey, QJsonDocument(body).toJson(QJsonDocument::Compact),
        {{"Content-Type", "application/json"}, {"Idempotency-Key", souk::test::newKey().toUtf8()}});
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
}

qint64 TestNodeFeedStream::head()
{
    const auto r = m_node->request("GET", u"/v1/changes"_s, m_node->seeded().adminKey);
    return r.status == 200 ? r.json().value(u"next_after"_s).toInteger() : -1;
}

std::shared_ptr<souk::RemoteClient> TestNodeFeedStream::remote(quint16 port, bool preferStream)
{
    souk::RemoteClient::Options o;
    o.url = QUrl(u"https://127.0.0.1:%1"_s.arg(port));
    o.fingerprint = m_node->fingerprint();
    o.apiKey = m_node->seeded().adminKey;
    o.preferStream = preferStream;
    o.feedWaitS = 5;
    auto connected = settle(souk::RemoteClient::connectTo(o));
    if (!connected)
        qWarning().noquote() << connected.error().toString();
    return connected ? *connected : nullptr;
}

void TestNodeFeedStream::backlogThenLiveInOrder()
{
    const qint64 from = head();
    QVERIFY(from >= 0);
    for (int i = 0; i < 3; ++i)
        adjust(1);
    StreamReader reader(m_node->port(), m_node->fingerprint(), m_node->seeded().adminKey, u"?after=%1"_s.arg(from));
    QVERIFY2(QTest::qWaitFor([&] { return reader.changes.size() >= 3; }, WaitMs), qPrintable(m_node->log()));
    QVERIFY(reader.opened);
    for (int i = 0; i < 3; ++i)
        adjust(1);
    QVERIFY(QTest::qWaitFor([&] { return reader.changes.size() >= 6; }, WaitMs));
    QTest::qWait(200); // nothing more, nothing twice
    // exactly what the long poll answers after the same position, in the same order
    const auto poll = m_node->request("GET", u"/v1/changes?after=%1&limit=1000"_s.arg(from), m_node->seeded().adminKey);
    QList<qint64> expected;
    for (const QJsonValue& c : poll.json().value(u"changes"_s).toArray())
        expected << c[u"seq"_s].toInteger();
    QCOMPARE(reader.seqs(), expected);
    QVERIFY(std::is_sorted(expected.begin(), expected.end()));
    QVERIFY(reader.hasId(m_node->seeded().variantA.toString()));
    // the message has the long poll's form
    const QJsonObject page = reader.messages.first();
    QVERIFY(page.contains(u"next_after"_s) && page.contains(u"resync"_s) && !page.value(u"resync"_s).toBool());
    QVERIFY(!reader.ended);
}

void TestNodeFeedStream::merchantSeesOnlyItsOwn()
{
    const auto& s = m_node->seeded();
    const qint64 from = head();
    StreamReader ownerA(m_node->port(), m_node->fingerprint(), s.ownerAKey, u"?after=%1"_s.arg(from));
    StreamReader ownerB(m_node->port(), m_node->fingerprint(), s.ownerBKey, u"?after=%1"_s.arg(from));
    QVERIFY(QTest::qWaitFor([&] { return ownerA.opened && ownerB.opened; }, WaitMs));
    adjust(2);
    const auto cancelled = m_node->request(
        "POST", u"/v1/orders/%1/cancel"_s.arg(s.orderB.toString()), s.ownerBKey, R"({"reason":"stream test"})",
        {{"Content-Type", "application/json"}, {"Idempotency-Key", souk::test::newKey().toUtf8()}});
    QVERIFY2(cancelled.status == 200, qPrintable(cancelled.describe()));
    adjust(3);
    QVERIFY(QTest::qWaitFor([&] { return ownerA.changes.size() >= 2 && ownerB.hasId(s.orderB.toString()); }, WaitMs));
    QTest::qWait(300);
    QVERIFY(ownerA.hasId(s.variantA.toString()));
    QVERIFY2(!ownerA.hasId(s.orderB.toString()), "merchant A's key was told of merchant B's order");
    QVERIFY2(!ownerB.hasId(s.variantA.toString()), "merchant B's key was told of merchant A's stock");
}

void TestNodeFeedStream::refusedBeforeTheUpgrade()
{
    const QByteArray handshake = "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    // no bearer: 401 problem+json, and no upgrade
    const auto anonymous = m_node->exchange("GET /v1/changes/stream?after=0 HTTP/1.1\r\n" + handshake + "\r\n");
    QCOMPARE_PROBLEM(anonymous, 401, "unauthenticated", "Authorization");
    QVERIFY(anonymous.header("upgrade").isEmpty());
    const auto wrongKey = m_node->exchange("GET /v1/changes/stream HTTP/1.1\r\n" + handshake +
                                           "Authorization: Bearer sk_nosuchkey\r\n\r\n");
    QCOMPARE(wrongKey.status, 401);
    const QByteArray bearer = "Authorization: Bearer " + m_node->seeded().adminKey.toUtf8() + "\r\n";
    // a bad position names its field; a plain GET is told to upgrade
    QCOMPARE_PROBLEM(m_node->exchange("GET /v1/changes/stream?after=x HTTP/1.1\r\n" + handshake + bearer + "\r\n"), 400,
                     "invalid", "after");
    QCOMPARE_PROBLEM(m_node->exchange("GET /v1/changes/stream?wait=5 HTTP/1.1\r\n" + handshake + bearer + "\r\n"), 400,
                     "invalid", "wait");
    QCOMPARE(m_node->request("GET", u"/v1/changes/stream"_s, m_node->seeded().adminKey).status, 426);
    // with the bearer the node switches protocols
    const auto accepted = m_node->exchange("GET /v1/changes/stream HTTP/1.1\r\n" + handshake + bearer + "\r\n");
    QCOMPARE(accepted.status, 101);
    QCOMPARE(accepted.header("upgrade").toLower(), QByteArray("websocket"));
    // a revoked key: refused too
    StreamReader revoked(m_node->port(), m_node->fingerprint(), m_node->seeded().revokedKey, u"?after=0"_s);
    QVERIFY(QTest::qWaitFor([&] { return revoked.ended; }, WaitMs));
    QVERIFY(!revoked.opened);
}

void TestNodeFeedStream::remoteClientStreamsAndResumes()
{
    souk::test::TlsProxy proxy;
    QVERIFY(proxy.start(m_node->storePath() + u".cert.pem"_s, m_node->storePath() + u".key.pem"_s, m_node->port()));
    auto client = remote(proxy.serverPort());
    QVERIFY(client);
    QList<qint64> seen;
    connect(client.get(), &souk::Client::changed, this, [&seen](const souk::ChangeList& changes) {
        for (const auto& c : changes)
            seen << c.seq;
    });
    const qint64 from = client->feedSeq();
    QVERIFY(QTest::qWaitFor([&] { return client->feedStreaming(); }, WaitMs));
    adjust(1);
    adjust(1);
    QVERIFY(QTest::qWaitFor([&] { return seen.size() >= 2; }, WaitMs));
    // the link breaks: changes committed meanwhile arrive once the stream is back
    proxy.cutAll();
    adjust(1);
    adjust(1);
    QVERIFY(QTest::qWaitFor([&] { return seen.size() >= 4; }, WaitMs));
    // the node restarts (on another port, behind the same address): the same
    QVERIFY(m_node->stop());
    QVERIFY(m_node->start());
    proxy.setTarget(m_node->port());
    adjust(1);
    adjust(1);
    QVERIFY2(QTest::qWaitFor([&] { return seen.size() >= 6; }, 30'000), qPrintable(m_node->log()));
    QVERIFY(QTest::qWaitFor([&] { return client->feedStreaming(); }, WaitMs));
    adjust(1);
    QVERIFY(QTest::qWaitFor([&] { return seen.size() >= 7; }, WaitMs));
    QTest::qWait(300);
    // nothing lost, nothing twice, in order: what the long poll answers after the same position
    const auto poll = m_node->request("GET", u"/v1/changes?after=%1&limit=1000"_s.arg(from), m_node->seeded().adminKey);
    QList<qint64> expected;
    for (const QJsonValue& c : poll.json().value(u"changes"_s).toArray())
        expected << c[u"seq"_s].toInteger();
    QCOMPARE(seen, expected);
    QCOMPARE(client->feedSeq(), expected.last());
}

void TestNodeFeedStream::remoteClientFallsBackToLongPoll()
{
    souk::test::TlsProxy proxy;
    QVERIFY(proxy.start(m_node->storePath() + u".cert.pem"_s, m_node->storePath() + u".key.pem"_s, m_node->port()));
    proxy.setRefuseStreams(true);
    auto client = remote(proxy.serverPort());
    QVERIFY(client);
    QList<qint64> seen;
    connect(client.get(), &souk::Client::changed, this, [&seen](const souk::ChangeList& changes) {
        for (const auto& c : changes)
            seen << c.seq;
    });
    QVERIFY(QTest::qWaitFor([&] { return proxy.streamsRefused() > 0; }, WaitMs));
    QTest::qWait(300); // the long poll is parked by now
    adjust(1);
    adjust(1);
    QVERIFY(QTest::qWaitFor([&] { return seen.size() >= 2; }, WaitMs));
    QVERIFY(!client->feedStreaming());
    QCOMPARE(proxy.streamsRefused(), 1); // not asked again and again
}

void TestNodeFeedStream::streamsAreCounted()
{
    const auto scrape = m_node->request("GET", u"/metrics"_s);
    QVERIFY2(scrape.status == 200, qPrintable(scrape.describe()));
    const auto value = [&](const QByteArray& series) { return souk::test::metricSample(scrape.body, series); };
    QVERIFY2(value("souk_feed_streams_opened_total") >= 1, scrape.body.constData());
    QVERIFY2(value("souk_feed_stream_messages_total") >= 1, scrape.body.constData());
    QVERIFY2(value("souk_feed_streams_open") >= 0, scrape.body.constData());
    QVERIFY2(scrape.body.contains("route=\"/v1/changes/stream\",method=\"GET\",status=\"101\""),
             scrape.body.constData());
}

void TestNodeFeedStream::drainSaysGoingAway()
{
    StreamReader reader(m_node->port(), m_node->fingerprint(), m_node->seeded().adminKey, {});
    QVERIFY(QTest::qWaitFor([&] { return reader.messages.size() == 1; }, WaitMs)); // "now" is where
    QVERIFY(reader.messages.first().value(u"changes"_s).toArray().isEmpty());
    QCOMPARE(reader.messages.first().value(u"next_after"_s).toInteger(), head());
    QVERIFY(m_node->sendSignal(SIGTERM));
    QVERIFY(QTest::qWaitFor([&] { return reader.ended; }, WaitMs));
    QCOMPARE(reader.closeCode, 1001);
    QVERIFY2(reader.closeReason.contains(u"going away"_s), qPrintable(reader.closeReason));
    QVERIFY2(m_node->waitForExit(), qPrintable(m_node->log()));
}

void TestNodeFeedStream::resyncForAPrunedPosition()
{
    QVERIFY(!m_node->running());
    { // the feed's retention passed: only its newest row is left
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"prune"_s);
        db.setDatabaseName(m_node->storePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"DELETE FROM changes WHERE seq < (SELECT max(seq) FROM changes)"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"prune"_s);
    QVERIFY(m_node->start());
    StreamReader reader(m_node->port(), m_node->fingerprint(), m_node->seeded().adminKey, u"?after=1"_s);
    QVERIFY(QTest::qWaitFor([&] { return reader.ended; }, WaitMs));
    QCOMPARE(reader.messages.size(), 1);
    QVERIFY(reader.messages.first().value(u"resync"_s).toBool());
    QCOMPARE(reader.messages.first().value(u"next_after"_s).toInteger(), head());
    QCOMPARE(reader.closeCode, int(souk::api::FeedClose::Resync));
    QVERIFY(reader.closeReason.startsWith(u"resync"_s));
}

QTEST_GUILESS_MAIN(TestNodeFeedStream)
#include "TestNodeFeedStream.moc"
