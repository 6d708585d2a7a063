#include <QBuffer>
#include <QMap>
#include <QTest>

#include "backend/risk/history/FraudSimulator.h"
#include "backend/risk/history/HistoryCsv.h"
#include "backend/risk/history/HistoryTime.h"

using namespace Qt::StringLiterals;
using namespace souk::risk;

/// The history CSV of issue "Risk" §2 and every bad input of §8: each refused file names the line,
/// the column and what was wrong, and gives back no rows at all.
class TestHistoryCsv final : public QObject
{
    Q_OBJECT

private slots:
    void readsAGoodFileSortedByTime();
    void times_data();
    void times();
    void refusesBadValues_data();
    void refusesBadValues();
    void namesTheLineOfALaterRow();
    void refusesBadHeaders_data();
    void refusesBadHeaders();
    void toleratesBomAndCrlf();
    void reportsUnreadableLines();
    void capsTheProblemList();
    void listsARowsProblemsInColumnOrder();
    void problemBecomesError();
    void readsOptionalColumns();
    void refusesBadOptionalValues_data();
    void refusesBadOptionalValues();
    void readsFromADevice();
    void roundTripsWhatItWrites();
    void largeFilesNameTheSameLines();

private:
    using Row = QMap<QString, QString>;
    /// A valid row; `changes` replaces cells by column name.
    static QStringList row(const Row& changes = {}, const QStringList& columns = HistoryCsv::requiredColumns())
    {
        static const Row good{
            {u"created_at"_s, u"2026-03-01T12:30:00Z"_s},
            {u"amount"_s, u"20.00"_s},
            {u"currency"_s, u"EUR"_s},
            {u"outcome"_s, u"approved"_s},
            {u"card_fingerprint"_s, u"fp1"_s},
            {u"card_brand"_s, u"visa"_s},
            {u"card_country"_s, u"FR"_s},
            {u"email"_s, u"a@example.com"_s},
            {u"ip"_s, u"81.2.3.4"_s},
            {u"ip_country"_s, u"FR"_s},
            {u"device_id"_s, u"dev1"_s},
            {u"customer_id"_s, u"c1"_s},
            {u"shipping_country"_s, u"FR"_s},
            {u"refunded_amount"_s, u"0"_s},
            {u"disputed"_s, u"false"_s},
            {u"dispute_reason"_s, QString()},
            {u"fraud"_s, QString()},
        };
        QStringList cells;
        for (const QString& column : columns)
            cells << changes.value(column, good.value(column));
        return cells;
    }
    static QByteArray file(const QList<QStringList>& rows, const QStringList& columns = HistoryCsv::requiredColumns())
    {
        QByteArray out = columns.join(u',').toUtf8() + '\n';
        for (const QStringList& cells : rows)
            out += cells.join(u',').toUtf8() + '\n';
        return out;
    }
    static QString first(const HistoryParse& parse)
    {
        return parse.problems.isEmpty() ? u"(no problem)"_s : parse.problems.front().toString();
    }
};

void TestHistoryCsv::readsAGoodFileSortedByTime()
{
    const HistoryParse parse = HistoryCsv::parse(file({
        row({{u"created_at"_s, u"2026-03-02T00:00:00Z"_s}, {u"customer_id"_s, u"late"_s}}),
        row({{u"created_at"_s, u"2026-03-01T00:00:00Z"_s},
             {u"customer_id"_s, u"early"_s},
             {u"amount"_s, u"1500"_s},
             {u"currency"_s, u"JPY"_s},
             {u"fraud"_s, u"TRUE"_s},
             {u"disputed"_s, u"True"_s},
             {u"dispute_reason"_s, u"fraudulent"_s}}),
        row({{u"created_at"_s, u"2026-03-02T00:00:00Z"_s},
             {u"customer_id"_s, u"late2"_s},
             {u"outcome"_s, u"declined"_s},
             {u"fraud"_s, u"false"_s},
             {u"refunded_amount"_s, QString()}}),
    }));
    QVERIFY2(parse.ok(), qPrintable(first(parse)));
    const auto& p = parse.file.payments;
    QCOMPARE(p.size(), size_t(3));
    QCOMPARE(p[0].customerId, u"early"_s);
    QCOMPARE(p[1].customerId, u"late"_s); // same time: file order kept
    QCOMPARE(p[2].customerId, u"late2"_s);
    QCOMPARE(p[0].amount.minor(), 1500);
    QCOMPARE(p[0].amount.currency().code, u"JPY"_s);
    QCOMPARE(p[0].fraud, std::optional<bool>(true));
    QVERIFY(p[0].disputed);
    QCOMPARE(p[1].amount.minor(), 2000);
    QCOMPARE(p[1].createdMs, *parseHistoryTime(u"2026-03-02"));
    QVERIFY(p[1].approved);
    QCOMPARE(p[1].fraud, std::nullopt);
    QVERIFY(!p[2].approved);
    QCOMPARE(p[2].fraud, std::optional<bool>(false));
    QCOMPARE(p[2].refundedMinor, 0);
    QCOMPARE(parse.file.columns, HistoryCsv::requiredColumns());
}

