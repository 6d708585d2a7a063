#include <QTest>

#include "backend/engine/Engine.h"
#include "backend/risk/decisions/Backtest.h"
#include "backend/risk/decisions/Features.h"
#include "backend/risk/decisions/HistoryImport.h"
#include "backend/risk/history/FraudSimulator.h"
#include "backend/risk/history/HistoryCsv.h"
#include "tests/risk/StoreQuery.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::risk;
using souk::test::StoreFixture;

namespace {

template <typename T> T wait(QFuture<T> f)
{
    return StoreFixture::wait(std::move(f));
}

const Actor Analyst{u"risk-analyst"_s, u"admin"_s};

/// Three payments of one device over three cards in an hour, then one a day later from home.
const QByteArray SmallHistory =
    "created_at,amount,currency,outcome,card_fingerprint,card_brand,card_country,email,ip,ip_country,device_id,"
    "customer_id,shipping_country,refunded_amount,disputed,dispute_reason,fraud\n"
    "2026-03-01T10:00:00Z,12.00,EUR,approved,card-a,visa,FR,eve@mail.test,198.51.100.1,NL,dev-1,c1,NL,,false,,\n"
    "2026-03-01T10:10:00Z,1.00,EUR,declined,card-b,visa,US,eve@mail.test,198.51.100.1,NL,dev-1,c1,NL,,false,,true\n"
    "2026-03-01T10:20:00Z,1.00,EUR,approved,card-c,visa,BR,eve@mail.test,198.51.100.1,NL,dev-1,c1,NL,,true,"
    "fraudulent,\n"
    "2026-03-02T09:00:00Z,48.00,EUR,approved,card-a,visa,FR,eve@mail.test,203.0.113.5,FR,dev-1,c1,FR,8.00,false,,"
    "false\n";

std::vector<HistoryPayment> parsed(const QByteArray& csv)
{
    HistoryParse p = HistoryCsv::parse(csv);
    if (!p.ok())
        QTest::qFail(qPrintable(p.toError().toString()), __FILE__, __LINE__);
    return p.file.payments;
}

} // namespace

/// A merchant's payment history brought in from elsewhere, and rule sets backtested over it:
/// imported rows get the features the live path would have computed then, row by row; a
/// backtest counts what a draft would have blocked and reviewed, and bad input changes nothing.
class TestRiskHistory final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_f.reset(); }
    void importComputesFeaturesAsOfEachPayment();
    void importIsAllOrNothing();
    void chunkedImportRollsBackEveryRow();
    void backtestCountsWhatADraftWouldHaveDone();
    void backtestOfSimulatedFraudCatchesMoreThanItsShare();
    void badBacktestsAreRefused();

private:
    Result<HistoryImportSummary> import(Id merchant, const std::vector<HistoryPayment>& rows,
                                        std::function<bool(qint64, qint64)> progress = {})
    {
        return wait(m_f->client().engine().write<HistoryImportSummary>(
            Analyst, [merchant, rows, progress](store::UnitOfWork& uow) {
                return HistoryImport::run(uow, merchant, rows, progress);
            }));
    }
    Result<BacktestResult> backtest(const QString& rules, qint64 fromMs = 0, qint64 toMs = 4'000'000'000'000)
    {
        return wait(m_f->client().engine().read<BacktestResult>(
            [rules, fromMs, toMs](QSqlDatabase& db) { return Backtest::run(db, rules, fromMs, toMs); }));
    }
    FeatureVector featuresOf(const QString& card, const QString& time)
    {
        const QVariant bytes = souk::test::storeValue(
            *m_f, u"SELECT features FROM risk_assessments WHERE card_fingerprint = ? AND created_ms = ?"_s,
            {card, QDateTime::fromString(time, Qt::ISODate).toMSecsSinceEpoch()});
        return Features::fromBytes(bytes.toByteArray());
    }
    qint64 count()
    {
        return souk::test::storeValue(*m_f, u"SELECT count(*) FROM risk_assessments"_s).toLongLong();
    }

    std::unique_ptr<StoreFixture> m_f;
};

void TestRiskHistory::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
}

