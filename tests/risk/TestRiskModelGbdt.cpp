#include <QTest>

#include <cmath>
#include <random>

#include "backend/risk/model/Dataset.h"
#include "backend/risk/model/Evaluation.h"
#include "backend/risk/model/Gbdt.h"
#include "backend/risk/model/LogisticRegression.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::risk;

/// Gradient-boosted trees: learn what a linear model cannot, explain themselves exactly as XGBoost's
/// TreeSHAP does, survive a round trip through bytes, refuse corrupt bytes and stop when cancelled.
class TestRiskModelGbdt final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void learnsXorThatLogisticRegressionCannot();
    void nativeMarginMatchesXgboost();
    void shapSumsToMarginAndMatchesXgboost();
    void roundTripGivesIdenticalScores();
    void corruptBytesRejected_data();
    void corruptBytesRejected();
    void cancelStopsTraining();

private:
    /// fraud in two opposite corners, x0 and x1 both above 0.4 or both below -0.4 (18 % of rows), with
    /// 5 % of labels flipped: no linear function of x0, x1 separates it. x2 and x3 are noise; 10 % of
    /// x1 is missing.
    static Dataset xorLike(int rows, quint32 seed)
    {
        std::mt19937 random(seed);
        std::uniform_real_distribution<float> uniform(-1, 1);
        Dataset data({u"x0"_s, u"x1"_s, u"noise2"_s, u"noise3"_s});
        data.reserve(rows);
        for (int i = 0; i < rows; ++i) {
            float x[4] = {uniform(random), uniform(random), uniform(random), uniform(random)};
            bool fraud = (x[0] > 0.4f && x[1] > 0.4f) || (x[0] < -0.4f && x[1] < -0.4f);
            if (uniform(random) > 0.9f) // uniform on (-1, 1): 5 %
                fraud = !fraud;
            if (uniform(random) > 0.8f)
                x[1] = NAN;
            data.addRow(x, fraud, i);
        }
        return data;
    }
    static TrainOptions small()
    {
        TrainOptions options;
        options.rounds = 60;
        options.maxDepth = 4;
        options.eta = 0.3;
        return options;
    }

    Dataset m_train;
    Dataset m_test;
    std::unique_ptr<Gbdt> m_model;
};

void TestRiskModelGbdt::initTestCase()
{
    m_train = xorLike(20'000, 1);
    m_test = xorLike(5'000, 2);
    auto model = Gbdt::train(m_train, small());
    QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.error().toString()));
    m_model = std::make_unique<Gbdt>(std::move(model).value());
    QCOMPARE(m_model->treeCount(), 60);
    QCOMPARE(m_model->kind(), u"gbdt"_s);
}

void TestRiskModelGbdt::learnsXorThatLogisticRegressionCannot()
{
    const auto lr = LogisticRegression::train(m_train, {});
    QVERIFY(lr.ok());
    const double gbdtAuc = *rocAuc(m_model->scoreAll(m_test), m_test.labels());
    const double lrAuc = *rocAuc(lr->scoreAll(m_test), m_test.labels());
    qInfo("held-out AUC: gbdt %.4f, lr %.4f", gbdtAuc, lrAuc);
    QVERIFY2(gbdtAuc > 0.85, qPrintable(QString::number(gbdtAuc)));
    QVERIFY2(lrAuc < 0.75, qPrintable(QString::number(lrAuc)));
    QVERIFY(gbdtAuc > lrAuc + 0.1);
}

void TestRiskModelGbdt::nativeMarginMatchesXgboost()
{
    for (qsizetype i = 0; i < 500; ++i) {
        const auto reference = m_model->xgboostMargin(m_test.row(i));
        QVERIFY(reference.ok());
        const double native = m_model->margin(m_test.row(i));
        QVERIFY2(std::abs(native - *reference) < 1e-4,
                 qPrintable(u"row %1: %2 vs %3"_s.arg(i).arg(native).arg(*reference)));
        QCOMPARE(m_model->score(m_test.row(i)), sigmoid(native));
    }
    const float allMissing[4] = {NAN, NAN, NAN, NAN};
    QVERIFY(std::abs(m_model->margin(allMissing) - *m_model->xgboostMargin(allMissing)) < 1e-4);
}

