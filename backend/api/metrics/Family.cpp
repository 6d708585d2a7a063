#include "backend/api/metrics/Family.h"

#include <algorithm>

#include <QLoggingCategory>

#include "backend/api/metrics/TextFormat.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMetrics, "souk.api.metrics")

namespace souk::metrics {
namespace {

QByteArray typeName(MetricType type)
{
    switch (type) {
    case MetricType::Counter:
        return QByteArrayLiteral("counter");
    case MetricType::Gauge:
        return QByteArrayLiteral("gauge");
    case MetricType::Histogram:
        return QByteArrayLiteral("histogram");
    }
    Q_UNREACHABLE();
}

/// The values as the exposition writes them, in UTF-8, and reads back.
QStringList writtenValues(const QStringList& values)
{
    QStringList written;
    written.reserve(values.size());
    for (const QString& value : values)
        written.append(QString::fromUtf8(value.toUtf8()));
    return written;
}

} // namespace

Family::Family(MetricType type, const QString& name, const QString& help, const QStringList& labelNames, int maxSeries)
    : m_type(type), m_name(name), m_help(help), m_labelNames(labelNames),
      m_overflowKey(labelNames.size(), QString::fromUtf16(OverflowValue)), m_maxSeries(std::max(1, maxSeries))
{}

Family::~Family() = default;

int Family::seriesCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_series.size());
}

void Family::appendTo(QByteArray& out) const
{
    const QByteArray name = m_name.toUtf8();
    out += "# HELP " + name + ' ' + text::escapeHelp(m_help) + '\n';
    out += "# TYPE " + name + ' ' + typeName(m_type) + '\n';
    std::lock_guard lock(m_mutex);
    for (const auto& [values, series] : m_series)
        series->appendSamples(out, name, text::labelPairs(m_labelNames, values));
}

Series& Family::series(const QStringList& labelValues)
{
    // a lone surrogate (a hostile client's) is written as '?' (QString::toUtf8): look values up
    // as written, or two of them would show as one label set twice
    const bool valid =
        std::all_of(labelValues.begin(), labelValues.end(), [](const QString& value) { return value.isValidUtf16(); });
    return valid ? findOrMake(labelValues) : findOrMake(writtenValues(labelValues));
}

Series& Family::findOrMake(const QStringList& labelValues)
{
    std::lock_guard lock(m_mutex);
    if (labelValues.size() != m_labelNames.size()) {
        const QString problem = u"%1 takes %2 label values, not %3: counted as \"other\""_s.arg(
            m_name, QString::number(m_labelNames.size()), QString::number(labelValues.size()));
        qCWarning(lcMetrics).noquote() << problem;
        Q_ASSERT_X(false, "souk::metrics::Family", qPrintable(problem));
        return overflowSeries();
    }
    if (const auto it = m_series.find(labelValues); it != m_series.end())
        return *it->second;
    if (!admits(labelValues))
        return overflowSeries();
    return *m_series.emplace(labelValues, makeSeries()).first->second;
}

bool Family::sameShape(const Family& other) const
{
    return m_type == other.m_type && m_name == other.m_name && m_help == other.m_help &&
           m_labelNames == other.m_labelNames && m_maxSeries == other.m_maxSeries;
}

Series& Family::overflowSeries()
{
    auto it = m_series.find(m_overflowKey);
    if (it == m_series.end())
        it = m_series.emplace(m_overflowKey, makeSeries()).first;
    return *it->second;
}

bool Family::admits(const QStringList& labelValues)
{
    const bool tooLong = std::any_of(labelValues.begin(), labelValues.end(),
                                     [](const QString& value) { return value.size() > LabelValueMax; });
    // the overflow series is not one of the maxSeries: it is where the rest goes
    const std::size_t regular = m_series.size() - (m_series.contains(m_overflowKey) ? 1 : 0);
    if (!tooLong && regular < std::size_t(m_maxSeries))
        return true;
    if (!m_overflowLogged) { // once: a hostile client must not flood the log either
        m_overflowLogged = true;
        qCWarning(lcMetrics).noquote()
            << (tooLong ? u"%1: a label value is longer than %2 characters; such updates count as \"other\""_s.arg(
                              m_name, QString::number(LabelValueMax))
                        : u"%1 has %2 label sets; updates to new ones count as \"other\""_s.arg(
                              m_name, QString::number(m_maxSeries)));
    }
    return false;
}

} // namespace souk::metrics