void TestRiskHistory::importComputesFeaturesAsOfEachPayment()
{
    auto summary = import(m_f->merchantId(), parsed(SmallHistory));
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
    QCOMPARE(summary->rows, 4);
    QCOMPARE(summary->approved, 3);
    QCOMPARE(summary->declined, 1);
    QCOMPARE(summary->fraud, 2); // the label, and the dispute as fraudulent
    QCOMPARE(summary->disputed, 1);
    // the third payment saw the two before it on the device and the IP, not the one after it
    const FeatureVector third = featuresOf(u"card-c"_s, u"2026-03-01T10:20:00Z"_s);
    QCOMPARE(third[Feature::DevicePayments1h], 2.0);
    QCOMPARE(third[Feature::DeviceDistinctCards24h], 2.0);
    QCOMPARE(third[Feature::IpDistinctCards1h], 2.0);
    QCOMPARE(third[Feature::CardIpCountryMismatch], 1.0);
    QCOMPARE(third[Feature::IsNewCustomer], 0.0); // the first was approved
    // the last: the same card a day later, 4x the customer's usual (12 and 1 approved before)
    const FeatureVector last = featuresOf(u"card-a"_s, u"2026-03-02T09:00:00Z"_s);
    QCOMPARE(last[Feature::CardPayments24h], 1.0);
    QCOMPARE(last[Feature::DevicePayments1h], 0.0);
    QVERIFY(qAbs(last[Feature::AmountToCustomerMean] - 48.0 / 6.5) < 1e-4);
    QCOMPARE(souk::test::storeValue(*m_f, u"SELECT count(*) FROM risk_assessments WHERE fraud = 1"_s).toInt(), 2);
    QCOMPARE(souk::test::storeValue(*m_f, u"SELECT refunded_minor FROM risk_assessments WHERE card_fingerprint = "
                                          "'card-a' ORDER BY created_ms DESC"_s)
                 .toLongLong(),
             800);
}

void TestRiskHistory::importIsAllOrNothing()
{
    auto unknown = import(Id{987654}, parsed(SmallHistory));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    QCOMPARE(unknown.error().field, u"merchant_id"_s);
    auto empty = import(m_f->merchantId(), {});
    QVERIFY(!empty);
    QCOMPARE(empty.error().field, u"file"_s);
    // cancelled half way: nothing stays, not even the running totals
    auto sim = FraudSimulator::generate(FraudSimulatorOptions{.payments = 3000});
    QVERIFY(sim);
    auto cancelled = import(m_f->merchantId(), FraudSimulator::payments(*sim),
                            [](qint64 done, qint64) { return done < 2000; });
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    QCOMPARE(count(), 0);
    QCOMPARE(souk::test::storeValue(*m_f, u"SELECT count(*) FROM risk_profiles"_s).toInt(), 0);
}

void TestRiskHistory::chunkedImportRollsBackEveryRow()
{
    QVERIFY(import(m_f->merchantId(), parsed(SmallHistory)));
    const auto totals = [this]() -> QString {
        return souk::test::storeValue(*m_f, u"SELECT group_concat(kind || key || currency || payments || approved || "
                                            "approved_sum_minor, ';') FROM (SELECT * FROM risk_profiles ORDER BY "
                                            "kind, key, currency)"_s)
                   .toString()
               + souk::test::storeValue(*m_f, u"SELECT count(*) FROM risk_customer_devices"_s).toString();
    };
    const QString before = totals();
    const qint64 rowsBefore = count();
    auto sim = FraudSimulator::generate(FraudSimulatorOptions{.payments = 3000});
    QVERIFY(sim);
    const std::vector<HistoryPayment> rows = FraudSimulator::payments(*sim);
    const Id merchant = m_f->merchantId();
    auto batch = wait(m_f->client().engine().write<Id>(
        Analyst, [merchant](store::UnitOfWork& uow) { return HistoryImport::begin(uow, merchant, 3000); }));
    QVERIFY(batch);
    // two pieces in, each its own command: then the import fails, and every row goes back out
    for (int piece = 0; piece < 2; ++piece) {
        auto done = wait(m_f->client().engine().write<bool>(Analyst, [&, piece](store::UnitOfWork& uow) -> Result<bool> {
            HistoryImportSummary summary;
            auto s = HistoryImport::chunk(uow, merchant, *batch, std::span(rows).subspan(piece * 1000, 1000), summary);
            if (!s)
                return s.error();
            return true;
        }));
        QVERIFY(done);
    }
    QCOMPARE(count(), rowsBefore + 2000);
    QVERIFY(totals() != before);
    auto removed = wait(m_f->client().engine().write<qint64>(
        Analyst, [&](store::UnitOfWork& uow) { return HistoryImport::rollback(uow, *batch); }));
    QVERIFY(removed);
    QCOMPARE(*removed, 2000);
    QCOMPARE(count(), rowsBefore);
    QCOMPARE(totals(), before); // the running totals are as they were
    // a batch a crash left half done is taken back by the next import's begin
    auto crashed = wait(m_f->client().engine().write<Id>(
        Analyst, [merchant](store::UnitOfWork& uow) { return HistoryImport::begin(uow, merchant, 3000); }));
    QVERIFY(crashed);
    QVERIFY(wait(m_f->client().engine().write<bool>(Analyst, [&](store::UnitOfWork& uow) -> Result<bool> {
        HistoryImportSummary summary;
        auto s = HistoryImport::chunk(uow, merchant, *crashed, std::span(rows).subspan(0, 500), summary);
        if (!s)
            return s.error();
        return true;
    })));
    QCOMPARE(count(), rowsBefore + 500);
    auto next = import(merchant, parsed(SmallHistory));
    QVERIFY(next);
    QCOMPARE(count(), rowsBefore + 4);
    QCOMPARE(souk::test::storeValue(*m_f, u"SELECT status FROM risk_import_batches WHERE id = ?"_s, {crashed->value})
                 .toString(),
             u"rolled_back"_s);
}