void TestHistoryCsv::times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");  // -1: refused
    const qint64 noon = 1'772'368'200'000; // 2026-03-01T12:30:00Z
    QTest::newRow("Z") << u"2026-03-01T12:30:00Z"_s << noon;
    QTest::newRow("offset") << u"2026-03-01T13:30:00+01:00"_s << noon;
    QTest::newRow("offset without colon") << u"2026-03-01T07:00:00-0530"_s << noon;
    QTest::newRow("no offset is UTC") << u"2026-03-01 12:30:00"_s << noon;
    QTest::newRow("no seconds") << u"2026-03-01T12:30"_s << noon;
    QTest::newRow("fraction truncated") << u"2026-03-01T12:30:00.2509Z"_s << noon + 250;
    QTest::newRow("date only") << u"2026-03-01"_s << noon - 45'000'000;
    QTest::newRow("leap day") << u"2028-02-29"_s << qint64(1'835'395'200'000);
    QTest::newRow("month 13") << u"2026-13-01"_s << qint64(-1);
    QTest::newRow("no leap day") << u"2027-02-29"_s << qint64(-1);
    QTest::newRow("hour 24") << u"2026-03-01T24:00:00Z"_s << qint64(-1);
    QTest::newRow("leap second") << u"2026-03-01T23:59:60Z"_s << qint64(-1);
    QTest::newRow("before 1970") << u"1969-12-31T23:00:00Z"_s << qint64(-1);
    QTest::newRow("offset before 1970") << u"1970-01-01T00:30:00+01:00"_s << qint64(-1);
    QTest::newRow("day first") << u"01/03/2026"_s << qint64(-1);
    QTest::newRow("trailing text") << u"2026-03-01T12:30:00Zx"_s << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestHistoryCsv::times()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const auto ms = parseHistoryTime(text);
    QCOMPARE(ms.value_or(-1), expected);
    if (ms)
        QCOMPARE(parseHistoryTime(formatHistoryTime(*ms)), ms);
}

