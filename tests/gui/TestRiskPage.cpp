#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

#include "backend/auth/Access.h"
#include "backend/core/Clock.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "models/common/Theme.h"
#include "models/risk/RiskListModel.h"
#include "models/risk/RiskRights.h"
#include "models/risk/RiskText.h"
#include "models/risk/RuleSetListModel.h"
#include "tests/support/Keys.h"
#include "tests/support/OrderSupport.h"
#include "tests/support/StoreFixture.h"
#include "translations/Translator.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/risk/AddValuesDialog.h"
#include "views/risk/ListsTab.h"
#include "views/risk/NewListDialog.h"
#include "views/risk/RiskPage.h"
#include "views/risk/RulesTab.h"

using namespace Qt::StringLiterals;
using souk::test::StoreFixture;

namespace souk {

/// The Risk page with real key and mouse events on a real store: the rule editor parses as the
/// user types and will not save what does not parse; a saved draft is listed and selected, then
/// activated after a confirmation that says what it replaces; a draft runs in shadow and stops;
/// a list is created, filled from pasted lines (a bad line named, nothing added) and emptied
/// again; support keeps the lists and only reads the rules.
class TestRiskPage final : public QObject
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
    void listKindsAreTheEngines();
    void rightsAreTheEngines();
    void emptyStoreSaysWhatToDo();
    void brokenRuleIsShownAndNotSaved();
    void activateAsksAndRetiresThePrevious();
    void shadowStartsAndStops();
    void backtestSaysWhatTheRulesWouldHaveDone();
    void listCreatedFilledAndEmptied();
    void supportEditsListsAndReadsRules();
    void screenshots();

private:
    std::unique_ptr<LocalClient> as(auth::Role role, const QString& name);
    void open(LocalClient& client);
    qint64 saveRules(const QString& text, const QString& note);
    RulesTab* rules() const { return m_page->rulesTab(); }
    ListsTab* lists() const { return m_page->listsTab(); }
    template <typename T> T* find(const QString& name) const
    {
        T* w = m_page->findChild<T*>(name);
        if (!w)
            qFatal("no widget %s", qPrintable(name));
        return w;
    }
    QPlainTextEdit* editor() const { return find<QPlainTextEdit>(u"rulesEditor"_s); }
    void typeRules(const QString& text);
    void clickRow(QTableView* table, int row);
    /// Answers the next confirmation by clicking its accept button, once it shows; the question
    /// asked lands in `question`.
    void acceptNextConfirmation(QString* question);
    int rowOfVersion(qint64 version) const { return rules()->model()->rowOf(version); }
    const risk::RuleSetVersion& version(qint64 v) const { return rules()->model()->ruleSet(rowOfVersion(v)); }

    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<LocalClient> m_operator;
    std::unique_ptr<RiskPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_rulesTester;
    std::unique_ptr<QAbstractItemModelTester> m_listsTester;
};

void TestRiskPage::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_operator = as(auth::Role::Operator, u"olu"_s);
}

void TestRiskPage::cleanup()
{
    m_rulesTester.reset();
    m_listsTester.reset();
    m_page.reset();
    m_operator.reset();
    Dialogs::setNextAnswer(std::nullopt);
    m_f.reset();
}

std::unique_ptr<LocalClient> TestRiskPage::as(auth::Role role, const QString& name)
{
    auth::Principal p = m_f->client().principal();
    p.userName = name;
    p.role = role;
    p.merchantId = {};
    auto client = m_f->client().actingAs(p);
    // a view made by actingAs() shares the engine but not its feed signal: the fixture's carries it
    connect(&m_f->client(), &Client::changed, client.get(), &Client::changed);
    return client;
}

