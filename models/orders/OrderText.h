#pragma once

#include <QList>
#include <QString>

#include "backend/orders/Order.h"
#include "backend/payments/Payment.h"

namespace souk {

/// Translated names of order and payment states and timeline events, shared by the monitor,
/// its filters and the detail dialog. GUI thread (translations).
class OrderText final
{
public:
    OrderText() = delete;
    static QString status(orders::OrderStatus status);
    static QString paymentState(orders::PaymentState state);
    static QString paymentStatus(payments::PaymentStatus status);
    static QString disputeStatus(payments::DisputeStatus status);
    static QString account(payments::AccountKind kind);
    /// "Order placed", "Payment authorized", ... for a timeline event kind.
    static QString eventKind(const QString& kind);
    /// A timeline event's detail: the engine's own notes ("order placed", "... declined: code")
    /// translated; what a person typed (a refund reason) as it is.
    static QString eventDetail(const QString& detail);
    /// A decline code ("insufficient_funds") as a sentence.
    static QString declineReason(const QString& code);
    /// A card network's dispute reason code ("fraudulent") in words; other text as it is.
    static QString disputeReason(const QString& code);
};

} // namespace souk
