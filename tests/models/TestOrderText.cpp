#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

#include "models/orders/OrderText.h"
#include "translations/Translator.h"

using namespace Qt::StringLiterals;

namespace souk {

/// What the order detail shows for the engine's codes: ledger entry kinds, actors, a dispute's
/// reason in its timeline event, delivery addresses; in English and in Chinese.
class TestOrderText final : public QObject
{
    Q_OBJECT
private slots:
    void ledgerEntry_data();
    void ledgerEntry();
    void actor_data();
    void actor();
    void eventDetail_data();
    void eventDetail();
    void address_data();
    void address();
    void chineseHasEveryWord();
};

void TestOrderText::ledgerEntry_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    // the kinds backend/payments posts
    QTest::addRow("capture") << u"capture"_s << u"Capture"_s;
    QTest::addRow("refund") << u"refund"_s << u"Refund"_s;
    QTest::addRow("dispute_lost") << u"dispute_lost"_s << u"Dispute lost"_s;
    QTest::addRow("payout") << u"payout"_s << u"Payout"_s;
    QTest::addRow("reversal") << u"reversal"_s << u"Reversal"_s;
    QTest::addRow("unknown: as it is") << u"adjustment"_s << u"adjustment"_s;
}

void TestOrderText::ledgerEntry()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QCOMPARE(OrderText::ledgerEntry(kind), expected);
}

void TestOrderText::actor_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("expected");
    QTest::addRow("the engine") << u"system/system"_s << u"System"_s;
    // the console's own actor: a role, which reads in the user's language
    QTest::addRow("a user named after the role") << u"owner/owner"_s << u"Owner"_s;
    QTest::addRow("the demo traffic") << u"simulator/operator"_s << u"Simulator (Operator)"_s;
    QTest::addRow("a user and a role") << u"alice/support"_s << u"alice (Support)"_s;
    QTest::addRow("the command line") << u"cli/operator"_s << u"Command line (Operator)"_s;
    QTest::addRow("a role not known") << u"bo/auditor"_s << u"bo (auditor)"_s;
    QTest::addRow("not user/role") << u"import"_s << u"import"_s;
    QTest::addRow("no role") << u"ana/"_s << u"ana/"_s;
    QTest::addRow("empty") << QString() << QString();
}

void TestOrderText::actor()
{
    QFETCH(QString, actor);
    QFETCH(QString, expected);
    QCOMPARE(OrderText::actor(actor), expected);
}

void TestOrderText::eventDetail_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("expected");
    QTest::addRow("dispute reason code") << u"dispute.opened"_s << u"fraudulent"_s << u"Fraudulent payment"_s;
    QTest::addRow("dispute without a reason") << u"dispute.opened"_s << u"unspecified"_s << u"No reason given"_s;
    QTest::addRow("dispute reason not known") << u"dispute.opened"_s << u"other"_s << u"other"_s;
    QTest::addRow("engine note") << u"status"_s << u"order placed"_s << u"order placed"_s;
    QTest::addRow("decline") << u"payment.failed"_s << u"visa •••• 0119 declined: insufficient_funds"_s
                             << u"visa •••• 0119 – Insufficient funds"_s;
    QTest::addRow("risk assessment") << u"risk.review"_s
                                     << u"held for review by rule 2: Review if :amount: > 500; rule set v3"_s
                                     << u"Rule 2: Review if :amount: > 500; rule set v3"_s;
    // what a person typed stays as typed, even when it looks like a code
    QTest::addRow("refund reason") << u"refund"_s << u"fraudulent"_s << u"fraudulent"_s;
}

void TestOrderText::eventDetail()
{
    QFETCH(QString, kind);
    QFETCH(QString, detail);
    QFETCH(QString, expected);
    QCOMPARE(OrderText::eventDetail(kind, detail), expected);
}

void TestOrderText::address_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("postcode");
    QTest::addColumn<QString>("expected");
    QTest::addRow("labelled") << u"home"_s << u"1000"_s << u"Home: Rua 1, 1000 Lisboa, PT"_s;
    QTest::addRow("own label") << u"Mum's"_s << u"1000"_s << u"Mum's: Rua 1, 1000 Lisboa, PT"_s;
    QTest::addRow("no label, no postcode") << QString() << QString() << u"Rua 1, Lisboa, PT"_s;
}

void TestOrderText::address()
{
    QFETCH(QString, label);
    QFETCH(QString, postcode);
    QFETCH(QString, expected);
    const orders::Address a{{}, label, u"Rua 1"_s, u"Lisboa"_s, postcode, u"PT"_s, 0, 0};
    QCOMPARE(OrderText::address(a), expected);
}

void TestOrderText::chineseHasEveryWord()
{
    QTranslator zh;
    QVERIFY(loadTranslation(zh, QLocale(QLocale::Chinese, QLocale::China)));
    QCoreApplication::installTranslator(&zh);
    for (const QString& kind : {u"capture"_s, u"refund"_s, u"dispute_lost"_s, u"payout"_s, u"reversal"_s}) {
        const QString text = OrderText::ledgerEntry(kind);
        QVERIFY2(!text.isEmpty() && !text.contains(u'_') && text.front().unicode() > 0x2e80, qPrintable(text));
    }
    QCOMPARE(OrderText::actor(u"system/system"_s), u"系统"_s);
    QCOMPARE(OrderText::actor(u"owner/owner"_s), u"店主"_s); // the console's actor is its role
    QVERIFY(OrderText::actor(u"simulator/simulator"_s).front().unicode() > 0x2e80);
    QCOMPARE(OrderText::actor(u"alice/support"_s), u"alice（客服）"_s);
    QCOMPARE(OrderText::eventDetail(u"dispute.opened"_s, u"fraudulent"_s), u"欺诈交易"_s);
    const orders::Address a{{}, u"home"_s, u"Rua 1"_s, u"Lisboa"_s, u"1000"_s, u"PT"_s, 0, 0};
    QCOMPARE(OrderText::address(a), u"家：Rua 1, 1000 Lisboa, PT"_s);
    QCoreApplication::removeTranslator(&zh);
}

} // namespace souk

QTEST_GUILESS_MAIN(souk::TestOrderText)
#include "TestOrderText.moc"
