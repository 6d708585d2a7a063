#pragma once

namespace souk::metrics {

/// The Prometheus types the registry exposes. Summaries are left out on purpose: their
/// quantiles cannot be aggregated across the nodes of a cluster, a histogram's buckets can.
enum class MetricType
{
    Counter,
    Gauge,
    Histogram,
};

} // namespace souk::metrics
