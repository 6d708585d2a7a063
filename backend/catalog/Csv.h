#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "backend/core/Result.h"

class QIODevice;

namespace souk::catalog {

/// A parsed CSV file: the header and the data records, every record as wide as the header.
struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;
    QList<int> rowLines; ///< 1-based physical line where each record starts (index-aligned with rows)
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
