#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace souk::bench {

/// The baseline of bench_orders: the very rows the engine wrote in its measured run, copied
/// out of the engine's store and written again into a copy of that store as it was before the
/// run, order by order, with prepared statements and SQLite's own API: no lookups, validation,
/// idempotency checks or ledger arithmetic. Each order's row is inserted as placed and then
/// updated twice (authorized, captured), its payment inserted and updated once, and every
/// stock movement and posting updates its stock level or ledger account, as the engine does.
class RawOrders final
{
public:
    static constexpr int OrdersPerTransaction = 500;
    static constexpr int LinesPerOrder = 3;

    /// Where each of tables() stood before the measured run: the largest value of its
    /// markColumn(), which grows with every row the engine adds.
    using Marks = QMap<QString, qint64>;

    struct Figures
    {
        double ordersPerSecond = 0;
        qint64 orders = 0;
        double rowWritesPerOrder = 0; ///< inserts and updates per order
    };

    /// The tables the engine writes an order's rows into.
    static const QStringList& tables();
    /// rowid, or for a table without one, the leading column of its key.
    static QString markColumn(const QString& table);
    /// Copies the engine's store at `enginePath` as it stood at `before` into a fresh store at
    /// `path` (not timed), then writes the run's rows (after `before`, up to `after`),
    /// `perTransaction` orders per transaction (timed). The engine's store must be closed.
    static Figures run(const QString& path, const QString& enginePath, const Marks& before, const Marks& after,
                       int perTransaction = OrdersPerTransaction);
};

} // namespace souk::bench
