// The console keeps working when the node it uses is killed: a window on a RemoteClient holding
// two real soukd nodes of one PostgreSQL store, its feed and first requests on the node that is
// then killed with SIGKILL. An order placed afterwards (through the other node) appears in the
// live list, and a search typed afterwards is answered.
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "backend/client/RemoteClient.h"
#include "backend/core/Async.h"
#include "backend/store/StoreOptions.h"
#include "models/common/Prefs.h"
#include "models/orders/OrderListModel.h"
#include "tests/api/NodeFixture.h"
#include "tests/support/Keys.h"
#include "translations/Translator.h"
#include "views/main/MainWindow.h"
#include "views/orders/OrdersPage.h"

using namespace Qt::StringLiterals;
using souk::test::NodeFixture;

namespace souk {
namespace {

constexpr int WaitMs = 20'000;

template <typename T> Result<T> settled(QFuture<Result<T>> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, WaitMs) || future.resultCount() == 0)
        return Error::internal(u"no answer"_s);
    return future.result();
}

std::shared_ptr<RemoteClient> connected(const QList<quint16>& ports, const QString& fingerprint, const QString& key)
{
    RemoteClient::Options o;
    o.url = QUrl(u"https://127.0.0.1:%1"_s.arg(ports.first()));
    o.fingerprint = fingerprint;
    for (qsizetype i = 1; i < ports.size(); ++i)
        o.otherNodes.append({QUrl(u"https://127.0.0.1:%1"_s.arg(ports[i])), fingerprint});
    o.apiKey = key;
    o.nodeCheckMs = 1'000;
    o.feedWaitS = 5;
    const auto client = settled(RemoteClient::connectTo(o));
    if (!client)
        qWarning().noquote() << client.error().toString();
    return client ? *client : nullptr;
}

} // namespace

class TestConsoleFailover final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void theWindowGoesOnWhenItsNodeIsKilled();

private:
    std::unique_ptr<NodeFixture> m_node;
};

void TestConsoleFailover::initTestCase()
{
    QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    if (!store::StoreOptions::isPostgresUrl(m_node->storePath()))
        QSKIP("a cluster shares a PostgreSQL store (SOUK_TEST_STORE=postgresql)");
    QVERIFY(m_node->start());
    QCOMPARE(m_node->startPeer(), 0);
}

void TestConsoleFailover::theWindowGoesOnWhenItsNodeIsKilled()
{
    const auto& seed = m_node->seeded();
    // the peer first: the window's feed and its first requests are the peer's
    auto client = connected({m_node->peerPort(0), m_node->port()}, m_node->fingerprint(), seed.ownerAKey);
    QVERIFY(client);
    QVERIFY(QTest::qWaitFor([&] { return client->feedStreaming(); }, WaitMs));
    QCOMPARE(client->feedNode(), 0);
    QTemporaryDir dir;
    Prefs prefs(dir.filePath(u"souk.ini"_s));
    MainWindow window(*client, prefs, seed.merchantA, u"A"_s);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(u"orders"_s);
    OrderListModel* model = window.ordersPage()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), WaitMs);

    QVERIFY(m_node->killPeer(0));
    // an order placed elsewhere after the kill reaches the live list: the feed went on elsewhere
    auto other = connected({m_node->port()}, m_node->fingerprint(), seed.ownerAKey);
    QVERIFY(other);
    const orders::NewOrder order{seed.merchantA, seed.customer, {{seed.skuA, 1}}, {}, {}};
    const auto placed = settled(other->createOrder(order, test::newKey()));
    QVERIFY2(placed, qPrintable(placed ? QString() : placed.error().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(placed->id) >= 0, WaitMs);
    QCOMPARE(client->feedNode(), 1);

    // a search typed now is answered (by the node alive)
    auto* search = window.ordersPage()->findChild<QLineEdit*>(u"searchEdit"_s);
    QVERIFY(search);
    search->setFocus();
    QTest::keyClicks(search, placed->id.toString());
    QTRY_VERIFY_WITH_TIMEOUT(model->filter().search == placed->id.toString() && !model->isLoading(), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, WaitMs);
    QCOMPARE(model->orderAt(0)->id, placed->id);
    QCOMPARE(client->linkHealth().nodesUp, 1);
}

} // namespace souk

QTEST_MAIN(souk::TestConsoleFailover)
#include "TestConsoleFailover.moc"
