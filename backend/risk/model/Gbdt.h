#pragma once

#include <memory>

#include "backend/risk/model/Model.h"
#include "backend/risk/model/TreeEnsemble.h"

namespace souk::risk {

/// Gradient-boosted decision trees: trained by XGBoost (binary:logistic, hist) through its C API,
/// scored by a native copy of the trees (TreeEnsemble), which gives XGBoost's margin and its TreeSHAP
/// contributions (pred_contribs) in logit space without the C API's per-call cost.
/// Move-only (owns the XGBoost booster); const use from any number of threads.
class Gbdt final : public Model
{
public:
    /// Trains on the calling thread with options.threads XGBoost threads; one progress call per round.
    static Result<Gbdt> train(const Dataset& dataset, const TrainOptions& options, const TrainProgress& progress = {});
    static Result<Gbdt> fromBytes(const QByteArray& bytes);

    Gbdt(Gbdt&&) noexcept;
    Gbdt& operator=(Gbdt&&) noexcept;
    ~Gbdt() override;

    QString kind() const override;
    const QStringList& featureNames() const override { return m_featureNames; }
    double score(std::span<const float> row) const override;
    double margin(std::span<const float> row) const override;
    void contributionsInto(std::span<const float> row, Contributions& out) const override;
    /// "SOUKGBDT", a format version, the feature names, XGBoost's UBJSON model and its SHA-256.
    QByteArray toBytes() const override;

    int treeCount() const { return m_trees.treeCount(); }

    /// XGBoost's own answers through the C API (in-place prediction; contributions through a
    /// one-row DMatrix): slower, kept to check the native path against and to measure it.
    Result<double> xgboostMargin(std::span<const float> row) const;
    Result<Contributions> xgboostContributions(std::span<const float> row) const;

private:
    struct BoosterFree
    {
        void operator()(void* booster) const;
    };
    using Booster = std::unique_ptr<void, BoosterFree>;

    Gbdt(QStringList featureNames, Booster booster, TreeEnsemble trees);
    static Result<Gbdt> fromBooster(QStringList featureNames, Booster booster);

    QStringList m_featureNames;
    Booster m_booster;
    TreeEnsemble m_trees;
};

} // namespace souk::risk
