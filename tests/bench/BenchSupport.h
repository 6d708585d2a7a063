#pragma once

#include <QList>
#include <QString>

#include <algorithm>

namespace souk::bench {

/// The p-th percentile (0..100) of samples, nearest rank. Sorts a copy.
inline double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype rank = std::clamp<qsizetype>(qsizetype(p / 100.0 * samples.size() + 0.5) - 1, 0, samples.size() - 1);
    return samples[rank];
}

/// Resident set size of this process in MB, from /proc/self/status (0 where unavailable).
double residentMb();

/// Prints "name: value unit" in one line, for RESULTS.md.
void report(const QString& name, double value, const QString& unit);

} // namespace souk::bench
