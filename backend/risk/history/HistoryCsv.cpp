#include "backend/risk/history/HistoryCsv.h"

#include <algorithm>
#include <optional>

#include <QIODevice>

#include "backend/catalog/Csv.h"
#include "backend/core/Parallel.h"
#include "backend/risk/history/HistoryRow.h"
#include "backend/risk/history/SortByTime.h"

using namespace Qt::StringLiterals;

namespace souk::risk {
namespace {

using namespace historyrow;

constexpr int FieldCharsMax = 4096; // longer than any value a row may hold (text is capped at 256)
constexpr qsizetype RowsPerPartMin = 20'000;

/// The problems found, the first `max` kept.
struct Problems
{
    QList<HistoryProblem> listed;
    qint64 total = 0;
    int max = 0;

    void add(HistoryProblem problem)
    {
        if (listed.size() < max)
            listed.append(std::move(problem));
        ++total;
    }
};

void sortByLine(QList<HistoryProblem>& problems)
{
    std::stable_sort(problems.begin(), problems.end(),
                     [](const HistoryProblem& a, const HistoryProblem& b) { return a.line < b.line; });
}

/// The physical line of the header: blank lines before it are skipped by the reader.
int headerLine(const QByteArray& data)
{
    int line = 1;
    qsizetype i = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    for (; i < data.size() && (data[i] == '\n' || data[i] == '\r'); ++i) {
        if (data[i] == '\n' || i + 1 >= data.size() || data[i + 1] != '\n')
            ++line;
    }
    return line;
}

/// Maps the header's names to columns; every required column once, nothing unknown.
ColumnMap readHeader(const QStringList& header, int line, Problems& problems)
{
    ColumnMap map;
    map.fill(-1);
    const QStringList& names = columnNames();
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = header[i].trimmed();
        const qsizetype column = names.indexOf(name);
        if (column < 0) {
            const QString near = closestColumn(name);
            problems.add(
                {line, name, near.isEmpty() ? u"unknown column"_s : u"unknown column; did you mean '%1'?"_s.arg(near)});
        } else if (map[size_t(column)] >= 0) {
            problems.add({line, name,
                          u"the column appears twice (columns %1 and %2)"_s.arg(map[size_t(column)] + 1).arg(i + 1)});
        } else {
            map[size_t(column)] = int(i);
        }
    }
    for (int column = 0; column < RequiredCount; ++column) {
        if (map[size_t(column)] < 0)
            problems.add({line, names[column], u"missing required column"_s});
    }
    return map;
}

/// Reads parsed records into payments on all cores, table after table, keeping every problem.
class RowReader
{
public:
    RowReader(const ColumnMap& map, const HistoryCsvOptions& options, std::vector<HistoryPayment>& out,
              Problems& problems)
        : m_map(map), m_options(options), m_out(out), m_problems(problems)
    {}

    /// Appends the table's rows to `out`; `lineOffset` turns the table's lines into the file's. Frees
    /// each record once read, on the thread that read it.
    void read(catalog::CsvTable& table, int lineOffset)
    {
        const bool keep = m_problems.total == 0; // all or nothing: after a problem, rows are only checked
        const size_t base = m_out.size();
        if (keep)
            m_out.resize(base + size_t(table.rows.size()));
        const qsizetype rows = table.rows.size();
        table.rows.detach(); // the parts then write to elements only, never to the list
        const int partCount = parallelParts(rows, RowsPerPartMin);
        std::vector<Problems> found(static_cast<size_t>(partCount), Problems{{}, 0, m_options.problemsMax});
        runParts(partCount, [&](int k) {
            CurrencyCache currencies;
            QList<HistoryProblem> rowProblems;
            HistoryPayment scratch;
            for (qsizetype r = rows * k / partCount; r < rows * (k + 1) / partCount; ++r) {
                HistoryPayment& payment = keep ? m_out[base + size_t(r)] : (scratch = {});
                rowProblems.clear();
                const bool ok = readRow(table.rows[r], table.rowLines[r] + lineOffset, m_map, m_options, currencies,
                                        payment, rowProblems);
                table.rows[r] = QStringList(); // each part writes only its own records
                if (ok)
                    continue;
                for (HistoryProblem& problem : rowProblems)
                    found[size_t(k)].add(std::move(problem));
            }
        });
        for (Problems& part : found) {
            m_problems.listed.append(std::move(part.listed));
            m_problems.total += part.total;
        }
        // each part kept its first problems in line order: by line, the first `max` of all are among them
        sortByLine(m_problems.listed);
        m_problems.listed.resize(std::min<qsizetype>(m_problems.listed.size(), m_options.problemsMax));
        if (m_problems.total > 0)
            m_out = {};
    }

private:
    const ColumnMap& m_map;
    const HistoryCsvOptions& m_options;
    std::vector<HistoryPayment>& m_out;
    Problems& m_problems;
};

/// Line breaks as the CSV reader counts them: LF, CRLF and a lone CR are one each.
int countLineBreaks(QByteArrayView bytes)
{
    int breaks = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i)
        breaks += bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'));
    return breaks;
}

