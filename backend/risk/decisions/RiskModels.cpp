#include "backend/risk/decisions/RiskModels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <cmath>

#include "backend/risk/decisions/Features.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"
#include "backend/store/Statement.h"

using namespace Qt::StringLiterals;

namespace souk::risk {
namespace {

constexpr qint64 ProgressEvery = 20'000;

QStringList allFeatureNames()
{
    QStringList names;
    for (int i = 0; i < FeatureCount; ++i)
        names.append(featureName(Feature(i)));
    return names;
}

const QString ModelColumns =
    u"version, kind, active, trained_until_ms, train_rows, train_positives, eval_rows, eval_positives, auc, "
    "recall_at_1pct, created_by, created_ms, activated_ms, evaluation"_s;

QJsonObject confusionJson(const Confusion& c)
{
    return {{u"threshold"_s, c.threshold},       {u"tp"_s, c.truePositives},  {u"fp"_s, c.falsePositives},
            {u"tn"_s, c.trueNegatives}, {u"fn"_s, c.falseNegatives}};
}

/// The stored form of an evaluation: compact JSON, curve points as [threshold, fpr, recall, precision].
QString evaluationText(const ModelEvaluation& e)
{
    QJsonArray curve;
    for (const CurvePoint& p : e.curve) {
        // the first point's threshold is +inf (nothing flagged): JSON has no infinity
        const double t = std::isfinite(p.threshold) ? p.threshold : 101.0;
        curve.append(QJsonArray{t, p.falsePositiveRate, p.recall, p.precision});
    }
    const QJsonObject o{{u"threshold"_s, e.threshold}, {u"curve"_s, curve}, {u"confusion"_s, confusionJson(e.confusion)}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<ModelEvaluation> evaluationOf(const QVariant& stored)
{
    if (stored.isNull())
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(stored.toString().toUtf8()).object();
    if (o.isEmpty())
        return std::nullopt;
    ModelEvaluation e;
    e.threshold = o.value(u"threshold"_s).toInt();
    for (const QJsonValue& v : o.value(u"curve"_s).toArray()) {
        const QJsonArray a = v.toArray();
        e.curve.append(CurvePoint{a.at(0).toDouble(), a.at(1).toDouble(), a.at(2).toDouble(), a.at(3).toDouble()});
    }
    const QJsonObject c = o.value(u"confusion"_s).toObject();
    e.confusion.threshold = c.value(u"threshold"_s).toDouble();
    e.confusion.truePositives = c.value(u"tp"_s).toInteger();
    e.confusion.falsePositives = c.value(u"fp"_s).toInteger();
    e.confusion.trueNegatives = c.value(u"tn"_s).toInteger();
    e.confusion.falseNegatives = c.value(u"fn"_s).toInteger();
    return e;
}

ModelVersion readVersion(const QSqlQuery& q)
{
    ModelVersion v;
    v.version = q.value(0).toLongLong();
    v.kind = q.value(1).toString();
    v.active = q.value(2).toBool();
    v.trainedUntilMs = q.value(3).toLongLong();
    v.trainRows = q.value(4).toLongLong();
    v.trainPositives = q.value(5).toLongLong();
    v.evalRows = q.value(6).toLongLong();
    v.evalPositives = q.value(7).toLongLong();
    if (!q.value(8).isNull())
        v.auc = q.value(8).toDouble();
    if (!q.value(9).isNull())
        v.recallAt1PctFpr = q.value(9).toDouble();
    v.createdBy = q.value(10).toString();
    v.createdMs = q.value(11).toLongLong();
    if (!q.value(12).isNull())
        v.activatedMs = q.value(12).toLongLong();
    v.evaluation = evaluationOf(q.value(13));
    return v;
}

Result<ModelVersion> findVersion(QSqlDatabase& db, qint64 version)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT "_s + ModelColumns + u" FROM risk_models WHERE version = ?"_s);
    q.bindValue(0, version);
    if (auto s = store::exec(q, u"reading a risk model"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(u"version"_s, u"there is no model %1"_s.arg(version));
    return readVersion(q);
}

} // namespace

Result<Dataset> RiskModels::dataset(QSqlDatabase& db, qint64 fromMs, qint64 toMs,
                                    const std::function<bool(qint64, qint64)>& progress)
{
    static const QString countSql = u"SELECT count(*) FROM risk_assessments WHERE created_ms >= ? AND created_ms < ? "
                                    "AND outcome IN ('approved', 'declined')"_s;
    auto total = store::scalar(db, countSql, {fromMs, toMs});
    if (!total)
        return total.error();
    Dataset out(allFeatureNames());
    out.reserve(total->toLongLong());
    static const QString sql =
        u"SELECT features, created_ms, (fraud = 1 OR (fraud IS NULL AND disputed = 1 AND "
        "lower(dispute_reason) = 'fraudulent')) FROM risk_assessments "
        "WHERE created_ms >= ? AND created_ms < ? AND outcome IN ('approved', 'declined') ORDER BY created_ms"_s;
    store::Statement& q = store::Connection::statement(db, sql);
    q.bindValue(0, fromMs);
    q.bindValue(1, toMs);
    if (auto s = store::exec(q, u"reading the training rows"_s); !s)
        return s.error();
    std::array<float, FeatureCount> row{};
    qint64 done = 0;
    while (q.next()) {
        const FeatureVector f = Features::fromBytes(q.value(0).toByteArray());
        for (int i = 0; i < FeatureCount; ++i)
            row[std::size_t(i)] = float(f.values[std::size_t(i)]);
        out.addRow(row, q.value(2).toInt() == 1, q.value(1).toLongLong());
        if (progress && ++done % ProgressEvery == 0 && !progress(done, total->toLongLong())) {
            q.finish();
            return Error{ErrorCode::Cancelled, u"reading the training rows was cancelled"_s, {}};
        }
    }
    q.finish();
    return out;
}

Result<Evaluation> RiskModels::evaluate(const Model& model, const Dataset& rows, int threshold100)
{
    const std::vector<double> scores = model.scoreAll(rows);
    std::vector<double> scores100(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i)
        scores100[i] = double(score100(scores[i]));
    return Evaluation::evaluate(scores100, rows.labels(), double(threshold100));
}

Result<TrainedModel> RiskModels::train(const Dataset& all, const QString& kind, qint64 untilMs, int threshold100,
                                       const TrainProgress& progress)
{
    if (kind != u"lr"_s && kind != u"gbdt"_s)
        return Error::invalid(u"model"_s, u"'%1' is not a model kind (lr or gbdt)"_s.arg(kind.left(20)));
    if (threshold100 < 0 || threshold100 > 100)
        return Error::invalid(u"threshold"_s, u"a score threshold is 0 to 100"_s);
    TimeSplit split = all.splitAt(untilMs);
    if (split.train.positiveCount() == 0 || split.train.positiveCount() == split.train.rowCount())
        return Error::invalid(u"until"_s, u"the payments before the cut-off need fraud and legitimate ones both "
                                          "(%1 rows, %2 fraud)"_s.arg(split.train.rowCount())
                                              .arg(split.train.positiveCount()));
    auto model = Model::train(kind, split.train, TrainOptions{}, progress);
    if (!model)
        return model.error();
    TrainedModel out;
    out.model = std::shared_ptr<const Model>(std::move(*model));
    out.version.kind = kind;
    out.version.trainedUntilMs = untilMs;
    out.version.trainRows = split.train.rowCount();
    out.version.trainPositives = split.train.positiveCount();
    out.version.evalRows = split.evaluate.rowCount();
    out.version.evalPositives = split.evaluate.positiveCount();
    if (split.evaluate.positiveCount() > 0 && split.evaluate.positiveCount() < split.evaluate.rowCount()) {
        auto evaluation = evaluate(*out.model, split.evaluate, threshold100);
        if (!evaluation)
            return evaluation.error();
        out.version.auc = evaluation->auc;
        out.version.recallAt1PctFpr = evaluation->recallAt1PctFpr;
        out.evaluation = *evaluation;
        ModelEvaluation kept{threshold100, {}, evaluation->confusion};
        for (CurvePoint p : evaluation->curve) {
            if (!std::isfinite(p.threshold)) // nothing flagged yet: above every score, as stored
                p.threshold = 101.0;
            kept.curve.append(p);
        }
        out.version.evaluation = kept;
    }
    return out;
}

Result<ModelVersion> RiskModels::save(store::UnitOfWork& uow, const TrainedModel& trained)
{
    // the newest version stays the newest until this commits, on every node
    if (auto s = store::lockUntilCommit(uow.db(), RiskModels::VersionLock, u"numbering a risk model"_s); !s)
        return s.error();
    auto next = store::scalar(uow.db(), u"SELECT coalesce(max(version), 0) + 1 FROM risk_models"_s);
    if (!next)
        return next.error();
    const qint64 version = next->toLongLong();
    const ModelVersion& v = trained.version;
    const QVariant none(QMetaType::fromType<double>());
    QSqlQuery q(uow.db());
    q.prepare(u"INSERT INTO risk_models (version, kind, features, bytes, active, trained_until_ms, train_rows, "
              "train_positives, eval_rows, eval_positives, auc, recall_at_1pct, created_by, created_ms, evaluation) "
              "VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QVariantList binds{version,
                             v.kind,
                             QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(
                                                   trained.model->featureNames())).toJson(QJsonDocument::Compact)),
                             trained.model->toBytes(),
                             v.trainedUntilMs,
                             v.trainRows,
                             v.trainPositives,
                             v.evalRows,
                             v.evalPositives,
                             v.auc ? QVariant(*v.auc) : none,
                             v.recallAt1PctFpr ? QVariant(*v.recallAt1PctFpr) : none,
                             uow.actor().user,
                             uow.nowMs(),
                             v.evaluation ? QVariant(evaluationText(*v.evaluation))
                                          : QVariant(QMetaType::fromType<QString>())};
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto s = store::exec(q, u"saving a risk model"_s); !s)
        return s.error();
    uow.recordChange(u"risk_model"_s, Id{version}, 1, ChangeOp::Created);
    return findVersion(uow.db(), version);
}

Result<ModelVersion> RiskModels::activate(store::UnitOfWork& uow, qint64 version)
{
    if (version != 0) {
        auto target = findVersion(uow.db(), version);
        if (!target)
            return target.error();
        if (target->active)
            return Error{ErrorCode::IllegalTransition, u"model %1 is already active"_s.arg(version), u"version"_s};
    }
    if (auto s = store::exec(uow.db(), u"UPDATE risk_models SET active = 0 WHERE active = 1"_s); !s)
        return s.error();
    if (version != 0) {
        if (auto s = store::exec(uow.db(), u"UPDATE risk_models SET active = 1, activated_ms = ? WHERE version = ?"_s,
                                 {uow.nowMs(), version});
            !s)
            return s.error();
    }
    if (auto s = store::exec(uow.db(), u"UPDATE risk_policy SET generation = generation + 1 WHERE id = 1"_s); !s)
        return s.error();
    uow.recordChange(u"risk_model"_s, Id{version}, 2, ChangeOp::Updated);
    if (version == 0)
        return ModelVersion{};
    return findVersion(uow.db(), version);
}

Result<QList<ModelVersion>> RiskModels::list(QSqlDatabase& db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + ModelColumns + u" FROM risk_models ORDER BY version DESC"_s);
    if (auto s = store::exec(q, u"reading the risk models"_s); !s)
        return s.error();
    QList<ModelVersion> out;
    while (q.next())
        out.append(readVersion(q));
    return out;
}

Result<ModelVersion> RiskModels::get(QSqlDatabase& db, qint64 version)
{
    return findVersion(db, version);
}

Result<std::optional<std::pair<qint64, std::shared_ptr<const Model>>>> RiskModels::active(QSqlDatabase& db)
{
    using Out = std::optional<std::pair<qint64, std::shared_ptr<const Model>>>;
    QSqlQuery q(db);
    q.prepare(u"SELECT version, kind, bytes FROM risk_models WHERE active = 1"_s);
    if (auto s = store::exec(q, u"reading the active risk model"_s); !s)
        return s.error();
    if (!q.next())
        return Out();
    auto model = Model::fromBytes(q.value(1).toString(), q.value(2).toByteArray());
    if (!model)
        return model.error();
    return Out(std::make_pair(q.value(0).toLongLong(), std::shared_ptr<const Model>(std::move(*model))));
}

} // namespace souk::risk