void TestHistoryCsv::refusesBadValues_data()
{
    QTest::addColumn<Row>("changes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bad date") << Row{{u"created_at"_s, u"2026-13-01"_s}}
                              << u"line 2, created_at: '2026-13-01' is not an ISO 8601 date-time"_s;
    QTest::newRow("no date") << Row{{u"created_at"_s, QString()}} << u"line 2, created_at: a date-time is required"_s;
    QTest::newRow("too many decimals") << Row{{u"amount"_s, u"12.345"_s}}
                                       << u"line 2, amount: 12.345 has more decimals than EUR allows (2)"_s;
    QTest::newRow("decimals in yen") << Row{{u"amount"_s, u"1200.5"_s}, {u"currency"_s, u"JPY"_s}}
                                     << u"line 2, amount: 1200.5 has more decimals than JPY allows (0)"_s;
    QTest::newRow("negative") << Row{{u"amount"_s, u"-5.00"_s}} << u"line 2, amount: -5.00 must not be negative"_s;
    QTest::newRow("beyond int64") << Row{{u"amount"_s, u"99999999999999999999"_s}}
                                  << u"line 2, amount: '99999999999999999999' is too large"_s;
    QTest::newRow("beyond the cap") << Row{{u"amount"_s, u"20000000000.00"_s}}
                                    << u"line 2, amount: 20000000000.00 is more than the largest accepted "
                                       u"(10000000000.00 EUR)"_s;
    QTest::newRow("grouping") << Row{{u"amount"_s, u"1 200.00"_s}}
                              << u"line 2, amount: '1 200.00' is not an amount (digits and a decimal point)"_s;
    QTest::newRow("no amount") << Row{{u"amount"_s, QString()}} << u"line 2, amount: an amount is required"_s;
    QTest::newRow("unknown currency") << Row{{u"currency"_s, u"EUX"_s}}
                                      << u"line 2, currency: 'EUX' is not an ISO 4217 currency"_s;
    QTest::newRow("lower-case currency") << Row{{u"currency"_s, u"eur"_s}}
                                         << u"line 2, currency: 'eur' is not an ISO 4217 currency"_s;
    QTest::newRow("outcome") << Row{{u"outcome"_s, u"ok"_s}} << u"line 2, outcome: 'ok' must be approved or declined"_s;
    QTest::newRow("disputed yes") << Row{{u"disputed"_s, u"yes"_s}}
                                  << u"line 2, disputed: 'yes' must be true or false"_s;
    QTest::newRow("disputed empty") << Row{{u"disputed"_s, QString()}}
                                    << u"line 2, disputed: '' must be true or false"_s;
    QTest::newRow("fraud 1") << Row{{u"fraud"_s, u"1"_s}} << u"line 2, fraud: '1' must be true, false or empty"_s;
    QTest::newRow("card country lower") << Row{{u"card_country"_s, u"fr"_s}}
                                        << u"line 2, card_country: 'fr' is not a country code (two capital letters, "
                                           u"ISO 3166-1)"_s;
    QTest::newRow("ip country alpha-3") << Row{{u"ip_country"_s, u"FRA"_s}}
                                        << u"line 2, ip_country: 'FRA' is not a country code (two capital letters, "
                                           u"ISO 3166-1)"_s;
    QTest::newRow("shipping country digit") << Row{{u"shipping_country"_s, u"F1"_s}}
                                            << u"line 2, shipping_country: 'F1' is not a country code (two capital "
                                               u"letters, ISO 3166-1)"_s;
    QTest::newRow("refund over amount") << Row{{u"refunded_amount"_s, u"30.00"_s}}
                                        << u"line 2, refunded_amount: 30.00 is more than the amount 20.00"_s;
    QTest::newRow("refund decimals") << Row{{u"refunded_amount"_s, u"1.234"_s}}
                                     << u"line 2, refunded_amount: 1.234 has more decimals than EUR allows (2)"_s;
    QTest::newRow("refund negative") << Row{{u"refunded_amount"_s, u"-1"_s}}
                                     << u"line 2, refunded_amount: -1 must not be negative"_s;
    QTest::newRow("declined refunded") << Row{{u"outcome"_s, u"declined"_s}, {u"refunded_amount"_s, u"5"_s}}
                                       << u"line 2, refunded_amount: a declined payment cannot be refunded"_s;
    QTest::newRow("declined disputed") << Row{{u"outcome"_s, u"declined"_s}, {u"disputed"_s, u"true"_s}}
                                       << u"line 2, disputed: a declined payment cannot be disputed"_s;
    QTest::newRow("reason, not disputed")
        << Row{{u"dispute_reason"_s, u"fraudulent"_s}} << u"line 2, dispute_reason: is given but disputed is false"_s;
    QTest::newRow("email") << Row{{u"email"_s, u"not-an-email"_s}}
                           << u"line 2, email: 'not-an-email' is not an email address"_s;
    QTest::newRow("ip") << Row{{u"ip"_s, u"1.2.3"_s}} << u"line 2, ip: '1.2.3' is not an IP address"_s;
    QTest::newRow("ip octet") << Row{{u"ip"_s, u"1.2.3.256"_s}} << u"line 2, ip: '1.2.3.256' is not an IP address"_s;
    QTest::newRow("long text") << Row{{u"device_id"_s, QString(300, u'd')}}
                               << u"line 2, device_id: is longer than 256 characters"_s;
}

