#include <QHash>
#include <QSet>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/// Runs the real soukctl binary on a store filled by `soukctl simulate` and checks what a script
/// would see of orders, payments and the ledger: exit codes, JSON on stdout, errors on stderr.
class TestSoukctlOrders final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void simulatedStorePassesCheck();
    void listsOrdersAsJson();
    void ordersShowTheirNumbers();
    void showsTimelineAndPayments();
    void ledgerBalancesPerCurrency();
    void payoutSettlesThenRefusesTwice();
    void maintainSendsWhatWaits();
    void badInput_data();
    void badInput();
    void sameSeedSameTraffic();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run soukctl(const QStringList& args);
    Run inStore(const QStringList& args) { return soukctl(QStringList{u"--store"_s, store()} + args); }
    QString store() const { return m_dir->filePath(u"shop.souk"_s); }
    QJsonArray orderRows(const QStringList& extra = {});
    std::unique_ptr<QTemporaryDir> m_dir;
    Run m_simulated;
};

void TestSoukctlOrders::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_simulated = inStore({u"simulate"_s, u"--orders"_s, u"200"_s, u"--seed"_s, u"7"_s});
    QVERIFY2(m_simulated.code == 0, qPrintable(m_simulated.err));
}

TestSoukctlOrders::Run TestSoukctlOrders::soukctl(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(SOUKCTL_PATH), args);
    if (!p.waitForFinished(120000))
        return {};
    QString err = QString::fromUtf8(p.readAllStandardError());
    if (p.exitStatus() == QProcess::CrashExit)
        err += u"\n(soukctl crashed)"_s;
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), err};
}

QJsonArray TestSoukctlOrders::orderRows(const QStringList& extra)
{
    const Run list = inStore(QStringList{u"orders"_s, u"list"_s, u"--json"_s, u"--limit"_s, u"1000"_s} + extra);
    if (list.code != 0)
        return {};
    return QJsonDocument::fromJson(list.out.toUtf8()).array();
}

void TestSoukctlOrders::simulatedStorePassesCheck()
{
    QVERIFY2(m_simulated.out.contains(u"orders created: 200"_s), qPrintable(m_simulated.out));
    QVERIFY(m_simulated.out.contains(u"unexpected failures: 0"_s));
    QVERIFY(m_simulated.err.contains(u"demo products"_s)); // the empty store got a catalog first
    const Run check = inStore({u"check"_s});
    QVERIFY2(check.code == 0, qPrintable(check.err));
    QVERIFY(check.out.startsWith(u"ok:"_s));
}

