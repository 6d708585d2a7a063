#include <QElapsedTimer>
#include <QTest>

#include "backend/engine/Engine.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/risk/decisions/Assessments.h"
#include "backend/risk/decisions/HistoryImport.h"
#include "backend/risk/decisions/RiskModels.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "backend/risk/history/FraudSimulator.h"
#include "tests/risk/StoreQuery.h"
#include "tests/support/OrderSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::risk;
using souk::test::OrderSupport;
using souk::test::StoreFixture;

namespace {

template <typename T> T wait(QFuture<T> f)
{
    return StoreFixture::wait(std::move(f));
}

const Actor Analyst{u"risk-analyst"_s, u"admin"_s};
constexpr qint64 March = 1'772'323'200'000; // 2026-03-01T00:00:00Z

} // namespace

/// Models trained from the store's history (imported here from the simulator), evaluated on the
/// month after the cut-off, versioned and activated: the active one scores every live payment,
/// rules read its score, and a block or review is explained by its contributions.
class TestRiskModels final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void bothModelsLearnTheSimulatedFraud();
    void theActiveModelScoresLivePayments();
    void badTrainingInputIsRefused();

private:
    Result<TrainedModel> train(const QString& kind, qint64 untilMs)
    {
        auto data = wait(m_f->client().engine().read<Dataset>(
            [](QSqlDatabase& db) { return RiskModels::dataset(db, 0, 4'000'000'000'000); }));
        if (!data)
            return data.error();
        return RiskModels::train(*data, kind, untilMs, 65);
    }

    std::unique_ptr<StoreFixture> m_f;
    std::optional<TrainedModel> m_gbdt;
};

void TestRiskModels::initTestCase()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_f->addProduct(u"Earbuds"_s, {u"EAR-1"_s}, 2500, 50);
    // January to March, one merchant: 20,000 payments, 2 % fraud
    FraudSimulatorOptions options;
    options.merchants = 1;
    options.payments = 20'000;
    options.toMs = March + 31LL * 24 * 3600 * 1000;
    auto sim = FraudSimulator::generate(options);
    QVERIFY(sim);
    QElapsedTimer t;
    t.start();
    auto imported = wait(m_f->client().engine().write<HistoryImportSummary>(
        Analyst, [rows = FraudSimulator::payments(*sim), merchant = m_f->merchantId()](store::UnitOfWork& uow) {
            return HistoryImport::run(uow, merchant, rows);
        }));
    QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().toString()));
    qInfo("imported %lld payments in %lld ms", imported->rows, t.elapsed());
}

void TestRiskModels::cleanupTestCase()
{
    m_f.reset();
}

void TestRiskModels::bothModelsLearnTheSimulatedFraud()
{
    auto lr = train(u"lr"_s, March);
    QVERIFY2(lr, qPrintable(lr ? QString() : lr.error().toString()));
    auto gbdt = train(u"gbdt"_s, March);
    QVERIFY2(gbdt, qPrintable(gbdt ? QString() : gbdt.error().toString()));
    QVERIFY(lr->evaluation && gbdt->evaluation);
    qInfo("held-out March: lr AUC %.3f recall@1%%FP %.3f; gbdt AUC %.3f recall@1%%FP %.3f", lr->evaluation->auc,
          lr->evaluation->recallAt1PctFpr, gbdt->evaluation->auc, gbdt->evaluation->recallAt1PctFpr);
    QVERIFY(lr->version.evalRows > 1000);
    QVERIFY(lr->evaluation->auc > 0.75);
    QVERIFY(gbdt->evaluation->auc > 0.8);
    m_gbdt = *gbdt;
    // kept as versions; none active until asked
    auto saved = wait(m_f->client().engine().write<ModelVersion>(
        Analyst, [t = *lr](store::UnitOfWork& uow) { return RiskModels::save(uow, t); }));
    QVERIFY(saved);
    QCOMPARE(saved->version, 1);
    QCOMPARE(saved->kind, u"lr"_s);
    QVERIFY(!saved->active);
    QCOMPARE(saved->trainedUntilMs, March);
    QVERIFY(saved->auc.has_value());
}

