// Risk model training and scoring: both models trained on ROWS synthetic payments (24 features, ~2 %
// fraud with interactions a linear model cannot see), then held-out AUC and recall at 1 % false
// positives on 200,000 more rows, then single-row scoring latency p50/p99 (each call timed alone,
// rows cycled through the held-out set), with and without contributions, and XGBoost's own C API
// path for comparison. Usage: bench_risk_model [ROWS [DEPTH ROUNDS]] (default 1000000 and the
// TrainOptions defaults). Build in Release.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cmath>
#include <random>

#include "backend/risk/model/Dataset.h"
#include "backend/risk/model/Evaluation.h"
#include "backend/risk/model/Gbdt.h"
#include "backend/risk/model/LogisticRegression.h"
#include "tests/bench/BenchSupport.h"

using namespace Qt::StringLiterals;
using namespace souk::risk;
using souk::bench::percentile;
using souk::bench::report;

namespace {

const QStringList FeatureNames{
    u"amount_log"_s,
    u"amount_to_customer_mean"_s,
    u"amount_to_merchant_mean"_s,
    u"card_payments_1h"_s,
    u"card_payments_24h"_s,
    u"card_declines_24h"_s,
    u"email_payments_1h"_s,
    u"ip_payments_1h"_s,
    u"ip_distinct_cards_1h"_s,
    u"device_payments_1h"_s,
    u"device_distinct_cards_24h"_s,
    u"card_ip_country_mismatch"_s,
    u"shipping_card_mismatch"_s,
    u"is_new_customer"_s,
    u"is_new_device"_s,
    u"email_domain_disposable"_s,
    u"hour_of_day"_s,
    u"shipping_distance_km"_s,
    u"customer_age_days"_s,
    u"customer_disputes"_s,
    u"customer_refunds"_s,
    u"card_brand_amex"_s,
    u"merchant_fraud_rate"_s,
    u"basket_items"_s,
};

/// One synthetic payment: honest traffic plus card testing (velocity), stolen cards (mismatch, new
/// customer, big amount, at night) and account takeover (known customer, new device, far shipping).
Dataset synthetic(qsizetype rows, quint32 seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<float> normal;
    std::uniform_real_distribution<float> uniform;
    std::poisson_distribution<int> few(0.3), some(2.0);
    Dataset data(FeatureNames);
    data.reserve(rows);
    float x[24];
    for (qsizetype i = 0; i < rows; ++i) {
        x[0] = 3.5f + normal(random);
        x[1] = std::exp(0.5f * normal(random));
        x[2] = std::exp(0.5f * normal(random));
        x[3] = float(few(random));
        x[4] = x[3] + float(some(random));
        x[5] = float(few(random));
        x[6] = float(few(random));
        x[7] = float(few(random));
        x[8] = float(few(random));
        x[9] = float(few(random));
        x[10] = float(few(random));
        x[11] = uniform(random) < 0.1f ? 1 : 0;
        x[12] = uniform(random) < 0.15f ? 1 : 0;
        x[13] = uniform(random) < 0.3f ? 1 : 0;
        x[14] = uniform(random) < 0.1f ? 1 : 0;
        x[15] = uniform(random) < 0.03f ? 1 : 0;
        x[16] = float(int(uniform(random) * 24));
        x[17] = uniform(random) * 800;
        x[18] = x[13] > 0 ? 0 : uniform(random) * 2000;
        x[19] = float(few(random) / 2);
        x[20] = float(few(random));
        x[21] = uniform(random) < 0.12f ? 1 : 0;
        x[22] = 0.02f * std::exp(0.3f * normal(random));
        x[23] = float(1 + some(random));
        if (uniform(random) < 0.05f)
            x[1] = NAN; // no customer history yet
        const bool night = x[16] < 6;
        double logit = -6.5 + 0.15 * x[5] + 0.3 * x[19] + 8 * (x[22] - 0.02) + 0.8 * x[15];
        logit += (x[8] >= 2 && x[9] >= 1) ? 5.5 : 0.0;                                          // card testing
        logit += (x[11] > 0 && x[13] > 0) ? (x[0] > 4 ? 5.0 : 3.0) + (night ? 1.5 : 0.0) : 0.0; // stolen card
        logit += (x[13] == 0 && x[14] > 0 && x[17] > 500) ? 5.0 : 0.0;                          // account takeover
        data.addRow(x, uniform(random) < 1 / (1 + std::exp(-logit)), i * 1000);
    }
    return data;
}

struct Latency
{
    QList<double> micros;
    void add(qint64 nanos) { micros << double(nanos) / 1000.0; }
};

template <typename Call> Latency time(const Dataset& rows, int samples, Call call)
{
    Latency latency;
    latency.micros.reserve(samples);
    QElapsedTimer timer;
    for (int i = 0; i < samples; ++i) {
        const auto row = rows.row(i % rows.rowCount());
        timer.start();
        call(row);
        latency.add(timer.nsecsElapsed());
    }
    return latency;
}

void reportLatency(const QString& name, const Latency& latency)
{
    report(name + u" p50"_s, percentile(latency.micros, 50), u"us"_s);
    report(name + u" p99"_s, percentile(latency.micros, 99), u"us"_s);
}

void reportQuality(const QString& name, const Model& model, const Dataset& heldOut)
{
    const std::vector<double> scores = model.scoreAll(heldOut);
    const auto evaluation = Evaluation::evaluate(scores, heldOut.labels(), 0.5);
    report(name + u" held-out AUC"_s, evaluation->auc, QString());
    report(name + u" held-out recall at 1% FPR"_s, evaluation->recallAt1PctFpr, QString());
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qsizetype rowCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 1'000'000;
    QTextStream out(stdout);
    QElapsedTimer timer;
    timer.start();
    const Dataset train = synthetic(rowCount, 1);
    const Dataset heldOut = synthetic(200'000, 2);
    out << "rows " << train.rowCount() << " x " << train.featureCount() << ", fraud " << train.positiveCount() << " ("
        << QString::number(100.0 * train.positiveCount() / train.rowCount(), 'f', 2) << " %), built in "
        << timer.elapsed() << " ms, RSS " << souk::bench::residentMb() << " MB" << Qt::endl;

    TrainOptions options; // the defaults the engine uses, unless DEPTH and ROUNDS are given
    if (argc > 3) {
        options.maxDepth = QString::fromLocal8Bit(argv[2]).toInt();
        options.rounds = QString::fromLocal8Bit(argv[3]).toInt();
    }
    timer.start();
    auto lr = LogisticRegression::train(train, options);
    if (!lr)
        qFatal("%s", qPrintable(lr.error().toString()));
    report(u"lr: train (%1 Newton steps)"_s.arg(lr->iterations()), timer.elapsed() / 1000.0, u"s"_s);
    timer.start();
    auto gbdt = Gbdt::train(train, options);
    if (!gbdt)
        qFatal("%s", qPrintable(gbdt.error().toString()));
    report(u"gbdt: train (%1 trees, depth %2, %3 threads)"_s.arg(gbdt->treeCount())
               .arg(options.maxDepth)
               .arg(options.threads),
           timer.elapsed() / 1000.0, u"s"_s);
    out << "RSS after training " << souk::bench::residentMb() << " MB" << Qt::endl;
    reportQuality(u"lr"_s, *lr, heldOut);
    reportQuality(u"gbdt"_s, *gbdt, heldOut);

    constexpr int Samples = 200'000;
    volatile double sink = 0;
    Contributions reasons;
    reportLatency(u"lr: score one row"_s, time(heldOut, Samples, [&](auto row) { sink = lr->score(row); }));
    reportLatency(u"lr: score + contributions"_s, time(heldOut, Samples, [&](auto row) {
                      sink = lr->score(row);
                      lr->contributionsInto(row, reasons);
                  }));
    reportLatency(u"gbdt: score one row"_s, time(heldOut, Samples, [&](auto row) { sink = gbdt->score(row); }));
    reportLatency(u"gbdt: score + TreeSHAP contributions"_s, time(heldOut, Samples, [&](auto row) {
                      sink = gbdt->score(row);
                      gbdt->contributionsInto(row, reasons);
                  }));
    reportLatency(u"gbdt via XGBoost C API: in-place margin"_s,
                  time(heldOut, 20'000, [&](auto row) { sink = *gbdt->xgboostMargin(row); }));
    reportLatency(u"gbdt via XGBoost C API: pred_contribs"_s,
                  time(heldOut, 5'000, [&](auto row) { sink = gbdt->xgboostContributions(row)->bias; }));
    timer.start();
    const QByteArray bytes = gbdt->toBytes();
    const auto loaded = Gbdt::fromBytes(bytes);
    report(u"gbdt: toBytes + fromBytes (%1 KB)"_s.arg(bytes.size() / 1024), double(timer.elapsed()), u"ms"_s);
    return loaded.ok() ? 0 : 1;
}