void TestRiskPage::open(LocalClient& client)
{
    m_page = std::make_unique<RiskPage>(client, SystemClock::instance());
    m_page->resize(1400, 850);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QApplication::setActiveWindow(m_page.get()); // Ctrl+S is a shortcut of the active window
    m_rulesTester = std::make_unique<QAbstractItemModelTester>(rules()->model(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(rules()->model()->isLoaded());
    if (lists()) {
        m_listsTester = std::make_unique<QAbstractItemModelTester>(
            lists()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(lists()->model()->isLoaded());
    }
}

qint64 TestRiskPage::saveRules(const QString& text, const QString& note)
{
    const auto saved = StoreFixture::wait(m_operator->saveRuleSet(text, note, test::newKey()));
    if (!saved)
        qFatal("save: %s", qPrintable(saved.error().toString()));
    return saved->version;
}

void TestRiskPage::typeRules(const QString& text)
{
    editor()->setFocus();
    QTest::keyClick(editor(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(editor(), Qt::Key_Delete);
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(editor(), Qt::Key_Return);
        QTest::keyClicks(editor(), lines[i]);
    }
}

void TestRiskPage::clickRow(QTableView* table, int row)
{
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 0)).center());
}

void TestRiskPage::acceptNextConfirmation(QString* question)
{
    QTimer::singleShot(0, this, [question] {
        QTRY_VERIFY(QApplication::activeModalWidget() &&
                    QApplication::activeModalWidget()->objectName() == u"confirmDialog"_s);
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        *question = box->text();
        QTest::mouseClick(box->findChild<QPushButton*>(u"confirmAcceptButton"_s), Qt::LeftButton);
    });
}

void TestRiskPage::listKindsAreTheEngines()
{
    // the console cannot link the engine: its copy of the kinds must not drift
    QCOMPARE(RiskText::listKinds(), risk::RiskPolicy::listKinds());
}

void TestRiskPage::rightsAreTheEngines()
{
    // the page offers exactly what auth::permits lets the engine run, for every role and the
    // owner of a store without users (who keeps its own rules and lists)
    QList<auth::Principal> principals{auth::Principal::localOwner(), auth::Principal::nobody()};
    for (const auth::Role role : auth::AllRoles) {
        auth::Principal p = m_f->client().principal();
        p.role = role;
        p.via = auth::Via::Session;
        principals.append(p);
    }
    using Op = auth::Operation;
    for (const auth::Principal& p : principals) {
        const RiskRights r = RiskRights::of(p);
        const QByteArray who = auth::roleName(p.role).toUtf8() + '/' + auth::viaName(p.via).toUtf8();
        const auto permits = [&p](Op op) { return p.isAuthenticated() && auth::permits(p, op); };
        QVERIFY2(r.readRules == permits(Op::ReadRiskRules), who);
        QVERIFY2(r.saveRules == permits(Op::SaveRuleSet), who);
        QVERIFY2(r.activateRules == permits(Op::ActivateRuleSet), who);
        QVERIFY2(r.shadowRules == permits(Op::SetRuleSetShadow), who);
        QVERIFY2(r.backtestRules == permits(Op::BacktestRules), who);
        QVERIFY2(r.readLists == permits(Op::ReadRiskLists), who);
        QVERIFY2(r.createLists == permits(Op::CreateRiskList), who);
        QVERIFY2(r.addListValues == permits(Op::AddRiskListValues), who);
        QVERIFY2(r.removeListValues == permits(Op::RemoveRiskListValues), who);
    }
    QVERIFY(RiskRights::of(auth::Principal::localOwner()).activateRules); // a store's own owner
}

void TestRiskPage::emptyStoreSaysWhatToDo()
{
    open(*m_operator);
    auto* hint = find<QLabel>(u"rulesEmptyHint"_s);
    QTRY_VERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(u"No rules yet"_s), qPrintable(hint->text()));
    QVERIFY(editor()->placeholderText().contains(u"Block if"_s)); // an example to start from
    QVERIFY(!find<QPushButton>(u"saveButton"_s)->isEnabled());    // nothing typed yet
}

