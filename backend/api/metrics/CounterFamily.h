#pragma once

#include "backend/api/metrics/Counter.h"
#include "backend/api/metrics/Family.h"

namespace souk::metrics {

/// A counter and its labelled series. Made and owned by the Registry; thread-safe.
class CounterFamily final : public Family
{
public:
    /// The series for `labelValues`, in the order of labelNames(). Takes the family's lock:
    /// keep the reference where the labels are fixed, and call this per update only where they
    /// vary (a route and status).
    Counter& with(const QStringList& labelValues) { return static_cast<Counter&>(series(labelValues)); }

private:
    friend class Registry;
    CounterFamily(const QString& name, const QString& help, const QStringList& labelNames, int maxSeries)
        : Family(MetricType::Counter, name, help, labelNames, maxSeries)
    {}
    std::unique_ptr<Series> makeSeries() const override { return std::make_unique<Counter>(); }
};

} // namespace souk::metrics
