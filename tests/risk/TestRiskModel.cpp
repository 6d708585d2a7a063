#include <QTest>

#include <cmath>
#include <random>

#include "backend/risk/model/Dataset.h"
#include "backend/risk/model/Evaluation.h"
#include "backend/risk/model/LogisticRegression.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::risk;

/// Logistic regression: learns a known linear problem, explains itself exactly, survives a round trip
/// through bytes, refuses corrupt bytes and bad input, and stops when cancelled.
class TestRiskModel final : public QObject
{
    Q_OBJECT

private slots:
    void learnsLinearProblem();
    void classWeightsSpreadScores();
    void contributionsSumToLogit();
    void missingValueContributesNothing();
    void roundTripGivesIdenticalScores();
    void corruptBytesRejected_data();
    void corruptBytesRejected();
    void unknownKindRejected();
    void cancelStopsTraining();
    void progressRisesToOne();
    void badInputRejected();
    void score100Mapping();
    void timeSplit();

private:
    /// fraud with probability sigmoid(-8 + 3·x0 - 2.5·x1 + 2·x2); x3, x4 are noise. Times 0, 1, 2, ...
    static Dataset linear(int rows, quint32 seed)
    {
        std::mt19937 random(seed);
        std::normal_distribution<float> normal;
        std::uniform_real_distribution<double> uniform;
        Dataset data({u"x0"_s, u"x1"_s, u"x2"_s, u"noise3"_s, u"noise4"_s});
        data.reserve(rows);
        for (int i = 0; i < rows; ++i) {
            float x[5];
            for (float& v : x)
                v = normal(random);
            const double logit = -8 + 3 * x[0] - 2.5 * x[1] + 2 * x[2];
            data.addRow(x, uniform(random) < sigmoid(logit), i);
        }
        return data;
    }
    static LogisticRegression trained(const Dataset& data, TrainOptions options = {})
    {
        auto model = LogisticRegression::train(data, options);
        if (!model)
            qFatal("%s", qPrintable(model.error().toString()));
        return std::move(model).value();
    }
    static double auc(const Model& model, const Dataset& data)
    {
        const std::vector<double> scores = model.scoreAll(data);
        return *rocAuc(scores, data.labels());
    }
};

