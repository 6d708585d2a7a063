#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace souk {

/// Values pasted one a line, as sent to the engine: blank lines dropped, each value trimmed, and
/// the line each came from kept, so that an engine error naming "values[N]" can point at the
/// line the user typed. Value type; any thread.
class PastedValues final
{
public:
    static PastedValues from(const QString& text);

    const QStringList& values() const { return m_values; }
    bool isEmpty() const { return m_values.isEmpty(); }
    /// The 1-based line of the value an error field names ("values[2]"), or 0 for another field.
    int lineOf(const QString& field) const;
    /// The value an error field names, or an empty string.
    QString valueOf(const QString& field) const;

private:
    int indexOf(const QString& field) const;

    QStringList m_values;
    QList<int> m_lines;
};

} // namespace souk