void TestRiskHistory::backtestCountsWhatADraftWouldHaveDone()
{
    QVERIFY(import(m_f->merchantId(), parsed(SmallHistory)));
    auto r = backtest(u"Block if :card_country: != :ip_country:\nReview if :amount: > 40"_s);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->payments, 4);
    QCOMPARE(r->fraud, 2);
    QCOMPARE(r->blocked, 3); // the first three: cards abroad
    QCOMPARE(r->blockedFraud, 2);
    QCOMPARE(r->blockedDisputed, 1);
    QCOMPARE(r->blockedApprovedMinor.value(u"EUR"_s), 1300); // 12.00 and 1.00 were approved
    QCOMPARE(r->blockedLegitimateMinor.value(u"EUR"_s), 1200);
    QCOMPARE(r->reviewed, 1);
    QCOMPARE(r->reviewedRefunded, 1);
    QCOMPARE(r->rules.size(), 2);
    QCOMPARE(r->rules[0].matched, 3);
    QCOMPARE(r->rules[0].decidedFraud, 2);
    QCOMPARE(r->rules[1].line, 2);
    // a window: only the second day
    auto day2 = backtest(u"Block if :amount: > 0"_s, QDateTime::fromString(u"2026-03-02T00:00:00Z"_s, Qt::ISODate)
                                                         .toMSecsSinceEpoch(),
                         QDateTime::fromString(u"2026-03-03T00:00:00Z"_s, Qt::ISODate).toMSecsSinceEpoch());
    QVERIFY(day2);
    QCOMPARE(day2->payments, 1);
    QCOMPARE(day2->blocked, 1);
}

void TestRiskHistory::backtestOfSimulatedFraudCatchesMoreThanItsShare()
{
    auto sim = FraudSimulator::generate(FraudSimulatorOptions{.merchants = 1, .payments = 5000});
    QVERIFY(sim);
    QVERIFY(import(m_f->merchantId(), FraudSimulator::payments(*sim)));
    // card testing: many cards on one device
    auto r = backtest(u"Block if :device_distinct_cards_24h: >= 3 or :ip_distinct_cards_1h: >= 3"_s);
    QVERIFY(r);
    QCOMPARE(r->payments, 5000);
    QVERIFY(r->blocked > 0);
    const double fraudShare = double(r->fraud) / double(r->payments);
    const double caughtShare = double(r->blockedFraud) / double(r->blocked);
    QVERIFY2(caughtShare > 10 * fraudShare,
             qPrintable(u"%1 of the blocked are fraud, %2 of all"_s.arg(caughtShare).arg(fraudShare)));
}

void TestRiskHistory::badBacktestsAreRefused()
{
    auto syntax = backtest(u"Block if :amount >"_s);
    QVERIFY(!syntax);
    QCOMPARE(syntax.error().code, ErrorCode::Invalid);
    QVERIFY(syntax.error().field.startsWith(u"line 1, column"_s));
    auto type = backtest(u"Block if :amount: > 'US'"_s);
    QVERIFY(!type);
    QCOMPARE(type.error().code, ErrorCode::Invalid);
    auto window = backtest(u"Block if :amount: > 1"_s, 2000, 1000);
    QVERIFY(!window);
    QCOMPARE(window.error().field, u"to"_s);
}

QTEST_GUILESS_MAIN(TestRiskHistory)
#include "TestRiskHistory.moc"
