#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "backend/api/metrics/CounterFamily.h"
#include "backend/api/metrics/GaugeFamily.h"
#include "backend/api/metrics/HistogramFamily.h"

namespace souk::metrics {

/// The node's metrics, served as `GET /metrics` in the Prometheus text format 0.0.4. Owned by
/// whoever wires soukd, and outlives everything that updates it: families and their series are
/// never removed, so every reference handed out stays valid until the registry goes.
/// Thread-safe: register, update and scrape from any thread. Updating a series you hold takes
/// no lock (relaxed atomics); getting one takes its family's lock; registering takes the
/// registry's.
///
/// A name the text format, Prometheus or promtool's lint would refuse is a programming error:
/// it asserts in a debug build, and in a release build logs a warning and hands out a family
/// that works but is never exposed, so one bad metric cannot spoil the scrape.
class Registry final
{
public:
    static constexpr int DefaultMaxSeries = 1000;
    /// The Content-Type of exposition().
    static constexpr char ContentType[] = "text/plain; version=0.0.4; charset=utf-8";

    /// `maxSeries`: the label sets each family keeps before it counts the rest as "other".
    explicit Registry(int maxSeries = DefaultMaxSeries);
    ~Registry();
    Q_DISABLE_COPY_MOVE(Registry)

    /// The family `name`; registering it again as it was returns the same family.
    CounterFamily& counterFamily(const QString& name, const QString& help, const QStringList& labelNames);
    GaugeFamily& gaugeFamily(const QString& name, const QString& help, const QStringList& labelNames);
    /// `bounds`: ascending upper bounds, e.g. HistogramFamily::latencyBucketsSeconds().
    HistogramFamily& histogramFamily(const QString& name, const QString& help, const QStringList& labelNames,
                                     const QList<double>& bounds);

    /// The one series of an unlabelled family, exposed (as 0) from now on.
    Counter& counter(const QString& name, const QString& help);
    Gauge& gauge(const QString& name, const QString& help);
    Histogram& histogram(const QString& name, const QString& help, const QList<double>& bounds);
    /// An unlabelled gauge read by `read` at each scrape; see GaugeFamily::setCallback(), and
    /// clear it with `family.clearCallback({})` before what `read` uses goes.
    GaugeFamily& callbackGauge(const QString& name, const QString& help, std::function<double()> read);

    /// Every family, sorted by name, each series sorted by label values: the same state always
    /// gives the same bytes.
    QByteArray exposition() const;

private:
    Family& adopt(std::unique_ptr<Family> family, QString problem);

    const int m_maxSeries;
    mutable std::mutex m_mutex;
    std::map<QString, std::unique_ptr<Family>> m_families;
    std::vector<std::unique_ptr<Family>> m_refused; // bad registrations: they work, never exposed
};

} // namespace souk::metrics
