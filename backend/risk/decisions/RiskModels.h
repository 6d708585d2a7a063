#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

#include "backend/core/Result.h"
#include "backend/risk/model/Dataset.h"
#include "backend/risk/model/Evaluation.h"
#include "backend/risk/model/Model.h"
#include "backend/store/UnitOfWork.h"

namespace souk::risk {

/// One trained model as the store keeps it: versioned, one active.
struct ModelVersion
{
    qint64 version = 0;
    QString kind; ///< "lr", "gbdt"
    bool active = false;
    qint64 trainedUntilMs = 0; ///< trained on payments before this; evaluated on the ones after
    qint64 trainRows = 0;
    qint64 trainPositives = 0;
    qint64 evalRows = 0;
    qint64 evalPositives = 0;
    std::optional<double> auc;
    std::optional<double> recallAt1PctFpr;
    QString createdBy;
    qint64 createdMs = 0;
    std::optional<qint64> activatedMs;
};

/// What training made: the model, its evaluation on the later window it did not see, and the row
/// that saves it.
struct TrainedModel
{
    std::shared_ptr<const Model> model;
    std::optional<Evaluation> evaluation; ///< empty when the later window holds no fraud or no legitimate payment
    ModelVersion version;
};

/// Trains, evaluates and keeps the scoring models. Labels: an assessment marked fraud (by a
/// reviewer, or an imported label), or disputed as fraudulent, is fraud; any other settled one
/// (approved or declined, not blocked: a blocked payment never learned its truth) is not.
class RiskModels final
{
public:
    /// The settled assessments created in [fromMs, toMs) as a dataset with every feature (reader).
    static Result<Dataset> dataset(QSqlDatabase& db, qint64 fromMs, qint64 toMs,
                                   const std::function<bool(qint64, qint64)>& progress = {});
    /// Trains `kind` on the rows before `untilMs` and evaluates it on the rows from there on, at
    /// the review threshold `threshold100` (0-100). Pure: the calling thread, no store.
    static Result<TrainedModel> train(const Dataset& all, const QString& kind, qint64 untilMs, int threshold100,
                                      const TrainProgress& progress = {});
    /// Saves a trained model as a new version (inactive).
    static Result<ModelVersion> save(store::UnitOfWork& uow, const TrainedModel& trained);
    /// Makes `version` the one that scores payments (0: none); the policy reloads.
    static Result<ModelVersion> activate(store::UnitOfWork& uow, qint64 version);
    static Result<QList<ModelVersion>> list(QSqlDatabase& db);
    /// The active model and its version, or nothing.
    static Result<std::optional<std::pair<qint64, std::shared_ptr<const Model>>>> active(QSqlDatabase& db);
    /// Scores `rows` with `model` and evaluates it against their labels at `threshold100`.
    static Result<Evaluation> evaluate(const Model& model, const Dataset& rows, int threshold100);
};

} // namespace souk::risk
