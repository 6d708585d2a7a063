#pragma once

#include <QSqlDatabase>

#include "backend/orders/Order.h"
#include "backend/store/UnitOfWork.h"

namespace souk::orders {

/// Places orders, moves them through the state machine and keeps their stock holds in step.
/// Stateless; writes run on the engine's writer thread inside the caller's unit of work.
class OrderService final
{
public:
    static constexpr int LinesMax = 100;

    /// Validates every line, snapshots title and price, reserves stock and computes the totals.
    static Result<Order> create(store::UnitOfWork& uow, const NewOrder& request);
    /// A status change by hand (fulfil, ship, deliver, complete), checked against the table.
    static Result<Order> advance(store::UnitOfWork& uow, Id orderId, OrderStatus to, const QString& reason);
    /// Cancels an unpaid order and releases its stock. (A paid order is cancelled through
    /// payments, which refund it first.)
    static Result<Order> cancelUnpaid(store::UnitOfWork& uow, Id orderId, const QString& reason);
    /// Expires up to `limit` unpaid orders whose hold ran out and that have no live authorization.
    static Result<int> expireDue(store::UnitOfWork& uow, int limit);

    /// The order row, with its lines when `withLines`.
    static Result<Order> load(QSqlDatabase& db, Id orderId, bool withLines);
    /// The same on the writer, with its cached statements.
    static Result<Order> load(store::UnitOfWork& uow, Id orderId, bool withLines);
    /// Moves `order` to `to` (checked), writes the row with a new version and the timeline event.
    /// Moves the order to `to` and records it in the timeline as one event: `kind` "status",
    /// or the payment event that caused it ("payment.captured", with its amount), which then
    /// carries the status change itself instead of a second row saying the same.
    static Status transition(store::UnitOfWork& uow, Order& order, OrderStatus to, const QString& reason,
                             std::optional<qint64> amountMinor = std::nullopt,
                             const QString& kind = QStringLiteral("status"));
    /// Writes the row's money and payment state with a new version (no status change).
    static Status saveMoney(store::UnitOfWork& uow, Order& order);
    /// Appends a timeline event (a payment step, a refund) to the order.
    static Status addEvent(store::UnitOfWork& uow, Id orderId, const QString& kind, std::optional<qint64> amountMinor,
                           const QString& detail);
    static Result<MerchantTerms> terms(QSqlDatabase& db, Id merchantId);
    static Result<MerchantTerms> terms(store::UnitOfWork& uow, Id merchantId);
};

} // namespace souk::orders
