#pragma once

#include <QtGlobal>

#include <functional>

#include "backend/core/Result.h"

namespace souk::risk {

/// Called during training with the fraction done (0..1); return false to cancel, and training
/// then returns an Error with code Cancelled. Called on the training thread.
using TrainProgress = std::function<bool(double fraction)>;

/// How a model is trained. Fields that one kind of model does not use are ignored by it.
struct TrainOptions
{
    /// Weight of a fraud row against a legitimate one's 1. 0 = balanced: legitimate rows / fraud rows,
    /// so both classes weigh the same and a probability of 0.5 means "as likely fraud as not" under
    /// equal priors (the models' probabilities are therefore not the raw fraud rate; see score100()).
    double positiveWeight = 0;
    int threads = 2; ///< worker threads (XGBoost); logistic regression uses one
    quint64 seed = 1;

    // Logistic regression: full-batch Newton with a backtracking line search on the standardised
    // features; converges in about 10 steps for ~25 features.
    double l2 = 1e-4;        ///< penalty on the coefficients (not the bias), per unit of mean row weight
    int maxIterations = 50;  ///< Newton steps at most
    double tolerance = 1e-7; ///< stop when no coefficient moves more than this

    // Gradient-boosted trees (XGBoost, binary:logistic, hist).
    int rounds = 150;
    int maxDepth = 5;
    double eta = 0.15;
    double minChildWeight = 1;
    double subsample = 1; ///< 1 = every row in every tree (deterministic)
    int maxBins = 256;

    /// Every field in range; the Error names the field.
    Status validate() const;
};

} // namespace souk::risk
