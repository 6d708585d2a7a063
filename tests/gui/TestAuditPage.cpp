#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

#include <memory>
#include <optional>

#include "backend/auth/Operation.h"
#include "backend/auth/Principal.h"
#include "models/common/Theme.h"
#include "models/people/AuditLogModel.h"
#include "models/people/AuditText.h"
#include "tests/support/Keys.h"
#include "tests/support/OrderSupport.h"
#include "translations/Translator.h"
#include "views/common/MessageBar.h"
#include "views/people/AuditPage.h"

using namespace Qt::StringLiterals;
using souk::auth::AuditQuery;
using souk::auth::AuditRecord;
using souk::test::newKey;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace souk {
namespace {

/// A support engineer's colleague in staff, signed in with a password at a remote node: staff
/// may not refund, so their attempt is refused and audited as such.
auth::Principal staffSam(Id merchant)
{
    auth::Principal p;
    p.userId = Id{8};
    p.userName = u"sam"_s;
    p.role = auth::Role::Staff;
    p.merchantId = merchant;
    p.via = auth::Via::Session;
    p.credentialId = Id{81};
    p.origin = u"node-1 203.0.113.8"_s;
    return p;
}

} // namespace

/// The audit page on a real store, with real input: it lists who did what newest first, with
/// failures in the error tone; the filters narrow it on Enter; it says when nothing matches; it
/// follows new commands; and the chain is verified by those allowed to, naming a bad entry.
class TestAuditPage final : public QObject
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
    void listsNewestFirstWithWhoAndOutcome();
    void showsTheSelectedEntryInFull();
    void filtersByUserAndObject();
    void saysWhenNothingMatches();
    void followsNewCommands();
    void modelPagesWithoutGapsOrDuplicates();
    void everyOperationAndOutcomeHasWords();
    void ownerCannotVerify();
    void adminVerifiesTheChain();
    void verifyNamesTheFirstBadEntry();
    void screenshots();

private:
    void actAs(const std::optional<auth::Principal>& principal);
    void open();
    QList<AuditRecord> stored(const AuditQuery& query = {});
    template <typename T> T* child(const QString& name) const { return m_page->findChild<T*>(name); }
    QTableView* table() const { return child<QTableView>(u"auditTable"_s); }
    int rows() const { return table()->model()->rowCount(); }
    QString cell(int row, int column) const { return table()->model()->index(row, column).data().toString(); }
    QString detail(const QString& field) const { return child<QLabel>(u"auditDetail"_s + field)->text(); }
    /// Types `text` into the filter `name` as a person would (after emptying it) and presses Enter.
    void filter(const QString& name, const QString& text);
    void clickRow(int row);

    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<AuditPage> m_page;
    payments::Payment m_payment;
    bool m_tampered = false;
};

void TestAuditPage::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_tampered = false;
    m_f->addProduct(u"Desk lamp"_s, {u"LAMP-1"_s}, 2500, 10);
    OrderSupport orders(*m_f);
    m_payment = orders.paidOrder(u"LAMP-1"_s, 2);
    QVERIFY(StoreFixture::wait(m_f->client().refundPayment(m_payment.id, 500, u"damaged in transit"_s, newKey())));
    QVERIFY(!StoreFixture::wait(m_f->client().refundPayment(Id{987654321}, 100, u"wrong id"_s, newKey())));
    actAs(staffSam(m_f->merchantId()));
    QVERIFY(!StoreFixture::wait(m_f->client().refundPayment(m_payment.id, 100, u"staff try"_s, newKey())));
    actAs(auth::Principal::localAdmin(u"cli"_s));
    QVERIFY(StoreFixture::wait(m_f->client().refundPayment(m_payment.id, 200, u"goodwill"_s, newKey())));
    actAs(std::nullopt); // the store's local owner, as the console opens it
}

void TestAuditPage::cleanup()
{
    m_page.reset();
    if (m_f && m_f->ok() && !m_tampered) // the commands above left a sound store
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_f.reset();
}

void TestAuditPage::actAs(const std::optional<auth::Principal>& principal)
{
    m_page.reset(); // it holds the client that goes
    m_f->close();
    m_f->options().principal = principal;
    QVERIFY(m_f->reopen());
}