void TestHistoryCsv::refusesBadValues()
{
    QFETCH(Row, changes);
    QFETCH(QString, expected);
    const HistoryParse parse = HistoryCsv::parse(file({row(changes), row(), row()}));
    QVERIFY(!parse.ok());
    QCOMPARE(first(parse), expected);
    QCOMPARE(parse.problemsTotal, 1);
    QVERIFY(parse.file.payments.empty()); // all or nothing
}

void TestHistoryCsv::namesTheLineOfALaterRow()
{
    QList<QStringList> rows(20, row());
    rows[12] = row({{u"created_at"_s, u"2026-13-01"_s}});
    rows[17] = row({{u"amount"_s, u"12.345"_s}});
    const HistoryParse parse = HistoryCsv::parse(file(rows));
    QCOMPARE(parse.problemsTotal, 2);
    QCOMPARE(parse.problems[0].toString(), u"line 14, created_at: '2026-13-01' is not an ISO 8601 date-time"_s);
    QCOMPARE(parse.problems[1].line, 19);
    QCOMPARE(parse.problems[1].column, u"amount"_s);
    QVERIFY(parse.file.payments.empty());
}

void TestHistoryCsv::refusesBadHeaders_data()
{
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QStringList>("expected");
    QStringList missing = HistoryCsv::requiredColumns();
    missing.removeOne(u"currency"_s);
    QTest::newRow("missing") << missing << QStringList{u"line 1, currency: missing required column"_s};
    QStringList typo = HistoryCsv::requiredColumns();
    typo.replace(1, u"amout"_s);
    QTest::newRow("typo") << typo
                          << QStringList{u"line 1, amout: unknown column; did you mean 'amount'?"_s,
                                         u"line 1, amount: missing required column"_s};
    QStringList unknown = HistoryCsv::requiredColumns();
    unknown << u"colour"_s;
    QTest::newRow("unknown") << unknown << QStringList{u"line 1, colour: unknown column"_s};
    QStringList twice = HistoryCsv::requiredColumns();
    twice << u"email"_s;
    QTest::newRow("duplicate") << twice << QStringList{u"line 1, email: the column appears twice (columns 8 and 18)"_s};
}

void TestHistoryCsv::refusesBadHeaders()
{
    QFETCH(QStringList, columns);
    QFETCH(QStringList, expected);
    const QStringList cells(columns.size(), u"x"_s); // rows under a bad header are not read
    const HistoryParse parse = HistoryCsv::parse(file({cells}, columns));
    QStringList found;
    for (const HistoryProblem& problem : parse.problems)
        found << problem.toString();
    QCOMPARE(found, expected);
    QVERIFY(parse.file.payments.empty());
}

void TestHistoryCsv::toleratesBomAndCrlf()
{
    QByteArray data = "\xEF\xBB\xBF" + file({row(), row({{u"fraud"_s, u"true"_s}})});
    data.replace("\n", "\r\n");
    const HistoryParse parse = HistoryCsv::parse(data);
    QVERIFY2(parse.ok(), qPrintable(first(parse)));
    QCOMPARE(parse.file.payments.size(), size_t(2));
    QCOMPARE(parse.file.payments[0].createdMs, *parseHistoryTime(u"2026-03-01T12:30:00Z"));
    QCOMPARE(parse.file.payments[1].fraud, std::optional<bool>(true)); // last cell, no '\r' left on it
    QCOMPARE(parse.file.columns.front(), u"created_at"_s);
}

void TestHistoryCsv::reportsUnreadableLines()
{
    QStringList narrow = row();
    narrow.removeLast();
    const HistoryParse parse = HistoryCsv::parse(file({row(), narrow, row({{u"disputed"_s, u"no"_s}})}));
    QCOMPARE(parse.problemsTotal, 2);
    QCOMPARE(parse.problems[0].toString(), u"line 3: expected 17 columns, found 16"_s);
    QCOMPARE(parse.problems[1].toString(), u"line 4, disputed: 'no' must be true or false"_s);
    QVERIFY(parse.file.payments.empty());

    const HistoryParse empty = HistoryCsv::parse(QByteArray());
    QCOMPARE(first(empty), u"the file is empty"_s);
}

