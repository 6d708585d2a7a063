#include "models/risk/ModelCurves.h"

namespace souk::modelcurves {
namespace {

constexpr double Percent = 100.0;

double share(qint64 part, qint64 whole)
{
    return whole > 0 ? Percent * double(part) / double(whole) : 0.0;
}

} // namespace

CurveSeries roc(const risk::ModelEvaluation& evaluation)
{
    CurveSeries s;
    s.x.reserve(evaluation.curve.size());
    s.y.reserve(evaluation.curve.size());
    // highest threshold first: the curve walks from nothing flagged to everything flagged
    for (const risk::CurvePoint& p : evaluation.curve) {
        s.x.append(Percent * p.falsePositiveRate);
        s.y.append(Percent * p.recall);
    }
    return s;
}

CurveSeries precisionRecall(const risk::ModelEvaluation& evaluation)
{
    CurveSeries s;
    s.x.reserve(evaluation.curve.size());
    s.y.reserve(evaluation.curve.size());
    for (const risk::CurvePoint& p : evaluation.curve) {
        s.x.append(Percent * p.recall);
        s.y.append(Percent * p.precision);
    }
    return s;
}

OperatingPoint operatingPoint(const risk::Confusion& c)
{
    OperatingPoint p;
    p.falsePositiveRate = share(c.falsePositives, c.falsePositives + c.trueNegatives);
    p.recall = share(c.truePositives, c.truePositives + c.falseNegatives);
    const qint64 flagged = c.truePositives + c.falsePositives;
    p.precision = flagged > 0 ? share(c.truePositives, flagged) : Percent; // no false alarm yet
    return p;
}

double fraudShare(const risk::ModelVersion& model)
{
    return share(model.evalPositives, model.evalRows);
}

} // namespace souk::modelcurves