void TestSoukctlOrders::listsOrdersAsJson()
{
    const QJsonArray rows = orderRows();
    QCOMPARE(rows.size(), 200);
    QSet<QString> statuses;
    for (const QJsonValue& row : rows) {
        QVERIFY(row[u"id"_s].isString()); // ids travel as strings
        QVERIFY(row[u"totalMinor"_s].toInteger() > 0);
        statuses.insert(row[u"status"_s].toString());
    }
    // the traffic mix reaches paid, refunded, cancelled and unpaid orders
    for (const QString& s : {u"paid"_s, u"cancelled"_s, u"pending_payment"_s})
        QVERIFY2(statuses.contains(s), qPrintable(s));
    const QJsonArray paid = orderRows({u"--status"_s, u"paid"_s});
    QVERIFY(!paid.isEmpty());
    for (const QJsonValue& row : paid)
        QCOMPARE(row[u"status"_s].toString(), u"paid"_s);
    const Run three = inStore({u"orders"_s, u"list"_s, u"--json"_s, u"--limit"_s, u"3"_s});
    QCOMPARE(QJsonDocument::fromJson(three.out.toUtf8()).array().size(), 3);
    // an option given twice is a usage error naming it, not "the last one wins" (issue 11, section 7)
    const Run twice = inStore({u"orders"_s, u"list"_s, u"--limit"_s, u"1000"_s, u"--limit"_s, u"3"_s});
    QCOMPARE(twice.code, 2);
    QVERIFY2(twice.err.contains(u"--limit"_s), qPrintable(twice.err));
    // pages follow each other through the cursor printed on stderr, and --all streams them all
    const QString cursor = three.err.section(u"--after "_s, 1).section(u' ', 0, 0);
    QVERIFY2(!cursor.isEmpty(), qPrintable(three.err));
    const Run next = inStore({u"orders"_s, u"list"_s, u"--json"_s, u"--limit"_s, u"3"_s, u"--after"_s, cursor});
    const QJsonArray nextRows = QJsonDocument::fromJson(next.out.toUtf8()).array();
    QCOMPARE(nextRows.size(), 3);
    QCOMPARE(nextRows.first()[u"id"_s].toString(), rows.at(3)[u"id"_s].toString());
    const Run all = inStore({u"orders"_s, u"list"_s, u"--all"_s});
    QCOMPARE(all.code, 0);
    const QStringList lines = all.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), rows.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(QJsonDocument::fromJson(lines[i].toUtf8())[u"id"_s].toString(), rows.at(i)[u"id"_s].toString());
    const Run badCursor = inStore({u"orders"_s, u"list"_s, u"--after"_s, u"abc"_s});
    QCOMPARE(badCursor.code, 1);
    QVERIFY2(badCursor.err.contains(u"--after"_s), qPrintable(badCursor.err));
}

void TestSoukctlOrders::ordersShowTheirNumbers()
{
    // every order has its short number, #1001 up, the newest the highest; the id stays the key
    const QJsonArray rows = orderRows();
    QCOMPARE(rows.size(), 200);
    QSet<qint64> numbers;
    for (const QJsonValue& row : rows) {
        QVERIFY(row[u"number"_s].isDouble()); // a plain JSON number: small, unlike ids
        numbers.insert(row[u"number"_s].toInteger());
        QVERIFY(!row[u"customerName"_s].toString().isEmpty());
    }
    QCOMPARE(numbers.size(), rows.size());
    QCOMPARE(rows.first()[u"number"_s].toInteger(), 1200);
    QCOMPARE(rows.last()[u"number"_s].toInteger(), 1001);
    const QString newest = rows.first()[u"id"_s].toString();

    // text for people: the number first, then the id other commands take
    const Run list = inStore({u"orders"_s, u"list"_s, u"--limit"_s, u"3"_s});
    QCOMPARE(list.code, 0);
    QVERIFY2(list.out.startsWith(u"#1200\t"_s + newest + u'\t'), qPrintable(list.out));
    const Run show = inStore({u"orders"_s, u"show"_s, newest});
    QCOMPARE(show.code, 0);
    QVERIFY2(show.out.startsWith(u"order #1200 (id "_s + newest + u"): "_s), qPrintable(show.out));
    const Run json = inStore({u"orders"_s, u"show"_s, newest, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())[u"order"_s][u"number"_s].toInteger(), 1200);

    // and scripts find orders by it: exactly, by its end, by the customer's name
    const QJsonArray exact = orderRows({u"--search"_s, u"#1100"_s});
    QCOMPARE(exact.size(), 1);
    QCOMPARE(exact.first()[u"number"_s].toInteger(), 1100);
    const QJsonArray ending = orderRows({u"--search"_s, u"00"_s});
    QList<qint64> ends;
    for (const QJsonValue& row : ending)
        ends.append(row[u"number"_s].toInteger());
    QCOMPARE(ends, (QList<qint64>{1200, 1100}));
    const QString name = rows.first()[u"customerName"_s].toString();
    const QJsonArray byName = orderRows({u"--search"_s, name});
    QVERIFY(!byName.isEmpty());
    for (const QJsonValue& row : byName)
        QVERIFY2(row[u"customerName"_s].toString().contains(name), qPrintable(row[u"customerName"_s].toString()));
    QCOMPARE(byName.first()[u"id"_s].toString(), newest);
}

