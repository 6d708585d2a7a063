// The Cluster page against a real soukd: an operator opens it from the sidebar by keyboard, sees
// the node live with the traffic and payments the test sends through it, then the node is killed
// (SIGKILL) and comes back on the same port: suspect, dead and live again, listed with their time
// and marked on the charts.
#include <QLabel>
#include <QListView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cmath>
#include <memory>

#include <qcustomplot.h>

#include "backend/client/HttpNodeProber.h"
#include "backend/client/RemoteClient.h"
#include "backend/core/Clock.h"
#include "models/cluster/ClusterMonitor.h"
#include "models/cluster/ClusterNodeModel.h"
#include "models/common/Prefs.h"
#include "tests/api/NodeFixture.h"
#include "translations/Translator.h"
#include "views/cluster/ClusterPage.h"
#include "views/cluster/LiveChart.h"
#include "views/main/MainWindow.h"

using namespace Qt::StringLiterals;
using souk::test::NodeFixture;

namespace souk {
namespace {

constexpr int WaitMs = 15'000;
// quicker than the console's own, so the test sees a death in seconds
constexpr MonitorTiming Quick{250, 1'000, 3'000};

template <typename T> Result<T> settle(QFuture<Result<T>> future)
{
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, WaitMs))
        return Error{ErrorCode::Unavailable, u"no answer in time"_s, {}};
    return future.result();
}

double lastFinite(const SeriesPoints& series)
{
    for (qsizetype i = series.y.size() - 1; i >= 0; --i) {
        if (std::isfinite(series.y[i]))
            return series.y[i];
    }
    return NodeFigures::Unknown;
}

} // namespace

class TestClusterPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void onlyOperatorsAndAdminsWatchTheCluster();
    void anOperatorWatchesTheNodeWorkLive();
    void aKilledNodeIsSeenDeadAndComesBack();

private:
    QString url() const { return u"https://127.0.0.1:%1"_s.arg(m_node->port()); }
    QString cell(int column) const;

    std::unique_ptr<NodeFixture> m_node;
    std::shared_ptr<RemoteClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Prefs> m_prefs;
    std::unique_ptr<MainWindow> m_window;
    ClusterPage* m_page = nullptr;
};

void TestClusterPage::initTestCase()
{
    QVERIFY(installTranslator(QLocale(QLocale::English)));
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    QVERIFY(m_node->start());
    RemoteClient::Options options;
    options.url = QUrl(url());
    options.fingerprint = m_node->fingerprint();
    options.apiKey = m_node->seeded().adminKey;
    options.followChanges = false;
    options.retries = 0; // a request to a dead node fails at once: this test is about the page
    auto connected = settle(RemoteClient::connectTo(options));
    QVERIFY2(connected, qPrintable(connected ? QString() : connected.error().toString()));
    m_client = *connected;
    m_dir = std::make_unique<QTemporaryDir>();
    m_prefs = std::make_unique<Prefs>(m_dir->filePath(u"souk.ini"_s));
}

void TestClusterPage::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    if (m_node && m_node->running())
        m_node->stop();
}

QString TestClusterPage::cell(int column) const
{
    const auto* table = m_page->findChild<QTableView*>(u"clusterNodes"_s);
    return table->model()->index(0, column).data().toString();
}

void TestClusterPage::onlyOperatorsAndAdminsWatchTheCluster()
{
    QVERIFY(ClusterMonitor::shownTo(auth::Role::Operator));
    QVERIFY(ClusterMonitor::shownTo(auth::Role::Admin));
    for (auth::Role role : {auth::Role::Owner, auth::Role::Staff, auth::Role::Support})
        QVERIFY2(!ClusterMonitor::shownTo(role), qPrintable(auth::roleName(role)));
    // a window made without the page has none
    MainWindow plain(*m_client, *m_prefs, m_node->seeded().merchantA, u"A"_s);
    for (const auto& page : plain.pages())
        QVERIFY(page.first != u"cluster"_s);
}

