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
#include "backend/risk/decisions/RiskTypes.h"
#include "backend/store/UnitOfWork.h"

namespace souk::risk {

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
    /// On PostgreSQL, the advisory lock a transaction numbering new models holds to its COMMIT ("Souk", 7).
    static constexpr qint64 VersionLock = 0x536F756B'00000007;
    /// The settled assessments created in [fromMs, toMs) as a dataset with every feature (reader).
    static Result<Dataset> dataset(QSqlDatabase& db, qint64 fromMs, qint64 toMs,
                                   const std::function<bool(qint64, qint64)>& progress = {});
    /// The review threshold training evaluates at when none is given: the score a rule set's
    /// `Review if :risk_score: >= N` usually names.
    static constexpr int DefaultThreshold = 65;
    /// Trains `kind` on the rows before `untilMs` and evaluates it on the rows from there on, at
    /// the review threshold `threshold100` (0-100). Pure: the calling thread, no store.
    static Result<TrainedModel> train(const Dataset& all, const QString& kind, qint64 untilMs, int threshold100,
                                      const TrainProgress& progress = {});
    /// Saves a trained model as a new version (inactive).
    static Result<ModelVersion> save(store::UnitOfWork& uow, const TrainedModel& trained);
    /// Makes `version` the one that scores payments (0: none); the policy reloads.
    static Result<ModelVersion> activate(store::UnitOfWork& uow, qint64 version);
    static Result<QList<ModelVersion>> list(QSqlDatabase& db);
    /// One version; NotFound (field "version") when there is none.
    static Result<ModelVersion> get(QSqlDatabase& db, qint64 version);
    /// The active model and its version, or nothing.
    static Result<std::optional<std::pair<qint64, std::shared_ptr<const Model>>>> active(QSqlDatabase& db);
    /// Scores `rows` with `model` and evaluates it against their labels at `threshold100`.
    static Result<Evaluation> evaluate(const Model& model, const Dataset& rows, int threshold100);
};

} // namespace souk::risk
