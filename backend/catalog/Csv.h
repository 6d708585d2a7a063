#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "backend/core/Result.h"

class QIODevice;

namespace souk::catalog {

/// What made a record, or the rest of a file, unreadable.
enum class CsvIssueKind
{
    Empty,          ///< no header row
    NotUtf8,        ///< `line` is the first line that is not UTF-8
    WrongWidth,     ///< a record with `found` fields where the header has `expected`
    TextAfterQuote, ///< text between a closing quote and the next comma or line break
    UnclosedQuote,  ///< a quoted field opened on `line` never closes
    FieldTooLong,   ///< a field is longer than `expected` characters
    TooManyRows,    ///< more than `expected` records
};

/// One problem found while reading: where it is and the numbers its message needs.
struct CsvIssue
{
    CsvIssueKind kind = CsvIssueKind::Empty;
    int line = 0;        ///< 1-based physical line
    qint64 expected = 0; ///< the header's width (WrongWidth) or the limit (FieldTooLong, TooManyRows)
    qint64 found = 0;    ///< the record's width (WrongWidth)
};

/// A parsed CSV file: the header and the data records, every record as wide as the header.
struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;
    QList<int> rowLines;    ///< 1-based physical line where each record starts (index-aligned with rows)
    QList<CsvIssue> issues; ///< parseCsvLenient() only: the records left out, in file order
};

/// Limits that keep a hostile file from exhausting memory.
struct CsvOptions
{
    int maxFieldChars = 65536;
    qint64 maxRows = 2'000'000;
};

/// Reads RFC 4180 CSV encoded as UTF-8 (an optional BOM is dropped): quoted fields may hold commas,
/// doubled quotes and line breaks; CRLF or LF endings; blank lines are skipped. Errors name the
/// physical line in their field ("line 12"). Pure function, any thread.
Result<CsvTable> parseCsv(const QByteArray& data, const CsvOptions& options = {});

/// parseCsv() that reports every problem instead of the first: a record of the wrong width, or with
/// text after a closing quote (the rest of its line is skipped), is left out of `rows` and listed in
/// `issues`, and reading goes on. A problem that leaves the rest of the file unreadable (no header,
/// not UTF-8, a quote never closed, a field or row count over the limits) is listed last and ends
/// the read; the records before it are kept. Never fails. Pure function, any thread.
CsvTable parseCsvLenient(const QByteArray& data, const CsvOptions& options = {});

/// The English sentence parseCsv() returns for `issue` ("expected 3 columns, found 2").
QString csvIssueMessage(const CsvIssue& issue);

/// Writes UTF-8 CSV without a BOM, "\n" after every record. Fields holding a comma, quote, CR or LF,
/// or starting or ending with whitespace, are quoted with inner quotes doubled. Pure function, any thread.
QByteArray writeCsv(const QStringList& header, const QList<QStringList>& rows);

/// Reads what `device` holds, at most `maxBytes`: the cap applies to the bytes read, never to a
/// size the device reports, so /dev/zero, a pipe or a terminal is capped like a file. Reads at most
/// maxBytes + 1 bytes; more than maxBytes is an Invalid error naming `field`. Caller's thread.
Result<QByteArray> readCsvInput(QIODevice& device, qint64 maxBytes, const QString& field);

/// Neutralises a cell a spreadsheet would run as a formula (OWASP "CSV injection"): a cell starting
/// with = + - @, a tab or a carriage return gets a leading single quote, which spreadsheets show as
/// text. A cell that already starts with quotes before one of those characters gets one more quote,
/// so restoreCsvFormula() is its exact inverse. Pure function, any thread.
QString neutraliseCsvFormula(const QString& cell);

/// The inverse of neutraliseCsvFormula(): a cell of one or more single quotes followed by = + - @, a
/// tab or a carriage return loses its first quote; every other cell is returned as it is.
QString restoreCsvFormula(const QString& cell);

} // namespace souk::catalog
