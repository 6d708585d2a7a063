#pragma once

#include <functional>

#include "backend/api/metrics/Family.h"
#include "backend/api/metrics/Gauge.h"

namespace souk::metrics {

/// A gauge and its labelled series, stored or read by callback. Made and owned by the Registry;
/// thread-safe.
class GaugeFamily final : public Family
{
public:
    /// The series for `labelValues`; see CounterFamily::with().
    Gauge& with(const QStringList& labelValues) { return static_cast<Gauge&>(series(labelValues)); }

    /// From now on the series shows what `read` returns at each scrape (a queue depth the engine
    /// keeps). `read` runs on the thread that calls Registry::exposition(), under this family's
    /// lock: it must be thread-safe and quick, and must not use this registry. One that throws
    /// shows NaN.
    void setCallback(const QStringList& labelValues, std::function<double()> read);
    /// Once this returns the series' callback is never called again, so what it captured may go
    /// (call it before the engine it reads is destroyed). The series then shows its stored value.
    void clearCallback(const QStringList& labelValues);

private:
    friend class Registry;
    GaugeFamily(const QString& name, const QString& help, const QStringList& labelNames, int maxSeries);
    std::unique_ptr<Series> makeSeries() const override;
};

} // namespace souk::metrics
