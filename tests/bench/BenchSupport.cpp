#include "tests/bench/BenchSupport.h"

#include <QFile>
#include <QTextStream>

namespace souk::bench {

double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

void report(const QString& name, double value, const QString& unit)
{
    QTextStream(stdout) << name << ": " << QString::number(value, 'f', value < 10 ? 2 : 1) << ' ' << unit << Qt::endl;
}

} // namespace souk::bench
