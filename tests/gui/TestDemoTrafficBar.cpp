#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

#include "models/orders/DemoTrafficSource.h"
#include "translations/Translator.h"
#include "views/orders/DemoTrafficBar.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// Records what the bar asks of it; the test says when it runs, places orders or fails.
class FakeTraffic final : public DemoTrafficSource
{
public:
    void start(int ordersPerSecond) override
    {
        startedAt.append(ordersPerSecond);
        m_running = true;
        emit runningChanged(true);
    }
    void stop() override { ++stops; } // the real one stops after its in-flight orders
    bool isRunning() const override { return m_running; }
    void finish()
    {
        m_running = false;
        emit runningChanged(false);
    }

    QList<int> startedAt;
    int stops = 0;

private:
    bool m_running = false;
};

} // namespace

/// The demo traffic controls under the orders table, with real input events: the rate typed
/// is the rate started, one button starts and stops, the rate is locked while traffic runs, and
/// progress and failures are reported in words.
class TestDemoTrafficBar final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(souk::installTranslator(QLocale(QLocale::English))); }
    void startsAtTheRateTypedAndStops();
    void reportsProgressAndFailure();
};

void TestDemoTrafficBar::startsAtTheRateTypedAndStops()
{
    FakeTraffic traffic;
    DemoTrafficBar bar(traffic, 0);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    auto* rate = bar.findChild<QSpinBox*>(u"demoRate"_s);
    auto* button = bar.findChild<QPushButton*>(u"demoButton"_s);
    QCOMPARE(rate->value(), 5); // no rate given: a gentle default
    QCOMPARE(button->text(), u"Start"_s);
    rate->setFocus();
    rate->selectAll();
    QTest::keyClicks(rate, u"40"_s);
    QTest::keyClick(rate, Qt::Key_Tab);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(traffic.startedAt, QList<int>{40});
    QCOMPARE(button->text(), u"Stop"_s);
    QVERIFY(!rate->isEnabled()); // the rate of a running traffic cannot change under it
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(traffic.stops, 1);
    QCOMPARE(traffic.startedAt.size(), 1); // a click while it runs never starts a second one
    traffic.finish();
    QCOMPARE(button->text(), u"Start"_s);
    QVERIFY(rate->isEnabled());
    // by keyboard: the button takes Space
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space);
    QCOMPARE(traffic.startedAt, (QList<int>{40, 40}));
}

void TestDemoTrafficBar::reportsProgressAndFailure()
{
    FakeTraffic traffic;
    DemoTrafficBar bar(traffic, 12);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QCOMPARE(bar.findChild<QSpinBox*>(u"demoRate"_s)->value(), 12);
    auto* status = bar.findChild<QLabel*>(u"demoStatus"_s);
    emit traffic.ordersPlaced(1234);
    QCOMPARE(status->text(), u"1,234 orders placed"_s);
    emit traffic.failed(Error::store(ErrorCode::StoreLocked, u"database is locked"_s));
    QVERIFY2(status->text().startsWith(u"Stopped: "_s), qPrintable(status->text()));
    QVERIFY(!status->text().contains(u"database is locked"_s)); // the details go in the tooltip
    QVERIFY(status->toolTip().contains(u"database is locked"_s));
}

} // namespace souk

QTEST_MAIN(souk::TestDemoTrafficBar)
#include "TestDemoTrafficBar.moc"
