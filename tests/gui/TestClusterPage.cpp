// The Cluster page against a real soukd: an operator opens it from the sidebar by keyboard, sees
// the node live with the traffic and payments the test sends through it, then the node is killed
// (SIGKILL) and comes back on the same port: suspect, dead and live again, listed with their time
// and marked on the charts.
#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
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
#include "models/common/Theme.h"
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
    void aChangeOfLanguageRetranslatesThePage();
    void screenshots();

private:
    QString url() const { return u"https://127.0.0.1:%1"_s.arg(m_node->port()); }
    QString cell(int column) const;
    void sendCheckouts(int count, int declined, const QString& keyPrefix);
    void openWindow(MonitorTiming timing = Quick);
    void steadyTraffic(int forMs, const QString& keyPrefix);

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

void TestClusterPage::sendCheckouts(int count, int declined, const QString& keyPrefix)
{
    const payments::CardInput approvedCard{u"4242 4242 4242 4242"_s, 12, 2030, u"123"_s};
    const payments::CardInput declinedCard{u"4000 0000 0000 9995"_s, 12, 2030, u"123"_s};
    const orders::NewOrder mugs{
        m_node->seeded().merchantA, m_node->seeded().customer, {{m_node->seeded().skuA, 1}}, {}, {}};
    for (int i = 0; i < count; ++i) {
        const bool approve = i < count - declined;
        const auto done = settle(
            m_client->checkout(mugs, approve ? approvedCard : declinedCard, true, u"%1-%2"_s.arg(keyPrefix).arg(i)));
        if (approve)
            QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
    }
}

/// A checkout about every quarter second, one card in five declined: lines that read as traffic.
void TestClusterPage::steadyTraffic(int forMs, const QString& keyPrefix)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; timer.elapsed() < forMs; ++i) {
        sendCheckouts(1, i % 5 == 4 ? 1 : 0, u"%1-%2"_s.arg(keyPrefix).arg(i));
        QTest::qWait(250);
    }
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

