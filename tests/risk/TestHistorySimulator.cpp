#include <QHash>
#include <QSet>
#include <QTest>

#include <deque>

#include "backend/risk/history/FraudSimulator.h"
#include "backend/risk/history/HistoryCsv.h"

using namespace Qt::StringLiterals;
using namespace souk::risk;

namespace {

constexpr qint64 Hour = 3'600'000;
constexpr qint64 Day = 24 * Hour;

std::vector<SimulatedPayment> generate(const FraudSimulatorOptions& options)
{
    auto rows = FraudSimulator::generate(options);
    if (!rows)
        qFatal("%s", qPrintable(rows.error().toString()));
    return std::move(rows).value();
}

/// Per row: the distinct cards its device used in the hour up to and including it.
std::vector<int> cardsPerDeviceLastHour(const std::vector<SimulatedPayment>& rows)
{
    QHash<QString, std::deque<std::pair<qint64, QString>>> byDevice;
    std::vector<int> counts;
    counts.reserve(rows.size());
    for (const SimulatedPayment& row : rows) {
        auto& window = byDevice[row.payment.deviceId];
        window.emplace_back(row.payment.createdMs, row.payment.cardFingerprint);
        while (window.front().first < row.payment.createdMs - Hour)
            window.pop_front();
        QSet<QString> cards;
        for (const auto& entry : window)
            cards.insert(entry.second);
        counts.push_back(int(cards.size()));
    }
    return counts;
}

} // namespace

/// The fraud simulator: deterministic, patterns at their rates, labels late, and the patterns leave
/// the signals a risk model can learn.
class TestHistorySimulator final : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameBytes();
    void patternsAtTheirRates();
    void rowsAreValidAndInOrder();
    void labelsArriveAfterThePayment();
    void cardTestingHasManyCardsPerDevice();
    void stolenCardsLookForeign();
    void takeoversAreKnownCustomersOnNewDevices();
    void refusesBadOptions_data();
    void refusesBadOptions();

private:
    std::vector<SimulatedPayment> m_rows; ///< 200,000 rows with the default options
};

void TestHistorySimulator::sameSeedSameBytes()
{
    FraudSimulatorOptions options;
    options.payments = 30'000;
    const QByteArray a = HistoryCsv::write(FraudSimulator::payments(generate(options)));
    const QByteArray b = HistoryCsv::write(FraudSimulator::payments(generate(options)));
    QCOMPARE(a.size(), b.size());
    QVERIFY(a == b);
    options.seed = 2;
    QVERIFY(HistoryCsv::write(FraudSimulator::payments(generate(options))) != a);
}

void TestHistorySimulator::patternsAtTheirRates()
{
    FraudSimulatorOptions options;
    options.payments = 200'000;
    m_rows = generate(options);
    QCOMPARE(m_rows.size(), size_t(options.payments));
    QHash<FraudPattern, qint64> counts;
    std::vector<qint64> perMerchant(size_t(options.merchants));
    qint64 fraud = 0;
    for (const SimulatedPayment& row : m_rows) {
        ++counts[row.pattern];
        ++perMerchant[size_t(row.merchant)];
        fraud += row.payment.fraud.value_or(false);
    }
    const auto near = [&](FraudPattern pattern, double rate) {
        const double share = double(counts.value(pattern)) / double(options.payments);
        if (std::abs(share - rate) > rate * 0.1)
            QFAIL(qPrintable(u"%1: %2 of rows, configured %3"_s.arg(fraudPatternName(pattern)).arg(share).arg(rate)));
    };
    near(FraudPattern::CardTesting, options.cardTestingRate);
    near(FraudPattern::StolenCard, options.stolenCardRate);
    near(FraudPattern::AccountTakeover, options.accountTakeoverRate);
    near(FraudPattern::FriendlyFraud, options.friendlyFraudRate);
    const double fraudShare = double(fraud) / double(options.payments);
    QVERIFY2(fraudShare > 0.015 && fraudShare < 0.02, qPrintable(QString::number(fraudShare)));
    for (const qint64 n : perMerchant)
        QVERIFY(n > options.payments / 4 && n < options.payments * 5 / 12);

    // honest customers come back: most have more than one purchase, none has dozens
    QHash<QString, int> purchases;
    for (const SimulatedPayment& row : m_rows) {
        if (row.pattern == FraudPattern::None)
            ++purchases[row.payment.customerId];
    }
    int repeat = 0;
    int most = 0;
    for (const int n : std::as_const(purchases)) {
        repeat += n > 1;
        most = std::max(most, n);
    }
    QVERIFY2(repeat > purchases.size() / 2, qPrintable(u"%1 of %2"_s.arg(repeat).arg(purchases.size())));
    QVERIFY(most < 20);
}

