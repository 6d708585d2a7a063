#include "backend/api/metrics/HistogramFamily.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace souk::metrics {
namespace {

/// Bounds a histogram can work with whatever it was given (a refused registration still hands
/// out series): finite, ascending, each once.
std::vector<double> usableBounds(const QList<double>& bounds)
{
    std::vector<double> usable;
    std::copy_if(bounds.begin(), bounds.end(), std::back_inserter(usable), [](double b) { return std::isfinite(b); });
    std::sort(usable.begin(), usable.end());
    usable.erase(std::unique(usable.begin(), usable.end()), usable.end());
    return usable;
}

} // namespace

HistogramFamily::HistogramFamily(const QString& name, const QString& help, const QStringList& labelNames,
                                 const QList<double>& bounds, int maxSeries)
    : Family(MetricType::Histogram, name, help, labelNames, maxSeries), m_bounds(usableBounds(bounds))
{}

QList<double> HistogramFamily::latencyBucketsSeconds()
{
    return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

QString HistogramFamily::boundsProblem(const QList<double>& bounds)
{
    for (qsizetype i = 0; i < bounds.size(); ++i) {
        const double b = bounds[i];
        const bool lastInf = i == bounds.size() - 1 && std::isinf(b) && b > 0;
        if (!std::isfinite(b) && !lastInf)
            return u"bucket bound %1 is not a finite number"_s.arg(b);
        if (i > 0 && !(bounds[i - 1] < b))
            return u"bucket bounds must ascend: %1 follows %2"_s.arg(b).arg(bounds[i - 1]);
    }
    return {};
}

std::unique_ptr<Series> HistogramFamily::makeSeries() const
{
    return std::make_unique<Histogram>(m_bounds);
}

bool HistogramFamily::sameShape(const Family& other) const
{
    return Family::sameShape(other) && static_cast<const HistogramFamily&>(other).m_bounds == m_bounds;
}

} // namespace souk::metrics
