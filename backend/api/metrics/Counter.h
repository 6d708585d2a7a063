#pragma once

#include <atomic>

#include <QtGlobal>

#include "backend/api/metrics/Series.h"

namespace souk::metrics {

/// A count that only goes up (requests, bytes, errors). Whole amounts only: a lock-free integer
/// add is the cheapest update there is, and a duration belongs in a Histogram. Owned by its
/// CounterFamily; thread-safe: any thread may inc() at any time.
class Counter final : public Series
{
public:
    Counter() = default;

    void inc(quint64 amount = 1) noexcept { m_value.fetch_add(amount, std::memory_order_relaxed); }
    quint64 value() const noexcept { return m_value.load(std::memory_order_relaxed); }

private:
    void appendSamples(QByteArray& out, QByteArrayView name, QByteArrayView labels) const override;

    // relaxed: a scrape needs each count to be right eventually, not ordered with other memory
    std::atomic<quint64> m_value{0};
};

} // namespace souk::metrics