void TestAuditPage::open()
{
    m_page = std::make_unique<AuditPage>(m_f->client());
    m_page->resize(1200, 720);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->activateWindow(); // keys and focus go to the page, as to the window a person uses
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QTRY_VERIFY(rows() > 0 && !m_page->model()->isLoading());
}

QList<AuditRecord> TestAuditPage::stored(const AuditQuery& query)
{
    AuditQuery q = query;
    q.limit = AuditQuery::LimitMax;
    auto r = StoreFixture::wait(m_f->client().auditLog(q));
    if (!r) {
        QTest::qFail(qPrintable(r.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *r;
}

void TestAuditPage::filter(const QString& name, const QString& text)
{
    auto* edit = child<QLineEdit>(name);
    QVERIFY(edit);
    QTest::mouseClick(edit, Qt::LeftButton);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void TestAuditPage::clickRow(int row)
{
    QTableView* t = table();
    const QRect rect = t->visualRect(t->model()->index(row, AuditLogModel::Operation));
    QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, rect.center());
}

void TestAuditPage::listsNewestFirstWithWhoAndOutcome()
{
    open();
    QCOMPARE(rows(), stored().size());
    // the admin's refund, the refused staff attempt, the unknown payment, the owner's refund
    QCOMPARE(cell(0, AuditLogModel::User), u"cli"_s);
    QCOMPARE(cell(0, AuditLogModel::Role), u"Administrator"_s);
    QCOMPARE(cell(0, AuditLogModel::Operation), u"Refund payment"_s);
    QCOMPARE(cell(0, AuditLogModel::Reason), u"goodwill"_s);
    QCOMPARE(cell(0, AuditLogModel::Outcome), u"Succeeded"_s);
    QCOMPARE(cell(1, AuditLogModel::User), u"sam"_s);
    QCOMPARE(cell(1, AuditLogModel::Role), u"Staff"_s);
    QCOMPARE(cell(1, AuditLogModel::Outcome), u"Not allowed"_s);
    QCOMPARE(cell(2, AuditLogModel::User), u"tester"_s); // the fixture's local owner
    QCOMPARE(cell(2, AuditLogModel::Reason), u"wrong id"_s);
    QCOMPARE(cell(2, AuditLogModel::Outcome), u"Not found"_s);
    QCOMPARE(cell(3, AuditLogModel::Operation), u"Refund payment"_s);
    QCOMPARE(cell(3, AuditLogModel::Outcome), u"Succeeded"_s);
    QVERIFY(cell(3, AuditLogModel::Objects).contains(u"payment:"_s + m_payment.id.toString()));
    // earlier: the capture, the authorization, the order, the product
    QStringList operations;
    for (int r = 0; r < rows(); ++r)
        operations << cell(r, AuditLogModel::Operation);
    QVERIFY(operations.indexOf(u"Capture payment"_s) > 3);
    QVERIFY(operations.indexOf(u"Authorize payment"_s) > operations.indexOf(u"Capture payment"_s));
    QVERIFY(operations.indexOf(u"Create order"_s) > operations.indexOf(u"Authorize payment"_s));
    QVERIFY(operations.indexOf(u"Save product"_s) > operations.indexOf(u"Create order"_s));
    // newest first by the time shown too, with its seconds
    QAbstractItemModel* m = table()->model();
    for (int r = 1; r < rows(); ++r)
        QVERIFY(m->index(r - 1, 0).data(AuditLogModel::RawRole).toLongLong() >=
                m->index(r, 0).data(AuditLogModel::RawRole).toLongLong());
    QVERIFY(cell(0, AuditLogModel::Time).count(u':') == 2);
    // failures in the error tone, successes in the text's own colour
    const QColor error = theme::text(theme::Tone::Error, QApplication::palette());
    QCOMPARE(m->index(1, AuditLogModel::Outcome).data(Qt::ForegroundRole).value<QBrush>().color(), error);
    QCOMPARE(m->index(2, AuditLogModel::Outcome).data(Qt::ForegroundRole).value<QBrush>().color(), error);
    QVERIFY(!m->index(0, AuditLogModel::Outcome).data(Qt::ForegroundRole).isValid());
    QVERIFY(m->index(1, 0).data(AuditLogModel::FailedRole).toBool());
    QVERIFY(child<QLabel>(u"auditCountLabel"_s)->text().contains(QString::number(rows())));
}

void TestAuditPage::showsTheSelectedEntryInFull()
{
    open();
    QCOMPARE(detail(u"Via"_s), QString()); // nothing selected: the pane's hint
    clickRow(1);
    QCOMPARE(detail(u"User"_s), u"sam"_s);
    QCOMPARE(detail(u"Via"_s), u"Password sign-in"_s);
    QCOMPARE(detail(u"Origin"_s), u"node-1 203.0.113.8"_s);
    QCOMPARE(detail(u"Credential"_s), u"81"_s);
    QCOMPARE(detail(u"Outcome"_s), u"Not allowed"_s);
    QVERIFY2(detail(u"Detail"_s).contains(u"staff"_s), qPrintable(detail(u"Detail"_s)));
    QVERIFY(child<QLabel>(u"auditDetailVia"_s)->isVisible());
    // the same as a tooltip over the row
    const QString tip = table()->model()->index(1, AuditLogModel::Time).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(u"Signed in via: Password sign-in"_s));
    QVERIFY(tip.contains(u"From: node-1 203.0.113.8"_s));
    // the table is reached with Tab from the filters and walked with the arrows
    auto* refresh = child<QPushButton>(u"auditRefreshButton"_s);
    refresh->setFocus();
    QTest::keyClick(refresh, Qt::Key_Tab); // the owner's Verify is off: straight to the table
    QTRY_VERIFY(table()->hasFocus());
    QTest::keyClick(table(), Qt::Key_Down);
    QCOMPARE(detail(u"User"_s), u"tester"_s);
    QCOMPARE(detail(u"Role"_s), u"Owner"_s);
    QCOMPARE(detail(u"Via"_s), u"Store file on this computer"_s);
    QCOMPARE(detail(u"Reason"_s), u"wrong id"_s);
    QCOMPARE(detail(u"Outcome"_s), u"Not found"_s);
}

void TestAuditPage::filtersByUserAndObject()
{
    open();
    const int all = rows();
    filter(u"auditUserEdit"_s, u"SAM"_s); // user names are matched whatever their case
    QTRY_COMPARE(rows(), 1);
    QCOMPARE(cell(0, AuditLogModel::User), u"sam"_s);

    filter(u"auditUserEdit"_s, u"tester"_s); // the fixture's local owner
    AuditQuery owners;
    owners.user = u"tester"_s;
    const int ownerRows = int(stored(owners).size());
    QVERIFY(ownerRows > 3 && ownerRows < all);
    QTRY_COMPARE(rows(), ownerRows);
    for (int r = 0; r < rows(); ++r)
        QCOMPARE(cell(r, AuditLogModel::User), u"tester"_s);

    // the owner's entries about the paid order's payment: the capture, the refund
    const QString payment = u"payment:"_s + m_payment.id.toString();
    filter(u"auditEntityEdit"_s, payment);
    owners.entity = payment;
    const int paymentRows = int(stored(owners).size());
    QVERIFY(paymentRows >= 2 && paymentRows < ownerRows);
    QTRY_COMPARE(rows(), paymentRows);
    for (int r = 0; r < rows(); ++r)
        QVERIFY(cell(r, AuditLogModel::Objects).contains(payment));

    // the clear button drops the user filter at once: everyone's entries about that payment
    auto* user = child<QLineEdit>(u"auditUserEdit"_s);
    QTest::keyClick(user, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(user, Qt::Key_Backspace);
    AuditQuery anyone;
    anyone.entity = payment;
    QTRY_COMPARE(rows(), int(stored(anyone).size()));
    QVERIFY(rows() > paymentRows); // sam's refused attempt and the admin's refund too

    // a kind alone: every product entry
    filter(u"auditEntityEdit"_s, u"Product"_s);
    AuditQuery products;
    products.entity = u"product"_s;
    const int productRows = int(stored(products).size());
    QVERIFY(productRows > 0);
    QTRY_COMPARE(rows(), productRows);
    QStringList operations;
    for (int r = 0; r < rows(); ++r) {
        QVERIFY(cell(r, AuditLogModel::Objects).contains(u"product:"_s));
        operations << cell(r, AuditLogModel::Operation);
    }
    QCOMPARE(operations.last(), u"Save product"_s);
    QVERIFY(!operations.contains(u"Refund payment"_s));
}

void TestAuditPage::saysWhenNothingMatches()
{
    open();
    const int all = rows();
    auto* panel = child<QWidget>(u"auditEmptyPanel"_s);
    QVERIFY(!panel->isVisible());
    filter(u"auditEntityEdit"_s, u"dispute"_s);
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(rows(), 0);
    QCOMPARE(child<QLabel>(u"auditEmptyLabel"_s)->text(), u"No audit entries match these filters."_s);
    QCOMPARE(panel->geometry(), table()->viewport()->rect());
    if (const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_page->grab().save(QDir(dir).filePath(u"audit-no-match.png"_s)));
    QTest::mouseClick(child<QPushButton>(u"clearAuditFiltersButton"_s), Qt::LeftButton);
    QTRY_COMPARE(rows(), all);
    QVERIFY(!panel->isVisible());
    QCOMPARE(child<QLineEdit>(u"auditEntityEdit"_s)->text(), QString());
    QCOMPARE(child<QComboBox>(u"auditSinceFilter"_s)->currentText(), u"All time"_s);
}

void TestAuditPage::followsNewCommands()
{
    open();
    const int before = rows();
    clickRow(2);
    const QString selected = detail(u"Seq"_s);
    QSignalSpy resets(m_page->model(), &QAbstractItemModel::modelReset);
    m_f->addProduct(u"Reading chair"_s, {u"CHAIR-1"_s}, 9900);
    QTRY_VERIFY(rows() > before); // read on the change feed's word, within a second
    QCOMPARE(cell(0, AuditLogModel::Operation), u"Save product"_s);
    QCOMPARE(resets.count(), 0);          // put on top, not read again
    QCOMPARE(detail(u"Seq"_s), selected); // the entry being read stays selected
    // a refused command commits no change: Refresh (or showing the page) brings it
    const int now = rows();
    QVERIFY(!StoreFixture::wait(m_f->client().refundPayment(Id{42}, 100, u"typo"_s, newKey())));
    QTest::mouseClick(child<QPushButton>(u"auditRefreshButton"_s), Qt::LeftButton);
    QTRY_COMPARE(rows(), now + 1);
    QCOMPARE(cell(0, AuditLogModel::Outcome), u"Not found"_s);
    QCOMPARE(resets.count(), 0);
}

void TestAuditPage::modelPagesWithoutGapsOrDuplicates()
{
    AuditLogModel model(m_f->client());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageRows(3);
    model.setFilter(AuditQuery{});
    QTRY_COMPARE(model.rowCount(), 3);
    QVERIFY(model.hasMore());
    const QList<AuditRecord> everything = stored();
    while (model.hasMore()) {
        const int had = model.rowCount();
        model.loadMore();
        QTRY_VERIFY(!model.isLoading());
        QVERIFY(model.rowCount() > had);
    }
    QCOMPARE(model.rowCount(), everything.size());
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.index(r, 0).data(AuditLogModel::SeqRole).toLongLong(), everything[r].seq);
    // two new entries go on top, row by row
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(!StoreFixture::wait(m_f->client().refundPayment(Id{42}, 100, u"one"_s, newKey())));
    QVERIFY(!StoreFixture::wait(m_f->client().refundPayment(Id{43}, 100, u"two"_s, newKey())));
    model.refresh();
    QTRY_COMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 1);
    QCOMPARE(model.index(0, AuditLogModel::Reason).data().toString(), u"two"_s);
    QCOMPARE(model.rowCount(), everything.size() + 2);
    // more new entries than a page: read again from the top, never a gap
    for (int i = 0; i < 4; ++i)
        QVERIFY(!StoreFixture::wait(m_f->client().refundPayment(Id{50 + i}, 100, u"burst"_s, newKey())));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    QTRY_COMPARE(resets.count(), 1);
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, AuditLogModel::Reason).data().toString(), u"burst"_s);
}

