#pragma once

#include <vector>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "backend/core/Error.h"
#include "backend/risk/history/HistoryPayment.h"

class QIODevice;

namespace souk::risk {

/// One thing wrong with a history file: where (1-based physical line; the column's name, empty for
/// the line as a whole) and what, in English.
struct HistoryProblem
{
    int line = 0;
    QString column;
    QString message; ///< "'2026-13-01' is not an ISO 8601 date-time"

    /// "line 14, created_at: '2026-13-01' is not an ISO 8601 date-time", or "line 7: <message>".
    QString toString() const;
    friend bool operator==(const HistoryProblem&, const HistoryProblem&) = default;
};

/// Limits that keep a hostile file from exhausting memory, and how many problems to list.
struct HistoryCsvOptions
{
    qint64 maxBytes = qint64(1) << 30; ///< parse(QIODevice&) reads at most this much
    qint64 maxRows = 2'000'000;
    int problemsMax = 100;                     ///< the problems listed; problemsTotal counts them all
    qint64 amountMinorMax = 1'000'000'000'000; ///< the largest amount, in minor units (10^10 EUR)
};

/// The rows of a history file, sorted by createdMs (rows created at the same millisecond keep
/// their order in the file).
struct HistoryFile
{
    std::vector<HistoryPayment> payments;
    QStringList columns; ///< the header as read
};

/// A whole history file, or its problems and no rows: reading is all or nothing.
struct HistoryParse
{
    HistoryFile file;               ///< empty unless ok()
    QList<HistoryProblem> problems; ///< the first HistoryCsvOptions::problemsMax, in line order
    qint64 problemsTotal = 0;       ///< every problem found, listed or not

    bool ok() const { return problemsTotal == 0; }
    /// The first problem as Souk's Error: code Invalid, field "line 14, created_at", and a message
    /// that says how many more there are. Only when !ok().
    Error toError() const;
};

/// Reads and writes the payment history CSV of issue "Risk", section 2: UTF-8 (a BOM is dropped),
/// a header naming the columns in any order, LF or CRLF, quoting as RFC 4180.
/// Required columns: created_at, amount, currency, outcome, card_fingerprint, card_brand,
/// card_country, email, ip, ip_country, device_id, customer_id, shipping_country, refunded_amount,
/// disputed, dispute_reason, fraud. Optional: bin, shipping_distance_km, label_known_at.
/// Required values: created_at, amount, currency, outcome, disputed; refunded_amount empty is 0;
/// every other value may be empty. Stateless; any thread.
class HistoryCsv
{
public:
    static const QStringList& requiredColumns();
    static const QStringList& optionalColumns();

    /// Reads a whole file; checks every row and lists every problem found (up to the cap).
    static HistoryParse parse(const QByteArray& data, const HistoryCsvOptions& options = {});
    /// Reads `device` to its end (at most options.maxBytes), then parse()s it. Caller's thread.
    static HistoryParse parse(QIODevice& device, const HistoryCsvOptions& options = {});

    /// Writes `payments` in their order: the required columns, then each optional column that any
    /// row has a value for. parse(write(p)) gives p back, sorted by createdMs. Cells a spreadsheet
    /// would run as formulas are written with a leading quote, which parse() removes.
    static QByteArray write(const std::vector<HistoryPayment>& payments);
};

} // namespace souk::risk
