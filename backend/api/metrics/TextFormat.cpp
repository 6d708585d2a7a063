#include "backend/api/metrics/TextFormat.h"

#include <cmath>

#include <QLocale>

namespace souk::metrics::text {

QByteArray formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    // a qint64 holds every whole double below 2^63 exactly; larger ones read back from "1e+20"
    constexpr double WholeMax = 9223372036854775808.0;
    if (std::trunc(value) == value && std::fabs(value) < WholeMax)
        return QByteArray::number(static_cast<qint64>(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray formatCount(quint64 value)
{
    return QByteArray::number(value);
}

QByteArray escapeLabelValue(QStringView value)
{
    const QByteArray utf8 = value.toUtf8(); // the escaped characters are ASCII: bytewise is safe
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray escapeHelp(QStringView help)
{
    const QByteArray utf8 = help.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray labelPairs(const QStringList& names, const QStringList& values)
{
    Q_ASSERT(names.size() == values.size());
    QByteArray out;
    for (qsizetype i = 0; i < names.size() && i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        out += names[i].toUtf8() + "=\"" + escapeLabelValue(values[i]) + '"';
    }
    return out;
}

void appendSample(QByteArray& out, QByteArrayView name, QByteArrayView suffix, QByteArrayView labels,
                  QByteArrayView value)
{
    out.append(name).append(suffix);
    if (!labels.isEmpty())
        out.append('{').append(labels).append('}');
    out.append(' ').append(value).append('\n');
}

} // namespace souk::metrics::text
