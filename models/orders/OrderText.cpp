#include "models/orders/OrderText.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include "models/risk/ReviewText.h"

using namespace Qt::StringLiterals;
using souk::orders::OrderStatus;
using souk::orders::PaymentState;

namespace souk {
namespace {

/// Gives the free functions of this file the translation context "OrderText".
class Tr final
{
    Q_DECLARE_TR_FUNCTIONS(OrderText)
};

/// A source text with its disambiguation, as QT_TRANSLATE_NOOP3 marks it.
struct Text
{
    const char* source;
    const char* comment;
};

/// `code`'s entry of `texts` (marked with QT_TRANSLATE_NOOP), translated; other codes as they are.
QString translated(const QHash<QString, const char*>& texts, const QString& code)
{
    const auto it = texts.constFind(code);
    return it == texts.constEnd() ? code : QCoreApplication::translate("OrderText", *it);
}

/// The same for entries marked with QT_TRANSLATE_NOOP3 (a word that needs its sense given).
QString translated(const QHash<QString, Text>& texts, const QString& code)
{
    const auto it = texts.constFind(code);
    return it == texts.constEnd() ? code : QCoreApplication::translate("OrderText", it->source, it->comment);
}

} // namespace

QString OrderText::number(const orders::Order& order)
{
    if (order.number <= 0)
        return order.id.toString();
    //: an order's short number as shown everywhere, e.g. "#1042"
    return Tr::tr("#%1", "order number").arg(order.number);
}

QString OrderText::status(OrderStatus status)
{
    switch (status) {
    case OrderStatus::PendingPayment:
        return Tr::tr("Awaiting payment", "order status");
    case OrderStatus::Paid:
        return Tr::tr("Paid", "order status");
    case OrderStatus::Fulfilling:
        return Tr::tr("Fulfilling", "order status");
    case OrderStatus::Shipped:
        return Tr::tr("Shipped", "order status");
    case OrderStatus::Delivered:
        return Tr::tr("Delivered", "order status");
    case OrderStatus::Completed:
        return Tr::tr("Completed", "order status");
    case OrderStatus::Cancelled:
        return Tr::tr("Cancelled", "order status");
    case OrderStatus::Expired:
        return Tr::tr("Expired", "order status");
    case OrderStatus::PartiallyRefunded:
        return Tr::tr("Partially refunded", "order status");
    case OrderStatus::Refunded:
        return Tr::tr("Refunded", "order status");
    }
    return Tr::tr("Unknown", "order status");
}

QString OrderText::paymentState(PaymentState state)
{
    switch (state) {
    case PaymentState::None:
        return Tr::tr("Not paid", "payment state");
    case PaymentState::Authorized:
        return Tr::tr("Awaiting capture", "payment state");
    case PaymentState::Captured:
        return Tr::tr("Captured", "payment state");
    case PaymentState::PartiallyRefunded:
        return Tr::tr("Partially refunded", "payment state");
    case PaymentState::Refunded:
        return Tr::tr("Refunded", "payment state");
    case PaymentState::Voided:
        return Tr::tr("Voided", "payment state");
    case PaymentState::Failed:
        return Tr::tr("Declined", "payment state");
    case PaymentState::Disputed:
        return Tr::tr("Disputed", "payment state");
    }
    return Tr::tr("Unknown", "payment state");
}

QString OrderText::paymentStatus(payments::PaymentStatus status)
{
    switch (status) {
    case payments::PaymentStatus::Failed:
        return Tr::tr("Declined", "payment status");
    case payments::PaymentStatus::Authorized:
        return Tr::tr("Authorized", "payment status");
    case payments::PaymentStatus::Captured:
        return Tr::tr("Captured", "payment status");
    case payments::PaymentStatus::Voided:
        return Tr::tr("Voided", "payment status");
    case payments::PaymentStatus::Expired:
        return Tr::tr("Authorization expired", "payment status");
    }
    return Tr::tr("Unknown", "payment status");
}

QString OrderText::disputeStatus(payments::DisputeStatus status)
{
    switch (status) {
    case payments::DisputeStatus::NeedsResponse:
        return Tr::tr("Needs response", "dispute status");
    case payments::DisputeStatus::UnderReview:
        return Tr::tr("Under review", "dispute status");
    case payments::DisputeStatus::Won:
        return Tr::tr("Won", "dispute status");
    case payments::DisputeStatus::Lost:
        return Tr::tr("Lost", "dispute status");
    }
    return Tr::tr("Unknown", "dispute status");
}

QString OrderText::account(payments::AccountKind kind)
{
    switch (kind) {
    case payments::AccountKind::ProviderClearing:
        return Tr::tr("Provider clearing", "ledger account");
    case payments::AccountKind::MerchantPayable:
        return Tr::tr("Merchant payable", "ledger account");
    case payments::AccountKind::CommissionRevenue:
        return Tr::tr("Commission revenue", "ledger account");
    case payments::AccountKind::Refunds:
        return Tr::tr("Refunds", "ledger account");
    case payments::AccountKind::DisputeLosses:
        return Tr::tr("Dispute losses", "ledger account");
    case payments::AccountKind::DisputeFees:
        return Tr::tr("Dispute fees", "ledger account");
    case payments::AccountKind::PaidOut:
        return Tr::tr("Paid out", "ledger account");
    }
    return Tr::tr("Unknown", "ledger account");
}

QString OrderText::eventKind(const QString& kind)
{
    static const QHash<QString, const char*> names{
        {u"status"_s, QT_TRANSLATE_NOOP("OrderText", "Status changed")},
        {u"payment.authorized"_s, QT_TRANSLATE_NOOP("OrderText", "Payment authorized")},
        {u"payment.failed"_s, QT_TRANSLATE_NOOP("OrderText", "Payment declined")},
        {u"payment.captured"_s, QT_TRANSLATE_NOOP("OrderText", "Payment captured")},
        {u"payment.voided"_s, QT_TRANSLATE_NOOP("OrderText", "Authorization voided")},
        {u"refund"_s, QT_TRANSLATE_NOOP("OrderText", "Refund")},
        {u"dispute.opened"_s, QT_TRANSLATE_NOOP("OrderText", "Dispute opened")},
        {u"dispute.evidence"_s, QT_TRANSLATE_NOOP("OrderText", "Dispute evidence sent")},
        {u"dispute.won"_s, QT_TRANSLATE_NOOP("OrderText", "Dispute won")},
        {u"dispute.lost"_s, QT_TRANSLATE_NOOP("OrderText", "Dispute lost")},
        {u"payment.attention"_s, QT_TRANSLATE_NOOP("OrderText", "Needs attention")},
        {u"risk.allow"_s, QT_TRANSLATE_NOOP("OrderText", "Risk: allowed")},
        {u"risk.block"_s, QT_TRANSLATE_NOOP("OrderText", "Risk: blocked")},
        {u"risk.review"_s, QT_TRANSLATE_NOOP("OrderText", "Risk: held for review")},
        {u"risk.review.approve"_s, QT_TRANSLATE_NOOP("OrderText", "Review: approved")},
        {u"risk.review.decline"_s, QT_TRANSLATE_NOOP("OrderText", "Review: declined")},
        {u"risk.review.fraud"_s, QT_TRANSLATE_NOOP("OrderText", "Review: fraud")},
    };
    return translated(names, kind);
}

QString OrderText::eventDetail(const QString& kind, const QString& detail)
{
    // events whose detail is a code rather than a note: the kind says which lookup reads it
    static const QHash<QString, QString (*)(const QString&)> codes{
        {u"dispute.opened"_s, &OrderText::disputeReason},
        {u"payment.attention"_s, &OrderText::attention},
        // risk::Assessment::summary(): the rule, score and rule set behind the decision
        {u"risk.allow"_s, &ReviewText::assessmentSummary},
        {u"risk.block"_s, &ReviewText::assessmentSummary},
        {u"risk.review"_s, &ReviewText::assessmentSummary},
    };
    const auto it = codes.constFind(kind);
    return it == codes.constEnd() ? eventNote(detail) : (*it)(detail);
}

QString OrderText::eventNote(const QString& detail)
{
    static const QHash<QString, const char*> notes{
        {u"order placed"_s, QT_TRANSLATE_NOOP("OrderText", "order placed")},
        {u"cancelled by staff"_s, QT_TRANSLATE_NOOP("OrderText", "cancelled by staff")},
        {u"payment captured"_s, QT_TRANSLATE_NOOP("OrderText", "payment captured")},
        {u"not paid in time"_s, QT_TRANSLATE_NOOP("OrderText", "not paid in time")},
        {u"authorization expired"_s, QT_TRANSLATE_NOOP("OrderText", "authorization expired")},
        {u"partial capture; the rest was released"_s,
         QT_TRANSLATE_NOOP("OrderText", "partial capture; the rest was released")},
        {u"dispute lost"_s, QT_TRANSLATE_NOOP("OrderText", "dispute lost")},
        {u"evidence sent"_s, QT_TRANSLATE_NOOP("OrderText", "evidence sent")},
        {u"funds reversed and fee booked"_s, QT_TRANSLATE_NOOP("OrderText", "funds reversed and fee booked")},
    };
    if (notes.contains(detail))
        return translated(notes, detail);
    // "visa •••• 0119 declined: processing_error"
    const qsizetype at = detail.indexOf(u" declined: "_s);
    if (at > 0) {
        //: %1 the card ("visa •••• 0119"), %2 why it was declined
        return Tr::tr("%1 – %2").arg(detail.left(at), declineReason(detail.mid(at + 11)));
    }
    return detail;
}

QString OrderText::attention(const QString& code)
{
    // "<call>_refused: <provider's reason>"; the reason is "gave_up: <last failure>" when the
    // provider never answered in time
    const qsizetype colon = code.indexOf(u": "_s);
    const QString call = code.left(colon);
    QString reason = colon < 0 ? QString() : code.mid(colon + 2);
    if (reason.startsWith(u"gave_up: "_s))
        //: %1 the provider's last error code, e.g. "processing_error"
        reason = Tr::tr("no answer after repeated attempts (%1)").arg(reason.mid(9));
    if (call == u"capture_refused"_s)
        //: %1 the provider's reason, e.g. "authorization_expired"; the money was not taken
        return Tr::tr("The provider refused the capture: %1. The money was not taken.").arg(reason);
    if (call == u"refund_refused"_s)
        //: %1 the provider's reason; the customer did not get the money back
        return Tr::tr("The provider refused the refund: %1. The customer was not paid back.").arg(reason);
    if (call == u"release_refused"_s)
        //: %1 the provider's reason; the hold on the card may remain
        return Tr::tr("The provider refused to release the hold: %1.").arg(reason);
    return code;
}

QString OrderText::declineReason(const QString& code)
{
    static const QHash<QString, const char*> reasons{
        {u"insufficient_funds"_s, QT_TRANSLATE_NOOP("OrderText", "Insufficient funds")},
        {u"stolen_card"_s, QT_TRANSLATE_NOOP("OrderText", "The card was reported stolen")},
        {u"expired_card"_s, QT_TRANSLATE_NOOP("OrderText", "The card has expired")},
        {u"processing_error"_s, QT_TRANSLATE_NOOP("OrderText", "Processing error; trying again may work")},
        {u"issuer_timeout"_s,
         QT_TRANSLATE_NOOP("OrderText", "The card issuer did not answer in time; trying again may work")},
    };
    return translated(reasons, code);
}

QString OrderText::disputeReason(const QString& code)
{
    static const QHash<QString, const char*> reasons{
        {u"fraudulent"_s, QT_TRANSLATE_NOOP("OrderText", "Fraudulent payment")},
        {u"product_not_received"_s, QT_TRANSLATE_NOOP("OrderText", "Product not received")},
        {u"product_unacceptable"_s, QT_TRANSLATE_NOOP("OrderText", "Product defective or not as described")},
        {u"duplicate"_s, QT_TRANSLATE_NOOP("OrderText", "Charged twice")},
        {u"credit_not_processed"_s, QT_TRANSLATE_NOOP("OrderText", "Refund promised but not made")},
        {u"unspecified"_s, QT_TRANSLATE_NOOP("OrderText", "No reason given")}, // the bank sent none
    };
    return translated(reasons, code);
}

QString OrderText::ledgerEntry(const QString& kind)
{
    // the kinds the payments ledger posts (backend/payments)
    static const QHash<QString, Text> kinds{
        {u"capture"_s, QT_TRANSLATE_NOOP3("OrderText", "Capture", "ledger journal entry")},
        {u"refund"_s, QT_TRANSLATE_NOOP3("OrderText", "Refund", "ledger journal entry")},
        {u"dispute_lost"_s, QT_TRANSLATE_NOOP3("OrderText", "Dispute lost", "ledger journal entry")},
        {u"payout"_s, QT_TRANSLATE_NOOP3("OrderText", "Payout", "ledger journal entry")},
        {u"reversal"_s, QT_TRANSLATE_NOOP3("OrderText", "Reversal", "ledger journal entry")},
    };
    return translated(kinds, kind);
}

QString OrderText::actor(const QString& actor)
{
    // the user names that are not logins: the engine itself, the command-line tool, the demo traffic
    static const QHash<QString, Text> users{
        {u"system"_s, QT_TRANSLATE_NOOP3("OrderText", "System", "who did it: the engine itself")},
        {u"cli"_s, QT_TRANSLATE_NOOP3("OrderText", "Command line", "who did it: the command-line tool")},
        {u"simulator"_s, QT_TRANSLATE_NOOP3("OrderText", "Simulator", "who did it: the demo traffic simulator")},
    };
    static const QHash<QString, Text> roles{
        {u"owner"_s, QT_TRANSLATE_NOOP3("OrderText", "Owner", "user role")},
        {u"operator"_s, QT_TRANSLATE_NOOP3("OrderText", "Operator", "user role")},
        {u"support"_s, QT_TRANSLATE_NOOP3("OrderText", "Support", "user role")},
        {u"system"_s, QT_TRANSLATE_NOOP3("OrderText", "System", "user role")},
    };
    const qsizetype slash = actor.lastIndexOf(u'/'); // a role never holds a slash
    if (slash <= 0 || slash == actor.size() - 1)
        return actor; // not "user/role": as it was stored
    const QString user = actor.left(slash);
    const QString role = actor.mid(slash + 1);
    const QString who = translated(users, user);
    // a user named after their role is that role: the console's own "owner/owner" reads "Owner"
    // (in the user's language), "system/system" "System"
    if (user == role)
        return users.contains(user) ? who : translated(roles, role);
    //: who did something: %1 the user, %2 their role ("alice (Support)")
    return Tr::tr("%1 (%2)", "actor").arg(who, translated(roles, role));
}

QString OrderText::address(const orders::Address& a)
{
    static const QHash<QString, Text> labels{
        {u"home"_s, QT_TRANSLATE_NOOP3("OrderText", "Home", "delivery address label")},
        {u"work"_s, QT_TRANSLATE_NOOP3("OrderText", "Work", "delivery address label")},
    };
    // the parts the customer gave; a blank one leaves no stray comma
    QStringList parts;
    for (const QString& part : {a.line1, QString(a.postcode + u' ' + a.city), a.country}) {
        if (!part.trimmed().isEmpty())
            parts.append(part.trimmed());
    }
    const QString where = parts.join(u", "_s);
    const QString label = a.label.trimmed();
    if (label.isEmpty())
        return where;
    const QString key = label.toLower();
    //: a delivery address: %1 its label ("Home"), %2 the address
    return Tr::tr("%1: %2", "address").arg(labels.contains(key) ? translated(labels, key) : label, where);
}

} // namespace souk
