// The risk engine's figures (issue "Risk", section 7), on real SQLite stores in a temporary folder:
// 1. the cost assess() adds to an authorization's write (features + model + rules + the assessment
//    row), timed inside engine writes on a store with 200,000 imported payments, for the GBDT, the
//    logistic regression and nothing active; allowed and block/review payments apart (only the
//    latter run TreeSHAP);
// 2. in-process checkout orders/s with risk off (nothing active: features computed and the
//    assessment written, as the product does) and on (GBDT + a 20-rule set), two copies of one
//    store, rounds alternated in the same run;
// 3. import of 1,000,000 simulated payments, dataset, training of both models, a backtest;
// 4. held-out month (June) AUC and recall at 1 % false positives, both models and the amount alone.
// Usage: bench_risk [SCORED [CHECKOUTS_PER_ROUND ROUNDS [HISTORY]]] (default 20000, 2000 4, 1000000).
// Build in Release.
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cmath>
#include <functional>
#include <memory>
#include <vector>

#include "backend/client/LocalClient.h"
#include "backend/core/Async.h"
#include "backend/engine/Engine.h"
#include "backend/risk/decisions/Assessments.h"
#include "backend/risk/decisions/Backtest.h"
#include "backend/risk/decisions/HistoryImport.h"
#include "backend/risk/decisions/RiskModels.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "backend/risk/history/FraudSimulator.h"
#include "backend/risk/model/Evaluation.h"
#include "backend/sim/DemoCatalog.h"
#include "backend/store/Sql.h"
#include "tests/bench/BenchSupport.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::risk;
using bench::percentile;
using bench::report;

