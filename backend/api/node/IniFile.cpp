#include "backend/api/node/IniFile.h"

#include <QSet>
#include <QStringConverter>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace souk::api {

namespace {

bool isName(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_'))
            return false;
    }
    return true;
}

QString lineField(int line)
{
    return u"line %1"_s.arg(line);
}

QString unquoted(const QString& value)
{
    if (value.size() >= 2 && value.front() == u'"' && value.back() == u'"')
        return value.mid(1, value.size() - 2);
    return value;
}

} // namespace

Result<IniFile> IniFile::parse(const QByteArray& text)
{
    QStringDecoder decoder(QStringConverter::Utf8); // drops a leading byte order mark
    const QString decoded = decoder(text);
    if (decoder.hasError())
        return Error::invalid(u"config"_s, u"the file is not UTF-8 text"_s);
    IniFile ini;
    QSet<QString> seen;
    QString section;
    const QStringList lines = decoded.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i + 1);
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            section = line.endsWith(u']') ? line.mid(1, line.size() - 2).trimmed() : QString();
            if (!isName(section))
                return Error::invalid(lineField(lineNumber), u"expected [section] with a lower-case name"_s);
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        const QString key = line.left(equals).trimmed();
        if (equals < 0 || !isName(key))
            return Error::invalid(lineField(lineNumber), u"expected key = value with a lower-case key"_s);
        if (section.isEmpty())
            return Error::invalid(lineField(lineNumber), u"\"%1\" comes before any [section]"_s.arg(key));
        const QString name = section + u'/' + key;
        if (seen.contains(name))
            return Error::invalid(name, u"set twice (again on line %1)"_s.arg(lineNumber));
        seen.insert(name);
        ini.m_entries.append({name, unquoted(line.mid(equals + 1).trimmed()), lineNumber});
    }
    return ini;
}

} // namespace souk::api
