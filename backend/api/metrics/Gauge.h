#pragma once

#include <atomic>
#include <functional>

#include "backend/api/metrics/Series.h"

namespace souk::metrics {

/// A value that goes up and down (connections open, queue depth). Owned by its GaugeFamily;
/// thread-safe: set/inc/dec are lock-free (inc/dec a compare-and-swap loop on the double), from
/// any thread. A gauge given a callback (GaugeFamily::setCallback) shows what the callback
/// returns at each scrape instead of its stored value.
class Gauge final : public Series
{
public:
    Gauge() = default;

    void set(double value) noexcept { m_value.store(value, std::memory_order_relaxed); }
    void inc(double amount = 1.0) noexcept { m_value.fetch_add(amount, std::memory_order_relaxed); }
    void dec(double amount = 1.0) noexcept { m_value.fetch_sub(amount, std::memory_order_relaxed); }
    /// The stored value; a callback's is only read at scrape time.
    double value() const noexcept { return m_value.load(std::memory_order_relaxed); }

private:
    friend class GaugeFamily;
    void appendSamples(QByteArray& out, QByteArrayView name, QByteArrayView labels) const override;

    std::atomic<double> m_value{0.0};
    std::function<double()> m_read; ///< guarded by the family's lock
};

} // namespace souk::metrics
