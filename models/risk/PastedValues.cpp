#include "models/risk/PastedValues.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace souk {

PastedValues PastedValues::from(const QString& text)
{
    PastedValues out;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString value = lines[i].trimmed(); // also drops the '\r' of pasted Windows text
        if (value.isEmpty())
            continue;
        out.m_values.append(value);
        out.m_lines.append(i + 1);
    }
    return out;
}

int PastedValues::indexOf(const QString& field) const
{
    static const QRegularExpression item(u"^values\\[(\\d+)\\]$"_s);
    const auto match = item.match(field);
    if (!match.hasMatch())
        return -1;
    const int index = match.captured(1).toInt();
    return index < m_values.size() ? index : -1;
}

int PastedValues::lineOf(const QString& field) const
{
    const int index = indexOf(field);
    return index < 0 ? 0 : m_lines[index];
}

QString PastedValues::valueOf(const QString& field) const
{
    const int index = indexOf(field);
    return index < 0 ? QString() : m_values[index];
}

} // namespace souk
