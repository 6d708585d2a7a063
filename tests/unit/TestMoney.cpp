#include <QTest>

#include <limits>

#include "backend/core/Money.h"

using namespace Qt::StringLiterals;
using namespace souk;

class TestMoney final : public QObject
{
    Q_OBJECT

private slots:
    void exponents_data();
    void exponents();
    void tableIsComplete();
    void parse_data();
    void parse();
    void format_data();
    void format();
    void unknownCurrency();
    void split_data();
    void split();
    void allocate();
    void overflow();
    void mixedCurrencies();
    void rounding_data();
    void rounding();
    void scaledLargeAmount();
    void checkedOps_data();
    void checkedOps();
    void checkedSum();
    void checkedScale_data();
    void checkedScale();
    void negatedMoney();
};

void TestMoney::exponents_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("exponent");
    // ISO 4217 list one (minor unit column)
    QTest::addRow("JPY") << u"JPY"_s << 0;
    QTest::addRow("KRW") << u"KRW"_s << 0;
    QTest::addRow("VND") << u"VND"_s << 0;
    QTest::addRow("CLP") << u"CLP"_s << 0;
    QTest::addRow("XOF") << u"XOF"_s << 0;
    QTest::addRow("CNY") << u"CNY"_s << 2;
    QTest::addRow("USD") << u"USD"_s << 2;
    QTest::addRow("EUR") << u"EUR"_s << 2;
    QTest::addRow("KWD") << u"KWD"_s << 3;
    QTest::addRow("BHD") << u"BHD"_s << 3;
    QTest::addRow("JOD") << u"JOD"_s << 3;
    QTest::addRow("OMR") << u"OMR"_s << 3;
    QTest::addRow("TND") << u"TND"_s << 3;
    QTest::addRow("IQD") << u"IQD"_s << 3;
    QTest::addRow("LYD") << u"LYD"_s << 3;
    QTest::addRow("CLF") << u"CLF"_s << 4;
    QTest::addRow("UYW") << u"UYW"_s << 4;
}

void TestMoney::exponents()
{
    QFETCH(QString, code);
    QFETCH(int, exponent);
    auto currency = Currency::find(code);
    QVERIFY(currency);
    QCOMPARE(currency->exponent, exponent);
    // one major unit round-trips through the exponent
    auto one = Money::parse(u"1"_s, *currency, u"price"_s);
    QVERIFY(one);
    QCOMPARE(one->minor(), currency->minorPerMajor());
}

void TestMoney::tableIsComplete()
{
    const auto& all = Currency::all();
    QVERIFY2(all.size() >= 150, qPrintable(QString::number(all.size())));
    for (const auto& c : all) {
        QCOMPARE(c.code.size(), 3);
        QVERIFY(c.exponent >= 0 && c.exponent <= 4);
        QVERIFY(c.number > 0);
    }
}

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("minor");
    QTest::addRow("eur cents") << u"12.34"_s << u"EUR"_s << true << 1234LL;
    QTest::addRow("eur one decimal") << u"12.3"_s << u"EUR"_s << true << 1230LL;
    QTest::addRow("eur trailing zeros") << u"1.500"_s << u"EUR"_s << true << 150LL;
    QTest::addRow("eur too many decimals") << u"1.234"_s << u"EUR"_s << false << 0LL;
    QTest::addRow("jpy whole") << u"500"_s << u"JPY"_s << true << 500LL;
    QTest::addRow("jpy decimals refused") << u"5.5"_s << u"JPY"_s << false << 0LL;
    QTest::addRow("kwd three") << u"1.234"_s << u"KWD"_s << true << 1234LL;
    QTest::addRow("negative") << u"-0.05"_s << u"EUR"_s << true << -5LL;
    QTest::addRow("spaces trimmed") << u" 7 "_s << u"EUR"_s << true << 700LL;
    QTest::addRow("grouping refused") << u"1,000"_s << u"EUR"_s << false << 0LL;
    QTest::addRow("exponent refused") << u"1e3"_s << u"EUR"_s << false << 0LL;
    QTest::addRow("empty") << u""_s << u"EUR"_s << false << 0LL;
    QTest::addRow("lone dot") << u"."_s << u"EUR"_s << false << 0LL;
    QTest::addRow("two dots") << u"1.2.3"_s << u"EUR"_s << false << 0LL;
    QTest::addRow("max int64") << u"92233720368547758.07"_s << u"EUR"_s << true << 9223372036854775807LL;
    QTest::addRow("past int64") << u"92233720368547758.08"_s << u"EUR"_s << false << 0LL;
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(bool, ok);
    QFETCH(qint64, minor);
    auto result = Money::parse(text, *Currency::find(code), u"price"_s);
    QCOMPARE(result.ok(), ok);
    if (ok)
        QCOMPARE(result->minor(), minor);
    else
        QCOMPARE(result.error().field, u"price"_s);
}