void TestAuditPage::everyOperationAndOutcomeHasWords()
{
    // an operation added to the permission table is named here too, not shown as "some_name"
    for (const auth::OperationSpec& spec : auth::operations()) {
        const QString name = QString::fromUtf16(spec.name);
        QVERIFY2(AuditText::operation(name) != name, qPrintable(name));
    }
    for (int code = 0; code <= int(ErrorCode::AccountLocked); ++code) {
        const QString name = errorCodeName(ErrorCode(code));
        QVERIFY2(AuditText::outcome(name) != name, qPrintable(name));
    }
    QCOMPARE(AuditText::outcome(u"ok"_s), u"Succeeded"_s);
    QCOMPARE(AuditText::operation(u"made_up_later"_s), u"made_up_later"_s); // unknown: as stored
}

void TestAuditPage::ownerCannotVerify()
{
    open();
    auto* verify = child<QPushButton>(u"verifyAuditButton"_s);
    QVERIFY(verify->isVisible());
    QVERIFY(!verify->isEnabled());
    QVERIFY(verify->toolTip().contains(u"operators and administrators"_s));
    QTest::mouseClick(verify, Qt::LeftButton);
    QVERIFY(!m_page->messageBar()->isVisible());
}

void TestAuditPage::adminVerifiesTheChain()
{
    actAs(auth::Principal::localAdmin(u"cli"_s));
    open();
    const qsizetype entries = stored().size();
    auto* verify = child<QPushButton>(u"verifyAuditButton"_s);
    QVERIFY(verify->isEnabled());
    QSignalSpy verified(m_page.get(), &AuditPage::verified);
    QTest::mouseClick(verify, Qt::LeftButton);
    QTRY_COMPARE(verified.count(), 1);
    MessageBar* bar = m_page->messageBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Success);
    QCOMPARE(bar->headline(), u"All %1 entries match their hash chain."_s.arg(entries));
    QVERIFY(verify->isEnabled()); // ready for the next time
}

