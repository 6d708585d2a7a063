// A sign-in has no idempotency key: RemoteClient sends it again after a 503 only when the node says
// the request was refused before any work (draining, over its limits). A 503 whose write may have
// committed ("outcome": "unknown": the database went away during the COMMIT) is not sent again,
// since a second sign-in would open a second session or find its one-time code spent. A stand-in
// node over TLS counts what reaches it.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "backend/api/node/Certificate.h"
#include "backend/api/schema/Problem.h"
#include "backend/client/RemoteClient.h"
#include "tests/contract/ContractHarness.h"
#include "tests/support/StandInNode.h"

using namespace Qt::StringLiterals;
using namespace souk;
using souk::test::StandInNode;

namespace {

QByteArray problemOf(const Error& error)
{
    return api::problemBytes(error, 503, u"/v1/sessions"_s);
}

} // namespace

class TestRemoteSignIn final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void aSignInThatMayHaveCommittedIsNotSentAgain();
    void aSignInRefusedAtTheDoorIsSentAgain();
    void theOutcomeTravelsInTheProblem();
    void itDoesNotMoveToAnotherNodeEither();

private:
    std::shared_ptr<RemoteClient> connectToStandIn(bool both = false);

    QTemporaryDir m_dir;
    QString m_fingerprint;
    std::unique_ptr<StandInNode> m_node;
    std::unique_ptr<StandInNode> m_other; ///< a second node of the same cluster
};

void TestRemoteSignIn::initTestCase()
{
    const QString cert = m_dir.filePath(u"node.pem"_s), key = m_dir.filePath(u"node.key"_s);
    QVERIFY(api::createSelfSigned(cert, key, {u"127.0.0.1"_s}));
    const auto fingerprint = api::fingerprintOfFile(cert);
    QVERIFY(fingerprint);
    m_fingerprint = *fingerprint;
    m_node = std::make_unique<StandInNode>();
    QVERIFY(m_node->start(cert, key));
    m_other = std::make_unique<StandInNode>();
    QVERIFY(m_other->start(cert, key));
}

void TestRemoteSignIn::init()
{
    m_node->signIns = 0;
    m_other->signIns = 0;
}

std::shared_ptr<RemoteClient> TestRemoteSignIn::connectToStandIn(bool both)
{
    RemoteClient::Options o;
    o.url = QUrl(u"https://127.0.0.1:%1"_s.arg(m_node->serverPort()));
    o.fingerprint = m_fingerprint;
    if (both)
        o.otherNodes.append({QUrl(u"https://127.0.0.1:%1"_s.arg(m_other->serverPort())), m_fingerprint});
    o.retries = 3;
    o.retryDelayMs = 20;
    auto connected = test::settle(RemoteClient::connectTo(o));
    if (!connected) {
        qWarning().noquote() << connected.error().toString();
        return nullptr;
    }
    return *connected;
}

void TestRemoteSignIn::aSignInThatMayHaveCommittedIsNotSentAgain()
{
    Error gone{
        ErrorCode::Unavailable, u"the database cannot be reached now (restarting or failing over); try again"_s, {}};
    gone.outcomeUnknown = true;
    m_node->signInAnswer = problemOf(gone);
    QVERIFY(QJsonDocument::fromJson(m_node->signInAnswer).object().value(u"outcome"_s) == u"unknown"_s);
    auto client = connectToStandIn();
    QVERIFY(client);
    const auto signedIn = test::settle(client->signIn(u"ana"_s, u"a long passphrase"_s, u"123456"_s));
    QVERIFY(!signedIn);
    QCOMPARE(signedIn.error().code, ErrorCode::Unavailable);
    QVERIFY(signedIn.error().outcomeUnknown);
    QTest::qWait(200); // a retry would have come by now (20 ms, then 40, 80)
    QCOMPARE(m_node->signIns, 1);
}

void TestRemoteSignIn::aSignInRefusedAtTheDoorIsSentAgain()
{
    m_node->signInAnswer =
        problemOf(Error{ErrorCode::Unavailable, u"the node is shutting down; retry on another"_s, {}});
    auto client = connectToStandIn();
    QVERIFY(client);
    const auto signedIn = test::settle(client->signIn(u"ana"_s, u"a long passphrase"_s, {}));
    QVERIFY(!signedIn);
    QCOMPARE(signedIn.error().code, ErrorCode::Unavailable);
    QVERIFY(!signedIn.error().outcomeUnknown);
    QCOMPARE(m_node->signIns, 4); // the first try and three more: nothing had started
}

void TestRemoteSignIn::theOutcomeTravelsInTheProblem()
{
    // what the node writes and the client reads: only a write that may have committed says so
    Error gone{ErrorCode::Unavailable, u"gone"_s, {}};
    gone.outcomeUnknown = true;
    const Error read = api::errorFromProblem(QJsonDocument::fromJson(problemOf(gone)).object(), 503);
    QVERIFY(read.outcomeUnknown);
    QCOMPARE(read.code, ErrorCode::Unavailable);
    QVERIFY(!api::errorFromProblem(
                 QJsonDocument::fromJson(problemOf(Error{ErrorCode::Unavailable, u"busy"_s, {}})).object(), 503)
                 .outcomeUnknown);
}

void TestRemoteSignIn::itDoesNotMoveToAnotherNodeEither()
{
    // a 503 moves a request to another node of the cluster at once; not one that may be done
    Error gone{ErrorCode::Unavailable, u"the database cannot be reached now"_s, {}};
    gone.outcomeUnknown = true;
    m_node->signInAnswer = m_other->signInAnswer = problemOf(gone);
    auto client = connectToStandIn(true);
    QVERIFY(client);
    const auto signedIn = test::settle(client->signIn(u"ana"_s, u"a long passphrase"_s, {}));
    QVERIFY(!signedIn);
    QTest::qWait(200);
    QCOMPARE(m_node->signIns + m_other->signIns, 1);
    // refused at the door, it moves (and is tried again): both nodes see it
    m_node->signInAnswer = m_other->signInAnswer =
        problemOf(Error{ErrorCode::Unavailable, u"the node is shutting down; retry on another"_s, {}});
    m_node->signIns = m_other->signIns = 0;
    QVERIFY(!test::settle(client->signIn(u"ana"_s, u"a long passphrase"_s, {})));
    QVERIFY2(m_node->signIns > 0 && m_other->signIns > 0,
             qPrintable(u"%1 and %2"_s.arg(m_node->signIns).arg(m_other->signIns)));
}

QTEST_GUILESS_MAIN(TestRemoteSignIn)
#include "TestRemoteSignIn.moc"
