#include "backend/api/metrics/Histogram.h"

#include <algorithm>
#include <cmath>

#include "backend/api/metrics/TextFormat.h"

namespace souk::metrics {

Histogram::Histogram(const std::vector<double>& bounds)
    : m_bounds(bounds), m_buckets(std::make_unique<std::atomic<quint64>[]>(bounds.size() + 1))
{}

void Histogram::observe(double value) noexcept
{
    const auto bucket = std::isnan(value)
                            ? m_bounds.size()
                            : std::size_t(std::lower_bound(m_bounds.begin(), m_bounds.end(), value) - m_bounds.begin());
    m_buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    m_sum.fetch_add(value, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const
{
    // observations landing meanwhile may make the sum and the buckets disagree by a few; the
    // buckets themselves stay monotonic, as Prometheus' quantile estimate needs
    Snapshot s;
    s.cumulative.reserve(qsizetype(m_bounds.size() + 1));
    quint64 running = 0;
    for (std::size_t i = 0; i <= m_bounds.size(); ++i) {
        running += m_buckets[i].load(std::memory_order_relaxed);
        s.cumulative.append(running);
    }
    s.count = running;
    s.sum = m_sum.load(std::memory_order_relaxed);
    return s;
}

void Histogram::appendSamples(QByteArray& out, QByteArrayView name, QByteArrayView labels) const
{
    const Snapshot s = snapshot();
    const QByteArray separator = labels.isEmpty() ? QByteArray() : QByteArrayLiteral(",");
    for (qsizetype i = 0; i < s.cumulative.size(); ++i) {
        const QByteArray le =
            std::size_t(i) < m_bounds.size() ? text::formatValue(m_bounds[std::size_t(i)]) : QByteArrayLiteral("+Inf");
        const QByteArray bucketLabels = labels.toByteArray() + separator + "le=\"" + le + '"';
        text::appendSample(out, name, "_bucket", bucketLabels, text::formatCount(s.cumulative[i]));
    }
    text::appendSample(out, name, "_sum", labels, text::formatValue(s.sum));
    text::appendSample(out, name, "_count", labels, text::formatCount(s.count));
}

} // namespace souk::metrics
