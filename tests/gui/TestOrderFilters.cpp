#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

#include "backend/core/Clock.h"
#include "models/common/Prefs.h"
#include "models/orders/OrderListModel.h"
#include "tests/support/OrderSupport.h"
#include "translations/Translator.h"
#include "views/orders/OrdersPage.h"

using namespace Qt::StringLiterals;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace souk {

/// The order monitor's filter bar with real input events, on a store whose clock is set: three
/// orders placed a week ago, yesterday and today narrow by date presets and a custom range;
/// a range that ends before it starts is refused beside its field; totals and order ids narrow.
class TestOrderFilters final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // dates as M/d/yyyy
        QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    }
    void init();
    void cleanup();
    void datePresetsNarrowRows();
    void customRangeCountsWholeDays();
    void rangeEndingBeforeItStartsIsRefused();
    void maxTotalNarrowsRows();
    void searchByOrderId();

private:
    template <typename T> T* child(const QString& name) const { return m_page->findChild<T*>(name); }
    int rows() const { return m_page->model()->rowCount(); }
    static QWidget* focused() { return QApplication::focusWidget(); }
    /// Picks the combo's item with this text with the arrow keys, as a user would.
    static void choose(QComboBox* combo, const QString& text);
    QList<Id> shownIds() const;

    /// Local noon of "today" for the test (noon: a time zone's offset cannot move it to another day).
    const QDate m_today{2026, 3, 10};
    MockClock m_clock{QDateTime(m_today.addDays(-7), QTime(12, 0)).toMSecsSinceEpoch()};
    QTemporaryDir m_prefsDir;
    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<Prefs> m_prefs;
    std::unique_ptr<OrdersPage> m_page;
    orders::Order m_old;        ///< 7 days ago: just outside "Last 7 days"; 25.00
    payments::Payment m_recent; ///< yesterday: just outside "Today"; 50.00
    orders::Order m_new;        ///< today, 75.00
};

void TestOrderFilters::init()
{
    m_clock.setMs(QDateTime(m_today.addDays(-7), QTime(12, 0)).toMSecsSinceEpoch());
    m_f = std::make_unique<StoreFixture>(u"EUR"_s, m_clock);
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 100);
    m_old = OrderSupport(*m_f, u"ana@example.com"_s).place(u"EAR-1"_s, 1);
    m_clock.setMs(QDateTime(m_today.addDays(-1), QTime(12, 0)).toMSecsSinceEpoch());
    m_recent = OrderSupport(*m_f, u"bo@example.com"_s).paidOrder(u"EAR-1"_s, 2);
    m_clock.setMs(QDateTime(m_today, QTime(12, 0)).toMSecsSinceEpoch());
    m_new = OrderSupport(*m_f, u"cy@example.com"_s).place(u"EAR-1"_s, 3);
    m_prefs = std::make_unique<Prefs>(m_prefsDir.filePath(u"prefs.ini"_s));
    m_page = std::make_unique<OrdersPage>(m_f->client(), *m_prefs, m_f->merchantId(), nullptr, m_clock);
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_COMPARE(rows(), 3);
}

void TestOrderFilters::cleanup()
{
    if (m_f && m_f->ok()) // every money test leaves a balanced ledger and sound stock
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_page.reset();
    m_prefs.reset();
    m_f.reset();
}

void TestOrderFilters::choose(QComboBox* combo, const QString& text)
{
    const int wanted = combo->findText(text);
    QVERIFY2(wanted >= 0, qPrintable(text));
    combo->setFocus();
    while (combo->currentIndex() < wanted)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > wanted)
        QTest::keyClick(combo, Qt::Key_Up);
}

QList<Id> TestOrderFilters::shownIds() const
{
    QList<Id> ids;
    for (int r = 0; r < rows(); ++r)
        ids.append(m_page->model()->orderAt(r)->id);
    return ids;
}

void TestOrderFilters::datePresetsNarrowRows()
{
    auto* dates = child<QComboBox>(u"dateFilter"_s);
    choose(dates, u"Today"_s);
    QTRY_COMPARE(shownIds(), QList<Id>{m_new.id});
    choose(dates, u"Last 7 days"_s);
    QTRY_COMPARE(shownIds(), (QList<Id>{m_new.id, m_recent.orderId}));
    choose(dates, u"Last 30 days"_s);
    QTRY_COMPARE(rows(), 3);
    choose(dates, u"Today"_s);
    QTRY_COMPARE(rows(), 1);
    choose(dates, u"Any time"_s);
    QTRY_COMPARE(rows(), 3);
    // presets need no dates typed
    QVERIFY(!child<QDateEdit>(u"dateFromEdit"_s)->isVisible());
}