void TestMoney::format_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("text");
    QTest::addRow("eur") << 123450LL << u"EUR"_s << u"1234.50"_s;
    QTest::addRow("eur cents only") << 5LL << u"EUR"_s << u"0.05"_s;
    QTest::addRow("jpy") << 1234LL << u"JPY"_s << u"1234"_s;
    QTest::addRow("kwd negative") << -125LL << u"KWD"_s << u"-0.125"_s;
    QTest::addRow("int64 min") << std::numeric_limits<qint64>::min() << u"EUR"_s << u"-92233720368547758.08"_s;
}

void TestMoney::format()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QString, text);
    QCOMPARE(Money(minor, *Currency::find(code)).toDecimalString(), text);
}

void TestMoney::unknownCurrency()
{
    auto m = Money::ofMinor(100, u"XXY"_s, u"currency"_s);
    QVERIFY(!m);
    QCOMPARE(m.error().code, ErrorCode::Invalid);
    QCOMPARE(m.error().field, u"currency"_s);
    QVERIFY(!Currency::find(u"eur"_s)); // codes are upper-case
}

void TestMoney::split_data()
{
    QTest::addColumn<qint64>("totalMinor");
    QTest::addColumn<int>("parts");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::addRow("even") << 900LL << 3 << QList<qint64>{300, 300, 300};
    QTest::addRow("remainder") << 1000LL << 3 << QList<qint64>{334, 333, 333}; // first part takes the cent
    QTest::addRow("negative") << -1000LL << 3 << QList<qint64>{-334, -333, -333};
    QTest::addRow("fewer cents than parts") << 2LL << 4 << QList<qint64>{1, 1, 0, 0};
    QTest::addRow("one part") << 7LL << 1 << QList<qint64>{7};
}

void TestMoney::split()
{
    QFETCH(qint64, totalMinor);
    QFETCH(int, parts);
    QFETCH(QList<qint64>, expected);
    auto result = Money(totalMinor, *Currency::find(u"EUR"_s)).split(parts);
    QVERIFY(result);
    QList<qint64> got;
    qint64 sum = 0;
    for (const auto& m : *result) {
        got.append(m.minor());
        sum += m.minor();
    }
    QCOMPARE(got, expected);
    QCOMPARE(sum, totalMinor);
}

void TestMoney::allocate()
{
    const Money total(10000, *Currency::find(u"USD"_s));
    auto parts = total.allocate({1, 1, 1});
    QVERIFY(parts);
    QCOMPARE(parts->at(0).minor() + parts->at(1).minor() + parts->at(2).minor(), 10000);
    auto ratio = total.allocate({70, 20, 10});
    QVERIFY(ratio);
    QCOMPARE(ratio->at(0).minor(), 7000);
    QCOMPARE(ratio->at(2).minor(), 1000);
    QVERIFY(!total.allocate({}));
    QVERIFY(!total.allocate({0, 0}));
    QVERIFY(!total.allocate({-1, 2}));
    QVERIFY(!total.split(0));
}

