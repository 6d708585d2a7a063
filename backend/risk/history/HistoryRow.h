#pragma once

#include <array>
#include <utility>
#include <vector>

#include <QList>
#include <QStringList>

#include "backend/core/Currency.h"
#include "backend/risk/history/HistoryCsv.h"

/// Private to HistoryCsv.cpp: the columns, and one row's cells to a HistoryPayment and back.
namespace souk::risk::historyrow {

enum Column : int
{
    CreatedAt,
    Amount,
    CurrencyCode,
    Outcome,
    CardFingerprint,
    CardBrand,
    CardCountry,
    Email,
    Ip,
    IpCountry,
    DeviceId,
    CustomerId,
    ShippingCountry,
    RefundedAmount,
    Disputed,
    DisputeReason,
    Fraud,
    RequiredCount,
    Bin = RequiredCount,
    ShippingDistanceKm,
    LabelKnownAt,
    ColumnCount,
};

/// Every column's name, indexed by Column.
const QStringList& columnNames();

/// Where each Column sits in the file's records; -1 when the file has no such column.
using ColumnMap = std::array<int, ColumnCount>;

/// The currencies met so far: a look-up in the ISO table once per code, not once per row.
class CurrencyCache
{
public:
    const Currency* find(QStringView code);

private:
    std::vector<std::pair<QString, Currency>> m_known;
};

/// Reads one record (`cells`, from physical line `line`) into `out`. Every problem found is appended to
/// `problems`, in the record's column order; returns false when there was any.
bool readRow(const QStringList& cells, int line, const ColumnMap& map, const HistoryCsvOptions& options,
             CurrencyCache& currencies, HistoryPayment& out, QList<HistoryProblem>& problems);

/// The cells of `payment` for `columns`, in that order.
QStringList writeRow(const HistoryPayment& payment, const QList<Column>& columns);

/// The closest known column name to an unknown `name` (case ignored, at most 2 edits), or empty.
QString closestColumn(const QString& name);

} // namespace souk::risk::historyrow