void TestClusterPage::anOperatorWatchesTheNodeWorkLive()
{
    HttpNodeProber::Options probe{QUrl(url()), m_node->fingerprint(), {}, 1'000};
    const MainWindow::PageMaker maker = [this, probe](QWidget* parent) -> QWidget* {
        std::vector<std::unique_ptr<NodeProber>> probers;
        probers.push_back(std::make_unique<HttpNodeProber>(probe));
        m_page = new ClusterPage(std::make_unique<ClusterMonitor>(std::move(probers), SystemClock::instance(), Quick),
                                 SystemClock::instance(), parent);
        return m_page;
    };
    m_window = std::make_unique<MainWindow>(*m_client, *m_prefs, m_node->seeded().merchantA, u"A"_s, maker);
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_page);
    // by keyboard: Ctrl and the page's place in the sidebar
    int place = 0;
    while (m_window->pages().at(place).first != u"cluster"_s)
        ++place;
    QVERIFY(place < 9);
    QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + place), Qt::ControlModifier);
    QCOMPARE(m_window->currentPageId(), u"cluster"_s);
    QVERIFY(m_page->isVisible());

    QTRY_COMPARE_WITH_TIMEOUT(cell(ClusterNodeModel::StateColumn), u"live"_s, WaitMs);
    QCOMPARE(cell(ClusterNodeModel::NodeColumn), url());
    QCOMPARE(cell(ClusterNodeModel::VersionColumn), QStringLiteral(SOUK_VERSION_STRING));

    // traffic through the node: six approved checkouts and two declined cards
    const payments::CardInput approved{u"4242 4242 4242 4242"_s, 12, 2030, u"123"_s};
    const payments::CardInput declined{u"4000 0000 0000 9995"_s, 12, 2030, u"123"_s};
    const orders::NewOrder mugs{m_node->seeded().merchantA, m_node->seeded().customer, {{m_node->seeded().skuA, 1}}, {}, {}};
    for (int i = 0; i < 8; ++i) {
        const auto done = settle(m_client->checkout(mugs, i < 6 ? approved : declined, true, u"cluster-%1"_s.arg(i)));
        if (i < 6)
            QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
    }
    const ClusterMonitor& monitor = m_page->monitor();
    QTRY_COMPARE_WITH_TIMEOUT(lastFinite(monitor.business().approvalPercent), 75.0, WaitMs);
    double mostOrders = 0;
    for (double y : monitor.business().ordersPerMin.y)
        mostOrders = std::isfinite(y) ? std::max(mostOrders, y) : mostOrders;
    QVERIFY2(mostOrders > 0, "the orders placed never showed on the orders chart");
    QTRY_VERIFY_WITH_TIMEOUT(lastFinite(monitor.node(0).p50Ms) > 0, WaitMs);
    QVERIFY(cell(ClusterNodeModel::RequestsColumn) != u"\u2014"_s);
    QVERIFY(m_page->findChild<QLabel*>(u"noAlertsLabel"_s)->isVisible());
    QVERIFY(m_page->findChild<QLabel*>(u"clusterSummary"_s)->text().startsWith(u"1 of 1 node live"_s));

    if (const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(1500);
        QVERIFY(m_window->grab().save(dir + u"/cluster-live.png"_s));
    }
}

void TestClusterPage::aKilledNodeIsSeenDeadAndComesBack()
{
    QVERIFY(m_page);
    const ClusterMonitor& monitor = m_page->monitor();
    QCOMPARE(monitor.node(0).state, NodeState::Live);
    QVERIFY(m_node->sendSignal(SIGKILL));
    QTRY_COMPARE_WITH_TIMEOUT(cell(ClusterNodeModel::StateColumn), u"suspect"_s, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(cell(ClusterNodeModel::StateColumn), u"dead"_s, WaitMs);
    QCOMPARE(cell(ClusterNodeModel::RequestsColumn), u"\u2014"_s); // nothing stale is shown
    auto* alerts = m_page->findChild<QListView*>(u"clusterAlerts"_s);
    QCOMPARE(alerts->model()->rowCount(), 2);
    QVERIFY(alerts->model()->index(0, 0).data().toString().contains(u"dead"_s));
    QVERIFY(alerts->model()->index(1, 0).data().toString().contains(u"suspect"_s));
    QVERIFY(!m_page->findChild<QLabel*>(u"noAlertsLabel"_s)->isVisible());
    QVERIFY(m_page->findChild<QLabel*>(u"clusterSummary"_s)->text().contains(u"1 dead"_s));
    // each alert is a mark on every chart
    QTRY_VERIFY(m_page->findChild<LiveChart*>(u"requestsChart"_s)->plot()->itemCount() >= 2);

    QVERIFY(m_node->restart());
    QTRY_COMPARE_WITH_TIMEOUT(cell(ClusterNodeModel::StateColumn), u"live"_s, WaitMs);
    QTRY_COMPARE(alerts->model()->rowCount(), 3);
    QVERIFY(alerts->model()->index(0, 0).data().toString().contains(u"answering again"_s));
    if (const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(1500);
        QVERIFY(m_window->grab().save(dir + u"/cluster-after-outage.png"_s));
    }
}

} // namespace souk

QTEST_MAIN(souk::TestClusterPage)
#include "TestClusterPage.moc"
