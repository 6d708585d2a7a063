#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <utility>

#include "backend/core/Result.h"

namespace souk::metrics {

/// One sample line of a scrape: `name{label="value",...} value`.
struct Sample
{
    QString name;
    QList<std::pair<QString, QString>> labels;
    double value = 0;

    /// The label's value, empty when the sample has no such label.
    QString label(const QString& labelName) const;
};

using LabelFilter = QList<std::pair<QString, QString>>;

/// A scrape of GET /metrics read back (Prometheus text format 0.0.4): the console reads nodes
/// with it. Lenient where Prometheus is (unknown comments, timestamps), strict where a wrong
/// figure would follow (a malformed sample line is an error naming its line). Value type.
class Exposition
{
public:
    static Result<Exposition> parse(const QByteArray& text);

    const QList<Sample>& samples() const { return m_samples; }
    /// "counter", "gauge", "histogram"... from # TYPE; empty when the family had none.
    QString type(const QString& family) const { return m_types.value(family); }

    /// The sum of every sample named `name` whose labels include all of `filter`; NaN if none.
    double sum(const QString& name, const LabelFilter& filter = {}) const;
    /// Whether any sample is named `name`.
    bool has(const QString& name) const;
    /// A label's value on the first sample named `name`, empty if none.
    QString labelOf(const QString& name, const QString& labelName) const;
    /// A histogram's cumulative buckets (`<name>_bucket`), summed over its series that pass `keep`,
    /// by upper bound ascending; +Inf last.
    QList<std::pair<double, double>> buckets(const QString& name,
                                             const std::function<bool(const Sample&)>& keep = {}) const;

private:
    QList<Sample> m_samples;
    QHash<QString, QString> m_types;
};

/// The q-quantile (0..1) of a histogram's cumulative buckets, by linear interpolation inside the
/// bucket it falls in, as Prometheus's histogram_quantile does. NaN for no observations; the
/// highest finite bound when it falls in +Inf.
double histogramQuantile(double q, const QList<std::pair<double, double>>& cumulative);

/// `after - before` per bucket bound (a counter reset yields `after`): the observations between two
/// scrapes.
QList<std::pair<double, double>> bucketsBetween(const QList<std::pair<double, double>>& before,
                                                const QList<std::pair<double, double>>& after);

} // namespace souk::metrics
