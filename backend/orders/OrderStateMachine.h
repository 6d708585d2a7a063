#pragma once

#include <QString>

#include "backend/core/Result.h"
#include "backend/orders/Order.h"

namespace souk::orders {

/// The order life cycle as one transition table. Every status change in Souk goes through
/// check(), so an illegal move is refused the same way everywhere. Pure; any thread.
class OrderStateMachine final
{
public:
    /// Whether `from` → `to` is a legal step.
    static bool allows(OrderStatus from, OrderStatus to);
    /// OK, or IllegalTransition naming both states.
    static Status check(OrderStatus from, OrderStatus to, const QString& field = QStringLiteral("status"));
    /// No step leaves these.
    static bool isFinal(OrderStatus status);
    /// Stock is still held (reserved, not yet sold) in these.
    static bool holdsReservation(OrderStatus status);

    /// "pending_payment", "paid", ...: the stable names of the API, the CLI and the logs.
    static QString name(OrderStatus status);
    static Result<OrderStatus> parse(QStringView name, const QString& field = QStringLiteral("status"));
    static QString paymentStateName(PaymentState state);
    static Result<PaymentState> parsePaymentState(QStringView name, const QString& field = QStringLiteral("paymentState"));
};

} // namespace souk::orders
