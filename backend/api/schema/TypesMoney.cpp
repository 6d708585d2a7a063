// The JSON forms of merchant terms and discount codes, the order counters, disputes, the
// ledger, payouts and maintenance. Amounts whose type carries the currency are Money objects;
// the others are plain *_minor integers of the currency their context names.
#include "backend/api/schema/Types.h"

#include "backend/api/schema/TypesSupport.h"

using namespace Qt::StringLiterals;
using namespace souk::orders;
using namespace souk::payments;

namespace souk::api {

using typesupport::namesOf;

QJsonValue Json<std::pair<QString, qint64>>::encode(const std::pair<QString, qint64>& v)
{
    return QJsonObject{{u"amount_minor"_s, v.second}, {u"currency"_s, v.first}};
}

Status Json<std::pair<QString, qint64>>::decode(const QJsonValue& j, std::pair<QString, qint64>& out,
                                                const QString& path, Source source)
{
    if (!j.isObject())
        return typeError(path, u"an object {amount_minor, currency}"_s);
    const QJsonObject o = j.toObject();
    if (auto s = Json<qint64>::decode(o.value(u"amount_minor"_s), out.second, fieldPath(path, u"amount_minor"_s), source);
        !s)
        return s;
    return Json<QString>::decode(o.value(u"currency"_s), out.first, fieldPath(path, u"currency"_s), source);
}

QJsonObject Json<std::pair<QString, qint64>>::schema(Components&)
{
    return {{u"$ref"_s, u"#/components/schemas/Money"_s}};
}

const QList<std::pair<DiscountKind, QString>>& EnumNames<DiscountKind>::names()
{
    static const QList<std::pair<DiscountKind, QString>> n{{DiscountKind::Fixed, u"fixed"_s},
                                                           {DiscountKind::Percent, u"percent"_s}};
    return n;
}

const QList<std::pair<DisputeStatus, QString>>& EnumNames<DisputeStatus>::names()
{
    static const auto n = namesOf<DisputeStatus>(4, [](DisputeStatus s) { return disputeStatusName(s); });
    return n;
}

const QList<std::pair<AccountKind, QString>>& EnumNames<AccountKind>::names()
{
    static const auto n = namesOf<AccountKind>(AccountKindCount, [](AccountKind k) { return accountKindName(k); });
    return n;
}

const ObjectSpec<MerchantTerms>& Object<MerchantTerms>::spec()
{
    using T = MerchantTerms;
    using S = ObjectSpec<T>;
    static const auto s =
        S(u"MerchantTerms"_s, u"A merchant's tax, commission, delivery fee and hold time; setting them replaces all"_s)
            .field(u"merchant_id"_s, &T::merchantId, u"The merchant; when sent, the path's"_s, S::Optional)
            .field(u"tax_rate_bp"_s, &T::taxRateBp, u"Tax in basis points: 825 = 8.25 %"_s)
            .field(u"commission_bp"_s, &T::commissionBp, u"The platform's commission on each capture, basis points"_s)
            .field(u"commission_fixed_minor"_s, &T::commissionFixedMinor,
                   u"And a fixed part, minor units of the merchant's currency"_s)
            .field(u"delivery_fee_minor"_s, &T::deliveryFeeMinor, u"The default delivery fee, minor units"_s)
            .field(u"unpaid_expiry_minutes"_s, &T::unpaidExpiryMinutes, u"How long an unpaid order holds stock"_s)
            .field(u"version"_s, &T::version, u"Bumped on every change; ignored when sent"_s, S::Optional)
            .field(u"dispute_fee_minor"_s, &T::disputeFeeMinor,
                   u"The fee per lost dispute by currency; absent or null when sent: keep those set"_s, S::Optional);
    return s;
}

const ObjectSpec<DiscountCode>& Object<DiscountCode>::spec()
{
    using S = ObjectSpec<DiscountCode>;
    static const auto s =
        S(u"DiscountCode"_s, u"A code that takes an amount or a percentage off an order's subtotal"_s)
            .field(u"merchant_id"_s, &DiscountCode::merchantId, u"The merchant; when sent, the path's"_s, S::Optional)
            .field(u"code"_s, &DiscountCode::code, u"What the customer types"_s)
            .field(u"kind"_s, &DiscountCode::kind, u"fixed: value in minor units; percent: in basis points"_s)
            .field(u"value"_s, &DiscountCode::value, u"How much"_s)
            .field(u"active"_s, &DiscountCode::active, u"Usable now (true)"_s, S::Optional);
    return s;
}

const ObjectSpec<OrderCounters>& Object<OrderCounters>::spec()
{
    using C = OrderCounters;
    using S = ObjectSpec<C>;
    static const auto s =
        S(u"OrderCounters"_s, u"The counters at the top of the order monitor"_s)
            .field(u"orders_last_minute"_s, &C::ordersLastMinute, u"Orders placed in the last minute"_s, S::ReadOnly)
            .field(u"gmv_today"_s, &C::gmvToday, u"Captured minus refunded today, one amount per currency"_s,
                   S::ReadOnly)
            .field(u"currency"_s, &C::currency, u"The merchant's currency (the first merchant's for all)"_s,
                   S::ReadOnly)
            .field(u"awaiting_payment"_s, &C::awaitingPayment, u"Orders awaiting payment"_s, S::ReadOnly)
            .field(u"awaiting_capture"_s, &C::awaitingCapture, u"Orders awaiting capture"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<Dispute>& Object<Dispute>::spec()
{
    using S = ObjectSpec<Dispute>;
    static const auto s =
        S(u"Dispute"_s, u"A chargeback of a captured payment; amounts in the payment's currency"_s)
            .field(u"id"_s, &Dispute::id, u"The dispute's id"_s, S::ReadOnly)
            .field(u"payment_id"_s, &Dispute::paymentId, u"Its payment"_s, S::ReadOnly)
            .field(u"status"_s, &Dispute::status, u"Where it is"_s, S::ReadOnly)
            .field(u"amount_minor"_s, &Dispute::amountMinor, u"Disputed, minor units"_s, S::ReadOnly)
            .field(u"fee_minor"_s, &Dispute::feeMinor, u"The fee booked when lost, minor units"_s, S::ReadOnly)
            .field(u"reason"_s, &Dispute::reason, u"The bank's reason"_s, S::ReadOnly)
            .field(u"evidence_due_ms"_s, &Dispute::evidenceDueMs, u"Evidence is due by"_s, S::ReadOnly)
            .field(u"opened_ms"_s, &Dispute::openedMs, u"Opened at"_s, S::ReadOnly)
            .field(u"resolved_ms"_s, &Dispute::resolvedMs, u"Won or lost at, or null"_s, S::ReadOnly)
            .field(u"version"_s, &Dispute::version, u"Bumped on every change"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<Posting>& Object<Posting>::spec()
{
    using S = ObjectSpec<Posting>;
    static const auto s =
        S(u"Posting"_s, u"One posting of a ledger entry: debit positive, credit negative"_s)
            .field(u"entry_id"_s, &Posting::entryId, u"Its journal entry"_s, S::ReadOnly)
            .field(u"entry_kind"_s, &Posting::entryKind, u"capture, refund, dispute_lost, payout, reversal"_s,
                   S::ReadOnly)
            .field(u"merchant_id"_s, &Posting::merchantId, u"The account's merchant; null: the platform"_s, S::ReadOnly)
            .field(u"account"_s, &Posting::account, u"The account's kind"_s, S::ReadOnly)
            .money(u"amount"_s, &Posting::amountMinor, &Posting::currency, u"Debit positive, credit negative"_s)
            .field(u"at_ms"_s, &Posting::atMs, u"When (ms since epoch)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<AccountBalance>& Object<AccountBalance>::spec()
{
    using S = ObjectSpec<AccountBalance>;
    static const auto s =
        S(u"AccountBalance"_s, u"The balance of one ledger account in one currency"_s)
            .field(u"merchant_id"_s, &AccountBalance::merchantId, u"Its merchant; null: the platform"_s, S::ReadOnly)
            .field(u"account"_s, &AccountBalance::account, u"The account's kind"_s, S::ReadOnly)
            .money(u"balance"_s, &AccountBalance::balanceMinor, &AccountBalance::currency, u"Debits minus credits"_s);
    return s;
}

const ObjectSpec<Payout>& Object<Payout>::spec()
{
    using S = ObjectSpec<Payout>;
    static const auto s = S(u"Payout"_s, u"Money sent to a merchant, as its ledger entry booked it"_s)
                              .field(u"id"_s, &Payout::id, u"The payout's id"_s, S::ReadOnly)
                              .field(u"merchant_id"_s, &Payout::merchantId, u"The merchant paid"_s, S::ReadOnly)
                              .money(u"amount"_s, &Payout::amountMinor, &Payout::currency, u"How much"_s)
                              .field(u"entry_id"_s, &Payout::entryId, u"Its ledger entry"_s, S::ReadOnly)
                              .field(u"at_ms"_s, &Payout::atMs, u"When (ms since epoch)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<MaintenanceResult>& Object<MaintenanceResult>::spec()
{
    using M = MaintenanceResult;
    using S = ObjectSpec<M>;
    static const auto s =
        S(u"MaintenanceResult"_s, u"What one maintenance pass did"_s)
            .field(u"orders_expired"_s, &M::ordersExpired, u"Unpaid orders expired"_s, S::ReadOnly)
            .field(u"authorizations_expired"_s, &M::authorizationsExpired, u"Holds lapsed"_s, S::ReadOnly)
            .field(u"keys_purged"_s, &M::keysPurged, u"Old idempotency keys forgotten"_s, S::ReadOnly)
            .field(u"disputes_lost"_s, &M::disputesLost, u"Disputes lost for want of evidence"_s, S::ReadOnly)
            .field(u"changes_pruned"_s, &M::changesPruned, u"Change feed rows past their retention"_s, S::ReadOnly)
            .field(u"more"_s, &M::more, u"Some kind of work hit its batch limit: run it again"_s, S::ReadOnly);
    return s;
}

} // namespace souk::api
