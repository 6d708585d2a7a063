#pragma once

#include <QList>

#include "backend/risk/decisions/RiskTypes.h"

namespace souk {

/// One curve as a chart draws it, in drawing order, both axes in percent (0..100).
struct CurveSeries
{
    QList<double> x;
    QList<double> y;
};

/// A model's evaluation as the Models tab draws it: the ROC and precision-recall curves and the
/// operating point at its threshold, in percent. Pure; any thread.
namespace modelcurves {

/// False positive rate → recall, from nothing flagged (0, 0) to everything flagged (100, 100).
CurveSeries roc(const risk::ModelEvaluation& evaluation);
/// Recall → precision, in the same order (precision is 100 where nothing is flagged yet).
CurveSeries precisionRecall(const risk::ModelEvaluation& evaluation);
/// Where the threshold sits: false positive rate, recall and precision of its confusion counts.
struct OperatingPoint
{
    double falsePositiveRate = 0;
    double recall = 0;
    double precision = 100;
};
OperatingPoint operatingPoint(const risk::Confusion& confusion);
/// The fraud share of the evaluated payments in percent: a precision-recall chart's chance line.
double fraudShare(const risk::ModelVersion& model);

} // namespace modelcurves
} // namespace souk