void TestHistorySimulator::rowsAreValidAndInOrder()
{
    QVERIFY(!m_rows.empty());
    const FraudSimulatorOptions options;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const HistoryPayment& p = m_rows[i].payment;
        QVERIFY(p.createdMs >= options.fromMs && p.createdMs < options.toMs);
        QVERIFY(i == 0 || m_rows[i - 1].payment.createdMs <= p.createdMs);
        QVERIFY(p.amount.minor() > 0);
        QCOMPARE(p.amount.currency().code, options.currencies[m_rows[i].merchant % options.currencies.size()]);
    }
    // everything the simulator makes is a valid history file
    const HistoryParse parse = HistoryCsv::parse(HistoryCsv::write(FraudSimulator::payments(m_rows)));
    QVERIFY2(parse.ok(), qPrintable(parse.ok() ? QString() : parse.problems.front().toString()));
}

void TestHistorySimulator::labelsArriveAfterThePayment()
{
    qint64 disputes = 0;
    for (const SimulatedPayment& row : m_rows) {
        const HistoryPayment& p = row.payment;
        QVERIFY(p.labelKnownMs.has_value());
        QVERIFY(p.fraud.has_value());
        const qint64 delay = *p.labelKnownMs - p.createdMs;
        QVERIFY(delay >= 0);
        QCOMPARE(*p.fraud, row.pattern != FraudPattern::None && row.pattern != FraudPattern::FriendlyFraud);
        if (p.disputed) {
            ++disputes;
            QVERIFY2(delay >= 7 * Day && delay <= 56 * Day, qPrintable(QString::number(delay / Day)));
        } else if (*p.fraud) {
            QVERIFY(delay >= Day); // a fraud label takes at least a day, even for a decline
        } else {
            QCOMPARE(delay, 0); // not fraud: known at once, until a dispute says otherwise
        }
        if (row.pattern == FraudPattern::FriendlyFraud) {
            QVERIFY(p.approved && p.disputed);
            QCOMPARE(p.disputeReason, u"fraudulent"_s);
            QVERIFY(delay >= 14 * Day);
        }
    }
    QVERIFY(disputes > 0);
}

void TestHistorySimulator::cardTestingHasManyCardsPerDevice()
{
    const std::vector<int> cards = cardsPerDeviceLastHour(m_rows);
    double testing = 0, honest = 0;
    qint64 testingRows = 0, honestRows = 0, testingDeclined = 0;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].pattern == FraudPattern::CardTesting) {
            testing += cards[i];
            ++testingRows;
            testingDeclined += !m_rows[i].payment.approved;
        } else if (m_rows[i].pattern == FraudPattern::None) {
            honest += cards[i];
            ++honestRows;
        }
    }
    testing /= double(testingRows);
    honest /= double(honestRows);
    QVERIFY2(testing > 5 && honest < 1.1, qPrintable(u"card testing %1, honest %2"_s.arg(testing).arg(honest)));
    QVERIFY(testingDeclined > testingRows * 3 / 4); // mostly declined
}

