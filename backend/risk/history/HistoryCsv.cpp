#include "backend/risk/history/HistoryCsv.h"

#include <algorithm>

#include <QIODevice>

#include "backend/catalog/Csv.h"
#include "backend/core/Parallel.h"
#include "backend/risk/history/HistoryRow.h"

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

/// One part of the rows, read on its own thread.
struct Part
{
    std::vector<HistoryPayment> payments;
    Problems problems;
};

void readRows(const catalog::CsvTable& table, const ColumnMap& map, const HistoryCsvOptions& options, qsizetype begin,
              qsizetype end, Part& part)
{
    CurrencyCache currencies;
    QList<HistoryProblem> rowProblems;
    part.payments.reserve(size_t(end - begin));
    for (qsizetype r = begin; r < end; ++r) {
        HistoryPayment payment;
        rowProblems.clear();
        if (readRow(table.rows[r], table.rowLines[r], map, options, currencies, payment, rowProblems)) {
            if (part.problems.total == 0) // all or nothing: after a problem, rows are only checked
                part.payments.push_back(std::move(payment));
            continue;
        }
        for (HistoryProblem& problem : rowProblems)
            part.problems.add(std::move(problem));
    }
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
    HistoryParse result;
    Problems problems{{}, 0, options.problemsMax};
    catalog::CsvOptions csvOptions;
    csvOptions.maxFieldChars = FieldCharsMax;
    csvOptions.maxRows = options.maxRows;
    const catalog::CsvTable table = catalog::parseCsvLenient(data, csvOptions);
    for (const catalog::CsvIssue& issue : table.issues)
        problems.add(
            {issue.kind == catalog::CsvIssueKind::Empty ? 0 : issue.line, QString(), catalog::csvIssueMessage(issue)});
    if (table.header.isEmpty()) {
        result.problems = problems.listed;
        result.problemsTotal = problems.total;
        return result;
    }
    const ColumnMap map = readHeader(table.header, headerLine(data), problems);
    if (problems.total > 0 && problems.total > qint64(table.issues.size())) { // rows mean nothing under a bad header
        std::stable_sort(problems.listed.begin(), problems.listed.end(),
                         [](const HistoryProblem& a, const HistoryProblem& b) { return a.line < b.line; });
        result.problems = problems.listed;
        result.problemsTotal = problems.total;
        return result;
    }

    const int partCount = parallelParts(table.rows.size(), RowsPerPartMin);
    std::vector<Part> parts(static_cast<size_t>(partCount));
    for (Part& part : parts)
        part.problems.max = options.problemsMax;
    runParts(partCount, [&](int k) {
        readRows(table, map, options, table.rows.size() * k / partCount, table.rows.size() * (k + 1) / partCount,
                 parts[size_t(k)]);
    });
    for (Part& part : parts) {
        problems.listed.append(std::move(part.problems.listed)); // past the cap for now: cut after sorting
        problems.total += part.problems.total;
    }
    if (problems.total > 0) {
        // each part kept its first problems in line order, and the reader's issues come first: by
        // line, the first `max` of all of them are among those kept
        std::stable_sort(problems.listed.begin(), problems.listed.end(),
                         [](const HistoryProblem& a, const HistoryProblem& b) { return a.line < b.line; });
        result.problems = problems.listed.mid(0, options.problemsMax);
        result.problemsTotal = problems.total;
        return result;
    }
    std::vector<HistoryPayment>& payments = result.file.payments;
    payments.reserve(size_t(table.rows.size()));
    for (Part& part : parts)
        std::move(part.payments.begin(), part.payments.end(), std::back_inserter(payments));
    std::stable_sort(payments.begin(), payments.end(),
                     [](const HistoryPayment& a, const HistoryPayment& b) { return a.createdMs < b.createdMs; });
    result.file.columns = table.header;
    return result;
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