void TestOrderFilters::customRangeCountsWholeDays()
{
    auto* dates = child<QComboBox>(u"dateFilter"_s);
    auto* from = child<QDateEdit>(u"dateFromEdit"_s);
    auto* to = child<QDateEdit>(u"dateToEdit"_s);
    choose(dates, u"Custom range…"_s);
    QTRY_VERIFY(from->isVisible());
    QVERIFY(to->isVisible());
    QVERIFY(from->calendarPopup());
    // it opens on the last week, and the last day counts to its end: today's noon order is in
    QCOMPARE(from->date(), m_today.addDays(-6));
    QCOMPARE(to->date(), m_today);
    QTRY_COMPARE(shownIds(), (QList<Id>{m_new.id, m_recent.orderId}));
    // the keyboard reaches the dates from the choice: Tab, then the arrow keys step the month
    QTest::keyClick(dates, Qt::Key_Tab);
    QTRY_COMPARE(focused(), static_cast<QWidget*>(from));
    QTest::keyClick(from, Qt::Key_Down);
    QCOMPARE(from->date(), m_today.addDays(-6).addMonths(-1));
    QTRY_COMPARE(rows(), 3);
    // ending the range the day before today leaves today's order out. Tab walks a date's
    // sections (month, day, year), then on to the next field
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(focused(), static_cast<QWidget*>(to));
    QTest::keyClick(to, Qt::Key_Tab); // month → day
    QTest::keyClick(to, Qt::Key_Down);
    QCOMPARE(to->date(), m_today.addDays(-1));
    QTRY_COMPARE(shownIds(), (QList<Id>{m_recent.orderId, m_old.id}));
}

void TestOrderFilters::rangeEndingBeforeItStartsIsRefused()
{
    auto* dates = child<QComboBox>(u"dateFilter"_s);
    auto* from = child<QDateEdit>(u"dateFromEdit"_s);
    auto* to = child<QDateEdit>(u"dateToEdit"_s);
    choose(dates, u"Custom range…"_s);
    QTRY_COMPARE(rows(), 2);
    const OrderFilter applied = m_page->model()->filter();
    QVERIFY(applied.fromMs && applied.toMs);

    // "To" a month back: before "From"; the message beside it names the field, nothing applies
    to->setFocus();
    QTest::keyClick(to, Qt::Key_Down);
    QCOMPARE(to->date(), m_today.addMonths(-1));
    auto* toError = child<QLabel>(u"dateToError"_s);
    QTRY_VERIFY(toError->isVisible());
    QVERIFY2(toError->text().contains(u"“To”"_s), qPrintable(toError->text()));
    QTest::qWait(400);
    QCOMPARE(m_page->model()->filter(), applied);
    QCOMPARE(rows(), 2);

    // put right, the range applies and the message goes
    QTest::keyClick(to, Qt::Key_Up);
    QTRY_VERIFY(!toError->isVisible());
    QCOMPARE(m_page->model()->filter(), applied);

    // "From" a month ahead: after "To"
    from->setFocus();
    QTest::keyClick(from, Qt::Key_Up);
    auto* fromError = child<QLabel>(u"dateFromError"_s);
    QTRY_VERIFY(fromError->isVisible());
    QVERIFY2(fromError->text().contains(u"“From”"_s), qPrintable(fromError->text()));
    QTest::qWait(400);
    QCOMPARE(m_page->model()->filter(), applied);

    // leaving the custom range drops the message and applies the preset
    choose(dates, u"Any time"_s);
    QTRY_COMPARE(rows(), 3);
    QVERIFY(!fromError->isVisible());
}

void TestOrderFilters::maxTotalNarrowsRows()
{
    auto* max = child<QLineEdit>(u"maxAmountEdit"_s);
    QTRY_VERIFY(max->isEnabled()); // once the merchant's currency is known
    QVERIFY(max->placeholderText().contains(u"EUR"_s));
    QTest::keyClicks(max, u"60"_s);
    QTRY_COMPARE(shownIds(), (QList<Id>{m_recent.orderId, m_old.id}));
    // the bound is included: an order of exactly 25.00 stays
    max->clear();
    QTest::keyClicks(max, u"25"_s);
    QTRY_COMPARE(shownIds(), QList<Id>{m_old.id});
    QCOMPARE(m_page->model()->filter().maxTotalMinor, std::optional<qint64>(2500));
    max->clear();
    QTRY_COMPARE(rows(), 3);
}

void TestOrderFilters::searchByOrderId()
{
    auto* search = child<QLineEdit>(u"searchEdit"_s);
    QTest::keyClicks(search, m_old.id.toString());
    QTRY_COMPARE(shownIds(), QList<Id>{m_old.id});
    search->selectAll();
    QTest::keyClicks(search, m_recent.orderId.toString());
    QTRY_COMPARE(shownIds(), QList<Id>{m_recent.orderId});
    // an id of no order: nothing
    search->selectAll();
    QTest::keyClicks(search, QString::number(m_new.id.value + 1));
    QTRY_COMPARE(m_page->model()->filter().search, QString::number(m_new.id.value + 1));
    QTRY_VERIFY(!m_page->model()->isLoading());
    QCOMPARE(rows(), 0);
}

} // namespace souk

QTEST_MAIN(souk::TestOrderFilters)
#include "TestOrderFilters.moc"