void TestHistorySimulator::stolenCardsLookForeign()
{
    QHash<int, std::vector<qint64>> honestAmounts;
    qint64 stolen = 0, stolenMismatch = 0, stolenFar = 0, honest = 0, honestMismatch = 0;
    for (const SimulatedPayment& row : m_rows) {
        const HistoryPayment& p = row.payment;
        const bool mismatch = p.cardCountry != p.ipCountry;
        if (row.pattern == FraudPattern::StolenCard) {
            ++stolen;
            stolenMismatch += mismatch;
            stolenFar += p.shippingDistanceKm.value_or(0) >= 500;
        } else if (row.pattern == FraudPattern::None) {
            ++honest;
            honestMismatch += mismatch;
            honestAmounts[row.merchant].push_back(p.amount.minor());
        }
    }
    // most stolen cards are used abroad; some from the card's own country (domesticFraudShare)
    const double stolenForeign = double(stolenMismatch) / double(stolen);
    QVERIFY2(stolenForeign > 0.6 && stolenForeign < 0.8, qPrintable(QString::number(stolenForeign)));
    QCOMPARE(stolenFar, stolen);
    // honest customers pay abroad now and then (travelRate), and from an IP unlike their card's
    // country rarely otherwise
    QVERIFY2(honestMismatch > honest / 50 && honestMismatch < honest / 10,
             qPrintable(u"%1 of %2"_s.arg(honestMismatch).arg(honest)));

    // expensive: a stolen card's median basket is several times the merchant's honest median
    QHash<int, qint64> medians;
    for (auto it = honestAmounts.begin(); it != honestAmounts.end(); ++it) {
        std::nth_element(it->begin(), it->begin() + qsizetype(it->size() / 2), it->end());
        medians[it.key()] = (*it)[it->size() / 2];
    }
    std::vector<double> ratios;
    for (const SimulatedPayment& row : m_rows) {
        if (row.pattern == FraudPattern::StolenCard)
            ratios.push_back(double(row.payment.amount.minor()) / double(medians[row.merchant]));
    }
    std::nth_element(ratios.begin(), ratios.begin() + qsizetype(ratios.size() / 2), ratios.end());
    QVERIFY2(ratios[ratios.size() / 2] > 3, qPrintable(QString::number(ratios[ratios.size() / 2])));
}

void TestHistorySimulator::takeoversAreKnownCustomersOnNewDevices()
{
    QHash<QString, QSet<QString>> devicesSeen; // customer -> devices before now
    qint64 takeovers = 0, known = 0, newDevice = 0, newAddress = 0;
    QHash<QString, QString> home; // customer -> shipping country of honest purchases
    for (const SimulatedPayment& row : m_rows) {
        const HistoryPayment& p = row.payment;
        if (row.pattern == FraudPattern::AccountTakeover) {
            ++takeovers;
            known += devicesSeen.contains(p.customerId);
            newDevice += !devicesSeen.value(p.customerId).contains(p.deviceId);
            newAddress += p.shippingCountry != home.value(p.customerId) || p.shippingDistanceKm.value_or(0) >= 50;
        }
        if (row.pattern == FraudPattern::None && !p.customerId.isEmpty()) {
            devicesSeen[p.customerId].insert(p.deviceId);
            home[p.customerId] = p.shippingCountry;
        }
    }
    QVERIFY(takeovers > 0);
    QCOMPARE(known, takeovers);
    QCOMPARE(newDevice, takeovers);
    QCOMPARE(newAddress, takeovers);
}

void TestHistorySimulator::refusesBadOptions_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("field");
    QTest::newRow("no payments") << 0 << u"payments"_s;
    QTest::newRow("no merchants") << 1 << u"merchants"_s;
    QTest::newRow("rate above 1") << 2 << u"stolenCardRate"_s;
    QTest::newRow("rates sum") << 3 << u"cardTestingRate"_s;
    QTest::newRow("currency") << 4 << u"currencies"_s;
    QTest::newRow("range") << 5 << u"toMs"_s;
    QTest::newRow("nan rate") << 6 << u"refundRate"_s;
}

void TestHistorySimulator::refusesBadOptions()
{
    QFETCH(int, which);
    QFETCH(QString, field);
    FraudSimulatorOptions options;
    switch (which) {
    case 0:
        options.payments = 0;
        break;
    case 1:
        options.merchants = 0;
        break;
    case 2:
        options.stolenCardRate = 1.5;
        break;
    case 3:
        options.cardTestingRate = 0.3, options.friendlyFraudRate = 0.3;
        break;
    case 4:
        options.currencies = {u"EUR"_s, u"XXY"_s};
        break;
    case 5:
        options.toMs = options.fromMs;
        break;
    case 6:
        options.refundRate = std::nan("");
        break;
    }
    const auto rows = FraudSimulator::generate(options);
    QVERIFY(!rows.ok());
    QCOMPARE(rows.error().code, souk::ErrorCode::Invalid);
    QCOMPARE(rows.error().field, field);
}

QTEST_GUILESS_MAIN(TestHistorySimulator)
#include "TestHistorySimulator.moc"
