#pragma once
// Reading a Prometheus exposition in the tests, and asking promtool about it: one way for every
// test that scrapes /metrics. Test-only; header-only.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <limits>
#include <utility>

namespace souk::test {

/// The value of the sample written as `series` (name and labels); NaN when it is absent or not a
/// number (see hasMetric()).
inline double metricSample(const QByteArray& text, const QByteArray& series)
{
    for (const QByteArray& line : text.split('\n')) {
        if (!line.startsWith(QByteArray(series + ' ')))
            continue;
        bool ok = false;
        const double d = line.mid(series.size() + 1).trimmed().toDouble(&ok);
        return ok ? d : std::numeric_limits<double>::quiet_NaN();
    }
    return std::numeric_limits<double>::quiet_NaN();
}

/// Whether a sample is written as `series`, whatever its value.
inline bool hasMetric(const QByteArray& text, const QByteArray& series)
{
    const QByteArray start = series + ' ';
    return text.startsWith(start) || text.contains(QByteArray('\n' + start));
}

/// `promtool check metrics` on `text`: its exit code (-1 when it did not run or finish) and what
/// it said.
inline std::pair<int, QByteArray> promtoolCheck(const QString& promtool, const QByteArray& text)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!p.waitForStarted(10'000))
        return {-1, p.errorString().toUtf8()};
    p.write(text);
    p.closeWriteChannel();
    if (!p.waitForFinished(60'000) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        p.waitForFinished(5000);
        return {-1, "did not finish"};
    }
    return {p.exitCode(), p.readAll()};
}

} // namespace souk::test
