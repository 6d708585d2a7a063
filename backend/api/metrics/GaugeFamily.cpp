#include "backend/api/metrics/GaugeFamily.h"

namespace souk::metrics {

GaugeFamily::GaugeFamily(const QString& name, const QString& help, const QStringList& labelNames, int maxSeries)
    : Family(MetricType::Gauge, name, help, labelNames, maxSeries)
{}

void GaugeFamily::setCallback(const QStringList& labelValues, std::function<double()> read)
{
    Gauge& gauge = with(labelValues);
    std::lock_guard lock(mutex()); // a scrape reads m_read under the same lock
    gauge.m_read = std::move(read);
}

void GaugeFamily::clearCallback(const QStringList& labelValues)
{
    Gauge& gauge = with(labelValues);
    std::lock_guard lock(mutex()); // waits for a scrape calling it now
    gauge.m_read = nullptr;
}

std::unique_ptr<Series> GaugeFamily::makeSeries() const
{
    return std::make_unique<Gauge>();
}

} // namespace souk::metrics