void TestRiskModels::theActiveModelScoresLivePayments()
{
    QVERIFY(m_gbdt);
    auto saved = wait(m_f->client().engine().write<ModelVersion>(
        Analyst, [t = *m_gbdt](store::UnitOfWork& uow) { return RiskModels::save(uow, t); }));
    QVERIFY(saved);
    QVERIFY(wait(m_f->client().engine().write<ModelVersion>(
        Analyst, [v = saved->version](store::UnitOfWork& uow) { return RiskModels::activate(uow, v); })));
    // every score held for review: the reasons then carry the model's contributions
    auto draft = wait(m_f->client().engine().write<RuleSetVersion>(Analyst, [](store::UnitOfWork& uow) {
        return RiskPolicy::saveDraft(uow, u"Review if :risk_score: >= 0"_s, {});
    }));
    QVERIFY(draft);
    QVERIFY(wait(m_f->client().engine().write<RuleSetVersion>(
        Analyst, [v = draft->version](store::UnitOfWork& uow) { return RiskPolicy::activate(uow, v); })));
    OrderSupport ana(*m_f, u"ana@example.com"_s);
    payments::CardInput card{QString::fromLatin1(payments::SimulatedProvider::Approved), 12, 2030, u"123"_s};
    card.context.ipCountry = u"NG"_s;
    card.context.shippingCountry = u"NG"_s;
    auto paid = wait(m_f->client().checkout(
        orders::NewOrder{m_f->merchantId(), ana.customerId(), {{u"EAR-1"_s, 1}}, {}, {}}, card, true, u"k1"_s));
    QVERIFY2(paid, qPrintable(paid ? QString() : paid.error().toString()));
    QVERIFY(paid->payment.heldMs > 0);
    const Id id{souk::test::storeValue(*m_f, u"SELECT id FROM risk_assessments WHERE payment_id = ?"_s,
                                        {paid->payment.id.value})
                    .toLongLong()};
    auto a = wait(m_f->client().engine().read<std::optional<Assessment>>(
        [id](QSqlDatabase& db) { return Assessments::find(db, id); }));
    QVERIFY(a && *a);
    QCOMPARE((*a)->modelVersion, saved->version);
    QVERIFY((*a)->score >= 0 && (*a)->score <= 100);
    QVERIFY(!(*a)->reasons.isEmpty());
    QVERIFY((*a)->reasons.first().contribution != 0.0); // ordered by what moved the score most
    // no model: the score is missing again and the rule never matches
    QVERIFY(wait(m_f->client().engine().write<ModelVersion>(
        Analyst, [](store::UnitOfWork& uow) { return RiskModels::activate(uow, 0); })));
    auto unscored = wait(m_f->client().checkout(
        orders::NewOrder{m_f->merchantId(), ana.customerId(), {{u"EAR-1"_s, 1}}, {}, {}}, card, true, u"k2"_s));
    QVERIFY(unscored);
    QCOMPARE(unscored->payment.heldMs, 0);
    QCOMPARE(unscored->payment.status, payments::PaymentStatus::Captured);
}

void TestRiskModels::badTrainingInputIsRefused()
{
    auto kind = train(u"forest"_s, March);
    QVERIFY(!kind);
    QCOMPARE(kind.error().field, u"model"_s);
    auto early = train(u"lr"_s, 1'000); // nothing before 1970-01-01T00:00:01
    QVERIFY(!early);
    QCOMPARE(early.error().field, u"until"_s);
    auto missing = wait(m_f->client().engine().write<ModelVersion>(
        Analyst, [](store::UnitOfWork& uow) { return RiskModels::activate(uow, 99); }));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestRiskModels)
#include "TestRiskModels.moc"