void TestMoney::overflow()
{
    const Currency eur = *Currency::find(u"EUR"_s);
    const Money big(std::numeric_limits<qint64>::max(), eur);
    auto sum = big.plus(Money(1, eur));
    QVERIFY(!sum);
    QCOMPARE(sum.error().code, ErrorCode::Overflow);
    QVERIFY(!Money(std::numeric_limits<qint64>::min(), eur).minus(Money(1, eur)));
    QVERIFY(!big.times(2));
    QVERIFY(big.times(1));
}

void TestMoney::mixedCurrencies()
{
    auto sum = Money(1, *Currency::find(u"EUR"_s)).plus(Money(1, *Currency::find(u"USD"_s)));
    QVERIFY(!sum);
    QCOMPARE(sum.error().field, u"currency"_s);
}

void TestMoney::rounding_data()
{
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<int>("mode");
    QTest::addColumn<qint64>("expected");
    QTest::addRow("half up .5") << 5LL << 2LL << int(Rounding::HalfUp) << 3LL;
    QTest::addRow("half up -.5") << -5LL << 2LL << int(Rounding::HalfUp) << -3LL;
    QTest::addRow("half even 2.5") << 5LL << 2LL << int(Rounding::HalfEven) << 2LL;
    QTest::addRow("half even 3.5") << 7LL << 2LL << int(Rounding::HalfEven) << 4LL;
    QTest::addRow("half even -2.5") << -5LL << 2LL << int(Rounding::HalfEven) << -2LL;
    QTest::addRow("toward zero") << 19LL << 10LL << int(Rounding::TowardZero) << 1LL;
    QTest::addRow("away from zero") << 11LL << 10LL << int(Rounding::AwayFromZero) << 2LL;
    QTest::addRow("negative denominator") << 7LL << -2LL << int(Rounding::HalfUp) << -4LL;
}

void TestMoney::rounding()
{
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(int, mode);
    QFETCH(qint64, expected);
    auto r = divideRounded(numerator, denominator, Rounding(mode));
    QVERIFY(r);
    QCOMPARE(*r, expected);
    QVERIFY(!divideRounded(1, 0, Rounding::HalfUp));
}

