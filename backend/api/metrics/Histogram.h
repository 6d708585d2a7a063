#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include <QList>
#include <QtGlobal>

#include "backend/api/metrics/Series.h"

namespace souk::metrics {

/// Counts observations (latencies, sizes) into buckets by upper bound, with their sum. Owned by
/// its HistogramFamily, whose bounds it reads. Thread-safe and lock-free: observe() adds one to
/// one bucket's integer, and the value to the sum: an atomic double updated by compare-and-swap
/// on its bits (C++20 atomic<double>::fetch_add), not integer microseconds, so seconds and bytes
/// alike keep a double's precision.
class Histogram final : public Series
{
public:
    /// What a scrape shows: cumulative bucket counts, the last one the +Inf bucket.
    struct Snapshot
    {
        QList<quint64> cumulative; ///< one per bound, then +Inf
        double sum = 0.0;
        quint64 count = 0; ///< always the +Inf bucket's count
    };

    /// `bounds` (sorted, finite, without +Inf) must outlive this: they are the family's.
    explicit Histogram(const std::vector<double>& bounds);

    /// Counts `value` in the first bucket whose bound is >= it ("le"); NaN, as in the Go client,
    /// in +Inf only, and the sum becomes NaN.
    void observe(double value) noexcept;
    Snapshot snapshot() const;

private:
    void appendSamples(QByteArray& out, QByteArrayView name, QByteArrayView labels) const override;

    const std::vector<double>& m_bounds;
    // one count per bucket, not cumulative: an observation touches one integer, and the count
    // is derived from the buckets at scrape, so _count always equals the +Inf bucket
    std::unique_ptr<std::atomic<quint64>[]> m_buckets;
    std::atomic<double> m_sum{0.0};
};

} // namespace souk::metrics