void TestRiskModelGbdt::shapSumsToMarginAndMatchesXgboost()
{
    Contributions native;
    for (qsizetype i = 0; i < 300; ++i) {
        const auto row = m_test.row(i);
        m_model->contributionsInto(row, native);
        QCOMPARE(native.features.size(), std::size_t(4));
        QVERIFY2(std::abs(native.margin() - m_model->margin(row)) < 1e-4,
                 qPrintable(u"row %1: sum %2, margin %3"_s.arg(i).arg(native.margin()).arg(m_model->margin(row))));
        const auto reference = m_model->xgboostContributions(row);
        QVERIFY(reference.ok());
        QVERIFY(std::abs(reference->margin() - *m_model->xgboostMargin(row)) < 1e-4);
        for (std::size_t f = 0; f < 4; ++f)
            QVERIFY2(std::abs(native.features[f] - reference->features[f]) < 1e-4,
                     qPrintable(u"row %1 feature %2: %3 vs %4"_s.arg(i)
                                    .arg(f)
                                    .arg(native.features[f])
                                    .arg(reference->features[f])));
        QVERIFY(std::abs(native.bias - reference->bias) < 1e-4);
    }
    // the noise features explain little; the corner pair explains most
    double noise = 0, pair = 0;
    for (qsizetype i = 0; i < 300; ++i) {
        const Contributions c = m_model->contributions(m_test.row(i));
        noise += std::abs(c.features[2]) + std::abs(c.features[3]);
        pair += std::abs(c.features[0]) + std::abs(c.features[1]);
    }
    QVERIFY(noise * 5 < pair);
}

void TestRiskModelGbdt::roundTripGivesIdenticalScores()
{
    const QByteArray bytes = m_model->toBytes();
    const auto loaded = Model::fromBytes(u"gbdt"_s, bytes);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    const Model& copy = **loaded;
    QCOMPARE(copy.featureNames(), m_train.featureNames());
    Contributions a, b;
    for (qsizetype i = 0; i < m_test.rowCount(); ++i) {
        QCOMPARE(copy.score(m_test.row(i)), m_model->score(m_test.row(i))); // bit-identical
        if (i < 100) {
            copy.contributionsInto(m_test.row(i), a);
            m_model->contributionsInto(m_test.row(i), b);
            QCOMPARE(a.features, b.features);
        }
    }
    QCOMPARE(copy.toBytes(), bytes);
}

void TestRiskModelGbdt::corruptBytesRejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const QByteArray good = Gbdt::train(xorLike(500, 3), small())->toBytes();
    QByteArray flipped = good;
    flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x20);
    QByteArray newer = good;
    newer[11] = 2; // the format version (big-endian quint32 after the 8-byte magic)
    QTest::newRow("empty") << QByteArray() << u"SOUKGBDT"_s;
    QTest::newRow("garbage") << QByteArray("not a model at all") << u"SOUKGBDT"_s;
    QTest::newRow("truncated") << good.left(good.size() - 10) << u"truncated"_s;
    QTest::newRow("extra bytes") << good + "x" << u"truncated"_s;
    QTest::newRow("one byte changed") << flipped << u"SHA-256"_s;
    QTest::newRow("newer version") << newer << u"version 2"_s;
    QTest::newRow("logistic regression bytes")
        << LogisticRegression::train(xorLike(500, 3), {})->toBytes() << u"SOUKGBDT"_s;
}

void TestRiskModelGbdt::corruptBytesRejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const auto loaded = Model::fromBytes(u"gbdt"_s, bytes);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, ErrorCode::Invalid);
    QCOMPARE(loaded.error().field, u"model"_s);
    QVERIFY2(loaded.error().message.contains(message), qPrintable(loaded.error().message));
}

void TestRiskModelGbdt::cancelStopsTraining()
{
    QList<double> seen;
    const auto result = Gbdt::train(m_train, small(), [&](double fraction) {
        seen << fraction;
        return seen.size() < 4; // 0, then rounds 1..3: stop after the third round
    });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Cancelled);
    QCOMPARE(errorCodeName(result.error().code), u"cancelled"_s);
    QCOMPARE(seen.size(), 4);
    QCOMPARE(seen.back(), 3.0 / 60);
}

QTEST_GUILESS_MAIN(TestRiskModelGbdt)
#include "TestRiskModelGbdt.moc"
