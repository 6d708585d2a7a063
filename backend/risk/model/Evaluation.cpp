#include "backend/risk/model/Evaluation.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace souk::risk {

namespace {

Status check(std::span<const double> scores, std::span<const quint8> labels)
{
    if (scores.size() != labels.size())
        return Error::invalid(u"labels"_s, u"%1 labels for %2 scores"_s.arg(labels.size()).arg(scores.size()));
    qint64 positives = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] > 1)
            return Error::invalid(u"labels"_s, u"row %1: label %2 is neither 0 nor 1"_s.arg(i).arg(labels[i]));
        if (std::isnan(scores[i]))
            return Error::invalid(u"scores"_s, u"row %1: score is NaN"_s.arg(i));
        positives += labels[i];
    }
    if (positives == 0 || positives == qint64(labels.size()))
        return Error::invalid(
            u"labels"_s,
            u"evaluation needs rows of both labels (%1 fraud of %2 rows)"_s.arg(positives).arg(labels.size()));
    return {};
}

/// The curve with raw counts: (fp, tp) after each distinct threshold, highest first, from (0, 0).
struct CountPoint
{
    double threshold;
    qint64 falsePositives;
    qint64 truePositives;
};

std::vector<CountPoint> countCurve(std::span<const double> scores, std::span<const quint8> labels)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    std::vector<CountPoint> points{{std::numeric_limits<double>::infinity(), 0, 0}};
    qint64 fp = 0, tp = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        (labels[order[k]] ? tp : fp) += 1;
        const bool lastOfTie = k + 1 == order.size() || scores[order[k + 1]] != scores[order[k]];
        if (lastOfTie) // tied scores move together: one diagonal step, which counts their pairs half
            points.push_back({scores[order[k]], fp, tp});
    }
    return points;
}

CurvePoint toCurvePoint(const CountPoint& c, qint64 positives, qint64 negatives)
{
    const qint64 flagged = c.truePositives + c.falsePositives;
    return {c.threshold, double(c.falsePositives) / double(negatives), double(c.truePositives) / double(positives),
            flagged ? double(c.truePositives) / double(flagged) : 1.0};
}

double areaOf(const std::vector<CountPoint>& points)
{
    // trapezoids in integer counts (twice the area times P·N), divided once at the end: exact
    long double twiceArea = 0;
    for (std::size_t i = 1; i < points.size(); ++i)
        twiceArea += (long double)(points[i].falsePositives - points[i - 1].falsePositives) *
                     (long double)(points[i].truePositives + points[i - 1].truePositives);
    const CountPoint& last = points.back();
    return double(twiceArea / (2.0L * last.truePositives * last.falsePositives));
}

double recallAt(const std::vector<CountPoint>& points, double maxRate)
{
    const CountPoint& last = points.back();
    double best = 0;
    for (const CountPoint& p : points) {
        if (double(p.falsePositives) <= maxRate * double(last.falsePositives) * (1 + 1e-12))
            best = std::max(best, double(p.truePositives) / double(last.truePositives));
    }
    return best;
}

} // namespace

double Confusion::precision() const
{
    const qint64 flagged = truePositives + falsePositives;
    return flagged ? double(truePositives) / double(flagged) : 1.0;
}

double Confusion::recall() const
{
    const qint64 positives = truePositives + falseNegatives;
    return positives ? double(truePositives) / double(positives) : 0.0;
}

double Confusion::falsePositiveRate() const
{
    const qint64 negatives = falsePositives + trueNegatives;
    return negatives ? double(falsePositives) / double(negatives) : 0.0;
}

Result<std::vector<CurvePoint>> rocCurve(std::span<const double> scores, std::span<const quint8> labels)
{
    if (Status ok = check(scores, labels); !ok)
        return ok.error();
    const auto counts = countCurve(scores, labels);
    std::vector<CurvePoint> curve;
    curve.reserve(counts.size());
    for (const CountPoint& c : counts)
        curve.push_back(toCurvePoint(c, counts.back().truePositives, counts.back().falsePositives));
    return curve;
}

Result<double> rocAuc(std::span<const double> scores, std::span<const quint8> labels)
{
    if (Status ok = check(scores, labels); !ok)
        return ok.error();
    return areaOf(countCurve(scores, labels));
}

Result<double> recallAtFalsePositiveRate(std::span<const double> scores, std::span<const quint8> labels,
                                         double maxFalsePositiveRate)
{
    if (Status ok = check(scores, labels); !ok)
        return ok.error();
    if (!(maxFalsePositiveRate >= 0 && maxFalsePositiveRate <= 1))
        return Error::invalid(u"maxFalsePositiveRate"_s, u"must be between 0 and 1"_s);
    return recallAt(countCurve(scores, labels), maxFalsePositiveRate);
}

Result<Confusion> confusionAt(std::span<const double> scores, std::span<const quint8> labels, double threshold)
{
    if (Status ok = check(scores, labels); !ok)
        return ok.error();
    Confusion c;
    c.threshold = threshold;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const bool flagged = scores[i] >= threshold;
        if (labels[i])
            (flagged ? c.truePositives : c.falseNegatives) += 1;
        else
            (flagged ? c.falsePositives : c.trueNegatives) += 1;
    }
    return c;
}

std::vector<CurvePoint> downsample(const std::vector<CurvePoint>& curve, int maxPoints)
{
    if (maxPoints < 2 || qsizetype(curve.size()) <= maxPoints)
        return maxPoints < 2 && !curve.empty() ? std::vector<CurvePoint>{curve.back()} : curve;
    std::vector<CurvePoint> out;
    out.reserve(std::size_t(maxPoints));
    const double stride = double(curve.size() - 1) / double(maxPoints - 1);
    for (int k = 0; k < maxPoints; ++k)
        out.push_back(curve[std::size_t(std::llround(k * stride))]);
    return out;
}

Result<Evaluation> Evaluation::evaluate(std::span<const double> scores, std::span<const quint8> labels,
                                        double threshold, int curvePointsMax)
{
    if (Status ok = check(scores, labels); !ok)
        return ok.error();
    if (curvePointsMax < 2)
        return Error::invalid(u"curvePointsMax"_s, u"must be at least 2"_s);
    const auto counts = countCurve(scores, labels);
    Evaluation e;
    e.positives = counts.back().truePositives;
    e.negatives = counts.back().falsePositives;
    e.auc = areaOf(counts);
    e.recallAt1PctFpr = recallAt(counts, 0.01);
    std::vector<CurvePoint> curve;
    curve.reserve(counts.size());
    for (const CountPoint& c : counts)
        curve.push_back(toCurvePoint(c, e.positives, e.negatives));
    e.curve = downsample(curve, curvePointsMax);
    e.confusion = *confusionAt(scores, labels, threshold);
    return e;
}

} // namespace souk::risk