void TestHistoryCsv::capsTheProblemList()
{
    QList<QStringList> rows(250, row({{u"currency"_s, u"EUX"_s}}));
    rows.prepend(row());
    const HistoryParse parse = HistoryCsv::parse(file(rows));
    QCOMPARE(parse.problemsTotal, 250);
    QCOMPARE(parse.problems.size(), 100);
    QCOMPARE(parse.problems.front().line, 3);
    QCOMPARE(parse.problems.back().line, 102);
}

void TestHistoryCsv::listsARowsProblemsInColumnOrder()
{
    QStringList columns = HistoryCsv::requiredColumns();
    std::reverse(columns.begin(), columns.end());
    const HistoryParse parse = HistoryCsv::parse(
        file({row({{u"created_at"_s, u"soon"_s}, {u"fraud"_s, u"maybe"_s}, {u"email"_s, u"x"_s}}, columns)}, columns));
    QCOMPARE(parse.problemsTotal, 3);
    QCOMPARE(parse.problems[0].column, u"fraud"_s); // first in this file
    QCOMPARE(parse.problems[1].column, u"email"_s);
    QCOMPARE(parse.problems[2].column, u"created_at"_s);
}

void TestHistoryCsv::problemBecomesError()
{
    const HistoryParse parse =
        HistoryCsv::parse(file({row({{u"created_at"_s, u"2026-13-01"_s}}), row({{u"currency"_s, u"EUX"_s}})}));
    const souk::Error error = parse.toError();
    QCOMPARE(error.code, souk::ErrorCode::Invalid);
    QCOMPARE(error.field, u"line 2, created_at"_s);
    QCOMPARE(error.message, u"'2026-13-01' is not an ISO 8601 date-time (and 1 more problems)"_s);
}

void TestHistoryCsv::readsOptionalColumns()
{
    const QStringList columns = HistoryCsv::requiredColumns() + HistoryCsv::optionalColumns();
    const HistoryParse parse = HistoryCsv::parse(file(
        {row({{u"bin"_s, u"424242"_s}, {u"shipping_distance_km"_s, u"12.5"_s}, {u"label_known_at"_s, u"2026-04-01"_s}},
             columns),
         row({}, columns)},
        columns));
    QVERIFY2(parse.ok(), qPrintable(first(parse)));
    const HistoryPayment& p = parse.file.payments[0];
    QCOMPARE(p.bin, u"424242"_s);
    QCOMPARE(p.shippingDistanceKm, std::optional<double>(12.5));
    QCOMPARE(p.labelKnownMs, parseHistoryTime(u"2026-04-01"));
    QCOMPARE(parse.file.payments[1].shippingDistanceKm, std::nullopt);
    QCOMPARE(parse.file.payments[1].labelKnownMs, std::nullopt);
}

void TestHistoryCsv::refusesBadOptionalValues_data()
{
    QTest::addColumn<Row>("changes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bin letters") << Row{{u"bin"_s, u"4242ab"_s}}
                                 << u"line 2, bin: '4242ab' is not a BIN (6 to 8 digits)"_s;
    QTest::newRow("bin short") << Row{{u"bin"_s, u"4242"_s}} << u"line 2, bin: '4242' is not a BIN (6 to 8 digits)"_s;
    QTest::newRow("distance text") << Row{{u"shipping_distance_km"_s, u"far"_s}}
                                   << u"line 2, shipping_distance_km: 'far' is not a distance in km"_s;
    QTest::newRow("distance exponent") << Row{{u"shipping_distance_km"_s, u"1e3"_s}}
                                       << u"line 2, shipping_distance_km: '1e3' is not a distance in km"_s;
    QTest::newRow("distance negative") << Row{{u"shipping_distance_km"_s, u"-3"_s}}
                                       << u"line 2, shipping_distance_km: -3 must be between 0 and 20100"_s;
    QTest::newRow("label early") << Row{{u"label_known_at"_s, u"2026-02-01"_s}}
                                 << u"line 2, label_known_at: '2026-02-01' is before created_at"_s;
}

void TestHistoryCsv::refusesBadOptionalValues()
{
    QFETCH(Row, changes);
    QFETCH(QString, expected);
    const QStringList columns = HistoryCsv::requiredColumns() + HistoryCsv::optionalColumns();
    const HistoryParse parse = HistoryCsv::parse(file({row(changes, columns)}, columns));
    QCOMPARE(first(parse), expected);
    QVERIFY(parse.file.payments.empty());
}