void TestClusterPage::openWindow(MonitorTiming timing)
{
    HttpNodeProber::Options probe{QUrl(url()), m_node->fingerprint(), {}, 1'000};
    const MainWindow::PageMaker maker = [this, probe, timing](QWidget* parent) -> QWidget* {
        std::vector<std::unique_ptr<NodeProber>> probers;
        probers.push_back(std::make_unique<HttpNodeProber>(probe));
        m_page = new ClusterPage(std::make_unique<ClusterMonitor>(std::move(probers), SystemClock::instance(), timing),
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
}

void TestClusterPage::anOperatorWatchesTheNodeWorkLive()
{
    openWindow();
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(cell(ClusterNodeModel::StateColumn), u"live"_s, WaitMs);
    QCOMPARE(cell(ClusterNodeModel::NodeColumn), url());
    QCOMPARE(cell(ClusterNodeModel::VersionColumn), QStringLiteral(SOUK_VERSION_STRING));

    // traffic through the node: six approved checkouts and two declined cards
    sendCheckouts(8, 2, u"cluster"_s);
    if (QTest::currentTestFailed())
        return;
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
    // the legends lie under the charts, where they hide no line: one entry per line named
    for (const auto& [chart, entries] : {std::pair{u"requestsChart"_s, 1}, std::pair{u"latencyChart"_s, 2}}) {
        QCustomPlot* plot = m_page->findChild<LiveChart*>(chart)->plot();
        QCOMPARE(plot->legend->layout(), plot->plotLayout());
        QCOMPARE(plot->legend->itemCount(), entries);
    }

    QVERIFY(m_node->restart());
    QTRY_COMPARE_WITH_TIMEOUT(cell(ClusterNodeModel::StateColumn), u"live"_s, WaitMs);
    // the node came back with hardly any API request counted: a rate at once, not a dash for ten seconds
    QTRY_VERIFY_WITH_TIMEOUT(cell(ClusterNodeModel::RequestsColumn) != u"\u2014"_s, 3'000);
    QTRY_COMPARE(alerts->model()->rowCount(), 3);
    QVERIFY(alerts->model()->index(0, 0).data().toString().contains(u"answering again"_s));
    if (const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(1500);
        QVERIFY(m_window->grab().save(dir + u"/cluster-after-outage.png"_s));
    }
}

void TestClusterPage::aChangeOfLanguageRetranslatesThePage()
{
    QVERIFY(m_page);
    auto* table = m_page->findChild<QTableView*>(u"clusterNodes"_s);
    auto* alerts = m_page->findChild<QListView*>(u"clusterAlerts"_s);
    const QHeaderView* header = table->horizontalHeader();
    const int deadLettersWidth = header->sectionSize(ClusterNodeModel::DeadLettersColumn);
    m_page->monitor().stop(); // no new figures meanwhile: the change of language alone must redo the headers
    QVERIFY(installTranslator(QLocale(QLocale::Chinese, QLocale::China)));
    QTRY_VERIFY(m_page->findChild<QLabel*>(u"clusterSummary"_s)->text().startsWith(u"1 个节点中 1 个存活"_s));
    QCOMPARE(table->model()->headerData(ClusterNodeModel::DeadLettersColumn, Qt::Horizontal).toString(), u"死信"_s);
    // the headers are sized again for the shorter Chinese word, not left at the English width
    QTRY_VERIFY(header->sectionSize(ClusterNodeModel::DeadLettersColumn) < deadLettersWidth);
    // alerts raised in English read in Chinese now
    QVERIFY(alerts->model()->index(0, 0).data().toString().contains(u"已恢复响应"_s));
    QVERIFY(alerts->model()->index(1, 0).data().toString().contains(u"宕机"_s));
    // the suspect alert (time and node, then its reason) takes its two lines with room to spare: a
    // line holding Chinese is taller than the font's line spacing, and a row of just two line
    // spacings ends its last line in "…"
    const QModelIndex suspect = alerts->model()->index(2, 0);
    QVERIFY(suspect.data().toString().contains(u"可疑"_s));
    QTRY_VERIFY2(alerts->visualRect(suspect).height() >= 2 * alerts->fontMetrics().lineSpacing() + 3,
                 qPrintable(u"%1 px"_s.arg(alerts->visualRect(suspect).height())));
    QTRY_COMPARE(cell(ClusterNodeModel::StateColumn), u"存活"_s);

    QVERIFY(installTranslator(QLocale(QLocale::English)));
    QVERIFY(alerts->model()->index(0, 0).data().toString().contains(u"answering again"_s));
    QTRY_COMPARE(header->sectionSize(ClusterNodeModel::DeadLettersColumn), deadLettersWidth);
    m_page->monitor().start();
}

/// Pictures of the page for the manual and for a look by eye: English and Chinese, light and
/// dark. A window made after its language is installed (the console picks it at start), with
/// traffic, an outage and more traffic in its charts and alerts.
void TestClusterPage::screenshots()
{
    const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("SOUK_SCREENSHOT_DIR not set");
    const QPalette light = QApplication::palette();
    for (const QString& lang : {u"en"_s, u"zh_CN"_s}) {
        QLocale::setDefault(QLocale(lang));
        QVERIFY(installTranslator(QLocale(lang)));
        QApplication::setPalette(light);
        m_window.reset();
        m_page = nullptr;
        openWindow({}); // the console's own timing: its charts sample each second
        if (QTest::currentTestFailed())
            return;
        const ClusterMonitor& monitor = m_page->monitor();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.node(0).state, NodeState::Live, WaitMs);
        steadyTraffic(20'000, u"shots-%1-before"_s.arg(lang));
        QVERIFY(m_node->sendSignal(SIGKILL));
        QTRY_COMPARE_WITH_TIMEOUT(monitor.node(0).state, NodeState::Dead, WaitMs);
        QVERIFY(m_node->restart());
        QTRY_COMPARE_WITH_TIMEOUT(monitor.node(0).state, NodeState::Live, WaitMs);
        steadyTraffic(10'000, u"shots-%1-after"_s.arg(lang));
        for (const bool dark : {false, true}) {
            QApplication::setPalette(dark ? theme::darkPalette() : light);
            QTest::qWait(1200); // a second's sample redraws the charts in the new colours
            QVERIFY(m_window->grab().save(u"%1/cluster-%2%3.png"_s.arg(dir, lang, dark ? u"-dark"_s : QString())));
        }
    }
    QApplication::setPalette(light);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(installTranslator(QLocale(QLocale::English)));
}

} // namespace souk

QTEST_MAIN(souk::TestClusterPage)
#include "TestClusterPage.moc"
