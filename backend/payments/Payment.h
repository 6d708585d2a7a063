#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

#include "backend/core/Id.h"
#include "backend/orders/Order.h"
#include "backend/payments/Card.h"

namespace souk::payments {

/// A payment's life. Stored as the integer; never renumber.
enum class PaymentStatus
{
    Failed = 0,     ///< the provider declined; nothing is held
    Authorized = 1, ///< funds held on the card, awaiting capture
    Captured = 2,   ///< captured (all or part; the rest was released)
    Voided = 3,     ///< the hold was released before capture
    Expired = 4,    ///< the hold ran out (7 days) and was voided automatically
};

/// One attempt to take money for an order. Amounts in minor units of `currency`.
struct Payment
{
    Id id;
    Id orderId;
    Id merchantId;
    PaymentStatus status = PaymentStatus::Failed;
    QString currency;
    qint64 amountMinor = 0;   ///< authorized
    qint64 capturedMinor = 0;
    qint64 refundedMinor = 0;
    CardSummary card;
    QString declineCode;
    bool retryable = false; ///< a failed attempt that may succeed if tried again
    QString providerRef;
    qint64 authorizedMs = 0;
    qint64 authExpiresMs = 0;
    qint64 version = 0;
    /// Why a person must look at this payment ("capture_refused: authorization_expired"), or
    /// empty. Set when a call to the provider ended as a dead letter.
    QString attention;
    /// Held for review since then (ms), or 0: a held payment is not captured until a person
    /// decides (the risk engine's review).
    qint64 heldMs = 0;
    qint64 refundableMinor() const { return capturedMinor - refundedMinor; }
};

struct Refund
{
    Id id;
    Id paymentId;
    qint64 amountMinor = 0;
    QString reason;
    QString actor;
    qint64 atMs = 0;
};

/// A chargeback: the customer's bank disputes a captured payment. Stored as the integer.
enum class DisputeStatus
{
    NeedsResponse = 0, ///< the merchant must send evidence before evidenceDueMs
    UnderReview = 1,
    Won = 2,
    Lost = 3, ///< the funds were reversed and the fee booked
};

struct Dispute
{
    Id id;
    Id paymentId;
    DisputeStatus status = DisputeStatus::NeedsResponse;
    qint64 amountMinor = 0;
    qint64 feeMinor = 0;
    QString reason;
    qint64 evidenceDueMs = 0;
    qint64 openedMs = 0;
    std::optional<qint64> resolvedMs;
    qint64 version = 0;
};

/// Ledger account kinds. Stored as the integer; never renumber. Platform accounts have
/// merchant id 0.
enum class AccountKind
{
    ProviderClearing = 0,  ///< platform: captured money held at the provider (gross)
    MerchantPayable = 1,   ///< merchant: what the platform owes the merchant
    CommissionRevenue = 2, ///< platform: commission earned at capture
    Refunds = 3,           ///< merchant: money returned to customers, charged to the merchant
    DisputeLosses = 4,     ///< merchant: funds reversed by lost disputes
    DisputeFees = 5,       ///< merchant: the provider's dispute fees
    PaidOut = 6,           ///< merchant: money sent to the merchant (cash at provider = clearing + paid out)
};
inline constexpr int AccountKindCount = 7;

/// One posting as the detail page and the CLI show it: debit positive, credit negative.
struct Posting
{
    Id entryId;
    QString entryKind; ///< "capture", "refund", "dispute_lost", "payout", "reversal"
    Id merchantId;
    AccountKind account = AccountKind::ProviderClearing;
    QString currency;
    qint64 amountMinor = 0;
    qint64 atMs = 0;
};

struct AccountBalance
{
    Id merchantId;
    AccountKind account = AccountKind::ProviderClearing;
    QString currency;
    qint64 balanceMinor = 0;
};

/// Everything about one order for the detail page and `soukctl orders show`.
struct OrderDetail
{
    orders::Order order;
    orders::Customer customer;
    QList<orders::OrderEvent> events;
    QList<Payment> payments;
    QList<Refund> refunds;
    QList<Dispute> disputes;
    QList<Posting> postings;
};

/// What checkout made: the order, and its payment (authorized, captured, or declined).
struct Checkout
{
    orders::Order order;
    Payment payment;
};

QString paymentStatusName(PaymentStatus status);
QString disputeStatusName(DisputeStatus status);
QString accountKindName(AccountKind kind);

} // namespace souk::payments

Q_DECLARE_METATYPE(souk::payments::Payment)
Q_DECLARE_METATYPE(souk::payments::Checkout)
Q_DECLARE_METATYPE(souk::payments::OrderDetail)
