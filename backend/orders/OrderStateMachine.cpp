#include "backend/orders/OrderStateMachine.h"

#include <array>

using namespace Qt::StringLiterals;

namespace souk::orders {
namespace {

using S = OrderStatus;

struct Step
{
    S from;
    S to;
};

/// Every legal move, and nothing else. Refund states come from payments (a refund of part or
/// all of what was captured); delivery orders will have dispatch drive shipped/delivered.
constexpr std::array Transitions{
    Step{S::PendingPayment, S::Paid},      Step{S::PendingPayment, S::Cancelled},
    Step{S::PendingPayment, S::Expired},   Step{S::Paid, S::Fulfilling},
    Step{S::Paid, S::Cancelled},           Step{S::Paid, S::PartiallyRefunded},
    Step{S::Paid, S::Refunded},            Step{S::Fulfilling, S::Shipped},
    Step{S::Fulfilling, S::Cancelled},     Step{S::Fulfilling, S::PartiallyRefunded},
    Step{S::Fulfilling, S::Refunded},      Step{S::Shipped, S::Delivered},
    Step{S::Shipped, S::PartiallyRefunded}, Step{S::Shipped, S::Refunded},
    Step{S::Delivered, S::Completed},      Step{S::Delivered, S::PartiallyRefunded},
    Step{S::Delivered, S::Refunded},       Step{S::Completed, S::PartiallyRefunded},
    Step{S::Completed, S::Refunded},       Step{S::PartiallyRefunded, S::PartiallyRefunded},
    Step{S::PartiallyRefunded, S::Refunded},
};

const std::array<QString, OrderStatusCount>& statusNames()
{
    static const std::array<QString, OrderStatusCount> names{
        u"pending_payment"_s, u"paid"_s,      u"fulfilling"_s, u"shipped"_s, u"delivered"_s,
        u"completed"_s,       u"cancelled"_s, u"expired"_s,    u"partially_refunded"_s, u"refunded"_s,
    };
    return names;
}

const std::array<QString, PaymentStateCount>& paymentStateNames()
{
    static const std::array<QString, PaymentStateCount> names{
        u"none"_s,     u"authorized"_s, u"captured"_s, u"partially_refunded"_s,
        u"refunded"_s, u"voided"_s,     u"failed"_s,   u"disputed"_s,
    };
    return names;
}

} // namespace

bool OrderStateMachine::allows(OrderStatus from, OrderStatus to)
{
    for (const Step& step : Transitions) {
        if (step.from == from && step.to == to)
            return true;
    }
    return false;
}

Status OrderStateMachine::check(OrderStatus from, OrderStatus to, const QString& field)
{
    if (allows(from, to))
        return {};
    return Error{ErrorCode::IllegalTransition,
                 u"an order that is %1 cannot become %2"_s.arg(name(from), name(to)), field};
}

bool OrderStateMachine::isFinal(OrderStatus status)
{
    for (const Step& step : Transitions) {
        if (step.from == status)
            return false;
    }
    return true;
}

bool OrderStateMachine::holdsReservation(OrderStatus status)
{
    return status == OrderStatus::PendingPayment;
}

QString OrderStateMachine::name(OrderStatus status)
{
    const int i = int(status);
    return i >= 0 && i < OrderStatusCount ? statusNames()[i] : u"unknown"_s;
}

Result<OrderStatus> OrderStateMachine::parse(QStringView text, const QString& field)
{
    for (int i = 0; i < OrderStatusCount; ++i) {
        if (statusNames()[i] == text)
            return OrderStatus(i);
    }
    return Error::invalid(field, u"unknown order status \"%1\"; one of %2"_s.arg(text.toString(),
                                 QStringList(statusNames().begin(), statusNames().end()).join(u", "_s)));
}

QString OrderStateMachine::paymentStateName(PaymentState state)
{
    const int i = int(state);
    return i >= 0 && i < PaymentStateCount ? paymentStateNames()[i] : u"unknown"_s;
}

Result<PaymentState> OrderStateMachine::parsePaymentState(QStringView text, const QString& field)
{
    for (int i = 0; i < PaymentStateCount; ++i) {
        if (paymentStateNames()[i] == text)
            return PaymentState(i);
    }
    return Error::invalid(field, u"unknown payment state \"%1\"; one of %2"_s.arg(text.toString(),
                                 QStringList(paymentStateNames().begin(), paymentStateNames().end()).join(u", "_s)));
}

} // namespace souk::orders