/// The end of the record that starts at `from`, or of the first record ending at or after `target`:
/// just past a line feed that quote parity puts outside quotes. Parity is a guess (a quote inside an
/// unquoted field is literal text); a wrong guess shows as a reader issue, and then the whole file
/// is read again in one piece.
qsizetype recordEnd(QByteArrayView bytes, qsizetype from, qsizetype target)
{
    bool quoted = false;
    for (qsizetype i = from; i < bytes.size(); ++i) {
        quoted ^= bytes[i] == '"';
        if (bytes[i] == '\n' && !quoted && i + 1 >= target)
            return i + 1;
    }
    return bytes.size();
}

HistoryParse finish(Problems& problems, std::vector<HistoryPayment>&& payments, const QStringList& header)
{
    HistoryParse result;
    result.problemsTotal = problems.total;
    if (problems.total > 0) {
        sortByLine(problems.listed);
        result.problems = problems.listed.mid(0, problems.max);
        return result;
    }
    result.file.payments = std::move(payments);
    history::sortByTime(result.file.payments, [](const HistoryPayment& p) { return p.createdMs; });
    result.file.columns = header;
    return result;
}

/// A large file read in pieces of about ChunkBytes, each parsed, checked and freed before the next:
/// the parsed cells of a whole file take several times its size. nullopt when the file is small, or
/// the reader finds anything wrong in its structure (then the whole file is read in one piece, which
/// names those problems exactly).
std::optional<HistoryParse> parseInChunks(const QByteArray& data, const HistoryCsvOptions& options)
{
    constexpr qsizetype ChunkBytes = 8 << 20;
    if (data.size() < 2 * ChunkBytes)
        return std::nullopt;
    const QByteArrayView bytes = QByteArrayView(data).sliced(data.startsWith("\xEF\xBB\xBF") ? 3 : 0);
    qsizetype start = 0;
    while (start < bytes.size() && (bytes[start] == '\n' || bytes[start] == '\r'))
        ++start;
    const QByteArray headerBytes = bytes.first(recordEnd(bytes, start, start)).toByteArray();
    const auto headerTable = catalog::parseCsv(headerBytes);
    Problems problems{{}, 0, options.problemsMax};
    if (!headerTable)
        return std::nullopt;
    const ColumnMap map = readHeader(headerTable->header, headerLine(data), problems);
    if (problems.total > 0)
        return std::nullopt;
    catalog::CsvOptions csvOptions;
    csvOptions.maxFieldChars = FieldCharsMax;
    std::vector<HistoryPayment> payments;
    payments.reserve(size_t(std::count(bytes.begin(), bytes.end(), '\n'))); // at least the records
    RowReader reader(map, options, payments, problems);
    const int headerLines = countLineBreaks(headerBytes);
    int firstLine = headerLines + 1; // the file's line where the piece starts
    qint64 rows = 0;
    for (start = headerBytes.size(); start < bytes.size();) {
        const qsizetype end = recordEnd(bytes, start, start + ChunkBytes);
        catalog::CsvTable table = catalog::parseCsvLenient(headerBytes + bytes.sliced(start, end - start), csvOptions);
        rows += table.rows.size();
        if (!table.issues.isEmpty() || table.header != headerTable->header || rows > options.maxRows)
            return std::nullopt;
        reader.read(table, firstLine - 1 - headerLines);
        firstLine += countLineBreaks(bytes.sliced(start, end - start));
        start = end;
    }
    return finish(problems, std::move(payments), headerTable->header);
}

} // namespace

QString HistoryProblem::toString() const
{
    if (line <= 0)
        return message;
    if (column.isEmpty())
        return u"line %1: %2"_s.arg(line).arg(message);
    return u"line %1, %2: %3"_s.arg(line).arg(column, message);
}

