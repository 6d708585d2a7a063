#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "backend/core/Result.h"

namespace souk::api {

/// A strict reading of an INI file: "[section]" headers, "key = value" lines, whole-line comments
/// starting with '#' or ';'. No inline comments (a '#' may belong to a path), no escapes; a value in
/// double quotes loses them. A key outside a section, a repeated key or a line that is none of these
/// is an Error naming its line. Internal to souk_api_node; value type, any thread.
class IniFile
{
public:
    struct Entry
    {
        QString name; ///< "section/key"
        QString value;
        int line = 0;
    };

    static Result<IniFile> parse(const QByteArray& text);

    const QList<Entry>& entries() const { return m_entries; }

private:
    QList<Entry> m_entries;
};

} // namespace souk::api