void TestMoney::scaledLargeAmount()
{
    // 10 % of an amount whose product with 11000 overflows int64 is still exact
    const Money big(4'000'000'000'000'000LL, *Currency::find(u"EUR"_s));
    auto plusTen = big.scaled(11000, 10000, Rounding::HalfUp);
    QVERIFY(plusTen);
    QCOMPARE(plusTen->minor(), 4'400'000'000'000'000LL);
    auto tooBig = Money(std::numeric_limits<qint64>::max(), big.currency()).scaled(2, 1, Rounding::HalfUp);
    QVERIFY(!tooBig);
    QCOMPARE(tooBig.error().code, ErrorCode::Overflow);
}

namespace {
constexpr qint64 Max = std::numeric_limits<qint64>::max();
constexpr qint64 Min = std::numeric_limits<qint64>::min();
enum Op
{
    Add,
    Sub,
    Mul,
    Negate
};
} // namespace

void TestMoney::checkedOps_data()
{
    // edges of two's complement int64: each operation one step inside and one step outside
    QTest::addColumn<int>("op");
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b"); // ignored by Negate
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");
    QTest::addRow("add small") << int(Add) << 1250LL << -250LL << true << 1000LL;
    QTest::addRow("add to max") << int(Add) << Max - 1 << 1LL << true << Max;
    QTest::addRow("add past max") << int(Add) << Max << 1LL << false << 0LL;
    QTest::addRow("add past min") << int(Add) << Min << -1LL << false << 0LL;
    QTest::addRow("add max and min") << int(Add) << Max << Min << true << -1LL;
    QTest::addRow("sub small") << int(Sub) << 1000LL << 1250LL << true << -250LL;
    QTest::addRow("sub to min") << int(Sub) << Min + 1 << 1LL << true << Min;
    QTest::addRow("sub past min") << int(Sub) << Min << 1LL << false << 0LL;
    QTest::addRow("sub min from zero") << int(Sub) << 0LL << Min << false << 0LL;
    QTest::addRow("sub min from -1") << int(Sub) << -1LL << Min << true << Max;
    QTest::addRow("mul quantity") << int(Mul) << 999LL << 3LL << true << 2997LL;
    QTest::addRow("mul negative") << int(Mul) << -999LL << 3LL << true << -2997LL;
    QTest::addRow("mul max by 1") << int(Mul) << Max << 1LL << true << Max;
    QTest::addRow("mul max by 2") << int(Mul) << Max << 2LL << false << 0LL;
    QTest::addRow("mul min by -1") << int(Mul) << Min << -1LL << false << 0LL;
    QTest::addRow("mul 10^12 by 10^7") << int(Mul) << 1'000'000'000'000LL << 10'000'000LL << false << 0LL;
    QTest::addRow("mul 10^12 by 10^6") << int(Mul) << 1'000'000'000'000LL << 1'000'000LL << true
                                       << 1'000'000'000'000'000'000LL;
    QTest::addRow("negate positive") << int(Negate) << 500LL << 0LL << true << -500LL;
    QTest::addRow("negate zero") << int(Negate) << 0LL << 0LL << true << 0LL;
    QTest::addRow("negate max") << int(Negate) << Max << 0LL << true << Min + 1;
    QTest::addRow("negate min") << int(Negate) << Min << 0LL << false << 0LL; // -INT64_MIN would be UB
}

void TestMoney::checkedOps()
{
    QFETCH(int, op);
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);
    const QString field = u"lines[3].quantity"_s;
    Result<qint64> r = qint64(0);
    switch (Op(op)) {
    case Add:
        r = checkedAdd(a, b, field);
        break;
    case Sub:
        r = checkedSub(a, b, field);
        break;
    case Mul:
        r = checkedMul(a, b, field);
        break;
    case Negate:
        r = checkedNegate(a, field);
        break;
    }
    QCOMPARE(bool(r), ok);
    if (ok) {
        QCOMPARE(*r, expected);
        return;
    }
    QCOMPARE(r.error().code, ErrorCode::Overflow);
    QCOMPARE(r.error().field, field); // the caller's field, so the user sees which input was too large
}

void TestMoney::checkedSum()
{
    auto sum = souk::checkedSum({100, 200, -50}, u"total"_s);
    QVERIFY(sum);
    QCOMPARE(*sum, 250);
    auto over = souk::checkedSum({Max, 1, -1}, u"total"_s); // a partial sum leaving int64 is refused
    QVERIFY(!over);
    QCOMPARE(over.error().code, ErrorCode::Overflow);
    QCOMPARE(over.error().field, u"total"_s);
    QCOMPARE(*souk::checkedSum({}, u"total"_s), 0);
}

void TestMoney::checkedScale_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");
    // 8.25 % of 1999 = 164.9175 -> 165
    QTest::addRow("tax") << 1999LL << 825LL << 10000LL << true << 165LL;
    // the product 10^18 * 825 does not fit int64, the quotient does
    QTest::addRow("tax on 10^18") << 1'000'000'000'000'000'000LL << 825LL << 10000LL << true
                                  << 82'500'000'000'000'000LL;
    QTest::addRow("doubling max") << Max << 2LL << 1LL << false << 0LL;
    QTest::addRow("min by -1") << Min << -1LL << 1LL << false << 0LL;
}

void TestMoney::checkedScale()
{
    QFETCH(qint64, a);
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);
    auto r = souk::checkedScale(a, numerator, denominator, Rounding::HalfUp, u"tax"_s);
    QCOMPARE(bool(r), ok);
    if (ok) {
        QCOMPARE(*r, expected);
        return;
    }
    QCOMPARE(r.error().code, ErrorCode::Overflow);
    QCOMPARE(r.error().field, u"tax"_s);
}

void TestMoney::negatedMoney()
{
    const Currency eur = *Currency::find(u"EUR"_s);
    auto minus = Money(1234, eur).negated();
    QVERIFY(minus);
    QCOMPARE(*minus, Money(-1234, eur));
    auto none = Money(Min, eur).negated();
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::Overflow);
    QCOMPARE(none.error().field, u"amount"_s);
}

QTEST_GUILESS_MAIN(TestMoney)
#include "TestMoney.moc"