void TestRiskModel::learnsLinearProblem()
{
    const LogisticRegression model = trained(linear(20'000, 1));
    const double heldOut = auc(model, linear(10'000, 2));
    QVERIFY2(heldOut > 0.9, qPrintable(QString::number(heldOut)));
    // the signs and order of the true coefficients come back; noise stays small
    const auto& beta = model.coefficients();
    QVERIFY(beta[0] > 0 && beta[1] < 0 && beta[2] > 0);
    QVERIFY(beta[0] > -beta[1] && -beta[1] > beta[2]);
    QVERIFY(std::abs(beta[3]) < 0.2 && std::abs(beta[4]) < 0.2);
    QVERIFY(model.iterations() < 30);
}

void TestRiskModel::classWeightsSpreadScores()
{
    const Dataset data = linear(20'000, 3);
    const double fraudRate = double(data.positiveCount()) / data.rowCount();
    QVERIFY(fraudRate < 0.1);
    auto meanScore = [&](const Model& model, int label) {
        const std::vector<double> scores = model.scoreAll(data);
        double sum = 0;
        int count = 0;
        for (qsizetype i = 0; i < data.rowCount(); ++i) {
            if (data.label(i) == label) {
                sum += scores[std::size_t(i)];
                ++count;
            }
        }
        return sum / count;
    };
    // balanced (default): fraud rows score above 0.5 on average, legitimate ones below
    const LogisticRegression balanced = trained(data);
    QVERIFY(meanScore(balanced, 1) > 0.5);
    QVERIFY(meanScore(balanced, 0) < 0.5);
    // unweighted: the mean score is the fraud rate (a property of the logistic MLE with a bias)
    TrainOptions unweighted;
    unweighted.positiveWeight = 1;
    const LogisticRegression plain = trained(data, unweighted);
    const double mean =
        (meanScore(plain, 1) * data.positiveCount() + meanScore(plain, 0) * (data.rowCount() - data.positiveCount())) /
        data.rowCount();
    QVERIFY2(std::abs(mean - fraudRate) < 0.002, qPrintable(u"%1 vs %2"_s.arg(mean).arg(fraudRate)));
}

void TestRiskModel::contributionsSumToLogit()
{
    const Dataset data = linear(5'000, 4);
    const LogisticRegression model = trained(data);
    Contributions out;
    for (qsizetype i = 0; i < 200; ++i) {
        model.contributionsInto(data.row(i), out);
        QCOMPARE(out.features.size(), std::size_t(5));
        QVERIFY(std::abs(out.margin() - model.margin(data.row(i))) < 1e-9);
        QVERIFY(std::abs(sigmoid(out.margin()) - model.score(data.row(i))) < 1e-12);
    }
    // x0 pushes towards fraud when above its mean
    const float high[5] = {3, 0, 0, 0, 0};
    QVERIFY(model.contributions(high).features[0] > 1);
}

void TestRiskModel::missingValueContributesNothing()
{
    const LogisticRegression model = trained(linear(5'000, 5));
    const float row[5] = {NAN, 1, 1, 0, 0};
    const Contributions c = model.contributions(row);
    QCOMPARE(c.features[0], 0.0);
    QVERIFY(std::isfinite(model.score(row)));
}

void TestRiskModel::roundTripGivesIdenticalScores()
{
    const Dataset data = linear(5'000, 6);
    const LogisticRegression model = trained(data);
    const QByteArray bytes = model.toBytes();
    const auto loaded = Model::fromBytes(u"lr"_s, bytes);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    const Model& copy = **loaded;
    QCOMPARE(copy.kind(), u"lr"_s);
    QCOMPARE(copy.featureNames(), data.featureNames());
    for (qsizetype i = 0; i < data.rowCount(); ++i)
        QCOMPARE(copy.score(data.row(i)), model.score(data.row(i))); // bit-identical
    QCOMPARE(copy.toBytes(), bytes);
}

void TestRiskModel::corruptBytesRejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray good = trained(linear(2'000, 7)).toBytes();
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("\x01\x02\x03 not json");
    QTest::newRow("truncated") << good.left(good.size() / 2);
    QTest::newRow("other format") << QByteArray(good).replace("souk.risk.lr", "souk.risk.xx");
    QTest::newRow("newer version") << QByteArray(good).replace("\"version\":1", "\"version\":2");
    QTest::newRow("coefficient not a number")
        << QByteArray(good).replace("\"coefficients\":[", "\"coefficients\":[\"a\",");
    QTest::newRow("missing bias") << QByteArray(good).replace("\"bias\"", "\"bIas\"");
    QTest::newRow("scale zero") << QByteArray(good)
                                       .replace("\"scale\":[", "\"scale\":[0,")
                                       .replace("\"noise4\"]", "\"noise4\",\"x5\"]")
                                       .replace("\"mean\":[", "\"mean\":[0,")
                                       .replace("\"coefficients\":[", "\"coefficients\":[0,");
    QTest::newRow("duplicate feature") << QByteArray(good).replace("\"noise4\"", "\"noise3\"");
}

void TestRiskModel::corruptBytesRejected()
{
    QFETCH(QByteArray, bytes);
    const auto loaded = Model::fromBytes(u"lr"_s, bytes);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, ErrorCode::Invalid);
    QCOMPARE(loaded.error().field, u"model"_s);
    QVERIFY(loaded.error().message.contains(u"logistic regression"_s));
}

void TestRiskModel::unknownKindRejected()
{
    const auto loaded = Model::fromBytes(u"forest"_s, trained(linear(2'000, 8)).toBytes());
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().field, u"kind"_s);
    const auto trainedKind = Model::train(u"forest"_s, linear(100, 8), {});
    QVERIFY(!trainedKind.ok());
    QCOMPARE(trainedKind.error().field, u"kind"_s);
}

void TestRiskModel::cancelStopsTraining()
{
    const Dataset data = linear(5'000, 9);
    int calls = 0;
    const auto result = LogisticRegression::train(data, {}, [&](double) { return ++calls < 3; });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Cancelled);
    QCOMPARE(errorCodeName(result.error().code), u"cancelled"_s);
    QCOMPARE(calls, 3); // no call after the one that said stop
    const auto viaModel = Model::train(u"lr"_s, data, {}, [](double) { return false; });
    QVERIFY(!viaModel.ok());
    QCOMPARE(viaModel.error().code, ErrorCode::Cancelled);
}

void TestRiskModel::progressRisesToOne()
{
    QList<double> seen;
    const auto result = LogisticRegression::train(linear(5'000, 10), {}, [&](double f) {
        seen << f;
        return true;
    });
    QVERIFY(result.ok());
    QVERIFY(seen.size() >= 3);
    QCOMPARE(seen.front(), 0.0);
    QCOMPARE(seen.back(), 1.0);
    for (qsizetype i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i] >= seen[i - 1]);
}

void TestRiskModel::badInputRejected()
{
    Dataset oneClass({u"a"_s});
    const float x[1] = {1};
    oneClass.addRow(x, false, 0);
    oneClass.addRow(x, false, 1);
    auto result = LogisticRegression::train(oneClass, {});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().field, u"labels"_s);

    Dataset duplicate({u"a"_s, u"a"_s}, {1, 2, 3, 4}, {0, 1}, {0, 1});
    result = LogisticRegression::train(duplicate, {});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().field, u"featureNames"_s);

    Dataset ragged({u"a"_s, u"b"_s}, {1, 2, 3}, {0, 1}, {0, 1});
    QCOMPARE(ragged.validate().error().field, u"values"_s);

    Dataset badLabel({u"a"_s}, {1, 2}, {0, 2}, {0, 1});
    QCOMPARE(badLabel.validate().error().field, u"labels"_s);

    Dataset infinite({u"a"_s, u"b"_s}, {1, 2, 3, INFINITY}, {0, 1}, {0, 1});
    QCOMPARE(infinite.validate().error().field, u"b"_s);

    TrainOptions options;
    options.l2 = 0;
    result = LogisticRegression::train(linear(100, 11), options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().field, u"l2"_s);
    options = {};
    options.maxDepth = 0;
    QCOMPARE(options.validate().error().field, u"maxDepth"_s);
}

void TestRiskModel::score100Mapping()
{
    QCOMPARE(score100(0.0), 0);
    QCOMPARE(score100(0.004), 0);
    QCOMPARE(score100(0.006), 1);
    QCOMPARE(score100(0.65), 65);
    QCOMPARE(score100(0.999), 100);
    QCOMPARE(score100(1.0), 100);
    QCOMPARE(score100(-0.5), 0);
    QCOMPARE(score100(std::nan("")), 100);
}

void TestRiskModel::timeSplit()
{
    const Dataset data = linear(100, 12); // times 0..99
    const TimeSplit split = data.splitAt(70);
    QCOMPARE(split.train.rowCount(), 70);
    QCOMPARE(split.evaluate.rowCount(), 30);
    QCOMPARE(split.train.timeMs(69), 69);
    QCOMPARE(split.evaluate.timeMs(0), 70);
    QVERIFY(std::equal(split.evaluate.row(0).begin(), split.evaluate.row(0).end(), data.row(70).begin()));
    QCOMPARE(split.evaluate.label(5), data.label(75));
    QCOMPARE(split.train.featureNames(), data.featureNames());
    QCOMPARE(data.splitAt(0).train.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestRiskModel)
#include "TestRiskModel.moc"
