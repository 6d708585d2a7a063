#include "backend/risk/model/LogisticRegression.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

#include "backend/risk/model/Dataset.h"

using namespace Qt::StringLiterals;

namespace souk::risk {

namespace {

constexpr int FormatVersion = 1;
constexpr qsizetype CancelCheckRows = 1 << 18; // rows between progress calls inside a pass (~0.1 s)

double softplus(double x)
{
    return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

/// Solves a·x = b in place for a symmetric positive definite a (p × p, upper triangle filled) by
/// Cholesky; false when a is not positive definite.
bool choleskySolve(std::vector<double> a, std::vector<double>& b, int p)
{
    for (int i = 0; i < p; ++i)
        for (int j = 0; j < i; ++j)
            a[std::size_t(i * p + j)] = a[std::size_t(j * p + i)];
    for (int j = 0; j < p; ++j) {
        double diagonal = a[std::size_t(j * p + j)];
        for (int k = 0; k < j; ++k)
            diagonal -= a[std::size_t(j * p + k)] * a[std::size_t(j * p + k)];
        if (!(diagonal > 0))
            return false;
        const double l = std::sqrt(diagonal);
        a[std::size_t(j * p + j)] = l;
        for (int i = j + 1; i < p; ++i) {
            double sum = a[std::size_t(i * p + j)];
            for (int k = 0; k < j; ++k)
                sum -= a[std::size_t(i * p + k)] * a[std::size_t(j * p + k)];
            a[std::size_t(i * p + j)] = sum / l;
        }
    }
    for (int i = 0; i < p; ++i) { // L y = b
        double sum = b[std::size_t(i)];
        for (int k = 0; k < i; ++k)
            sum -= a[std::size_t(i * p + k)] * b[std::size_t(k)];
        b[std::size_t(i)] = sum / a[std::size_t(i * p + i)];
    }
    for (int i = p - 1; i >= 0; --i) { // Lᵀ x = y
        double sum = b[std::size_t(i)];
        for (int k = i + 1; k < p; ++k)
            sum -= a[std::size_t(k * p + i)] * b[std::size_t(k)];
        b[std::size_t(i)] = sum / a[std::size_t(i * p + i)];
    }
    return true;
}

Error cancelled()
{
    return Error{ErrorCode::Cancelled, u"training was cancelled"_s, u"training"_s};
}

} // namespace

/// Newton's method on the weighted, penalised log-loss. θ = (bias, coefficients); all sums are
/// divided by the total row weight so l2 means the same for any dataset size.
class LogisticTrainer
{
public:
    LogisticTrainer(const Dataset& data, const TrainOptions& options, const TrainProgress& progress)
        : m_data(data), m_options(options), m_progress(progress), m_d(data.featureCount()), m_p(m_d + 1)
    {}

    Result<LogisticRegression> run()
    {
        LogisticRegression model;
        model.m_featureNames = m_data.featureNames();
        standardise(model);
        m_model = &model;
        const qsizetype positives = m_data.positiveCount();
        const qsizetype negatives = m_data.rowCount() - positives;
        m_positiveWeight = m_options.positiveWeight > 0 ? m_options.positiveWeight : double(negatives) / positives;
        std::vector<double> theta(std::size_t(m_p), 0.0);
        theta[0] = std::log(m_positiveWeight * positives / negatives); // the weighted base rate
        if (!report(0))
            return cancelled();
        Pass current = pass(theta, 0);
        if (current.cancelled)
            return cancelled();
        int iteration = 0;
        while (iteration < m_options.maxIterations) {
            ++iteration;
            const double fraction = double(iteration) / m_options.maxIterations;
            std::vector<double> step = current.gradient;
            if (!choleskySolve(current.hessian, step, m_p))
                step = current.gradient; // not expected with l2 > 0; a gradient step still descends
            double slope = 0;
            for (int i = 0; i < m_p; ++i)
                slope += step[std::size_t(i)] * current.gradient[std::size_t(i)];
            double t = 1; // backtracking: halve the step until the loss falls enough (Armijo)
            bool accepted = false;
            for (int halving = 0; halving < 40; ++halving) {
                std::vector<double> candidate = theta;
                for (int i = 0; i < m_p; ++i)
                    candidate[std::size_t(i)] -= t * step[std::size_t(i)];
                Pass next = pass(candidate, fraction);
                if (next.cancelled)
                    return cancelled();
                if (std::isfinite(next.loss) && next.loss <= current.loss - 1e-4 * t * slope) {
                    theta = std::move(candidate);
                    current = std::move(next);
                    accepted = true;
                    break;
                }
                t /= 2;
            }
            if (!report(fraction))
                return cancelled();
            double largest = 0;
            for (const double s : step)
                largest = std::max(largest, std::abs(s));
            if (!accepted || t * largest < m_options.tolerance)
                break;
        }
        model.m_bias = theta[0];
        model.m_coefficients.assign(theta.begin() + 1, theta.end());
        model.m_iterations = iteration;
        if (!report(1))
            return cancelled();
        return model;
    }

private:
    struct Pass
    {
        double loss = 0;
        std::vector<double> gradient;
        std::vector<double> hessian; ///< upper triangle, row-major p × p
        bool cancelled = false;
    };

