#pragma once

#include <vector>

#include <QList>

#include "backend/api/metrics/Family.h"
#include "backend/api/metrics/Histogram.h"

namespace souk::metrics {

/// A histogram and its labelled series, all with the same bucket bounds. Made and owned by the
/// Registry; thread-safe.
class HistogramFamily final : public Family
{
public:
    /// The series for `labelValues`; see CounterFamily::with().
    Histogram& with(const QStringList& labelValues) { return static_cast<Histogram&>(series(labelValues)); }
    /// The upper bounds, ascending, +Inf left implicit.
    const std::vector<double>& bounds() const { return m_bounds; }

    /// Seconds, 1 ms to 10 s: the node's request and engine latencies.
    static QList<double> latencyBucketsSeconds();
    /// Why `bounds` cannot be a histogram's upper bounds (not strictly ascending, NaN, -Inf), in
    /// English; empty when they can. A last +Inf is allowed: every histogram has that bucket.
    static QString boundsProblem(const QList<double>& bounds);

private:
    friend class Registry;
    HistogramFamily(const QString& name, const QString& help, const QStringList& labelNames,
                    const QList<double>& bounds, int maxSeries);
    std::unique_ptr<Series> makeSeries() const override;
    bool sameShape(const Family& other) const override;

    const std::vector<double> m_bounds; // the series read it: never changed
};

} // namespace souk::metrics
