#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include "backend/core/Clock.h"
#include "models/common/Theme.h"
#include "models/risk/ReviewListModel.h"
#include "tests/support/Keys.h"
#include "tests/support/OrderSupport.h"
#include "translations/Translator.h"
#include "views/common/MessageBar.h"
#include "views/risk/DecisionDialog.h"
#include "views/risk/ReviewsPage.h"

using namespace Qt::StringLiterals;
using souk::test::StoreFixture;

namespace souk {
namespace {

// the held checkouts come from their device: no model, so no score
const QString Rules = u"Review if :device_id: = 'held'\n"_s;

} // namespace

/// The review queue with real key and mouse events on a real store: held checkouts are listed,
/// J/K/N move, A approves (the payment is captured), F with the block box fills the block lists,
/// and a review another reviewer holds says who and refuses a decision.
class TestReviewsPage final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
    }
    void init();
    void cleanup();
    void heldCheckoutsAreQueuedAndKeysMove();
    void approveWithKeyCaptures();
    void fraudWithBlockFillsTheLists();
    void claimedByAnotherSaysWhoAndRefuses();
    void bulkDeclineWithOneConfirmation();
    void queueAndDetailWordTheReasons();
    void mismatchColourFollowsThePalette();
    void secondTabShowsTheCustomerAndLinkedPayments();
    void screenshots();

private:
    payments::Checkout held(const QString& email);
    void open();
    QTableView* table() const { return m_page->findChild<QTableView*>(u"reviewsTable"_s); }
    int rows() const { return table()->model()->rowCount(); }
    DecisionDialog* dialog() const { return m_page->findChild<DecisionDialog*>(); }
    void key(char k) { QTest::keyClick(table(), k); }
    void selectRowZero()
    {
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {},
                          table()->visualRect(table()->model()->index(0, 0)).center());
    }

    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<LocalClient> as(auth::Role role, const QString& name);
    LocalClient& support() { return *m_support; }

    std::unique_ptr<LocalClient> m_admin;   ///< sets the rules, reads the block lists
    std::unique_ptr<LocalClient> m_support; ///< works the queue: the page's principal
    std::unique_ptr<ReviewsPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QList<payments::Checkout> m_held;
};

void TestReviewsPage::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 50);
    m_admin = as(auth::Role::Admin, u"ada"_s);
    m_support = as(auth::Role::Support, u"sam"_s);
    // a view made by actingAs() shares the engine but not its feed signal: the fixture's carries it
    connect(&m_f->client(), &Client::changed, m_support.get(), &Client::changed);
    const auto saved = StoreFixture::wait(m_admin->saveRuleSet(Rules, u"test"_s, test::newKey()));
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    QVERIFY(StoreFixture::wait(m_admin->activateRuleSet(saved->version, test::newKey())));
    m_held.clear();
    for (const QString& email : {u"ana@example.com"_s, u"bo@example.com"_s, u"cy@example.com"_s})
        m_held.append(held(email));
}

void TestReviewsPage::cleanup()
{
    m_tester.reset();
    m_page.reset();
    m_support.reset();
    m_admin.reset();
    if (m_f && m_f->ok())
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_f.reset();
}

std::unique_ptr<LocalClient> TestReviewsPage::as(auth::Role role, const QString& name)
{
    auth::Principal p = m_f->client().principal();
    p.userName = name;
    p.role = role;
    p.merchantId = {}; // platform roles see every merchant
    return m_f->client().actingAs(p);
}

payments::Checkout TestReviewsPage::held(const QString& email)
{
    test::OrderSupport customers(*m_f, email);
    payments::CardInput card{u"4242 4242 4242 4242"_s, 12, 2030, u"123"_s};
    card.context.deviceId = u"held"_s;
    card.context.email = email;
    card.context.ipCountry = u"FR"_s;
    card.context.shippingCountry = u"US"_s;
    const orders::NewOrder order{m_f->merchantId(), customers.customerId(), {{u"EAR-1"_s, 1}}, {}, {}};
    const auto checkout = StoreFixture::wait(m_f->client().checkout(order, card, true, test::newKey()));
    if (!checkout)
        qFatal("checkout: %s", qPrintable(checkout.error().toString()));
    return *checkout;
}

