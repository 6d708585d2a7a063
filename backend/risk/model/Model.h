#pragma once

#include <QByteArray>
#include <QStringList>

#include <memory>
#include <span>
#include <vector>

#include "backend/core/Result.h"
#include "backend/risk/model/TrainOptions.h"

namespace souk::risk {

class Dataset;

/// Why a model scored a row as it did, in logit (margin) space: one value per feature, in the
/// model's featureNames() order, plus the bias; they add up to the margin, and
/// probability = 1 / (1 + exp(-margin)). Reusable: contributionsInto() keeps the vector's capacity.
struct Contributions
{
    std::vector<double> features;
    double bias = 0;

    double margin() const;
};

/// A trained fraud model: "lr" (LogisticRegression) or "gbdt" (Gbdt). Immutable once trained or
/// loaded; owned by its holder. score(), margin() and contributions*() are const and may run on
/// several threads at once.
///
/// Rows are the model's featureNames() in that order (row.size() == featureNames().size(),
/// asserted); NaN means missing.
class Model
{
public:
    virtual ~Model();

    virtual QString kind() const = 0;
    virtual const QStringList& featureNames() const = 0;

    /// The probability of fraud, 0..1 (under the class weights it was trained with).
    virtual double score(std::span<const float> row) const = 0;
    /// The logit of score().
    virtual double margin(std::span<const float> row) const = 0;
    /// Per-feature contributions to margin(row), written into out (its buffers reused).
    virtual void contributionsInto(std::span<const float> row, Contributions& out) const = 0;
    Contributions contributions(std::span<const float> row) const;
    /// score() of every row of a dataset with the same features (batched where the model can).
    virtual std::vector<double> scoreAll(const Dataset& dataset) const;

    /// Self-describing bytes with a format version, for storing the model; fromBytes() reads them.
    virtual QByteArray toBytes() const = 0;

    /// The model of `kind` ("lr" or "gbdt") from toBytes(); corrupt, truncated or foreign bytes give an
    /// Invalid error on field "model" (unknown kind: field "kind").
    static Result<std::unique_ptr<Model>> fromBytes(const QString& kind, const QByteArray& bytes);
    /// Trains a model of `kind` on the calling thread (see TrainProgress for cancelling).
    static Result<std::unique_ptr<Model>> train(const QString& kind, const Dataset& dataset,
                                                const TrainOptions& options, const TrainProgress& progress = {});

protected:
    Model() = default;
    Model(const Model&) = default;
    Model& operator=(const Model&) = default;
};

/// The 0..100 risk score shown to people and read by rules as :risk_score:: round(100 × probability),
/// so 65 means p >= 0.645. The probability is the model's class-weighted one (TrainOptions::
/// positiveWeight), which spreads scores over the range instead of crowding them near the fraud rate.
/// NaN maps to 100: a model that cannot score sends the payment to a person, never waves it through.
int score100(double probability);

/// The logistic function, 1 / (1 + exp(-margin)), without overflow.
double sigmoid(double margin);

} // namespace souk::risk
