#include <QTest>

#include <cmath>
#include <random>

#include "backend/risk/model/Evaluation.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::risk;

/// Evaluation: exact AUC with ties on hand-computed cases and against brute-force pair counting,
/// recall at 1 % false positives, the confusion matrix, the curve and bad input.
class TestRiskModelEvaluation final : public QObject
{
    Q_OBJECT

private slots:
    void aucHandCases_data();
    void aucHandCases();
    void aucMatchesPairCounting();
    void recallAtOnePercentFalsePositives();
    void confusionAtThreshold();
    void curveIsDownsampledAndMonotone();
    void badInputRejected();
};

void TestRiskModelEvaluation::aucHandCases_data()
{
    QTest::addColumn<QList<double>>("scores");
    QTest::addColumn<QList<int>>("labels");
    QTest::addColumn<double>("auc");
    QTest::newRow("perfect") << QList<double>{0.9, 0.8, 0.2, 0.1} << QList<int>{1, 1, 0, 0} << 1.0;
    QTest::newRow("reversed") << QList<double>{0.9, 0.8, 0.2, 0.1} << QList<int>{0, 0, 1, 1} << 0.0;
    QTest::newRow("all tied") << QList<double>{0.5, 0.5, 0.5, 0.5} << QList<int>{1, 0, 1, 0} << 0.5;
    // pairs (pos, neg): (0.9,0.8)=1 (0.9,0.1)=1 (0.8,0.8)=½ (0.8,0.1)=1 → 3.5 / 4
    QTest::newRow("one tie across classes") << QList<double>{0.9, 0.8, 0.8, 0.1} << QList<int>{1, 0, 1, 0} << 0.875;
    // pos {0.5, 0.2}, neg {0.5, 0.5}: ½ + ½ + 0 + 0 → 1 / 4
    QTest::newRow("ties against two negatives") << QList<double>{0.5, 0.5, 0.5, 0.2} << QList<int>{1, 0, 0, 1} << 0.25;
    // pos {3, 2, 2}, neg {2, 1}: (3,2)=1 (3,1)=1 (2,2)=½ (2,1)=1 (2,2)=½ (2,1)=1 → 5 / 6
    QTest::newRow("ties inside and across") << QList<double>{3, 2, 2, 2, 1} << QList<int>{1, 1, 1, 0, 0} << 5.0 / 6;
}

void TestRiskModelEvaluation::aucHandCases()
{
    QFETCH(QList<double>, scores);
    QFETCH(QList<int>, labels);
    QFETCH(double, auc);
    const std::vector<quint8> l(labels.begin(), labels.end());
    const auto result = rocAuc(std::vector<double>(scores.begin(), scores.end()), l);
    QVERIFY(result.ok());
    QCOMPARE(*result, auc);
}

void TestRiskModelEvaluation::aucMatchesPairCounting()
{
    std::mt19937 random(7);
    for (int trial = 0; trial < 20; ++trial) {
        const int n = 50 + trial * 20;
        std::vector<double> scores(std::size_t(n), 0.0);
        std::vector<quint8> labels(std::size_t(n), 0);
        for (int i = 0; i < n; ++i) {
            labels[std::size_t(i)] = random() % 4 == 0 ? 1 : 0;
            // few distinct values, so many ties; positives a little higher
            scores[std::size_t(i)] = double(random() % 10) + labels[std::size_t(i)] * double(random() % 3);
        }
        labels[0] = 1;
        labels[1] = 0;
        double wins = 0;
        qint64 pairs = 0;
        for (int p = 0; p < n; ++p) {
            for (int q = 0; q < n; ++q) {
                if (labels[std::size_t(p)] == 1 && labels[std::size_t(q)] == 0) {
                    ++pairs;
                    wins += scores[std::size_t(p)] > scores[std::size_t(q)]    ? 1.0
                            : scores[std::size_t(p)] == scores[std::size_t(q)] ? 0.5
                                                                               : 0.0;
                }
            }
        }
        QVERIFY(std::abs(*rocAuc(scores, labels) - wins / double(pairs)) < 1e-12);
    }
}

