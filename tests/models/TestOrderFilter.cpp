#include <QDateTime>
#include <QTest>

#include "models/orders/OrderFilter.h"

using namespace Qt::StringLiterals;

namespace souk {

/// The order filter's date bounds (presets and a custom range, by local days), the rule for
/// which currency typed totals are read in, and what a search text matches (the engine's rule).
class TestOrderFilter final : public QObject
{
    Q_OBJECT
private slots:
    void lastDaysStartAtMidnight_data();
    void lastDaysStartAtMidnight();
    void dateRangeCoversWholeDays();
    void dateRangeEndingBeforeItStartsIsRefused();
    void amountCurrency_data();
    void amountCurrency();
    void searchMatches_data();
    void searchMatches();
};

namespace {

using Currencies = QHash<qint64, Currency>; ///< by merchant id

qint64 localMs(QDate day, QTime time = QTime(0, 0))
{
    return QDateTime(day, time).toMSecsSinceEpoch();
}

Currency currency(const char* code)
{
    return *Currency::find(QString::fromLatin1(code));
}

} // namespace

void TestOrderFilter::lastDaysStartAtMidnight_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<std::optional<qint64>>("fromMs");
    const QDate today(2026, 3, 10);
    QTest::addRow("any time") << 0 << std::optional<qint64>();
    QTest::addRow("today") << 1 << std::optional<qint64>(localMs(today));
    QTest::addRow("last 7 days") << 7 << std::optional<qint64>(localMs(QDate(2026, 3, 4)));
    QTest::addRow("last 30 days") << 30 << std::optional<qint64>(localMs(QDate(2026, 2, 9)));
}

void TestOrderFilter::lastDaysStartAtMidnight()
{
    QFETCH(int, days);
    QFETCH(std::optional<qint64>, fromMs);
    OrderFilter f;
    QVERIFY(f.setDateRange(QDate(2026, 1, 1), QDate(2026, 1, 2))); // a preset replaces a range
    f.setLastDays(days, QDate(2026, 3, 10));
    QCOMPARE(f.fromMs, fromMs);
    QVERIFY(!f.toMs);
}

void TestOrderFilter::dateRangeCoversWholeDays()
{
    OrderFilter f;
    QVERIFY(f.setDateRange(QDate(2026, 3, 4), QDate(2026, 3, 10)));
    QCOMPARE(f.fromMs, std::optional<qint64>(localMs(QDate(2026, 3, 4))));
    // toMs is exclusive: the last day counts to its end
    QCOMPARE(f.toMs, std::optional<qint64>(localMs(QDate(2026, 3, 11))));
    // one day: from its start to the next day's
    QVERIFY(f.setDateRange(QDate(2026, 3, 10), QDate(2026, 3, 10)));
    QCOMPARE(*f.toMs - *f.fromMs, localMs(QDate(2026, 3, 11)) - localMs(QDate(2026, 3, 10)));

    // and an order placed at the last day's evening matches, one of the next morning does not
    orders::Order evening;
    evening.id = IdGenerator::firstIdAt(localMs(QDate(2026, 3, 10), QTime(23, 59)));
    orders::Order nextMorning;
    nextMorning.id = IdGenerator::firstIdAt(localMs(QDate(2026, 3, 11), QTime(0, 1)));
    QVERIFY(f.matches(evening));
    QVERIFY(!f.matches(nextMorning));
}

void TestOrderFilter::dateRangeEndingBeforeItStartsIsRefused()
{
    OrderFilter f;
    f.setLastDays(7, QDate(2026, 3, 10));
    const OrderFilter before = f;
    QVERIFY(!f.setDateRange(QDate(2026, 3, 10), QDate(2026, 3, 9)));
    QCOMPARE(f, before); // left as it was
    QVERIFY(!f.setDateRange(QDate(), QDate(2026, 3, 9)));
    QCOMPARE(f, before);
}

void TestOrderFilter::amountCurrency_data()
{
    QTest::addColumn<Currencies>("currencies");
    QTest::addColumn<qint64>("merchant");
    QTest::addColumn<QString>("expected"); // empty: none

    const Currencies mixed{{1, currency("EUR")}, {2, currency("CNY")}};
    const Currencies shared{{1, currency("EUR")}, {2, currency("EUR")}};
    QTest::addRow("one merchant") << mixed << qint64(2) << u"CNY"_s;
    QTest::addRow("a merchant not known") << mixed << qint64(3) << QString();
    QTest::addRow("all, mixed currencies") << mixed << qint64(0) << QString();
    QTest::addRow("all, one currency") << shared << qint64(0) << u"EUR"_s;
    QTest::addRow("all, not read yet") << Currencies() << qint64(0) << QString();
}

void TestOrderFilter::amountCurrency()
{
    QFETCH(Currencies, currencies);
    QFETCH(qint64, merchant);
    QFETCH(QString, expected);
    const std::optional<Currency> c = OrderFilter::amountCurrency(currencies, Id{merchant});
    QCOMPARE(c ? c->code : QString(), expected);
}

void TestOrderFilter::searchMatches_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<bool>("ana");  ///< #1042 of Ana Lima, paid by a card ending 4242
    QTest::addColumn<bool>("wang"); ///< #1007 of 王小明

    QTest::addRow("nothing typed") << u"  "_s << true << true;
    QTest::addRow("end of a number") << u"42"_s << true << false;
    QTest::addRow("end of a number, leading zero") << u"042"_s << true << false;
    QTest::addRow("a zero the number does not have") << u"0042"_s << false << false; // 1042 has 4 digits
    QTest::addRow("whole number") << u"1042"_s << true << false;
    QTest::addRow("number, exactly") << u"#1042"_s << true << false;
    QTest::addRow("number, exactly, only its end") << u"#42"_s << false << false;
    QTest::addRow("number, one digit") << u"7"_s << false << true;
    QTest::addRow("card's last 4") << u"4242"_s << true << false;
    QTest::addRow("whole id") << u"360123456789012345"_s << true << false;
    QTest::addRow("end of the id, 6 digits") << u"012345"_s << true << false;
    QTest::addRow("end of the id, 5 digits: a number's end") << u"12345"_s << false << false;
    QTest::addRow("email") << u"ana.lima@example.com"_s << true << false;
    QTest::addRow("email in capitals") << u"ANA.LIMA@example.com"_s << true << false;
    QTest::addRow("start of an email") << u"ana.l"_s << true << false;
    QTest::addRow("part of a name") << u"lim"_s << true << false;
    QTest::addRow("name, other case") << u"ANA LIMA"_s << true << false;
    QTest::addRow("Chinese family name") << u"王"_s << false << true;
    QTest::addRow("Chinese given name") << u"小明"_s << false << true;
    QTest::addRow("no such name") << u"xyz"_s << false << false;
}

void TestOrderFilter::searchMatches()
{
    QFETCH(QString, search);
    QFETCH(bool, ana);
    QFETCH(bool, wang);
    orders::Order a;
    a.id = Id{360123456789012345};
    a.number = 1042;
    a.customerEmail = u"ana.lima@example.com"_s;
    a.customerName = u"Ana Lima"_s;
    a.cardLast4 = u"4242"_s;
    orders::Order w;
    w.id = Id{360123456789099999};
    w.number = 1007;
    w.customerEmail = u"wang@example.com"_s;
    w.customerName = u"王小明"_s;
    OrderFilter f;
    f.search = search;
    QCOMPARE(f.matches(a), ana);
    QCOMPARE(f.matches(w), wang);
}

} // namespace souk

QTEST_GUILESS_MAIN(souk::TestOrderFilter)
#include "TestOrderFilter.moc"