    bool report(double fraction) const { return !m_progress || m_progress(std::clamp(fraction, 0.0, 1.0)); }

    void standardise(LogisticRegression& model) const
    {
        std::vector<double> sum(std::size_t(m_d), 0.0), squares(std::size_t(m_d), 0.0);
        std::vector<qsizetype> count(std::size_t(m_d), 0);
        for (qsizetype r = 0; r < m_data.rowCount(); ++r) {
            const auto row = m_data.row(r);
            for (int j = 0; j < m_d; ++j) {
                if (std::isnan(row[std::size_t(j)]))
                    continue;
                sum[std::size_t(j)] += row[std::size_t(j)];
                ++count[std::size_t(j)];
            }
        }
        model.m_mean.assign(std::size_t(m_d), 0.0);
        for (int j = 0; j < m_d; ++j)
            model.m_mean[std::size_t(j)] = count[std::size_t(j)] ? sum[std::size_t(j)] / count[std::size_t(j)] : 0.0;
        for (qsizetype r = 0; r < m_data.rowCount(); ++r) {
            const auto row = m_data.row(r);
            for (int j = 0; j < m_d; ++j) {
                if (!std::isnan(row[std::size_t(j)])) {
                    const double delta = row[std::size_t(j)] - model.m_mean[std::size_t(j)];
                    squares[std::size_t(j)] += delta * delta;
                }
            }
        }
        model.m_scale.assign(std::size_t(m_d), 1.0);
        for (int j = 0; j < m_d; ++j) {
            const double sd = count[std::size_t(j)] ? std::sqrt(squares[std::size_t(j)] / count[std::size_t(j)]) : 0.0;
            model.m_scale[std::size_t(j)] = sd > 1e-12 ? sd : 1.0; // a constant feature standardises to 0
        }
    }

    Pass pass(const std::vector<double>& theta, double fraction) const
    {
        const auto p = std::size_t(m_p);
        Pass out;
        out.gradient.assign(p, 0.0);
        out.hessian.assign(p * p, 0.0);
        std::vector<double> z(p, 1.0);
        double totalWeight = 0;
        for (qsizetype r = 0; r < m_data.rowCount(); ++r) {
            if (r > 0 && r % CancelCheckRows == 0 && !report(fraction)) {
                out.cancelled = true;
                return out;
            }
            const auto row = m_data.row(r);
            double eta = theta[0];
            for (int j = 0; j < m_d; ++j) {
                z[std::size_t(j) + 1] = m_model->standardised(row, j);
                eta += theta[std::size_t(j) + 1] * z[std::size_t(j) + 1];
            }
            const int y = m_data.label(r);
            const double w = y ? m_positiveWeight : 1.0;
            totalWeight += w;
            out.loss += w * (softplus(eta) - y * eta);
            const double prob = sigmoid(eta);
            const double residual = w * (prob - y);
            const double curvature = w * prob * (1 - prob);
            for (std::size_t a = 0; a < p; ++a) {
                out.gradient[a] += residual * z[a];
                const double ha = curvature * z[a];
                double* hRow = out.hessian.data() + a * p;
                for (std::size_t b = a; b < p; ++b)
                    hRow[b] += ha * z[b];
            }
        }
        const double l2 = m_options.l2;
        out.loss /= totalWeight;
        for (std::size_t a = 0; a < p; ++a) {
            out.gradient[a] /= totalWeight;
            for (std::size_t b = a; b < p; ++b)
                out.hessian[a * p + b] /= totalWeight;
        }
        out.hessian[0] += 1e-12; // keeps the bias' pivot positive if every prediction saturates
        for (std::size_t a = 1; a < p; ++a) {
            out.loss += 0.5 * l2 * theta[a] * theta[a];
            out.gradient[a] += l2 * theta[a];
            out.hessian[a * p + a] += l2;
        }
        return out;
    }

