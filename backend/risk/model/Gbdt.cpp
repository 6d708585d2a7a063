#include "backend/risk/model/Gbdt.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QIODevice>
#include <QSet>

#include <array>
#include <cstdio>

#include <xgboost/c_api.h>

#include "backend/risk/model/Dataset.h"

using namespace Qt::StringLiterals;

namespace souk::risk {

namespace {

constexpr char Magic[] = "SOUKGBDT";
constexpr quint32 FormatVersion = 1;
// In-place prediction needs every key; "cache_id" must be present (XGBoost 1.7 reads it unconditionally).
constexpr char PredictMarginConfig[] = R"({"type":1,"training":false,"iteration_begin":0,"iteration_end":0,)"
                                       R"("strict_shape":false,"missing":NaN,"cache_id":0})";
constexpr char PredictContributionsConfig[] = R"({"type":2,"training":false,"iteration_begin":0,)"
                                              R"("iteration_end":0,"strict_shape":false})";

Error xgboostError(const QString& what)
{
    return Error::internal(u"XGBoost: %1: %2"_s.arg(what, QString::fromUtf8(XGBGetLastError())));
}

Error cancelled()
{
    return Error{ErrorCode::Cancelled, u"training was cancelled"_s, u"training"_s};
}

Error corrupt(const QString& what)
{
    return Error::invalid(u"model"_s, u"not a gradient-boosted model: %1"_s.arg(what));
}

/// NumPy's __array_interface__ for a row-major float matrix, as XGBoost's dense entry points read it.
std::array<char, 160> arrayInterface(const float* data, qsizetype rows, qsizetype columns)
{
    std::array<char, 160> text{};
    std::snprintf(text.data(), text.size(), R"({"data":[%llu,true],"shape":[%lld,%lld],"typestr":"<f4","version":3})",
                  static_cast<unsigned long long>(reinterpret_cast<quintptr>(data)), static_cast<long long>(rows),
                  static_cast<long long>(columns));
    return text;
}

struct MatrixFree
{
    void operator()(void* matrix) const { XGDMatrixFree(matrix); }
};
using Matrix = std::unique_ptr<void, MatrixFree>;

Status setParameters(BoosterHandle booster, const TrainOptions& options, double positiveWeight)
{
    const QList<std::pair<const char*, QByteArray>> parameters{
        {"objective", "binary:logistic"},
        {"tree_method", "hist"},
        {"base_score", "0.5"},
        {"max_depth", QByteArray::number(options.maxDepth)},
        {"eta", QByteArray::number(options.eta, 'g', 17)},
        {"min_child_weight", QByteArray::number(options.minChildWeight, 'g', 17)},
        {"subsample", QByteArray::number(options.subsample, 'g', 17)},
        {"max_bin", QByteArray::number(options.maxBins)},
        {"scale_pos_weight", QByteArray::number(positiveWeight, 'g', 17)},
        {"nthread", QByteArray::number(options.threads)},
        {"seed", QByteArray::number(options.seed)},
        {"verbosity", "1"},
    };
    for (const auto& [name, value] : parameters) {
        if (XGBoosterSetParam(booster, name, value.constData()) != 0)
            return xgboostError(u"setting %1"_s.arg(QString::fromLatin1(name)));
    }
    return {};
}

} // namespace

void Gbdt::BoosterFree::operator()(void* booster) const
{
    XGBoosterFree(booster);
}

Gbdt::Gbdt(QStringList featureNames, Booster booster, TreeEnsemble trees)
    : m_featureNames(std::move(featureNames)), m_booster(std::move(booster)), m_trees(std::move(trees))
{}

Gbdt::Gbdt(Gbdt&&) noexcept = default;
Gbdt& Gbdt::operator=(Gbdt&&) noexcept = default;
Gbdt::~Gbdt() = default;

Result<Gbdt> Gbdt::train(const Dataset& dataset, const TrainOptions& options, const TrainProgress& progress)
{
    if (Status valid = options.validate(); !valid)
        return valid.error();
    if (Status valid = dataset.validateForTraining(); !valid)
        return valid.error();
    if (progress && !progress(0))
        return cancelled();
    const qsizetype positives = dataset.positiveCount();
    const double positiveWeight =
        options.positiveWeight > 0 ? options.positiveWeight : double(dataset.rowCount() - positives) / positives;

    DMatrixHandle rawMatrix = nullptr;
    const auto data = arrayInterface(dataset.values().data(), dataset.rowCount(), dataset.featureCount());
    const QByteArray matrixConfig = R"({"missing":NaN,"nthread":)" + QByteArray::number(options.threads) + '}';
    if (XGDMatrixCreateFromDense(data.data(), matrixConfig.constData(), &rawMatrix) != 0)
        return xgboostError(u"building the training matrix"_s);
    const Matrix matrix(rawMatrix);
    const std::vector<float> labels(dataset.labels().begin(), dataset.labels().end());
    if (XGDMatrixSetFloatInfo(rawMatrix, "label", labels.data(), bst_ulong(labels.size())) != 0)
        return xgboostError(u"setting the labels"_s);

    BoosterHandle rawBooster = nullptr;
    if (XGBoosterCreate(&rawMatrix, 1, &rawBooster) != 0)
        return xgboostError(u"creating the booster"_s);
    Booster booster(rawBooster);
    if (Status set = setParameters(rawBooster, options, positiveWeight); !set)
        return set.error();
    for (int round = 0; round < options.rounds; ++round) {
        if (XGBoosterUpdateOneIter(rawBooster, round, rawMatrix) != 0)
            return xgboostError(u"boosting round %1"_s.arg(round));
        if (progress && !progress(double(round + 1) / options.rounds))
            return cancelled();
    }
    return fromBooster(dataset.featureNames(), std::move(booster));
}

Result<Gbdt> Gbdt::fromBooster(QStringList featureNames, Booster booster)
{
    bst_ulong featureCount = 0;
    if (XGBoosterGetNumFeature(booster.get(), &featureCount) != 0)
        return xgboostError(u"reading the feature count"_s);
    if (featureCount != bst_ulong(featureNames.size()))
        return corrupt(u"the trees use %1 features but %2 are named"_s.arg(featureCount).arg(featureNames.size()));
    bst_ulong length = 0;
    const char* json = nullptr;
    if (XGBoosterSaveModelToBuffer(booster.get(), R"({"format":"json"})", &length, &json) != 0)
        return xgboostError(u"reading the trees"_s);
    auto trees = TreeEnsemble::fromXgboostJson(QByteArray(json, qsizetype(length)), int(featureCount));
    if (!trees)
        return trees.error();
    return Gbdt(std::move(featureNames), std::move(booster), std::move(trees.value()));
}

QString Gbdt::kind() const
{
    return u"gbdt"_s;
}

double Gbdt::margin(std::span<const float> row) const
{
    return m_trees.margin(row);
}

double Gbdt::score(std::span<const float> row) const
{
    return sigmoid(m_trees.margin(row));
}

void Gbdt::contributionsInto(std::span<const float> row, Contributions& out) const
{
    m_trees.contributionsInto(row, out);
}

QByteArray Gbdt::toBytes() const
{
    bst_ulong length = 0;
    const char* ubj = nullptr;
    if (XGBoosterSaveModelToBuffer(m_booster.get(), R"({"format":"ubj"})", &length, &ubj) != 0)
        qFatal("XGBoost could not save a model it holds: %s", XGBGetLastError()); // a bug, not an input
    const QByteArray model(ubj, qsizetype(length));
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out.writeRawData(Magic, int(sizeof Magic) - 1);
    out << FormatVersion << m_featureNames << model << QCryptographicHash::hash(model, QCryptographicHash::Sha256);
    return bytes;
}

Result<Gbdt> Gbdt::fromBytes(const QByteArray& bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    std::array<char, sizeof Magic - 1> magic{};
    if (in.readRawData(magic.data(), int(magic.size())) != int(magic.size()) ||
        QByteArrayView(magic.data(), qsizetype(magic.size())) != QByteArrayView(Magic))
        return corrupt(u"the bytes do not start with SOUKGBDT"_s);
    quint32 version = 0;
    in >> version;
    if (in.status() == QDataStream::Ok && version != FormatVersion)
        return Error::invalid(u"model"_s, u"gradient-boosted model format version %1 is not supported (this build "
                                          u"reads version %2)"_s.arg(version)
                                              .arg(FormatVersion));
    QStringList names;
    QByteArray model, hash;
    in >> names >> model >> hash;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return corrupt(u"the bytes are truncated or have extra data"_s);
    if (hash != QCryptographicHash::hash(model, QCryptographicHash::Sha256))
        return corrupt(u"the trees do not match their SHA-256 (the bytes were changed)"_s);
    if (names.isEmpty() || QSet<QString>(names.begin(), names.end()).size() != names.size() ||
        names.contains(QString()))
        return corrupt(u"feature names must be unique and non-empty"_s);
    BoosterHandle raw = nullptr;
    if (XGBoosterCreate(nullptr, 0, &raw) != 0)
        return xgboostError(u"creating a booster"_s);
    Booster booster(raw);
    if (XGBoosterLoadModelFromBuffer(raw, model.constData(), bst_ulong(model.size())) != 0)
        return corrupt(u"XGBoost could not read the trees (%1)"_s.arg(QString::fromUtf8(XGBGetLastError())));
    return fromBooster(std::move(names), std::move(booster));
}

Result<double> Gbdt::xgboostMargin(std::span<const float> row) const
{
    const auto data = arrayInterface(row.data(), 1, qsizetype(row.size()));
    const bst_ulong* shape = nullptr;
    bst_ulong dimensions = 0;
    const float* result = nullptr;
    if (XGBoosterPredictFromDense(m_booster.get(), data.data(), PredictMarginConfig, nullptr, &shape, &dimensions,
                                  &result) != 0)
        return xgboostError(u"predicting"_s);
    return double(result[0]);
}

Result<Contributions> Gbdt::xgboostContributions(std::span<const float> row) const
{
    const auto data = arrayInterface(row.data(), 1, qsizetype(row.size()));
    DMatrixHandle raw = nullptr;
    if (XGDMatrixCreateFromDense(data.data(), R"({"missing":NaN,"nthread":1})", &raw) != 0)
        return xgboostError(u"building a one-row matrix"_s);
    const Matrix matrix(raw);
    const bst_ulong* shape = nullptr;
    bst_ulong dimensions = 0;
    const float* result = nullptr;
    if (XGBoosterPredictFromDMatrix(m_booster.get(), raw, PredictContributionsConfig, &shape, &dimensions, &result) !=
        0)
        return xgboostError(u"predicting contributions"_s);
    Contributions out;
    out.features.assign(result, result + row.size());
    out.bias = result[row.size()];
    return out;
}

} // namespace souk::risk
