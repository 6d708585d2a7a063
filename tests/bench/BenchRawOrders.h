#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace souk::bench {

/// The baseline of bench_orders: the rows one order makes the engine write (counted from its
/// tables), inserted and updated with plain prepared QtSql statements, 500 orders per
/// transaction: no lookups, validation, JSON, idempotency checks or ledger arithmetic.
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
    /// Writes `count` orders into a fresh store at `path`; `perOrder` maps table -> rows per
    /// order, and "idempotency_response_bytes" -> the length of a stored response.
    static Figures run(const QString& path, const QMap<QString, qint64>& perOrder, int count);
};

} // namespace souk::bench