    const Dataset& m_data;
    const TrainOptions& m_options;
    const TrainProgress& m_progress;
    const int m_d;
    const int m_p;
    double m_positiveWeight = 1;
    const LogisticRegression* m_model = nullptr;
};

Result<LogisticRegression> LogisticRegression::train(const Dataset& dataset, const TrainOptions& options,
                                                     const TrainProgress& progress)
{
    if (Status valid = options.validate(); !valid)
        return valid.error();
    if (Status valid = dataset.validateForTraining(); !valid)
        return valid.error();
    return LogisticTrainer(dataset, options, progress).run();
}

QString LogisticRegression::kind() const
{
    return u"lr"_s;
}

double LogisticRegression::standardised(std::span<const float> row, int feature) const
{
    const float x = row[std::size_t(feature)];
    return std::isnan(x) ? 0.0 : (x - m_mean[std::size_t(feature)]) / m_scale[std::size_t(feature)];
}

double LogisticRegression::margin(std::span<const float> row) const
{
    Q_ASSERT(qsizetype(row.size()) == m_featureNames.size());
    double eta = m_bias;
    for (int j = 0; j < int(m_coefficients.size()); ++j)
        eta += m_coefficients[std::size_t(j)] * standardised(row, j);
    return eta;
}

double LogisticRegression::score(std::span<const float> row) const
{
    return sigmoid(margin(row));
}

void LogisticRegression::contributionsInto(std::span<const float> row, Contributions& out) const
{
    Q_ASSERT(qsizetype(row.size()) == m_featureNames.size());
    out.features.resize(m_coefficients.size());
    for (int j = 0; j < int(m_coefficients.size()); ++j)
        out.features[std::size_t(j)] = m_coefficients[std::size_t(j)] * standardised(row, j);
    out.bias = m_bias;
}

namespace {

QJsonArray toJson(const std::vector<double>& values)
{
    QJsonArray array;
    for (const double v : values)
        array.append(v);
    return array;
}

/// The numbers of `key`, exactly `size` of them, all finite.
Result<std::vector<double>> numbers(const QJsonObject& object, const QString& key, qsizetype size)
{
    const QJsonValue value = object.value(key);
    if (!value.isArray() || value.toArray().size() != size)
        return Error::invalid(u"model"_s,
                              u"logistic regression model: \"%1\" must be an array of %2 numbers"_s.arg(key).arg(size));
    std::vector<double> out;
    for (const QJsonValue item : value.toArray()) {
        if (!item.isDouble() || !std::isfinite(item.toDouble()))
            return Error::invalid(u"model"_s, u"logistic regression model: \"%1\" holds a value that is not a "
                                              u"finite number"_s.arg(key));
        out.push_back(item.toDouble());
    }
    return out;
}

} // namespace

QByteArray LogisticRegression::toBytes() const
{
    QJsonObject object{
        {u"format"_s, u"souk.risk.lr"_s},
        {u"version"_s, FormatVersion},
        {u"featureNames"_s, QJsonArray::fromStringList(m_featureNames)},
        {u"mean"_s, toJson(m_mean)},
        {u"scale"_s, toJson(m_scale)},
        {u"coefficients"_s, toJson(m_coefficients)},
        {u"bias"_s, m_bias},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<LogisticRegression> LogisticRegression::fromBytes(const QByteArray& bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::invalid(u"model"_s, u"not a logistic regression model (the bytes are not a JSON object)"_s);
    const QJsonObject object = document.object();
    if (object.value(u"format"_s).toString() != u"souk.risk.lr"_s)
        return Error::invalid(u"model"_s, u"not a logistic regression model (format is not souk.risk.lr)"_s);
    const int version = object.value(u"version"_s).toInt(0);
    if (version != FormatVersion)
        return Error::invalid(u"model"_s, u"logistic regression model format version %1 is not supported (this "
                                          u"build reads version %2)"_s.arg(version)
                                              .arg(FormatVersion));
    LogisticRegression model;
    QSet<QString> seen;
    for (const QJsonValue name : object.value(u"featureNames"_s).toArray()) {
        if (!name.isString() || name.toString().isEmpty() || seen.contains(name.toString()))
            return Error::invalid(u"model"_s, u"logistic regression model: feature names must be unique, "
                                              u"non-empty strings"_s);
        seen.insert(name.toString());
        model.m_featureNames << name.toString();
    }
    const qsizetype d = model.m_featureNames.size();
    if (d == 0)
        return Error::invalid(u"model"_s, u"logistic regression model: no feature names"_s);
    auto mean = numbers(object, u"mean"_s, d);
    auto scale = numbers(object, u"scale"_s, d);
    auto coefficients = numbers(object, u"coefficients"_s, d);
    for (const auto* part : {&mean, &scale, &coefficients}) {
        if (!*part)
            return part->error();
    }
    const QJsonValue bias = object.value(u"bias"_s);
    if (!bias.isDouble() || !std::isfinite(bias.toDouble()))
        return Error::invalid(u"model"_s, u"logistic regression model: \"bias\" must be a finite number"_s);
    for (const double s : *scale) {
        if (!(s > 0))
            return Error::invalid(u"model"_s, u"logistic regression model: every \"scale\" must be positive"_s);
    }
    model.m_mean = std::move(mean.value());
    model.m_scale = std::move(scale.value());
    model.m_coefficients = std::move(coefficients.value());
    model.m_bias = bias.toDouble();
    return model;
}

} // namespace souk::risk