void TestSoukctlOrders::showsTimelineAndPayments()
{
    const QJsonArray rows = orderRows();
    QVERIFY(!rows.isEmpty());
    const Run first = inStore({u"orders"_s, u"show"_s, rows[0][u"id"_s].toString(), u"--json"_s});
    QCOMPARE(first.code, 0);
    const QJsonObject detail = QJsonDocument::fromJson(first.out.toUtf8()).object();
    QCOMPARE(detail[u"order"_s][u"id"_s].toString(), rows[0][u"id"_s].toString());
    QVERIFY(!detail[u"events"_s].toArray().isEmpty());
    QVERIFY(detail[u"payments"_s].isArray());
    QString captured;
    for (const QJsonValue& row : rows) {
        if (row[u"paymentState"_s].toString() == u"captured") {
            captured = row[u"id"_s].toString();
            break;
        }
    }
    QVERIFY(!captured.isEmpty());
    const Run paid = inStore({u"orders"_s, u"show"_s, captured, u"--json"_s});
    QCOMPARE(paid.code, 0);
    const QJsonObject d = QJsonDocument::fromJson(paid.out.toUtf8()).object();
    QVERIFY(!d[u"payments"_s].toArray().isEmpty());
    QStringList kinds;
    for (const QJsonValue& e : d[u"events"_s].toArray())
        kinds.append(e[u"kind"_s].toString());
    QVERIFY2(kinds.contains(u"payment.captured"_s), qPrintable(kinds.join(u", "_s)));
    QVERIFY(!paid.out.contains(u"4242424242424242"_s)); // the card number is never kept
}

void TestSoukctlOrders::ledgerBalancesPerCurrency()
{
    const Run run = inStore({u"ledger"_s, u"balances"_s, u"--json"_s});
    QCOMPARE(run.code, 0);
    const QJsonArray rows = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QVERIFY(rows.size() >= 3); // clearing, payable, commission at least
    QHash<QString, qint64> sums;
    for (const QJsonValue& row : rows)
        sums[row[u"currency"_s].toString()] += row[u"balanceMinor"_s].toInteger();
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        QVERIFY2(it.value() == 0, qPrintable(it.key() + u" sums to "_s + QString::number(it.value())));
}

void TestSoukctlOrders::payoutSettlesThenRefusesTwice()
{
    const Run first = inStore({u"ledger"_s, u"payout"_s});
    QVERIFY2(first.code == 0, qPrintable(first.err));
    QVERIFY(first.out.contains(u"paid out"_s));
    const Run balances = inStore({u"ledger"_s, u"balances"_s, u"--json"_s});
    for (const QJsonValue& row : QJsonDocument::fromJson(balances.out.toUtf8()).array()) {
        if (row[u"account"_s].toString() == u"merchant_payable"_s)
            QCOMPARE(row[u"balanceMinor"_s].toInteger(), 0); // settled
    }
    const Run again = inStore({u"ledger"_s, u"payout"_s});
    QCOMPARE(again.code, 1); // nothing left to pay: an invalid request, not a store failure
    QVERIFY2(again.err.contains(u"nothing to pay out"_s), qPrintable(again.err));
    QCOMPARE(inStore({u"check"_s}).code, 0);
}

void TestSoukctlOrders::maintainSendsWhatWaits()
{
    // what a script run from cron sees: a summary, nothing left for the provider, a sound store
    const Run maintain = inStore({u"maintain"_s});
    QVERIFY2(maintain.code == 0, qPrintable(maintain.err));
    QVERIFY2(maintain.out.contains(u"expired unpaid orders: 0"_s), qPrintable(maintain.out)); // none is 30 min old
    QVERIFY(maintain.out.contains(u"provider calls still waiting: 0"_s));
    const Run check = inStore({u"check"_s});
    QVERIFY2(check.code == 0, qPrintable(check.err));
    QVERIFY2(!check.err.contains(u"warning"_s), qPrintable(check.err)); // no dead letter to look at
    const Run outbox = inStore({u"outbox"_s, u"list"_s, u"--json"_s});
    QCOMPARE(outbox.code, 0);
    QCOMPARE(QJsonDocument::fromJson(outbox.out.toUtf8()).array().size(), 0);
    const Run dead = inStore({u"outbox"_s, u"list"_s, u"--dead"_s});
    QVERIFY2(dead.code == 0 && dead.out.contains(u"no provider call needs attention"_s), qPrintable(dead.out));
    const Run missing = soukctl({u"--store"_s, m_dir->filePath(u"none/x.souk"_s), u"maintain"_s});
    QCOMPARE(missing.code, 3);
}

