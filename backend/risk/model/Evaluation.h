#pragma once

#include <QtGlobal>

#include <span>
#include <vector>

#include "backend/core/Result.h"

namespace souk::risk {

/// One operating point: rows with score >= threshold are flagged as fraud.
struct CurvePoint
{
    double threshold = 0;
    double falsePositiveRate = 0;
    double recall = 0;    ///< true positive rate
    double precision = 1; ///< 1 where nothing is flagged (no false alarm yet)
};

/// Counts at one threshold (score >= threshold flags the row).
struct Confusion
{
    double threshold = 0;
    qint64 truePositives = 0;
    qint64 falsePositives = 0;
    qint64 trueNegatives = 0;
    qint64 falseNegatives = 0;

    double precision() const; ///< 1 when nothing is flagged
    double recall() const;
    double falsePositiveRate() const;
};

/// A model's quality on held-out rows: pure functions over (scores, labels 0/1), any thread.
/// Scores are any numbers where higher means more likely fraud (probabilities, margins, amounts).
struct Evaluation
{
    qint64 positives = 0;
    qint64 negatives = 0;
    double auc = 0;                ///< exact ROC AUC, ties counted half (Mann-Whitney)
    double recallAt1PctFpr = 0;    ///< best recall with a false positive rate of at most 1 %
    std::vector<CurvePoint> curve; ///< from the highest threshold down, at most curvePointsMax points
    Confusion confusion;           ///< at the threshold asked for

    /// Invalid (field "labels" or "scores") when the sizes differ, a label is not 0/1, a score is NaN,
    /// or one class is absent.
    static Result<Evaluation> evaluate(std::span<const double> scores, std::span<const quint8> labels, double threshold,
                                       int curvePointsMax = 200);
};

/// Every distinct threshold, highest first, starting from the empty point (nothing flagged, threshold
/// +inf) and ending with everything flagged. Same checks as Evaluation::evaluate.
Result<std::vector<CurvePoint>> rocCurve(std::span<const double> scores, std::span<const quint8> labels);
/// Exact area under the ROC curve (tied scores count half).
Result<double> rocAuc(std::span<const double> scores, std::span<const quint8> labels);
/// The highest recall among thresholds whose false positive rate is <= maxFalsePositiveRate.
Result<double> recallAtFalsePositiveRate(std::span<const double> scores, std::span<const quint8> labels,
                                         double maxFalsePositiveRate);
Result<Confusion> confusionAt(std::span<const double> scores, std::span<const quint8> labels, double threshold);
/// At most maxPoints of the curve, evenly by index, always keeping the first and the last.
std::vector<CurvePoint> downsample(const std::vector<CurvePoint>& curve, int maxPoints);

} // namespace souk::risk
