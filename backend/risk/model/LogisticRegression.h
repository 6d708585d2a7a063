#pragma once

#include <vector>

#include "backend/risk/model/Model.h"

namespace souk::risk {

/// L2-regularised logistic regression on standardised features (the mean and scale live in the model),
/// trained by full-batch Newton steps with class weights. Contributions are β_i · z_i, z_i the
/// standardised value (0 for a missing one, i.e. the training mean), plus the bias.
/// A value type; const use from any number of threads.
class LogisticRegression final : public Model
{
public:
    /// Trains on the calling thread; Invalid for bad data or options, Cancelled when progress says so.
    static Result<LogisticRegression> train(const Dataset& dataset, const TrainOptions& options,
                                            const TrainProgress& progress = {});
    static Result<LogisticRegression> fromBytes(const QByteArray& bytes);

    QString kind() const override;
    const QStringList& featureNames() const override { return m_featureNames; }
    double score(std::span<const float> row) const override;
    double margin(std::span<const float> row) const override;
    void contributionsInto(std::span<const float> row, Contributions& out) const override;
    /// JSON: {"format":"souk.risk.lr","version":1,"featureNames","mean","scale","coefficients","bias"}.
    QByteArray toBytes() const override;

    const std::vector<double>& coefficients() const { return m_coefficients; } ///< per standardised feature
    double bias() const { return m_bias; }
    int iterations() const { return m_iterations; } ///< Newton steps the training took

private:
    LogisticRegression() = default;
    double standardised(std::span<const float> row, int feature) const;

    QStringList m_featureNames;
    std::vector<double> m_mean;
    std::vector<double> m_scale; ///< standard deviation, 1 for a constant feature
    std::vector<double> m_coefficients;
    double m_bias = 0;
    int m_iterations = 0;

    friend class LogisticTrainer;
};

} // namespace souk::risk
