#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "backend/core/Result.h"

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

} // namespace souk::catalog