namespace {

const Actor Analyst{u"risk-analyst"_s, u"owner"_s};
constexpr qint64 June = 1'780'272'000'000; ///< 2026-06-01T00:00:00Z: the held-out month starts
constexpr qint64 July = 1'782'864'000'000; ///< 2026-07-01T00:00:00Z: the simulator's end
constexpr qint64 HistoryRows = 200'000;    ///< imported before the live payments are scored
constexpr int Customers = 5000;            ///< about two checkouts each in a run: no velocity rule trips
constexpr int LinesPerOrder = 3;
constexpr int InFlight = 256;
constexpr int ReviewThreshold = 65;

template <typename T> T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

template <typename T> T need(Result<T> r, const char* what)
{
    if (!r)
        qFatal("%s: %s", what, qPrintable(r.error().toString()));
    return std::move(*r);
}

double seconds(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

std::vector<HistoryPayment> simulate(qint64 payments)
{
    FraudSimulatorOptions options;
    options.merchants = 1;
    options.payments = payments;
    return FraudSimulator::payments(need(FraudSimulator::generate(options), "simulating"));
}

/// Twenty rules of the kinds a merchant writes: lists, velocity, country mismatches, the score.
const QString RulesText = uR"(# trusted and known-bad customers
Allow if :email: in @trusted_customers
Block if :email: in @blocked_emails
Block if :ip_country: in @sanctioned_countries or :card_country: in @sanctioned_countries
Review if :email_domain: in @disposable_domains and :amount: > 50
# velocity: card testing
Block if :card_payments_1h: >= 5
Block if :ip_distinct_cards_1h: >= 4
Block if :device_distinct_cards_24h: >= 5
Block if :card_declines_24h: >= 3
Review if :email_payments_1h: >= 6
Review if :ip_payments_1h: >= 10 and :amount: > 100
Review if :device_payments_1h: >= 8
# stolen cards
Block if :card_country: != :ip_country: and :is_new_customer: and :amount: > 400
Review if :card_country: != :ip_country: and :amount: > 200
Review if :shipping_country: != :card_country: and :amount: > 300
# account takeover
Review if :is_new_device: and :shipping_billing_distance_km: > 1500
Review if :amount_to_customer_mean: > 6 and :amount: > 150
Review if :hour_of_day: < 5 and :is_new_customer: and :amount: > 250
# the model
Block if :risk_score: >= 90
Review if :risk_score: >= 75
Block if :amount: > 5000
)"_s;

void addList(engine::Engine& engine, const QString& name, const QString& kind, const QStringList& values)
{
    need(wait(engine.write<RiskList>(
             Analyst, [=](store::UnitOfWork& uow) { return RiskPolicy::createList(uow, name, kind, {}); })),
         "creating a list");
    need(wait(engine.write<int>(Analyst,
                                [=](store::UnitOfWork& uow) { return RiskPolicy::addToList(uow, name, values); })),
         "filling a list");
}

QStringList pool(const QString& pattern, int size)
{
    QStringList values;
    for (int i = 0; i < size; ++i)
        values << pattern.arg(i);
    return values;
}

/// A Luhn-valid test card issued in France (the simulated network's 400000 + ISO numeric scheme).
QString cardNumber(int customer)
{
    QString digits = u"400000250"_s + u"%1"_s.arg(customer, 6, 10, QChar(u'0'));
    int sum = 0;
    for (int i = 0; i < digits.size(); ++i) {
        int d = digits[digits.size() - 1 - i].digitValue();
        if (i % 2 == 0 && (d *= 2) > 9)
            d -= 9;
        sum += d;
    }
    return digits + QString::number((10 - sum % 10) % 10);
}

/// A store ready to take checkouts: demo catalog with deep stock, terms, customers with their own
/// card, IP and device.
struct Shop
{
    explicit Shop(std::unique_ptr<LocalClient> c) : client(std::move(c)) {}
    std::unique_ptr<LocalClient> client;
    Id merchant;
    QStringList skus;
    QList<Id> customers;
    int cardYear = QDate::currentDate().year() + 3;
};

std::unique_ptr<LocalClient> openStore(const QString& path)
{
    LocalClient::Options options;
    options.store.path = path;
    options.provider = std::make_shared<payments::SimulatedProvider>(0); // the engine alone
    options.maintenanceIntervalMs = 0;
    return need(LocalClient::open(options), "opening the store");
}

void setUpShop(Shop& shop)
{
    const catalog::Merchant merchant = wait(shop.client->merchants())->first();
    shop.merchant = merchant.id;
    catalog::ImportPlan plan = sim::demoCatalog(merchant.currency, 300, 11);
    for (auto& item : plan.products) {
        item.product.status = catalog::ProductStatus::Active;
        for (auto& q : item.inventoryQuantities)
            q = 100'000'000;
    }
    need(wait(shop.client->runImport(shop.merchant, plan, {})), "catalog");
    need(wait(shop.client->setMerchantTerms({shop.merchant, 825, 290, 30, 0, 30, 0}, souk::test::newKey())), "terms");
    for (int i = 0; i < Customers; ++i) {
        orders::Customer c{{}, u"Customer %1"_s.arg(i), u"c%1@example.com"_s.arg(i), {}, {}, 0};
        need(wait(shop.client->createCustomer(c, souk::test::newKey())), "customer");
    }
}

void loadShop(Shop& shop)
{
    const catalog::Merchant merchant = wait(shop.client->merchants())->first();
    shop.merchant = merchant.id;
    for (const auto& item : sim::demoCatalog(merchant.currency, 300, 11).products) // the plan setUpShop imported
        for (const auto& v : item.product.variants)
            shop.skus.append(v.sku);
    shop.customers = need(wait(shop.client->engine().read<QList<Id>>([](QSqlDatabase& db) {
                              return store::ids(db, u"SELECT id FROM customers ORDER BY id"_s, {}, u"customers"_s);
                          })),
                          "customers");
    if (shop.customers.size() < Customers || shop.skus.isEmpty())
        qFatal("the shop has %lld customers and %lld SKUs", qlonglong(shop.customers.size()),
               qlonglong(shop.skus.size()));
}

payments::CardInput cardOf(const Shop& shop, int customer)
{
    payments::CardInput card{cardNumber(customer), 12, shop.cardYear, u"123"_s};
    card.context.email = u"c%1@example.com"_s.arg(customer);
    card.context.ip = u"10.%1.%2.7"_s.arg(customer / 256).arg(customer % 256);
    card.context.ipCountry = u"FR"_s;
    card.context.deviceId = u"device-%1"_s.arg(customer);
    card.context.shippingCountry = u"FR"_s;
    card.context.billingCountry = u"FR"_s;
    card.context.shippingDistanceKm = 0;
    return card;
}

struct Round
{
    double ordersPerSecond = 0;
    int captured = 0;
    int held = 0;
    int refused = 0;
};

/// Keeps InFlight checkouts going until `count` are answered.
Round checkouts(Shop& shop, int count, const QString& run)
{
    Round round;
    QEventLoop loop;
    QObject context;
    int started = 0, flying = 0;
    std::function<void()> startMore = [&] {
        while (started < count && flying < InFlight) {
            const int i = started++;
            const int customer = i % Customers;
            orders::NewOrder order{shop.merchant, shop.customers[customer], {}, {}, {}};
            for (int k = 0; k < LinesPerOrder; ++k)
                order.lines.append({shop.skus[(i * LinesPerOrder + k) % shop.skus.size()], 1 + k % 2});
            ++flying;
            onReady(shop.client->checkout(order, cardOf(shop, customer), true, u"%1-%2"_s.arg(run).arg(i)), &context,
                    [&](const Result<payments::Checkout>& paid) {
                        if (!paid)
                            ++round.refused;
                        else if (paid->payment.status == payments::PaymentStatus::Captured)
                            ++round.captured;
                        else
                            ++round.held;
                        --flying;
                        startMore();
                        if (flying == 0)
                            loop.quit();
                    });
        }
    };
    QElapsedTimer clock;
    clock.start();
    startMore();
    loop.exec();
    round.ordersPerSecond = count / seconds(clock);
    return round;
}

/// Creates the shop, imports the history into its merchant, trains and saves both models
/// (inactive), creates the lists and saves the rule set as a draft: the store both copies start from.
struct Prepared
{
    qint64 gbdtVersion = 0;
    qint64 lrVersion = 0;
    qint64 ruleSetVersion = 0;
};

Prepared prepare(const QString& path, const std::vector<HistoryPayment>& history)
{
    Shop shop{openStore(path)};
    setUpShop(shop);
    engine::Engine& engine = shop.client->engine();
    QElapsedTimer t;
    t.start();
    const std::vector<HistoryPayment> rows(history.begin(), history.begin() + HistoryRows);
    need(wait(engine.write<HistoryImportSummary>(
             Analyst, [&rows, m = shop.merchant](store::UnitOfWork& uow) { return HistoryImport::run(uow, m, rows); })),
         "import");
    report(u"import of the 200,000-payment history"_s, seconds(t), u"s"_s);
    const Dataset data =
        need(wait(engine.read<Dataset>([](QSqlDatabase& db) { return RiskModels::dataset(db, 0, July); })), "dataset");
    const qint64 cutoff = rows[std::size_t(HistoryRows * 85 / 100)].createdMs;
    Prepared p;
    for (const QString& kind : {u"gbdt"_s, u"lr"_s}) {
        const TrainedModel trained = need(RiskModels::train(data, kind, cutoff, ReviewThreshold), "training");
        const ModelVersion saved =
            need(wait(engine.write<ModelVersion>(
                     Analyst, [trained](store::UnitOfWork& uow) { return RiskModels::save(uow, trained); })),
                 "saving a model");
        (kind == u"gbdt"_s ? p.gbdtVersion : p.lrVersion) = saved.version;
    }
    addList(engine, u"trusted_customers"_s, u"email"_s, pool(u"vip%1@example.net"_s, 2000));
    addList(engine, u"blocked_emails"_s, u"email"_s, pool(u"fraudster%1@example.org"_s, 500));
    addList(engine, u"sanctioned_countries"_s, u"country"_s, {u"KP"_s, u"IR"_s, u"SY"_s, u"CU"_s});
    addList(engine, u"disposable_domains"_s, u"text"_s, pool(u"mailinator%1.example"_s, 300));
    p.ruleSetVersion =
        need(wait(engine.write<RuleSetVersion>(
                 Analyst, [](store::UnitOfWork& uow) { return RiskPolicy::saveDraft(uow, RulesText, u"bench"_s); })),
             "saving the rule set")
            .version;
    return p;
}

void activate(engine::Engine& engine, qint64 modelVersion, qint64 ruleSetVersion)
{
    need(wait(engine.write<ModelVersion>(
             Analyst, [modelVersion](store::UnitOfWork& uow) { return RiskModels::activate(uow, modelVersion); })),
         "activating the model");
    if (ruleSetVersion > 0)
        need(wait(engine.write<RuleSetVersion>(
                 Analyst,
                 [ruleSetVersion](store::UnitOfWork& uow) { return RiskPolicy::activate(uow, ruleSetVersion); })),
             "activating the rule set");
}

/// Figure 2: the same checkouts on both stores, rounds alternated (off first, then on first).
void measureCheckout(Shop& off, Shop& on, int perRound, int rounds)
{
    // every customer pays once first, so no run sees a new customer (a night-time rule reviews
    // new customers' large baskets: that would skip the capture and flatter "on")
    checkouts(off, Customers, u"warm"_s);
    checkouts(on, Customers, u"warm"_s);
    QTextStream out(stdout);
    out << "\nFigure 2: checkout orders/s, " << perRound << " per round, " << InFlight << " in flight" << Qt::endl;
    double offSum = 0, onSum = 0;
    Round onTotal;
    for (int r = 0; r < rounds; ++r) {
        const QString run = u"r%1"_s.arg(r);
        Round a, b;
        if (r % 2 == 0) {
            a = checkouts(off, perRound, run);
            b = checkouts(on, perRound, run);
        } else {
            b = checkouts(on, perRound, run);
            a = checkouts(off, perRound, run);
        }
        out << "  round " << r + 1 << ": off " << qRound(a.ordersPerSecond) << ", on " << qRound(b.ordersPerSecond)
            << " orders/s (" << QString::number(100 * b.ordersPerSecond / a.ordersPerSecond, 'f', 1)
            << " %); on: captured " << b.captured << ", held " << b.held << ", refused " << b.refused
            << "; off: captured " << a.captured << Qt::endl;
        offSum += a.ordersPerSecond;
        onSum += b.ordersPerSecond;
    }
    report(u"checkout, risk off (mean of rounds)"_s, offSum / rounds, u"orders/s"_s);
    report(u"checkout, risk on, GBDT + 20 rules (mean of rounds)"_s, onSum / rounds, u"orders/s"_s);
    report(u"on / off (goal >= 85 %)"_s, 100 * onSum / offSum, u"%"_s);
    const auto hits = need(wait(on.client->engine().read<QStringList>([](QSqlDatabase& db) -> Result<QStringList> {
                               QSqlQuery q(db);
                               if (!q.exec(u"SELECT action, coalesce(rule_line, 0), count(*) FROM risk_assessments "
                                           "WHERE source = 'live' GROUP BY 1, 2 ORDER BY 3 DESC"_s))
                                   return Error::internal(q.lastError().text());
                               QStringList out;
                               while (q.next())
                                   out << u"%1 by line %2: %3"_s.arg(q.value(0).toString(), q.value(1).toString(),
                                                                     q.value(2).toString());
                               return out;
                           })),
                           "rule hits");
    out << "  risk on, the checkouts' decisions (line 0: no rule matched): " << hits.join(u"; "_s) << Qt::endl;
}

/// Figure 1: assess() of `rows` live payments, each timed inside its engine write.
enum class Part
{
    Assess,   ///< what the authorization's write runs: judge, then the row and the timeline event
    Judge,    ///< the score alone: features, model, rules, reasons; nothing written
    Features, ///< what judge() starts with
};

void measureScore(Shop& shop, PolicyCache& cache, const std::vector<HistoryPayment>& rows, qsizetype from,
                  qsizetype count, const QString& name, Part part = Part::Assess)
{
    engine::Engine& engine = shop.client->engine();
    orders::NewOrder order{shop.merchant, shop.customers[0], {{shop.skus[0], 1}}, {}, {}};
    const Id orderId = need(wait(shop.client->createOrder(order, souk::test::newKey())), "order").id;
    std::vector<qint64> nanos(std::size_t(count), 0);
    std::vector<int> actions(std::size_t(count), 0);
    constexpr qsizetype Batch = 500;
    for (qsizetype b = 0; b < count; b += Batch) {
        QList<QFuture<Result<int>>> batch;
        for (qsizetype i = b; i < std::min(count, b + Batch); ++i) {
            const RiskInput in = HistoryImport::inputOf(shop.merchant, rows[std::size_t(from + i)]);
            batch << engine.write<int>(
                Analyst,
                [&cache, &nanos, &actions, in, i, orderId, part](store::UnitOfWork& uow) -> Result<int> {
                    QElapsedTimer t;
                    t.start();
                    if (part == Part::Features) {
                        auto f = Features::compute(uow.db(), in);
                        nanos[std::size_t(i)] = t.nsecsElapsed();
                        return f ? Result<int>(0) : Result<int>(f.error());
                    }
                    auto a = part == Part::Judge ? Assessments::judge(uow.db(), uow.newId(), in, cache)
                                                 : Assessments::assess(uow, uow.newId(), orderId, in, cache);
                    nanos[std::size_t(i)] = t.nsecsElapsed();
                    if (!a)
                        return a.error();
                    actions[std::size_t(i)] = int(a->action);
                    return int(a->action);
                });
        }
        for (auto& f : batch)
            need(wait(f), "assess");
    }
    QList<double> all, allowed, flagged;
    for (std::size_t i = 0; i < nanos.size(); ++i) {
        const double us = double(nanos[i]) / 1000.0;
        all << us;
        (actions[i] == int(RiskAction::Allow) ? allowed : flagged) << us;
    }
    QTextStream(stdout) << "  " << name << ": " << count << " payments, " << allowed.size() << " allowed, "
                        << flagged.size() << " blocked or held" << Qt::endl;
    report(u"    all, p50"_s, percentile(all, 50), u"us"_s);
    report(u"    all, p99"_s, percentile(all, 99), u"us"_s);
    report(u"    allowed, p50"_s, percentile(allowed, 50), u"us"_s);
    report(u"    allowed, p99"_s, percentile(allowed, 99), u"us"_s);
    report(u"    block/review, p50"_s, percentile(flagged, 50), u"us"_s);
    report(u"    block/review, p99"_s, percentile(flagged, 99), u"us"_s);
}

void reportHeldOut(const QString& name, const Evaluation& e)
{
    QTextStream(stdout) << "  " << name << ": AUC " << QString::number(e.auc, 'f', 3) << ", recall at 1 % FP "
                        << QString::number(e.recallAt1PctFpr, 'f', 3) << " (" << e.positives << " fraud, "
                        << e.negatives << " legitimate)" << Qt::endl;
}

/// Figures 3 and 4: a fresh store, `rows` payments imported, both models trained until June and
/// evaluated on June, a rule backtested over all of them.
void measureTraining(const QString& path, qint64 rowCount)
{
    QTextStream out(stdout);
    out << "\nFigure 3: " << rowCount << " historical payments" << Qt::endl;
    QElapsedTimer t;
    t.start();
    const std::vector<HistoryPayment> rows = simulate(rowCount);
    report(u"  simulate"_s, seconds(t), u"s"_s);
    auto client = openStore(path);
    engine::Engine& engine = client->engine();
    const Id merchant = wait(client->merchants())->first().id;
    t.start();
    const auto imported =
        need(wait(engine.write<HistoryImportSummary>(
                 Analyst, [&](store::UnitOfWork& uow) { return HistoryImport::run(uow, merchant, rows); })),
             "import");
    report(u"  import (features of every row, one command)"_s, seconds(t), u"s"_s);
    out << "  imported " << imported.rows << " rows, " << imported.fraud << " fraud" << Qt::endl;
    t.start();
    const Dataset data =
        need(wait(engine.read<Dataset>([](QSqlDatabase& db) { return RiskModels::dataset(db, 0, July); })), "dataset");
    const double datasetS = seconds(t);
    report(u"  RiskModels::dataset"_s, datasetS, u"s"_s);
    std::optional<Evaluation> gbdt, lr;
    for (const QString& kind : {u"lr"_s, u"gbdt"_s}) {
        t.start();
        const TrainedModel trained = need(RiskModels::train(data, kind, June, ReviewThreshold), "training");
        const double s = seconds(t);
        report(u"  train "_s + kind + u" (until June, evaluated on June)"_s, s, u"s"_s);
        report(u"  dataset + train "_s + kind + u" (goal < 60 s)"_s, datasetS + s, u"s"_s);
        if (!trained.evaluation)
            qFatal("the held-out month has one class only");
        (kind == u"gbdt"_s ? gbdt : lr) = *trained.evaluation;
    }
    t.start();
    const auto backtest =
        need(wait(engine.read<BacktestResult>([](QSqlDatabase& db) {
                 return Backtest::run(db, u"Block if :card_country: != :ip_country: and :amount: > 300"_s, 0, July);
             })),
             "backtest");
    report(u"  backtest of one rule over all (goal < 5 s)"_s, seconds(t), u"s"_s);
    out << "  it would have blocked " << backtest.blocked << " of " << backtest.payments << " payments, "
        << backtest.blockedFraud << " of them fraud" << Qt::endl;

    const TimeSplit split = data.splitAt(June);
    const int amount = int(split.evaluate.featureNames().indexOf(u"amount"_s));
    std::vector<double> amounts;
    for (qsizetype i = 0; i < split.evaluate.rowCount(); ++i)
        amounts.push_back(double(split.evaluate.row(i)[std::size_t(amount)]));
    const Evaluation byAmount = need(Evaluation::evaluate(amounts, split.evaluate.labels(), 0), "amount baseline");
    out << "\nFigure 4: held-out month (June; trained on January-May, " << split.train.rowCount() << " rows; "
        << split.evaluate.rowCount() << " evaluated)" << Qt::endl;
    reportHeldOut(u"logistic regression"_s, *lr);
    reportHeldOut(u"GBDT"_s, *gbdt);
    reportHeldOut(u"amount alone"_s, byAmount);
    // why the models do so well: the simulator's patterns show in single features
    QList<QPair<double, QString>> single;
    for (int f = 0; f < split.evaluate.featureCount(); ++f) {
        std::vector<double> values;
        for (qsizetype i = 0; i < split.evaluate.rowCount(); ++i) {
            const float v = split.evaluate.row(i)[std::size_t(f)];
            values.push_back(std::isnan(v) ? -1e30 : double(v));
        }
        if (auto auc = rocAuc(values, split.evaluate.labels()))
            single.append({std::max(*auc, 1 - *auc), split.evaluate.featureNames()[f]});
    }
    std::sort(single.begin(), single.end(), std::greater<>());
    out << "  single features, AUC (either direction):";
    for (qsizetype i = 0; i < std::min<qsizetype>(6, single.size()); ++i)
        out << ' ' << single[i].second << ' ' << QString::number(single[i].first, 'f', 3);
    out << Qt::endl;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"souk.*.info=false"_s);
    const auto arg = [&](int i, qint64 fallback) {
        return argc > i ? QString::fromLocal8Bit(argv[i]).toLongLong() : fallback;
    };
    const qsizetype scored = arg(1, 20'000);
    const int perRound = int(arg(2, 2000));
    const int rounds = int(arg(3, 4));
    const qint64 historyRows = arg(4, 1'000'000);
    if (scored < 100 || perRound < 100 || rounds < 1 || historyRows < 10'000)
        qFatal("usage: bench_risk [SCORED [CHECKOUTS_PER_ROUND ROUNDS [HISTORY]]]");
    QTemporaryDir dir;
    QTextStream out(stdout);

    // the history and four later slices of live payments: GBDT, LR, nothing active, features alone
    const std::vector<HistoryPayment> rows = simulate(HistoryRows + 4 * scored);
    const QString offPath = dir.filePath(u"risk-off.souk"_s), onPath = dir.filePath(u"risk-on.souk"_s);
    const Prepared p = prepare(offPath, rows);
    for (const QString& suffix : {u""_s, u"-wal"_s})
        if (QFile::exists(offPath + suffix) && !QFile::copy(offPath + suffix, onPath + suffix))
            qFatal("copying the store");
    Shop off{openStore(offPath)}, on{openStore(onPath)};
    loadShop(off);
    loadShop(on);
    activate(on.client->engine(), p.gbdtVersion, p.ruleSetVersion);

    measureCheckout(off, on, perRound, rounds);

    out << "\nFigure 1: assess() inside the authorization's write, " << HistoryRows << " payments of history, 20 rules"
        << Qt::endl;
    PolicyCache onCache, offCache;
    measureScore(on, onCache, rows, HistoryRows, scored, u"GBDT active"_s);
    measureScore(on, onCache, rows, HistoryRows, scored,
                 u"GBDT active, the score alone (features + model + rules + reasons; nothing written)"_s, Part::Judge);
    activate(on.client->engine(), p.lrVersion, 0);
    measureScore(on, onCache, rows, HistoryRows + scored, scored, u"logistic regression active"_s);
    measureScore(off, offCache, rows, HistoryRows + 2 * scored, scored, u"nothing active (features + row only)"_s);
    measureScore(off, offCache, rows, HistoryRows + 3 * scored, scored, u"Features::compute alone"_s, Part::Features);
    off.client.reset();
    on.client.reset();

    measureTraining(dir.filePath(u"history.souk"_s), historyRows);
    return 0;
}