Error HistoryParse::toError() const
{
    Q_ASSERT(!ok());
    const HistoryProblem& first = problems.front();
    QString field = first.line > 0 ? u"line %1"_s.arg(first.line) : u"file"_s;
    if (!first.column.isEmpty())
        field += u", "_s + first.column;
    QString message = first.message;
    if (problemsTotal > 1)
        message += u" (and %1 more problems)"_s.arg(problemsTotal - 1);
    return Error::invalid(field, message);
}

const QStringList& HistoryCsv::requiredColumns()
{
    static const QStringList names = columnNames().mid(0, RequiredCount);
    return names;
}

const QStringList& HistoryCsv::optionalColumns()
{
    static const QStringList names = columnNames().mid(RequiredCount);
    return names;
}

HistoryParse HistoryCsv::parse(const QByteArray& data, const HistoryCsvOptions& options)
{
    if (auto chunked = parseInChunks(data, options))
        return std::move(*chunked);
    Problems problems{{}, 0, options.problemsMax};
    catalog::CsvOptions csvOptions;
    csvOptions.maxFieldChars = FieldCharsMax;
    csvOptions.maxRows = options.maxRows;
    catalog::CsvTable table = catalog::parseCsvLenient(data, csvOptions);
    for (const catalog::CsvIssue& issue : table.issues)
        problems.add(
            {issue.kind == catalog::CsvIssueKind::Empty ? 0 : issue.line, QString(), catalog::csvIssueMessage(issue)});
    std::vector<HistoryPayment> payments;
    if (table.header.isEmpty())
        return finish(problems, std::move(payments), {});
    const qint64 issues = problems.total;
    const ColumnMap map = readHeader(table.header, headerLine(data), problems);
    if (problems.total > issues) // rows mean nothing under a bad header
        return finish(problems, std::move(payments), {});
    RowReader(map, options, payments, problems).read(table, 0);
    return finish(problems, std::move(payments), table.header);
}

HistoryParse HistoryCsv::parse(QIODevice& device, const HistoryCsvOptions& options)
{
    const auto data = catalog::readCsvInput(device, options.maxBytes, u"file"_s);
    if (!data) {
        HistoryParse result;
        result.problems.append({0, QString(), data.error().message});
        result.problemsTotal = 1;
        return result;
    }
    return parse(*data, options);
}

QByteArray HistoryCsv::write(const std::vector<HistoryPayment>& payments)
{
    constexpr qsizetype RowsPerChunk = 8192; // bounds the cells held at once
    QList<Column> columns;
    for (int c = 0; c < RequiredCount; ++c)
        columns.append(Column(c));
    const auto any = [&](auto has) { return std::any_of(payments.begin(), payments.end(), has); };
    if (any([](const HistoryPayment& p) { return !p.bin.isEmpty(); }))
        columns.append(Bin);
    if (any([](const HistoryPayment& p) { return p.shippingDistanceKm.has_value(); }))
        columns.append(ShippingDistanceKm);
    if (any([](const HistoryPayment& p) { return p.labelKnownMs.has_value(); }))
        columns.append(LabelKnownAt);
    QStringList header;
    for (const Column column : std::as_const(columns))
        header.append(columnNames()[column]);
    const qsizetype headerBytes = header.join(u',').size() + 1; // names need no quoting: ASCII, no commas

    const qsizetype total = qsizetype(payments.size());
    const int partCount = parallelParts(total, RowsPerPartMin);
    std::vector<QByteArray> pieces(static_cast<size_t>(partCount));
    runParts(partCount, [&](int k) {
        const qsizetype end = total * (k + 1) / partCount;
        for (qsizetype begin = total * k / partCount; begin < end; begin += RowsPerChunk) {
            QList<QStringList> rows;
            rows.reserve(RowsPerChunk);
            for (qsizetype i = begin; i < std::min(end, begin + RowsPerChunk); ++i)
                rows.append(writeRow(payments[size_t(i)], columns));
            pieces[size_t(k)].append(QByteArrayView(catalog::writeCsv(header, rows)).sliced(headerBytes));
        }
    });
    QByteArray out = catalog::writeCsv(header, {});
    for (const QByteArray& piece : pieces)
        out.append(piece);
    return out;
}

} // namespace souk::risk
