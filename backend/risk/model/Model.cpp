#include "backend/risk/model/Model.h"

#include <cmath>

#include "backend/risk/model/Dataset.h"
#include "backend/risk/model/Gbdt.h"
#include "backend/risk/model/LogisticRegression.h"

using namespace Qt::StringLiterals;

namespace souk::risk {

double Contributions::margin() const
{
    double sum = bias;
    for (const double value : features)
        sum += value;
    return sum;
}

Model::~Model() = default;

Contributions Model::contributions(std::span<const float> row) const
{
    Contributions out;
    contributionsInto(row, out);
    return out;
}

std::vector<double> Model::scoreAll(const Dataset& dataset) const
{
    Q_ASSERT(dataset.featureCount() == featureNames().size());
    std::vector<double> scores(std::size_t(dataset.rowCount()));
    for (qsizetype i = 0; i < dataset.rowCount(); ++i)
        scores[std::size_t(i)] = score(dataset.row(i));
    return scores;
}

namespace {

template <typename T> Result<std::unique_ptr<Model>> boxed(Result<T>&& result)
{
    if (!result)
        return result.error();
    return std::unique_ptr<Model>(std::make_unique<T>(std::move(result).value()));
}

} // namespace

Result<std::unique_ptr<Model>> Model::fromBytes(const QString& kind, const QByteArray& bytes)
{
    if (kind == u"lr"_s)
        return boxed(LogisticRegression::fromBytes(bytes));
    if (kind == u"gbdt"_s)
        return boxed(Gbdt::fromBytes(bytes));
    return Error::invalid(u"kind"_s, u"unknown model kind \"%1\" (expected lr or gbdt)"_s.arg(kind));
}

Result<std::unique_ptr<Model>> Model::train(const QString& kind, const Dataset& dataset, const TrainOptions& options,
                                            const TrainProgress& progress)
{
    if (kind == u"lr"_s)
        return boxed(LogisticRegression::train(dataset, options, progress));
    if (kind == u"gbdt"_s)
        return boxed(Gbdt::train(dataset, options, progress));
    return Error::invalid(u"kind"_s, u"unknown model kind \"%1\" (expected lr or gbdt)"_s.arg(kind));
}

int score100(double probability)
{
    if (std::isnan(probability))
        return 100;
    return int(std::lround(std::clamp(probability, 0.0, 1.0) * 100));
}

double sigmoid(double margin)
{
    if (margin >= 0)
        return 1 / (1 + std::exp(-margin));
    const double e = std::exp(margin);
    return e / (1 + e);
}

Status TrainOptions::validate() const
{
    auto bad = [](const char* field, const QString& message) {
        return Error::invalid(QString::fromLatin1(field), message);
    };
    if (!(positiveWeight >= 0) || !std::isfinite(positiveWeight))
        return bad("positiveWeight", u"must be 0 (balanced) or a positive number"_s);
    if (threads < 1 || threads > 256)
        return bad("threads", u"must be between 1 and 256"_s);
    if (!(l2 > 0) || !std::isfinite(l2))
        return bad("l2", u"must be a positive number"_s);
    if (maxIterations < 1 || maxIterations > 1000)
        return bad("maxIterations", u"must be between 1 and 1000"_s);
    if (!(tolerance > 0))
        return bad("tolerance", u"must be positive"_s);
    if (rounds < 1 || rounds > 10'000)
        return bad("rounds", u"must be between 1 and 10000"_s);
    if (maxDepth < 1 || maxDepth > 16)
        return bad("maxDepth", u"must be between 1 and 16"_s);
    if (!(eta > 0 && eta <= 1))
        return bad("eta", u"must be in (0, 1]"_s);
    if (!(minChildWeight >= 0) || !std::isfinite(minChildWeight))
        return bad("minChildWeight", u"must not be negative"_s);
    if (!(subsample > 0 && subsample <= 1))
        return bad("subsample", u"must be in (0, 1]"_s);
    if (maxBins < 2 || maxBins > 65'536)
        return bad("maxBins", u"must be between 2 and 65536"_s);
    return {};
}

} // namespace souk::risk