void TestRiskPage::brokenRuleIsShownAndNotSaved()
{
    open(*m_operator);
    auto* save = find<QPushButton>(u"saveButton"_s);
    auto* problems = find<QListWidget>(u"problemsList"_s);

    typeRules(u"Review if :card_payments_1h: >= 3\nBlock if :amount: > 'lots'"_s);
    QTRY_VERIFY(problems->isVisible()); // parsed after the pause, with no round trip
    QCOMPARE(problems->count(), 1);
    const QString problem = problems->item(0)->text();
    QVERIFY2(problem.startsWith(u"Line 2, column "_s), qPrintable(problem));
    QVERIFY(!save->isEnabled());
    QVERIFY(!editor()->extraSelections().isEmpty()); // the line is highlighted
    QCOMPARE(editor()->extraSelections().first().cursor.block().blockNumber(), 1);
    QTest::keyClick(editor(), Qt::Key_S, Qt::ControlModifier); // refused too
    QTest::qWait(100);
    QCOMPARE(StoreFixture::wait(m_operator->ruleSets())->size(), 0);

    // fixed: the problem goes, Save comes back; Ctrl+S saves a new draft with its note
    QTest::keyClick(editor(), Qt::Key_Backspace); // the closing quote
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(editor(), Qt::Key_Backspace);
    QTest::keyClicks(editor(), u"300"_s);
    QTRY_VERIFY(!problems->isVisible());
    QVERIFY(editor()->extraSelections().isEmpty());
    QTRY_VERIFY(save->isEnabled());
    QTest::keyClicks(find<QLineEdit>(u"noteEdit"_s), u"first rules"_s);
    editor()->setFocus();
    QTest::keyClick(editor(), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(rules()->model()->rowCount(), 1);
    const risk::RuleSetVersion saved = rules()->model()->ruleSet(0);
    QCOMPARE(saved.status, u"draft"_s);
    QCOMPARE(saved.note, u"first rules"_s);
    QCOMPARE(saved.text, u"Review if :card_payments_1h: >= 3\nBlock if :amount: > 300"_s);
    QTRY_COMPARE(rules()->currentVersion(), saved.version);
    QTRY_COMPARE(find<QTableView>(u"ruleSetsTable"_s)->currentIndex().row(), 0); // stays on what was saved
    QVERIFY(find<MessageBar>(u"messageBar"_s)->headline().contains(u"Saved as draft version"_s));
    QVERIFY(!save->isEnabled()); // nothing new to save
}

void TestRiskPage::activateAsksAndRetiresThePrevious()
{
    const qint64 first = saveRules(u"Block if :amount: > 1000"_s, u"old"_s);
    QVERIFY(StoreFixture::wait(m_operator->activateRuleSet(first, test::newKey())));
    const qint64 second = saveRules(u"Block if :amount: > 500"_s, u"lower"_s);
    open(*m_operator);
    QTRY_COMPARE(rules()->model()->rowCount(), 2);
    auto* table = find<QTableView>(u"ruleSetsTable"_s);
    QTRY_COMPARE(rules()->currentVersion(), first); // the active one is shown first
    clickRow(table, rowOfVersion(second));
    QCOMPARE(rules()->currentVersion(), second);
    QCOMPARE(editor()->toPlainText(), u"Block if :amount: > 500"_s);

    auto* activate = find<QPushButton>(u"activateButton"_s);
    QVERIFY(activate->isEnabled());
    QString question;
    acceptNextConfirmation(&question);
    QTest::mouseClick(activate, Qt::LeftButton);
    QVERIFY2(question.contains(u"Version %1 replaces version %2 as the active rules"_s.arg(second).arg(first)),
             qPrintable(question));
    QTRY_COMPARE(version(second).status, u"active"_s);
    QCOMPARE(version(first).status, u"retired"_s);
    QCOMPARE(rules()->currentVersion(), second);
    QCOMPARE(table->currentIndex().row(), rowOfVersion(second));
    QVERIFY(!activate->isEnabled()); // already active

    // the retired one can be restored: the same operation, named for what it does
    clickRow(table, rowOfVersion(first));
    QCOMPARE(activate->text().remove(u'&'), u"Restore"_s);
    acceptNextConfirmation(&question);
    QTest::mouseClick(activate, Qt::LeftButton);
    QVERIFY2(question.contains(u"Version %1 replaces version %2"_s.arg(first).arg(second)), qPrintable(question));
    QTRY_COMPARE(version(first).status, u"active"_s);
    QCOMPARE(version(second).status, u"retired"_s);

    // an edited version cannot be activated: what would run is the saved text
    clickRow(table, rowOfVersion(second));
    QTest::keyClicks(editor(), u" "_s);
    QVERIFY(!activate->isEnabled());
}

void TestRiskPage::shadowStartsAndStops()
{
    const qint64 draft = saveRules(u"Review if :is_new_customer:"_s, u"try"_s);
    open(*m_operator);
    QTRY_COMPARE(rules()->currentVersion(), draft);
    auto* shadow = find<QPushButton>(u"shadowButton"_s);
    QVERIFY(shadow->isVisible());
    QCOMPARE(shadow->text().remove(u'&'), u"Run in shadow"_s);
    QTest::mouseClick(shadow, Qt::LeftButton);
    QTRY_VERIFY(version(draft).shadow);
    QCOMPARE(shadow->text().remove(u'&'), u"Stop shadow"_s);
    const QModelIndex state = rules()->model()->index(rowOfVersion(draft), RuleSetListModel::State);
    QVERIFY(state.data().toString().contains(u"shadow"_s));
    QVERIFY(StoreFixture::wait(m_operator->ruleSet(draft))->shadow);

    QTest::mouseClick(shadow, Qt::LeftButton);
    QTRY_VERIFY(!version(draft).shadow);
    QVERIFY(!StoreFixture::wait(m_operator->ruleSet(draft))->shadow);
    QCOMPARE(rules()->currentVersion(), draft);

    // only a draft runs in shadow: the button is not offered on an active version
    QVERIFY(StoreFixture::wait(m_operator->activateRuleSet(draft, test::newKey())));
    QTRY_COMPARE(version(draft).status, u"active"_s);
    QVERIFY(!shadow->isVisible());
}

void TestRiskPage::backtestSaysWhatTheRulesWouldHaveDone()
{
    // two payments of 25.00 today
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 50);
    for (const QString& email : {u"ana@example.com"_s, u"bo@example.com"_s}) {
        test::OrderSupport customer(*m_f, email);
        payments::CardInput card{u"4242 4242 4242 4242"_s, 12, 2030, u"123"_s};
        card.context.email = email;
        const orders::NewOrder order{m_f->merchantId(), customer.customerId(), {{u"EAR-1"_s, 1}}, {}, {}};
        QVERIFY(StoreFixture::wait(m_f->client().checkout(order, card, true, test::newKey())));
    }
    open(*m_operator);
    auto* run = find<QPushButton>(u"backtestRunButton"_s);
    QVERIFY(run->isVisible());

    // what does not parse is not run
    typeRules(u"Block if :amount: >"_s);
    QTest::mouseClick(run, Qt::LeftButton);
    auto* bar = find<MessageBar>(u"messageBar"_s);
    QTRY_VERIFY(bar->isVisible());
    QVERIFY(bar->headline().contains(u"do not parse"_s));

    typeRules(u"Block if :amount: > 10\nReview if :amount: > 1000"_s);
    QTest::mouseClick(run, Qt::LeftButton);
    auto* hits = find<QTableWidget>(u"backtestHits"_s);
    QTRY_VERIFY(hits->isVisible());
    const QString summary = find<QLabel>(u"backtestSummary"_s)->text();
    QVERIFY2(summary.contains(u"Payments:</b> 2"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"Would block:</b> 2"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"Would review:</b> 0"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"€50.00"_s), qPrintable(summary)); // the revenue it would have stopped
    QCOMPARE(hits->rowCount(), 2);
    QCOMPARE(hits->item(0, 0)->text(), u"1"_s);
    QCOMPARE(hits->item(0, 2)->text(), u"2"_s); // matched
    QCOMPARE(hits->item(1, 2)->text(), u"0"_s);
    QVERIFY(run->isEnabled());
    QVERIFY(!find<QPushButton>(u"backtestCancelButton"_s)->isVisible());
}