void TestAuditPage::verifyNamesTheFirstBadEntry()
{
    AuditQuery samsQuery;
    samsQuery.user = u"sam"_s;
    const qint64 target = stored(samsQuery).value(0).seq; // the refused refund: a row someone wants gone
    QVERIFY(target > 0);
    const QString path = m_f->storePath();
    m_f->close();
    {
        // as someone with the file would: the trigger first, then the row's reason
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(u"DROP TRIGGER audit_log_no_update"_s), qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(u"UPDATE audit_log SET reason = 'routine', outcome = 'ok', detail = '' WHERE seq = %1"_s.arg(
                     target)),
                 qPrintable(q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);
    m_tampered = true;
    m_f->options().principal = auth::Principal::localAdmin(u"cli"_s);
    QVERIFY(m_f->reopen());
    open();
    QSignalSpy verified(m_page.get(), &AuditPage::verified);
    QTest::mouseClick(child<QPushButton>(u"verifyAuditButton"_s), Qt::LeftButton);
    QTRY_COMPARE(verified.count(), 1);
    MessageBar* bar = m_page->messageBar();
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QVERIFY2(bar->headline().startsWith(u"Entry %1 does not match its hash chain"_s.arg(target)),
             qPrintable(bar->headline()));
    QVERIFY(!bar->details().isEmpty());
    // the entry is selected, as it reads now
    QCOMPARE(detail(u"Seq"_s), QString::number(target));
    QCOMPARE(detail(u"Reason"_s), u"routine"_s);
}

void TestAuditPage::screenshots()
{
    const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set SOUK_SCREENSHOT_DIR to write screenshots");
    actAs(auth::Principal::localAdmin(u"cli"_s));
    open();
    clickRow(1);
    QSignalSpy verified(m_page.get(), &AuditPage::verified);
    QTest::mouseClick(child<QPushButton>(u"verifyAuditButton"_s), Qt::LeftButton);
    QTRY_COMPARE(verified.count(), 1);
    QVERIFY(m_page->grab().save(QDir(dir).filePath(u"audit-page.png"_s)));
    const QPalette light = QApplication::palette();
    QApplication::setPalette(theme::darkPalette());
    QCoreApplication::processEvents();
    QVERIFY(m_page->grab().save(QDir(dir).filePath(u"audit-page-dark.png"_s)));
    QApplication::setPalette(light);
    // the store's owner: verifying is not theirs
    actAs(std::nullopt);
    open();
    QVERIFY(m_page->grab().save(QDir(dir).filePath(u"audit-page-owner.png"_s)));
}

} // namespace souk

QTEST_MAIN(souk::TestAuditPage)
#include "TestAuditPage.moc"