void TestRiskModelEvaluation::recallAtOnePercentFalsePositives()
{
    // 200 legitimate rows: two at 0.9 and 0.7, the rest at 0.000..0.197. 10 fraud rows: four at 0.95,
    // three at 0.75, two at 0.65, one at 0.05. Walking down: 0.95 (fp 0, tp 4), 0.9 (1, 4), 0.75 (1, 7),
    // 0.7 (2, 7), 0.65 (2, 9), 0.197 (3, 9)... 1 % of 200 is 2 false positives: best recall 9 / 10.
    std::vector<double> scores{0.9, 0.7};
    std::vector<quint8> labels{0, 0};
    for (int i = 0; i < 198; ++i) {
        scores.push_back(i / 1000.0);
        labels.push_back(0);
    }
    for (const double s : {0.95, 0.95, 0.95, 0.95, 0.75, 0.75, 0.75, 0.65, 0.65, 0.05}) {
        scores.push_back(s);
        labels.push_back(1);
    }
    QCOMPARE(*recallAtFalsePositiveRate(scores, labels, 0.01), 0.9);
    QCOMPARE(*recallAtFalsePositiveRate(scores, labels, 0.005), 0.7); // one false positive allowed
    QCOMPARE(*recallAtFalsePositiveRate(scores, labels, 0.0), 0.4);
    const auto evaluation = Evaluation::evaluate(scores, labels, 0.7);
    QVERIFY(evaluation.ok());
    QCOMPARE(evaluation->recallAt1PctFpr, 0.9);
    QCOMPARE(evaluation->positives, 10);
    QCOMPARE(evaluation->negatives, 200);
}

void TestRiskModelEvaluation::confusionAtThreshold()
{
    const std::vector<double> scores{0.9, 0.8, 0.7, 0.7, 0.3, 0.1};
    const std::vector<quint8> labels{1, 0, 1, 0, 1, 0};
    const Confusion c = *confusionAt(scores, labels, 0.7); // >= 0.7 is flagged
    QCOMPARE(c.truePositives, 2);
    QCOMPARE(c.falsePositives, 2);
    QCOMPARE(c.falseNegatives, 1);
    QCOMPARE(c.trueNegatives, 1);
    QCOMPARE(c.precision(), 0.5);
    QCOMPARE(c.recall(), 2.0 / 3);
    QCOMPARE(c.falsePositiveRate(), 2.0 / 3);
    const Confusion none = *confusionAt(scores, labels, 2.0);
    QCOMPARE(none.truePositives + none.falsePositives, 0);
    QCOMPARE(none.precision(), 1.0);
}

void TestRiskModelEvaluation::curveIsDownsampledAndMonotone()
{
    std::mt19937 random(3);
    std::normal_distribution<double> normal;
    std::vector<double> scores;
    std::vector<quint8> labels;
    for (int i = 0; i < 10'000; ++i) {
        const quint8 label = i % 20 == 0 ? 1 : 0;
        scores.push_back(normal(random) + 1.5 * label);
        labels.push_back(label);
    }
    const auto full = rocCurve(scores, labels);
    QCOMPARE(full->size(), std::size_t(10'001)); // the empty point and one per distinct score
    const auto e = Evaluation::evaluate(scores, labels, 0.5);
    QVERIFY(e.ok());
    QCOMPARE(e->curve.size(), std::size_t(200));
    QCOMPARE(e->curve.front().falsePositiveRate, 0.0);
    QCOMPARE(e->curve.front().recall, 0.0);
    QCOMPARE(e->curve.back().falsePositiveRate, 1.0);
    QCOMPARE(e->curve.back().recall, 1.0);
    QCOMPARE(e->curve.back().precision, 0.05);
    for (std::size_t i = 1; i < e->curve.size(); ++i) {
        QVERIFY(e->curve[i].threshold < e->curve[i - 1].threshold);
        QVERIFY(e->curve[i].falsePositiveRate >= e->curve[i - 1].falsePositiveRate);
        QVERIFY(e->curve[i].recall >= e->curve[i - 1].recall);
    }
    QVERIFY(e->auc > 0.8 && e->auc < 0.9); // two normals 1.5 apart: Φ(1.5 / √2) ≈ 0.856
    QCOMPARE(downsample(*full, 5000).size(), std::size_t(5000));
    QCOMPARE(downsample({}, 200).size(), std::size_t(0));
}

void TestRiskModelEvaluation::badInputRejected()
{
    const std::vector<double> scores{0.1, 0.2};
    auto result = rocAuc(scores, std::vector<quint8>{1});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().field, u"labels"_s);
    result = rocAuc(scores, std::vector<quint8>{1, 1});
    QCOMPARE(result.error().field, u"labels"_s);
    QVERIFY(result.error().message.contains(u"both labels"_s));
    result = rocAuc(scores, std::vector<quint8>{1, 3});
    QCOMPARE(result.error().field, u"labels"_s);
    result = rocAuc(std::vector<double>{0.1, std::nan("")}, std::vector<quint8>{1, 0});
    QCOMPARE(result.error().field, u"scores"_s);
    const auto e = Evaluation::evaluate(scores, std::vector<quint8>{1, 0}, 0.5, 1);
    QCOMPARE(e.error().field, u"curvePointsMax"_s);
}

QTEST_GUILESS_MAIN(TestRiskModelEvaluation)
#include "TestRiskModelEvaluation.moc"
