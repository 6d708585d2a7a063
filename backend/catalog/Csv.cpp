#include "backend/catalog/Csv.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include <QIODevice>
#include <QStringDecoder>

#include "backend/core/Parallel.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

using Issue = std::optional<CsvIssue>;

CsvIssue issue(CsvIssueKind kind, int line, qint64 expected = 0, qint64 found = 0)
{
    return CsvIssue{kind, line, expected, found};
}

Error issueError(const CsvIssue& issue)
{
    return Error::invalid(u"line %1"_s.arg(issue.line), csvIssueMessage(issue));
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

/// Index-scanning RFC 4180 reader over decoded text, from `pos` (a record start) on `line`. Strict,
/// it stops at the first issue; lenient, it lists the issues a reader can step over and goes on.
class Parser
{
public:
    Parser(QStringView text, const CsvOptions& options, qsizetype pos = 0, int line = 1, bool lenient = false)
        : m_text(text), m_options(options), m_pos(pos), m_line(line), m_lenient(lenient)
    {
    }

    /// The whole text; strict, the first issue; lenient, every issue in table.issues.
    Issue run(CsvTable& table)
    {
        if (auto stop = readHeader(table.header))
            return stop;
        return readRows(table, m_text.size());
    }

    /// The first record, after any blank lines.
    Issue readHeader(QStringList& header)
    {
        while (m_pos < m_text.size() && isLineBreak(m_text[m_pos]))
            skipLineBreak();
        if (m_pos >= m_text.size())
            return issue(CsvIssueKind::Empty, 1);
        return readRecord(header);
    }

    /// Data records as wide as table.header that start before `end`. Lenient, a record of the
    /// wrong width or with text after a quote is listed in table.issues and skipped.
    Issue readRows(CsvTable& table, qsizetype end)
    {
        while (m_pos < end) {
            if (isLineBreak(m_text[m_pos])) { // blank line
                skipLineBreak();
                continue;
            }
            const int recordLine = m_line;
            QStringList fields;
            fields.reserve(table.header.size());
            if (auto problem = readRecord(fields)) {
                if (!m_lenient || problem->kind != CsvIssueKind::TextAfterQuote)
                    return problem;
                table.issues.append(*problem);
                skipRestOfLine();
                continue;
            }
            if (fields.size() != table.header.size()) {
                const CsvIssue wrong = issue(CsvIssueKind::WrongWidth, recordLine, table.header.size(), fields.size());
                if (!m_lenient)
                    return wrong;
                table.issues.append(wrong);
                continue;
            }
            if (table.rows.size() >= m_options.maxRows)
                return issue(CsvIssueKind::TooManyRows, recordLine, m_options.maxRows);
            table.rows.append(std::move(fields));
            table.rowLines.append(recordLine);
        }
        return std::nullopt;
    }

    qsizetype pos() const { return m_pos; }
    int line() const { return m_line; }

private:
    static bool isLineBreak(QChar c) { return c == u'\n' || c == u'\r'; }

    void skipLineBreak()
    {
        if (m_text[m_pos] == u'\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }

    /// After text following a closing quote: the record is given up up to the end of its line.
    void skipRestOfLine()
    {
        while (m_pos < m_text.size() && !isLineBreak(m_text[m_pos]))
            ++m_pos;
        if (m_pos < m_text.size())
            skipLineBreak();
    }

    Issue readRecord(QStringList& fields)
    {
        for (;;) {
            QString field;
            if (auto problem = readField(field))
                return problem;
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

    Issue readField(QString& out)
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
            return issue(CsvIssueKind::FieldTooLong, m_line, m_options.maxFieldChars);
        out = QString(data + start, m_pos - start);
        return std::nullopt;
    }

    Issue readQuoted(QString& out)
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
                return issue(CsvIssueKind::UnclosedQuote, openLine);
            out.append(data + start, m_pos - start);
            if (out.size() > m_options.maxFieldChars)
                return issue(CsvIssueKind::FieldTooLong, openLine, m_options.maxFieldChars);
            ++m_pos; // closing quote, or the first of a doubled pair
            if (m_pos < size && data[m_pos] == u'"') {
                out.append(u'"');
                ++m_pos;
                continue;
            }
            break;
        }
        if (m_pos < size && data[m_pos] != u',' && !isLineBreak(data[m_pos]))
            return issue(CsvIssueKind::TextAfterQuote, m_line);
        return std::nullopt;
    }

    QStringView m_text;
    const CsvOptions& m_options;
    qsizetype m_pos;
    int m_line;
    const bool m_lenient;
};

/// Where pieces of the data records start, ending with text.size(): each after a line feed that
/// quote parity puts outside quotes. Parity is only a guess (a stray quote in an unquoted field
/// is literal text), so parseInPieces() checks every piece ends where the next one starts.
QList<qsizetype> pieceStarts(QStringView text, qsizetype begin, int parts)
{
    QList<qsizetype> starts{begin};
    const char16_t* data = reinterpret_cast<const char16_t*>(text.data());
    bool quoted = false;
    qsizetype pos = begin;
    for (int k = 1; k < parts; ++k) {
        for (const qsizetype target = begin + (text.size() - begin) * k / parts; pos < target; ++pos)
            quoted ^= data[pos] == u'"';
        for (; pos < text.size(); ++pos) {
            quoted ^= data[pos] == u'"';
            if (data[pos] == u'\n' && !quoted) {
                ++pos;
                break;
            }
        }
        if (pos >= text.size())
            break;
        starts.append(pos);
    }
    starts.append(text.size());
    return starts;
}

/// One piece of the records, read on its own thread with lines counted from 1.
struct Piece
{
    CsvTable table;
    Issue error;
    qsizetype end = 0;
    int lines = 0; ///< line breaks consumed
};

/// Reads the records after the header in pieces on all cores and joins them. Any error, a piece
/// that overran the next, or too many rows gives nullopt: the caller then reads the file in one
/// piece, which finds the same records and reports the exact first error.
std::optional<CsvTable> parseInPieces(QStringView text, const CsvOptions& options, const QStringList& header,
                                      const Parser& head)
{
    constexpr qsizetype PieceCharsMin = 256 * 1024;
    const QList<qsizetype> starts =
        pieceStarts(text, head.pos(), parallelParts(text.size() - head.pos(), PieceCharsMin));
    std::vector<Piece> pieces(size_t(starts.size() - 1));
    runParts(int(pieces.size()), [&](int k) {
        Piece& piece = pieces[size_t(k)];
        piece.table.header = header;
        Parser parser(text, options, starts[k], 1);
        piece.error = parser.readRows(piece.table, starts[k + 1]);
        piece.end = parser.pos();
        piece.lines = parser.line() - 1;
    });
    CsvTable table;
    table.header = header;
    int lineOffset = head.line() - 1;
    for (size_t k = 0; k < pieces.size(); ++k) {
        Piece& piece = pieces[k];
        if (piece.error || piece.end != starts[qsizetype(k) + 1] ||
            table.rows.size() + piece.table.rows.size() > options.maxRows)
            return std::nullopt;
        for (const int line : std::as_const(piece.table.rowLines))
            table.rowLines.append(line + lineOffset);
        table.rows.append(std::move(piece.table.rows));
        lineOffset += piece.lines;
    }
    return table;
}

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

bool startsFormula(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

/// True when `cell` is zero or more single quotes followed by a character that starts a formula.
bool isQuotedFormula(QStringView cell, qsizetype quotesMin)
{
    qsizetype quotes = 0;
    while (quotes < cell.size() && cell[quotes] == u'\'')
        ++quotes;
    return quotes >= quotesMin && quotes < cell.size() && startsFormula(cell[quotes]);
}

} // namespace

Result<QByteArray> readCsvInput(QIODevice& device, qint64 maxBytes, const QString& field)
{
    constexpr qint64 ChunkBytes = 1 << 20;
    const auto tooLarge = [&] {
        const QString limit = maxBytes % (1 << 20) == 0 ? u"%1 MB"_s.arg(maxBytes >> 20) : u"%1 bytes"_s.arg(maxBytes);
        return Error::invalid(field, u"more than %1 to read; import at most %1 at a time"_s.arg(limit));
    };
    QByteArray data;
    for (;;) {
        const qint64 want = std::min(ChunkBytes, maxBytes + 1 - data.size()); // one byte past the cap tells
        if (want <= 0)
            return tooLarge();
        const qsizetype had = data.size();
        if (data.capacity() < had + want)
            data.reserve(std::max<qsizetype>(had + want, std::min<qsizetype>(2 * data.capacity(), maxBytes + 1)));
        data.resize(had + want);
        const qint64 got = device.read(data.data() + had, want);
        if (got < 0)
            return Error::invalid(field, u"cannot read: "_s + device.errorString());
        data.resize(had + got);
        if (got == 0) // end of file; a pipe's read blocks until its writer sends more or closes
            return data;
    }
}

QString neutraliseCsvFormula(const QString& cell)
{
    return isQuotedFormula(cell, 0) ? QString(cell).prepend(u'\'') : cell;
}

QString restoreCsvFormula(const QString& cell)
{
    return isQuotedFormula(cell, 1) ? cell.sliced(1) : cell;
}

namespace {

/// Decodes and reads `data`; a file that is not UTF-8 comes back as text-less with its issue.
Issue parseText(const QByteArray& data, const CsvOptions& options, bool lenient, CsvTable& table)
{
    QByteArrayView bytes(data);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        return issue(CsvIssueKind::NotUtf8, firstInvalidUtf8Line(bytes));
    Parser head(text, options);
    QStringList header;
    if (!head.readHeader(header)) {
        if (auto pieces = parseInPieces(text, options, header, head)) {
            table = std::move(*pieces);
            return std::nullopt;
        }
    }
    table = CsvTable();
    return Parser(text, options, 0, 1, lenient).run(table);
}

} // namespace

QString csvIssueMessage(const CsvIssue& issue)
{
    switch (issue.kind) {
    case CsvIssueKind::Empty:
        return u"the file is empty"_s;
    case CsvIssueKind::NotUtf8:
        return u"line %1 is not valid UTF-8; save the file as UTF-8"_s.arg(issue.line);
    case CsvIssueKind::WrongWidth:
        return u"expected %1 columns, found %2"_s.arg(issue.expected).arg(issue.found);
    case CsvIssueKind::TextAfterQuote:
        return u"unexpected text after a closing quote (quotes inside a field must be doubled)"_s;
    case CsvIssueKind::UnclosedQuote:
        return u"unbalanced quote: the quoted field opened on line %1 is never closed"_s.arg(issue.line);
    case CsvIssueKind::FieldTooLong:
        return u"a field is longer than %1 characters"_s.arg(issue.expected);
    case CsvIssueKind::TooManyRows:
        return u"the file has more than %1 rows"_s.arg(issue.expected);
    }
    return QString();
}

Result<CsvTable> parseCsv(const QByteArray& data, const CsvOptions& options)
{
    CsvTable table;
    if (const Issue stop = parseText(data, options, false, table))
        return issueError(*stop);
    return table;
}

CsvTable parseCsvLenient(const QByteArray& data, const CsvOptions& options)
{
    CsvTable table;
    if (const Issue stop = parseText(data, options, true, table))
        table.issues.append(*stop);
    return table;
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
