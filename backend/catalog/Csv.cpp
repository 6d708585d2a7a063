#include "backend/catalog/Csv.h"

#include <QStringDecoder>

#include <cstring>
#include <optional>

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

Error lineError(int line, const QString& message)
{
    return Error::invalid(u"line %1"_s.arg(line), message);
}

/// The first line (1-based) whose bytes are not valid UTF-8. Each line is decoded on its own so the
/// answer agrees with QStringDecoder; a line-feed byte never occurs inside a multi-byte sequence.
int firstInvalidUtf8Line(QByteArrayView bytes)
{
    int line = 1;
    qsizetype start = 0;
    while (start <= bytes.size()) {
        const void* found = std::memchr(bytes.data() + start, '\n', size_t(bytes.size() - start));
        const qsizetype end = found ? static_cast<const char*>(found) - bytes.data() : bytes.size();
        QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        const QString decoded = decoder(bytes.sliced(start, end - start));
        if (decoder.hasError())
            return line;
        ++line;
        start = end + 1;
    }
    return 1; // not reached when the whole-file decode failed
}

/// Index-scanning RFC 4180 reader over decoded text. One instance reads one file.
class Parser
{
public:
    Parser(QStringView text, const CsvOptions& options) : m_text(text), m_options(options) {}

    Result<CsvTable> run()
    {
        CsvTable table;
        bool haveHeader = false;
        while (m_pos < m_text.size()) {
            if (isLineBreak(m_text[m_pos])) { // blank line
                skipLineBreak();
                continue;
            }
            const int recordLine = m_line;
            QStringList fields;
            fields.reserve(table.header.size());
            if (auto error = readRecord(fields))
                return *error;
            if (!haveHeader) {
                table.header = std::move(fields);
                haveHeader = true;
                continue;
            }
            if (fields.size() != table.header.size())
                return lineError(recordLine,
                                 u"expected %1 columns, found %2"_s.arg(table.header.size()).arg(fields.size()));
            if (table.rows.size() >= m_options.maxRows)
                return lineError(recordLine, u"the file has more than %1 rows"_s.arg(m_options.maxRows));
            table.rows.append(std::move(fields));
            table.rowLines.append(recordLine);
        }
        if (!haveHeader)
            return lineError(1, u"the file is empty"_s);
        return table;
    }

private:
    static bool isLineBreak(QChar c) { return c == u'\n' || c == u'\r'; }

    void skipLineBreak()
    {
        if (m_text[m_pos] == u'\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }

    std::optional<Error> readRecord(QStringList& fields)
    {
        for (;;) {
            QString field;
            if (auto error = readField(field))
                return error;
            fields.append(std::move(field));
            if (m_pos >= m_text.size())
                return std::nullopt;
            if (m_text[m_pos] == u',') {
                ++m_pos;
                continue;
            }
            skipLineBreak();
            return std::nullopt;
        }
    }

    std::optional<Error> readField(QString& out)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == u'"')
            return readQuoted(out);
        const qsizetype start = m_pos;
        const qsizetype size = m_text.size();
        const QChar* data = m_text.data();
        while (m_pos < size) {
            const char16_t c = data[m_pos].unicode();
            if (c == u',' || c == u'\n' || c == u'\r')
                break;
            ++m_pos;
        }
        if (m_pos - start > m_options.maxFieldChars)
            return fieldTooLong(m_line);
        out = QString(data + start, m_pos - start);
        return std::nullopt;
    }

    std::optional<Error> readQuoted(QString& out)
    {
        const int openLine = m_line;
        const qsizetype size = m_text.size();
        const QChar* data = m_text.data();
        ++m_pos; // opening quote
        for (;;) {
            const qsizetype start = m_pos;
            while (m_pos < size && data[m_pos] != u'"') {
                const char16_t c = data[m_pos].unicode();
                if (c == u'\n' || (c == u'\r' && (m_pos + 1 >= size || data[m_pos + 1] != u'\n')))
                    ++m_line;
                ++m_pos;
            }
            if (m_pos >= size)
                return lineError(
                    openLine, u"unbalanced quote: the quoted field opened on line %1 is never closed"_s.arg(openLine));
            out.append(data + start, m_pos - start);
            if (out.size() > m_options.maxFieldChars)
                return fieldTooLong(openLine);
            ++m_pos; // closing quote, or the first of a doubled pair
            if (m_pos < size && data[m_pos] == u'"') {
                out.append(u'"');
                ++m_pos;
                continue;
            }
            break;
        }
        if (m_pos < size && data[m_pos] != u',' && !isLineBreak(data[m_pos]))
            return lineError(m_line,
                             u"unexpected text after a closing quote (quotes inside a field must be doubled)"_s);
        return std::nullopt;
    }

    Error fieldTooLong(int line) const
    {
        return lineError(line, u"a field is longer than %1 characters"_s.arg(m_options.maxFieldChars));
    }

    QStringView m_text;
    const CsvOptions& m_options;
    qsizetype m_pos = 0;
    int m_line = 1;
};

bool needsQuoting(const QString& field)
{
    if (field.isEmpty())
        return false;
    if (field.front().isSpace() || field.back().isSpace())
        return true;
    for (const QChar c : field) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r')
            return true;
    }
    return false;
}

void appendRecord(QString& out, const QStringList& fields)
{
    if (fields.size() == 1 && fields.front().isEmpty()) {
        out.append(u"\"\"\n"); // a bare empty line would be read back as a blank line and skipped
        return;
    }
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out.append(u',');
        const QString& field = fields[i];
        if (needsQuoting(field)) {
            out.append(u'"');
            out.append(QString(field).replace(u'"', u"\"\""_s));
            out.append(u'"');
        } else {
            out.append(field);
        }
    }
    out.append(u'\n');
}

} // namespace

Result<CsvTable> parseCsv(const QByteArray& data, const CsvOptions& options)
{
    QByteArrayView bytes(data);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const QString text = decoder(bytes);
    if (decoder.hasError()) {
        const int line = firstInvalidUtf8Line(bytes);
        return lineError(line, u"line %1 is not valid UTF-8; save the file as UTF-8"_s.arg(line));
    }
    return Parser(text, options).run();
}

QByteArray writeCsv(const QStringList& header, const QList<QStringList>& rows)
{
    QString out;
    appendRecord(out, header);
    for (const QStringList& row : rows)
        appendRecord(out, row);
    return out.toUtf8();
}

} // namespace souk::catalog