void TestRiskPage::listCreatedFilledAndEmptied()
{
    open(*m_operator);
    auto* tabs = find<QTabWidget>(u"riskTabs"_s);
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
    QCOMPARE(tabs->currentWidget(), lists());

    // a name the engine refuses is named beside the field, and nothing is created
    QTest::mouseClick(find<QPushButton>(u"newListButton"_s), Qt::LeftButton);
    NewListDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<NewListDialog*>()) && dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"listNameEdit"_s), u"Bad Name"_s);
    auto* kind = dialog->findChild<QComboBox*>(u"listKindCombo"_s);
    kind->setFocus();
    QTest::keyClicks(kind, u"IP"_s);
    QCOMPARE(kind->currentData().toString(), u"ip"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"listDescriptionEdit"_s), u"addresses seen testing cards"_s);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"createListButton"_s), Qt::LeftButton);
    auto* nameError = dialog->findChild<QLabel*>(u"nameError"_s);
    QTRY_VERIFY(nameError->isVisible());
    QVERIFY2(nameError->text().contains(u"lower-case"_s), qPrintable(nameError->text()));
    QCOMPARE(StoreFixture::wait(m_operator->riskLists())->size(), 0);
    auto* name = dialog->findChild<QLineEdit*>(u"listNameEdit"_s);
    name->selectAll();
    QTest::keyClicks(name, u"card_testers"_s);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"createListButton"_s), Qt::LeftButton);
    QTRY_COMPARE(lists()->model()->rowCount(), 1);
    QTRY_COMPARE(lists()->currentList(), u"card_testers"_s);
    QCOMPARE(lists()->model()->list(0).kind, u"ip"_s);

    // pasted values: the bad one is named by the line typed (blank lines count), nothing added
    QTest::mouseClick(find<QPushButton>(u"addValuesButton"_s), Qt::LeftButton);
    AddValuesDialog* add = nullptr;
    QTRY_VERIFY((add = m_page->findChild<AddValuesDialog*>()) && add->isVisible());
    auto* values = add->findChild<QPlainTextEdit*>(u"valuesEdit"_s);
    values->setFocus();
    for (const QString& line : {u"203.0.113.7"_s, QString(), u"203.0.113.300"_s, u"198.51.100.2"_s}) {
        QTest::keyClicks(values, line);
        QTest::keyClick(values, Qt::Key_Return);
    }
    QTest::mouseClick(add->findChild<QPushButton*>(u"addButton"_s), Qt::LeftButton);
    auto* error = add->findChild<QLabel*>(u"valuesError"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"Line 3"_s) && error->text().contains(u"203.0.113.300"_s),
             qPrintable(error->text()));
    QCOMPARE(values->textCursor().block().blockNumber(), 2); // the cursor is on it
    QCOMPARE(StoreFixture::wait(m_operator->riskListValues(u"card_testers"_s))->size(), 0);
    // corrected: three added (upper case is kept folded, as the engine keeps it)
    QTest::keyClicks(values, u"203.0.113.30"_s);
    QTest::mouseClick(add->findChild<QPushButton*>(u"addButton"_s), Qt::LeftButton);
    QTRY_COMPARE(lists()->values().size(), 3);
    QTRY_COMPARE(lists()->model()->list(0).entries, 3);
    QCOMPARE(StoreFixture::wait(m_operator->riskListValues(u"card_testers"_s))->size(), 3);

    // the filter narrows; two picked and removed with Delete after a confirmation with the count
    auto* view = find<QListView>(u"valuesView"_s);
    QTest::keyClicks(find<QLineEdit>(u"valueFilterEdit"_s), u"203."_s);
    QCOMPARE(view->model()->rowCount(), 2);
    QVERIFY(find<QLabel>(u"valuesCount"_s)->text().startsWith(u"2 of 3"_s));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(0, 0)).center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      view->visualRect(view->model()->index(1, 0)).center());
    QVERIFY(find<QPushButton>(u"removeValuesButton"_s)->isEnabled());
    QString question;
    QApplication::setActiveWindow(m_page.get()); // offscreen: no window manager gives it back after a dialog
    view->setFocus();
    acceptNextConfirmation(&question);
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY2(question.contains(u"Remove 2 values from @card_testers"_s), qPrintable(question));
    QTRY_COMPARE(lists()->values(), QStringList{u"198.51.100.2"_s});
    QTRY_COMPARE(lists()->model()->list(0).entries, 1);

    // the rule editor now knows the list
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(0).center());
    typeRules(u"Block if :ip: in @card_testers"_s);
    QTRY_VERIFY(find<QPushButton>(u"saveButton"_s)->isEnabled());
    QVERIFY(rules()->issues().isEmpty());
}