void TestReviewsPage::open()
{
    m_page = std::make_unique<ReviewsPage>(support(), SystemClock::instance());
    m_page->resize(1400, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QApplication::setActiveWindow(m_page.get()); // the page's keys are shortcuts of the active window
    m_tester = std::make_unique<QAbstractItemModelTester>(m_page->model(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(m_page->model()->isLoaded());
    table()->setFocus();
}

void TestReviewsPage::heldCheckoutsAreQueuedAndKeysMove()
{
    open();
    QCOMPARE(rows(), 3);
    const auto paymentIds = [this] {
        QSet<qint64> ids;
        for (int r = 0; r < m_page->model()->rowCount(); ++r)
            ids.insert(m_page->model()->review(r).paymentId.value);
        return ids;
    }();
    for (const payments::Checkout& c : m_held)
        QVERIFY(paymentIds.contains(c.payment.id.value));
    // the first row is opened, and so claimed by this reviewer
    QTRY_COMPARE(table()->currentIndex().row(), 0);
    const Id first = m_page->currentReview();
    QTRY_COMPARE(m_page->model()->review(m_page->model()->rowOf(first)).claimedBy, support().principal().userName);

    // filters: by the rule's text and by a minimum score (these are unscored)
    auto* rule = m_page->findChild<QLineEdit*>(u"ruleFilterEdit"_s);
    QTest::keyClicks(rule, u"velocity"_s);
    QCOMPARE(rows(), 0);
    rule->clear();
    QTest::keyClicks(rule, u"HELD"_s);
    QCOMPARE(rows(), 3);
    rule->clear();
    auto* minScore = m_page->findChild<QSpinBox*>(u"minScoreSpin"_s);
    minScore->setValue(10);
    QCOMPARE(rows(), 0);
    minScore->setValue(-1);
    QCOMPARE(rows(), 3);
    table()->setFocus();
    selectRowZero();

    key('j');
    QCOMPARE(table()->currentIndex().row(), 1);
    key('j');
    key('j'); // stays on the last row
    QCOMPARE(table()->currentIndex().row(), 2);
    key('k');
    QCOMPARE(table()->currentIndex().row(), 1);

    // the page holds only the open review: the ones passed over were given back
    const Id current = m_page->currentReview();
    QList<Id> others;
    for (int r = 0; r < m_page->model()->rowCount(); ++r) {
        if (m_page->model()->review(r).id != current)
            others.append(m_page->model()->review(r).id);
    }
    QCOMPARE(others.size(), 2);
    for (const Id id : others)
        QTRY_VERIFY(StoreFixture::wait(m_admin->review(id))->claimedBy.isEmpty());
    QTRY_COMPARE(StoreFixture::wait(m_admin->review(current))->claimedBy, support().principal().userName);

    // another reviewer takes one of them: the table says who, and N skips it for the free one
    auto bo = as(auth::Role::Support, u"bo"_s);
    const auto boClaim = StoreFixture::wait(bo->claimReview(others[0], test::newKey()));
    QVERIFY2(boClaim, qPrintable(boClaim ? QString() : boClaim.error().toString()));
    QTRY_COMPARE(m_page->model()
                     ->data(m_page->model()->index(m_page->model()->rowOf(others[0]), ReviewListModel::Claim))
                     .toString(),
                 u"bo"_s);
    key('n');
    QCOMPARE(m_page->currentReview(), others[1]);
}

void TestReviewsPage::approveWithKeyCaptures()
{
    open();
    QTRY_VERIFY(m_page->currentReview().value != 0);
    const Id reviewId = m_page->currentReview();
    const risk::Review review = m_page->model()->review(m_page->model()->rowOf(reviewId));
    QTRY_COMPARE(m_page->model()->review(m_page->model()->rowOf(reviewId)).claimedBy, support().principal().userName);

    key('a');
    QTRY_VERIFY(dialog() && dialog()->isVisible());
    QCOMPARE(dialog()->verdict(), risk::ReviewVerdict::Approve);
    QCOMPARE(dialog()->reason(), u"customer_verified"_s); // pre-filled
    QSignalSpy decided(m_page.get(), &ReviewsPage::decided);
    QTest::keyClick(dialog(), Qt::Key_Return);
    QTRY_COMPARE(decided.count(), 1);
    QCOMPARE(m_page->model()->rowOf(reviewId), -1); // left the queue
    QCOMPARE(rows(), 2);

    const auto detail = StoreFixture::wait(m_f->client().orderDetail(review.orderId));
    QVERIFY(detail);
    QCOMPARE(detail->payments.first().status, payments::PaymentStatus::Captured);
    const auto stored = StoreFixture::wait(m_admin->review(reviewId));
    QVERIFY(stored);
    QCOMPARE(stored->status, u"approved"_s);
    QCOMPARE(stored->reason, u"customer_verified"_s);
}

void TestReviewsPage::fraudWithBlockFillsTheLists()
{
    open();
    QTRY_VERIFY(m_page->currentReview().value != 0);
    const Id reviewId = m_page->currentReview();
    const risk::Review review = m_page->model()->review(m_page->model()->rowOf(reviewId));
    QTRY_VERIFY(m_page->findChild<QPushButton*>(u"fraudButton"_s)->isEnabled());

    QTest::mouseClick(m_page->findChild<QPushButton*>(u"fraudButton"_s), Qt::LeftButton);
    QTRY_VERIFY(dialog() && dialog()->isVisible());
    auto* reason = dialog()->findChild<QComboBox*>(u"reasonCombo"_s);
    QCOMPARE(reason->currentText(), u"Stolen card"_s); // readable text, the code goes to the engine
    auto* block = dialog()->findChild<QCheckBox*>(u"blockCheck"_s);
    QVERIFY(block->isVisible());
    QTest::mouseClick(block, Qt::LeftButton, {}, QPoint(8, block->height() / 2));
    QVERIFY(block->isChecked());
    QSignalSpy decided(m_page.get(), &ReviewsPage::decided);
    QTest::mouseClick(dialog()->findChild<QPushButton*>(u"decideButton"_s), Qt::LeftButton);
    QTRY_COMPARE(decided.count(), 1);

    const auto stored = StoreFixture::wait(m_admin->review(reviewId));
    QVERIFY(stored);
    QCOMPARE(stored->status, u"fraud"_s);
    const auto emails = StoreFixture::wait(m_admin->riskListValues(u"blocked_emails"_s));
    QVERIFY(emails);
    QVERIFY2(emails->contains(review.email.toCaseFolded()), qPrintable(emails->join(u", "_s)));
    const auto cards = StoreFixture::wait(m_admin->riskListValues(u"blocked_cards"_s));
    QVERIFY(cards);
    QCOMPARE(cards->size(), 1);
}

void TestReviewsPage::claimedByAnotherSaysWhoAndRefuses()
{
    // bo holds every review before the page opens
    auto bo = as(auth::Role::Support, u"bo"_s);
    const auto queue = StoreFixture::wait(bo->reviews({}));
    QVERIFY(queue);
    for (const risk::Review& r : *queue)
        QVERIFY(StoreFixture::wait(bo->claimReview(r.id, test::newKey())));

    open();
    QTRY_VERIFY(m_page->currentReview().value != 0);
    const Id reviewId = m_page->currentReview();
    auto* claim = m_page->findChild<QLabel*>(u"claimLabel"_s);
    QTRY_VERIFY2(claim->text().contains(u"Held by bo"_s), qPrintable(claim->text()));
    auto* bar = m_page->findChild<MessageBar*>(u"reviewMessageBar"_s);
    QTRY_VERIFY(bar->isVisible()); // the refused claim is reported
    QVERIFY(!m_page->findChild<QPushButton*>(u"approveButton"_s)->isEnabled());

    key('a'); // refused here, no dialog
    QVERIFY(!dialog());
    key('n'); // nothing free
    QCOMPARE(m_page->currentReview(), reviewId);
    const auto stored = StoreFixture::wait(m_admin->review(reviewId));
    QVERIFY(stored);
    QCOMPARE(stored->status, u"open"_s);
    QCOMPARE(stored->claimedBy, u"bo"_s);
}

void TestReviewsPage::bulkDeclineWithOneConfirmation()
{
    open();
    QTRY_VERIFY(m_page->currentReview().value != 0);
    QTest::keyClick(table(), Qt::Key_A, Qt::ControlModifier); // every row
    QCOMPARE(table()->selectionModel()->selectedRows().size(), 3);
    key('d');
    QTRY_VERIFY(dialog() && dialog()->isVisible());
    QVERIFY(dialog()->findChild<QLabel*>(u"decisionQuestion"_s)->text().startsWith(u"Decline 3 reviews?"_s));
    QSignalSpy decided(m_page.get(), &ReviewsPage::decided);
    QTest::keyClick(dialog(), Qt::Key_Return);
    QTRY_COMPARE(decided.count(), 1); // one answer for the bulk
    QTRY_COMPARE(rows(), 0);
    for (const payments::Checkout& c : m_held) {
        const auto detail = StoreFixture::wait(m_f->client().orderDetail(c.order.id));
        QVERIFY(detail);
        QCOMPARE(detail->payments.first().status, payments::PaymentStatus::Voided);
    }
}

/// The reasons read as the console words them, with the payment's countries; the queue leaves out
/// the amount, which has its own column, and the detail lists it.
void TestReviewsPage::queueAndDetailWordTheReasons()
{
    open();
    QStringList queue;
    for (int r = 0; r < rows(); ++r)
        queue.append(m_page->model()->index(r, ReviewListModel::Reasons).data().toString());
    QVERIFY2(queue.contains(u"New customer; Card from US, IP address in FR; Shipping to US, IP address in FR"_s),
             qPrintable(queue.join(u'\n')));
    for (const QString& reasons : queue)
        QVERIFY2(!reasons.contains(u"Amount"_s) && !reasons.contains(u'_'), qPrintable(reasons));
    QTRY_VERIFY(m_page->findChild<QPushButton*>(u"approveButton"_s)->isEnabled());
    auto* detail = m_page->findChild<QTableWidget*>(u"reasonsTable"_s);
    QStringList listed;
    for (int r = 0; r < detail->rowCount(); ++r)
        listed.append(detail->item(r, 0)->text());
    QVERIFY2(listed.contains(u"Amount €25.00"_s), qPrintable(listed.join(u'\n')));
    QVERIFY(detail->isColumnHidden(1)); // no model weighed them: no empty contribution column
}

/// The three held checkouts share a card and a device: a review's second tab, clicked, lists the
/// other two as linked by both, and says the customer (a new email) has no other payment.
void TestReviewsPage::secondTabShowsTheCustomerAndLinkedPayments()
{
    open();
    QTRY_VERIFY(m_page->findChild<QPushButton*>(u"approveButton"_s)->isEnabled());
    auto* tabs = m_page->findChild<QTabWidget*>(u"reviewTabs"_s);
    QVERIFY(tabs);
    QTRY_COMPARE(tabs->tabText(1), u"Customer and linked payments (2)"_s);
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
    QCOMPARE(tabs->currentIndex(), 1);
    auto* linked = m_page->findChild<QTableWidget*>(u"linkedPayments"_s);
    QVERIFY(linked && linked->isVisible());
    QCOMPARE(linked->rowCount(), 2);
    for (int r = 0; r < linked->rowCount(); ++r) {
        QCOMPARE(linked->item(r, 3)->text(), u"card, device"_s);
        QCOMPARE(linked->item(r, 1)->text(), u"€25.00"_s);
    }
    auto* customer = m_page->findChild<QLabel*>(u"customerHistory"_s);
    QVERIFY2(customer->text().contains(u"No other payment with this email"_s), qPrintable(customer->text()));
    // the keys still move the queue: the tabs take no focus
    key('j');
    QTRY_COMPARE(tabs->tabText(1), u"Customer and linked payments (2)"_s);
}

/// The countries' warning colour is written into their text: switching to the dark palette with a
/// review open paints it again, in the colour that reads on a dark window.
void TestReviewsPage::mismatchColourFollowsThePalette()
{
    const QPalette light = QApplication::palette();
    open();
    QTRY_VERIFY(m_page->findChild<QPushButton*>(u"approveButton"_s)->isEnabled());
    auto* ip = m_page->findChild<QLabel*>(u"country1"_s); // FR, where the card is not from
    QVERIFY(ip->property("mismatch").toBool());
    const QString lightRed = theme::text(theme::Tone::Error, light).name();
    const QString darkRed = theme::text(theme::Tone::Error, theme::darkPalette()).name();
    QVERIFY(lightRed != darkRed);
    QVERIFY2(ip->text().contains(lightRed), qPrintable(ip->text()));
    QApplication::setPalette(theme::darkPalette());
    QTRY_VERIFY2(ip->text().contains(darkRed), qPrintable(ip->text()));
    QApplication::setPalette(light);
    QTRY_VERIFY2(ip->text().contains(lightRed), qPrintable(ip->text()));
}

/// Pictures of the page for a person to look at, in English and Chinese, light and dark: only when
/// SOUK_SCREENSHOT_DIR names a folder.
void TestReviewsPage::screenshots()
{
    const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("SOUK_SCREENSHOT_DIR not set");
    const QPalette light = QApplication::palette();
    for (const QString& lang : {u"en"_s, u"zh_CN"_s}) {
        QVERIFY(souk::installTranslator(QLocale(lang)));
        for (const bool dark : {false, true}) {
            QApplication::setPalette(dark ? theme::darkPalette() : light);
            open();
            QTRY_VERIFY(m_page->currentReview().value != 0);
            QTRY_VERIFY(m_page->findChild<QPushButton*>(u"approveButton"_s)->isEnabled());
            QTest::qWait(200);
            const QString name = u"%1/reviews-%2%3.png"_s.arg(dir, lang, dark ? u"-dark"_s : QString());
            QVERIFY(m_page->grab().save(name));
            if (!dark) {
                key('f');
                QTRY_VERIFY(dialog() && dialog()->isVisible());
                QVERIFY(dialog()->grab().save(u"%1/decision-%2.png"_s.arg(dir, lang)));
                dialog()->reject();
            }
            m_tester.reset();
            m_page.reset();
        }
    }
    QApplication::setPalette(light);
    QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
}

} // namespace souk

QTEST_MAIN(souk::TestReviewsPage)
#include "TestReviewsPage.moc"
