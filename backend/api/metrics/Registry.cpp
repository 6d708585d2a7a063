#include "backend/api/metrics/Registry.h"

#include <QLoggingCategory>

#include "backend/api/metrics/Naming.h"

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcMetrics) // Family.cpp

namespace souk::metrics {

Registry::Registry(int maxSeries) : m_maxSeries(maxSeries) {}

Registry::~Registry() = default;

CounterFamily& Registry::counterFamily(const QString& name, const QString& help, const QStringList& labelNames)
{
    std::unique_ptr<Family> family(new CounterFamily(name, help, labelNames, m_maxSeries));
    return static_cast<CounterFamily&>(adopt(std::move(family), {}));
}

GaugeFamily& Registry::gaugeFamily(const QString& name, const QString& help, const QStringList& labelNames)
{
    std::unique_ptr<Family> family(new GaugeFamily(name, help, labelNames, m_maxSeries));
    return static_cast<GaugeFamily&>(adopt(std::move(family), {}));
}

HistogramFamily& Registry::histogramFamily(const QString& name, const QString& help, const QStringList& labelNames,
                                           const QList<double>& bounds)
{
    std::unique_ptr<Family> family(new HistogramFamily(name, help, labelNames, bounds, m_maxSeries));
    QString problem = HistogramFamily::boundsProblem(bounds);
    if (!problem.isEmpty())
        problem = name + u": "_s + problem;
    return static_cast<HistogramFamily&>(adopt(std::move(family), problem));
}

Counter& Registry::counter(const QString& name, const QString& help)
{
    return counterFamily(name, help, {}).with({});
}

Gauge& Registry::gauge(const QString& name, const QString& help)
{
    return gaugeFamily(name, help, {}).with({});
}

Histogram& Registry::histogram(const QString& name, const QString& help, const QList<double>& bounds)
{
    return histogramFamily(name, help, {}, bounds).with({});
}

GaugeFamily& Registry::callbackGauge(const QString& name, const QString& help, std::function<double()> read)
{
    GaugeFamily& family = gaugeFamily(name, help, {});
    family.setCallback({}, std::move(read));
    return family;
}

QByteArray Registry::exposition() const
{
    // families are never removed: the pointers outlive the lock, and a slow callback gauge
    // does not hold up a registration
    std::vector<const Family*> families;
    {
        std::lock_guard lock(m_mutex);
        families.reserve(m_families.size());
        for (const auto& [name, family] : m_families)
            families.push_back(family.get());
    }
    QByteArray out;
    for (const Family* family : families)
        family->appendTo(out);
    return out;
}

Family& Registry::adopt(std::unique_ptr<Family> family, QString problem)
{
    if (problem.isEmpty())
        problem = namingProblem(family->type(), family->name(), family->help(), family->labelNames());
    std::lock_guard lock(m_mutex);
    if (problem.isEmpty()) {
        const auto it = m_families.find(family->name());
        if (it == m_families.end()) {
            Family& adopted = *m_families.emplace(family->name(), std::move(family)).first->second;
            if (adopted.labelNames().isEmpty())
                adopted.series({}); // an unlabelled metric shows 0 from the start, not nothing
            return adopted;
        }
        if (it->second->sameShape(*family))
            return *it->second;
        problem = u"%1 is registered twice, with a different type, help, labels or buckets"_s.arg(family->name());
    }
    qCWarning(lcMetrics).noquote() << u"metric refused, not exposed: %1"_s.arg(problem);
    Q_ASSERT_X(false, "souk::metrics::Registry", qPrintable(problem));
    for (const auto& refused : m_refused) { // a component made again does not leak another
        if (refused->sameShape(*family))
            return *refused;
    }
    Family& refused = *family;
    if (refused.labelNames().isEmpty())
        refused.series({});
    m_refused.push_back(std::move(family));
    return refused;
}

} // namespace souk::metrics