void TestRiskPage::supportEditsListsAndReadsRules()
{
    const qint64 v = saveRules(u"Block if :amount: > 1000"_s, u"ops"_s);
    QVERIFY(StoreFixture::wait(m_operator->createRiskList(u"vip"_s, u"email"_s, {}, test::newKey())));
    auto support = as(auth::Role::Support, u"sam"_s);
    open(*support);
    QTRY_COMPARE(rules()->currentVersion(), v);
    QVERIFY(editor()->isReadOnly());
    QVERIFY(!find<QPushButton>(u"saveButton"_s)->isVisible());
    QVERIFY(!find<QLineEdit>(u"noteEdit"_s)->isVisible());
    QVERIFY(!find<QPushButton>(u"activateButton"_s)->isVisible());
    QVERIFY(!find<QPushButton>(u"shadowButton"_s)->isVisible());
    QTest::keyClicks(editor(), u"x"_s); // read-only: typing changes nothing
    QCOMPARE(editor()->toPlainText(), u"Block if :amount: > 1000"_s);

    auto* tabs = find<QTabWidget>(u"riskTabs"_s);
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
    QTRY_COMPARE(lists()->currentList(), u"vip"_s);
    QVERIFY(find<QPushButton>(u"newListButton"_s)->isVisible());
    QVERIFY(find<QPushButton>(u"addValuesButton"_s)->isVisible());
    QVERIFY(find<QPushButton>(u"removeValuesButton"_s)->isVisible());
    QTest::mouseClick(find<QPushButton>(u"addValuesButton"_s), Qt::LeftButton);
    AddValuesDialog* add = nullptr;
    QTRY_VERIFY((add = m_page->findChild<AddValuesDialog*>()) && add->isVisible());
    QTest::keyClicks(add->findChild<QPlainTextEdit*>(u"valuesEdit"_s), u"Ana@Example.com"_s);
    QTest::mouseClick(add->findChild<QPushButton*>(u"addButton"_s), Qt::LeftButton);
    QTRY_COMPARE(lists()->values(), QStringList{u"ana@example.com"_s});
}

