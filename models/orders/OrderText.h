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
    /// The order as people name it: "#1042"; an order without a number (written outside Souk)
    /// by its id.
    static QString number(const orders::Order& order);
    static QString status(orders::OrderStatus status);
    static QString paymentState(orders::PaymentState state);
    static QString paymentStatus(payments::PaymentStatus status);
    static QString disputeStatus(payments::DisputeStatus status);
    static QString account(payments::AccountKind kind);
    /// "Order placed", "Payment authorized", ... for a timeline event kind.
    static QString eventKind(const QString& kind);
    /// A timeline event's detail: the engine's own notes ("order placed", "... declined: code")
    /// and codes (a dispute's reason) translated; what a person typed (a refund reason) as it is.
    static QString eventDetail(const QString& kind, const QString& detail);
    /// A ledger journal entry's kind ("capture", "dispute_lost") in words; other kinds as they are.
    static QString ledgerEntry(const QString& kind);
    /// Who did it, from an actor "user/role" (Actor::toString()): "System" for the engine itself,
    /// a user named after their role ("owner/owner") as the role ("Owner"), others as "alice (Support)".
    static QString actor(const QString& actor);
    /// A delivery address on one line: "Home: 12 Main St, 10115 Berlin, DE".
    static QString address(const orders::Address& address);
    /// A decline code ("insufficient_funds") as a sentence.
    /// Why a payment needs a person ("capture_refused: authorization_expired"), in words.
    static QString attention(const QString& code);
    static QString declineReason(const QString& code);
    /// A card network's dispute reason code ("fraudulent") in words; other text as it is.
    static QString disputeReason(const QString& code);

private:
    /// The engine's own note on an event, translated; other text as it is.
    static QString eventNote(const QString& detail);
};

} // namespace souk
