#pragma once

#include <map>
#include <memory>
#include <mutex>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "backend/api/metrics/MetricType.h"
#include "backend/api/metrics/Series.h"

namespace souk::metrics {

/// A named metric and its series, one per distinct set of label values. Owned by the Registry,
/// which keeps it, and so every series' reference, until the registry goes. Thread-safe: series
/// are found or made under the family's lock; a series, once got, is updated without it.
///
/// Cardinality guard: label values often come from outside (a route a client made up), so a
/// family keeps at most maxSeries() label sets. Past that, or for a value longer than
/// LabelValueMax characters, the update counts in the one series whose values are all "other",
/// and a warning is logged once.
class Family
{
public:
    /// The label value of the series that takes what the cardinality guard turns away.
    static constexpr char16_t OverflowValue[] = u"other";
    /// Longer label values count as "other": a value is stored with its series for good.
    static constexpr qsizetype LabelValueMax = 256;

    virtual ~Family();
    Q_DISABLE_COPY_MOVE(Family)

    MetricType type() const { return m_type; }
    const QString& name() const { return m_name; }
    const QString& help() const { return m_help; }
    const QStringList& labelNames() const { return m_labelNames; }
    int maxSeries() const { return m_maxSeries; }
    /// The series there are now, the overflow one included.
    int seriesCount() const;

    /// Appends `# HELP`, `# TYPE` and the samples of every series, sorted by label values.
    /// Holds the family's lock meanwhile: a with() waits, updates to got series do not.
    void appendTo(QByteArray& out) const;

protected:
    Family(MetricType type, const QString& name, const QString& help, const QStringList& labelNames, int maxSeries);

    /// The series for `labelValues` (one per label name), made on first use; the overflow
    /// series once the guard applies, or when the count of values is wrong (a programming error).
    Series& series(const QStringList& labelValues);
    std::mutex& mutex() const { return m_mutex; }
    /// Whether `other` was registered as this was: registering it again then returns this.
    virtual bool sameShape(const Family& other) const;

private:
    friend class Registry;
    virtual std::unique_ptr<Series> makeSeries() const = 0;
    Series& findOrMake(const QStringList& labelValues); // takes m_mutex
    Series& overflowSeries();                           // under m_mutex
    bool admits(const QStringList& labelValues);        // under m_mutex; logs the first refusal

    const MetricType m_type;
    const QString m_name;
    const QString m_help;
    const QStringList m_labelNames;
    const QStringList m_overflowKey;
    const int m_maxSeries;

    mutable std::mutex m_mutex;
    std::map<QStringList, std::unique_ptr<Series>> m_series; // sorted: a stable exposition
    bool m_overflowLogged = false;
};

} // namespace souk::metrics