/// Pictures of the page for a person to look at, in English and Chinese, light and dark: only when
/// SOUK_SCREENSHOT_DIR names a folder.
void TestRiskPage::screenshots()
{
    const QString dir = qEnvironmentVariable("SOUK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("SOUK_SCREENSHOT_DIR not set");
    const QPalette light = QApplication::palette();
    for (const QString& lang : {u"en"_s, u"zh_CN"_s}) { // an empty store: what to do first
        QVERIFY(souk::installTranslator(QLocale(lang)));
        open(*m_operator);
        QTRY_VERIFY(find<QLabel>(u"rulesEmptyHint"_s)->isVisible());
        QVERIFY(m_page->grab().save(u"%1/risk-empty-%2.png"_s.arg(dir, lang)));
        find<QTabWidget>(u"riskTabs"_s)->setCurrentIndex(1);
        QVERIFY(m_page->grab().save(u"%1/risk-lists-empty-%2.png"_s.arg(dir, lang)));
        m_listsTester.reset();
        m_rulesTester.reset();
        m_page.reset();
    }
    QVERIFY(StoreFixture::wait(m_operator->createRiskList(u"blocked_emails"_s, u"email"_s,
                                                          u"Customers who charged back as fraud"_s, test::newKey())));
    QVERIFY(StoreFixture::wait(m_operator->addRiskListValues(
        u"blocked_emails"_s, {u"mallory@example.com"_s, u"eve@example.net"_s}, test::newKey())));
    const qint64 v1 = saveRules(u"Block if :amount: > 1000"_s, u"first rules"_s);
    QVERIFY(StoreFixture::wait(m_operator->activateRuleSet(v1, test::newKey())));
    saveRules(u"Block if :email: in @blocked_emails\nBlock if :card_country: != :ip_country: and :amount: > 300\n"
              "Review if :card_payments_1h: >= 3"_s,
              u"card testing wave"_s);
    for (const QString& lang : {u"en"_s, u"zh_CN"_s}) {
        QVERIFY(souk::installTranslator(QLocale(lang)));
        for (const bool dark : {false, true}) {
            QApplication::setPalette(dark ? theme::darkPalette() : light);
            open(*m_operator);
            QTRY_COMPARE(rules()->model()->rowCount(), 2);
            clickRow(find<QTableView>(u"ruleSetsTable"_s), 0);
            typeRules(u"Block if :email: in @blocked_emails\nReview if :amount: > 'big'"_s);
            QTRY_VERIFY(find<QListWidget>(u"problemsList"_s)->isVisible());
            const QString suffix = lang + (dark ? u"-dark"_s : QString());
            QVERIFY(m_page->grab().save(u"%1/risk-rules-%2.png"_s.arg(dir, suffix)));
            auto* tabs = find<QTabWidget>(u"riskTabs"_s);
            tabs->setCurrentIndex(1);
            QTRY_COMPARE(lists()->values().size(), 2);
            QVERIFY(m_page->grab().save(u"%1/risk-lists-%2.png"_s.arg(dir, suffix)));
            if (!dark) { // the two dialogs, each showing what it says of a bad value
                QTest::mouseClick(find<QPushButton>(u"addValuesButton"_s), Qt::LeftButton);
                AddValuesDialog* add = nullptr;
                QTRY_VERIFY((add = m_page->findChild<AddValuesDialog*>()) && add->isVisible());
                auto* values = add->findChild<QPlainTextEdit*>(u"valuesEdit"_s);
                QTest::keyClicks(values, u"ana@example.com"_s);
                QTest::keyClick(values, Qt::Key_Return);
                QTest::keyClicks(values, u"not-an-email"_s);
                QTest::mouseClick(add->findChild<QPushButton*>(u"addButton"_s), Qt::LeftButton);
                QTRY_VERIFY(add->findChild<QLabel*>(u"valuesError"_s)->isVisible());
                QVERIFY(add->grab().save(u"%1/risk-add-values-%2.png"_s.arg(dir, suffix)));
                add->reject();
                QTest::mouseClick(find<QPushButton>(u"newListButton"_s), Qt::LeftButton);
                NewListDialog* dialog = nullptr;
                QTRY_VERIFY((dialog = m_page->findChild<NewListDialog*>()) && dialog->isVisible());
                QTest::keyClicks(dialog->findChild<QLineEdit*>(u"listNameEdit"_s), u"Blocked Emails"_s);
                QTest::mouseClick(dialog->findChild<QPushButton*>(u"createListButton"_s), Qt::LeftButton);
                QTRY_VERIFY(dialog->findChild<QLabel*>(u"nameError"_s)->isVisible());
                QVERIFY(dialog->grab().save(u"%1/risk-new-list-%2.png"_s.arg(dir, suffix)));
                dialog->reject();
            }
            m_listsTester.reset();
            m_rulesTester.reset();
            m_page.reset();
        }
    }
    QApplication::setPalette(light);
    QVERIFY(souk::installTranslator(QLocale(QLocale::English)));
}

} // namespace souk

QTEST_MAIN(souk::TestRiskPage)
#include "TestRiskPage.moc"