void TestSoukctlOrders::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("unknown status") << QStringList{u"orders"_s, u"list"_s, u"--status"_s, u"nonsense"_s} << 1
                                    << u"pending_payment, paid"_s;
    QTest::addRow("unknown payment state")
        << QStringList{u"orders"_s, u"list"_s, u"--payment"_s, u"x"_s} << 1 << u"[--payment]"_s;
    QTest::addRow("limit zero") << QStringList{u"orders"_s, u"list"_s, u"--limit"_s, u"0"_s} << 1 << u"[--limit]"_s;
    QTest::addRow("unknown order") << QStringList{u"orders"_s, u"show"_s, u"999"_s} << 1 << u"not_found"_s;
    QTest::addRow("malformed id") << QStringList{u"orders"_s, u"show"_s, u"abc"_s} << 1 << u"[ID]"_s;
    QTest::addRow("show without id") << QStringList{u"orders"_s, u"show"_s} << 2 << u"usage"_s;
    QTest::addRow("orders without verb") << QStringList{u"orders"_s} << 2 << u"list or show"_s;
    QTest::addRow("simulate without count") << QStringList{u"simulate"_s} << 2 << u"--orders N"_s;
    QTest::addRow("simulate zero orders") << QStringList{u"simulate"_s, u"--orders"_s, u"0"_s} << 1 << u"[--orders]"_s;
    QTest::addRow("negative rate") << QStringList{u"simulate"_s, u"--orders"_s, u"5"_s, u"--rate"_s, u"-1"_s} << 1
                                   << u"[--rate]"_s;
    QTest::addRow("ledger without verb") << QStringList{u"ledger"_s} << 2 << u"ledger balances"_s;
    QTest::addRow("maintain with a word") << QStringList{u"maintain"_s, u"now"_s} << 2 << u"usage"_s;
    QTest::addRow("outbox without verb") << QStringList{u"outbox"_s} << 2 << u"outbox list"_s;
    QTest::addRow("outbox unknown verb") << QStringList{u"outbox"_s, u"flush"_s} << 2 << u"outbox list"_s;
    QTest::addRow("search too long") << QStringList{u"orders"_s, u"list"_s, u"--search"_s, QString(201, u'x')} << 1
                                     << u"[--search]"_s;
    QTest::addRow("malformed cursor") << QStringList{u"orders"_s, u"list"_s, u"--after"_s, u"-5"_s} << 1 << u"[--after]"_s;
}

void TestSoukctlOrders::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Run run = inStore(args);
    QCOMPARE(run.code, code);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestSoukctlOrders::sameSeedSameTraffic()
{
    const QString other = m_dir->filePath(u"other.souk"_s);
    const Run again = soukctl({u"--store"_s, other, u"simulate"_s, u"--orders"_s, u"200"_s, u"--seed"_s, u"7"_s});
    QCOMPARE(again.code, 0);
    const auto counters = [](const QString& out) {
        QStringList lines = out.split(u'\n');
        lines.removeIf([](const QString& l) { return l.startsWith(u"elapsed"_s); }); // time differs
        return lines;
    };
    QCOMPARE(counters(again.out), counters(m_simulated.out));
}

QTEST_GUILESS_MAIN(TestSoukctlOrders)
#include "TestSoukctlOrders.moc"