void TestHistoryCsv::readsFromADevice()
{
    QByteArray data = file({row()});
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QVERIFY(HistoryCsv::parse(buffer).ok());

    QVERIFY(buffer.seek(0));
    HistoryCsvOptions small;
    small.maxBytes = 100;
    const HistoryParse tooBig = HistoryCsv::parse(buffer, small);
    QVERIFY(!tooBig.ok());
    QVERIFY2(first(tooBig).startsWith(u"more than 100 bytes"_s), qPrintable(first(tooBig)));
}

void TestHistoryCsv::roundTripsWhatItWrites()
{
    FraudSimulatorOptions options;
    options.payments = 20'000;
    auto rows = FraudSimulator::generate(options);
    QVERIFY(rows.ok());
    std::vector<HistoryPayment> payments = FraudSimulator::payments(*rows);
    // values a spreadsheet or the CSV quoting would trip on
    HistoryPayment odd = payments.back();
    odd.email = u"=cmd|'/c!A1@example.com"_s;
    odd.customerId = u"-12, \"quoted\" "_s;
    odd.deviceId = u"'+already quoted"_s;
    odd.disputeReason.clear();
    odd.disputed = false;
    odd.fraud.reset();
    odd.shippingDistanceKm = 0.1 + 0.2; // not a short decimal
    payments.push_back(odd);

    const QByteArray written = HistoryCsv::write(payments);
    const HistoryParse parse = HistoryCsv::parse(written);
    QVERIFY2(parse.ok(), qPrintable(first(parse)));
    QCOMPARE(parse.file.payments.size(), payments.size());
    for (size_t i = 0; i < payments.size(); ++i) {
        if (!(parse.file.payments[i] == payments[i]))
            QFAIL(qPrintable(u"row %1 differs after the round trip"_s.arg(i)));
    }
    QCOMPARE(HistoryCsv::write(parse.file.payments), written);
    QVERIFY(written.contains("'=cmd")); // neutralised in the file, restored when read
}

void TestHistoryCsv::largeFilesNameTheSameLines()
{
    // over 16 MB a file is read in pieces: line numbers must still be the file's
    FraudSimulatorOptions options;
    options.payments = 100'000;
    const auto rows = FraudSimulator::generate(options);
    QVERIFY(rows.ok());
    QList<QByteArray> lines = HistoryCsv::write(FraudSimulator::payments(*rows)).split('\n');
    QVERIFY(lines.size() > 100'000);
    const auto setCell = [&](int line, int column, const QByteArray& value) {
        QList<QByteArray> cells = lines[line - 1].split(',');
        cells[column] = value;
        lines[line - 1] = cells.join(',');
    };
    setCell(11, 11, "\"a\nb\""); // customer_id over two lines: every later record moves down one
    setCell(90'001, 2, "EUX");
    const QByteArray data = lines.join('\n');
    QVERIFY(data.size() > 17 << 20);
    const HistoryParse parse = HistoryCsv::parse(data);
    QCOMPARE(parse.problemsTotal, 2);
    QCOMPARE(parse.problems[0].toString(), u"line 11, customer_id: must not contain control characters"_s);
    QCOMPARE(parse.problems[1].toString(), u"line 90002, currency: 'EUX' is not an ISO 4217 currency"_s);
    QVERIFY(parse.file.payments.empty());

    // a record the reader cannot take: the whole file is read again in one piece, lines as before
    lines[70'000].append(",extra");
    const HistoryParse wide = HistoryCsv::parse(lines.join('\n'));
    QCOMPARE(wide.problemsTotal, 3);
    QCOMPARE(wide.problems[1].toString(), u"line 70002: expected 20 columns, found 21"_s);
    QCOMPARE(wide.problems[2].line, 90'002);

    // and a good large file reads whole
    setCell(11, 11, "c1");
    setCell(90'001, 2, "EUR");
    lines[70'000].chop(6);
    const HistoryParse good = HistoryCsv::parse(lines.join('\n'));
    QVERIFY2(good.ok(), qPrintable(first(good)));
    QCOMPARE(good.file.payments.size(), size_t(options.payments));
}

QTEST_GUILESS_MAIN(TestHistoryCsv)
#include "TestHistoryCsv.moc"
