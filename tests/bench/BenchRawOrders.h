#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace souk::bench {

/// The baseline of bench_orders: the rows one order makes the engine write (counted from its
/// tables), inserted and updated with prepared statements, 500 orders per
/// transaction (or as many as asked), with SQLite's own API: no lookups, validation,
/// idempotency checks or ledger arithmetic.
class RawOrders final
{
public:
    static constexpr int OrdersPerTransaction = 500;
    static constexpr int LinesPerOrder = 3;

    struct Figures
    {
        double ordersPerSecond = 0;
        qint64 rowsPerOrder = 0; ///< row writes (inserts and updates) per order
    };

    /// The tables whose row counts say what one order writes.
    static const QStringList& tables();
    /// Writes `count` orders into a fresh store at `path`, `perTransaction` orders per
    /// transaction; `perOrder` maps table -> rows per order, and "idempotency_response_bytes"
    /// -> the length of a stored response.
    static Figures run(const QString& path, const QMap<QString, qint64>& perOrder, int count,
                       int perTransaction = OrdersPerTransaction);
};

} // namespace souk::bench
