#include "backend/payments/PaymentJson.h"

#include <QJsonArray>

#include "backend/orders/OrderStateMachine.h"

using namespace Qt::StringLiterals;
using souk::orders::Order;
using souk::orders::OrderStateMachine;

namespace souk::payments {
namespace {

QString id(Id value)
{
    return value.toString();
}

Id idOf(const QJsonObject& json, const QString& key)
{
    return Id{json.value(key).toString().toLongLong()};
}

qint64 int64(const QJsonObject& json, const QString& key)
{
    return json.value(key).toInteger();
}

QJsonObject line(const orders::OrderLine& l)
{
    return {{u"variantId"_s, id(l.variantId)}, {u"sku"_s, l.sku}, {u"title"_s, l.title},
            {u"quantity"_s, l.quantity}, {u"unitPriceMinor"_s, l.unitPriceMinor},
            {u"lineTotalMinor"_s, l.lineTotalMinor}};
}

} // namespace

QJsonObject PaymentJson::order(const Order& o)
{
    QJsonArray lines;
    for (const auto& l : o.lines)
        lines.append(line(l));
    // "number" is for people (#1042) and a plain JSON number; "id" stays the key, as a string
    return {{u"id"_s, id(o.id)}, {u"number"_s, o.number}, {u"merchantId"_s, id(o.merchantId)},
            {u"customerId"_s, id(o.customerId)}, {u"customerName"_s, o.customerName},
            {u"locationId"_s, id(o.locationId)}, {u"status"_s, OrderStateMachine::name(o.status)},
            {u"paymentState"_s, OrderStateMachine::paymentStateName(o.paymentState)}, {u"currency"_s, o.currency},
            {u"subtotalMinor"_s, o.subtotalMinor}, {u"discountMinor"_s, o.discountMinor},
            {u"discountCode"_s, o.discountCode}, {u"taxMinor"_s, o.taxMinor},
            {u"deliveryFeeMinor"_s, o.deliveryFeeMinor}, {u"totalMinor"_s, o.totalMinor},
            {u"capturedMinor"_s, o.capturedMinor}, {u"refundedMinor"_s, o.refundedMinor},
            {u"cardLast4"_s, o.cardLast4}, {u"customerEmail"_s, o.customerEmail}, {u"expiresMs"_s, o.expiresMs},
            {u"createdMs"_s, o.createdMs}, {u"updatedMs"_s, o.updatedMs}, {u"version"_s, o.version},
            {u"lines"_s, lines}};
}

Result<Order> PaymentJson::orderFrom(const QJsonObject& j)
{
    auto status = OrderStateMachine::parse(j.value(u"status"_s).toString());
    if (!status)
        return status.error();
    auto paymentState = OrderStateMachine::parsePaymentState(j.value(u"paymentState"_s).toString());
    if (!paymentState)
        return paymentState.error();
    Order o;
    o.id = idOf(j, u"id"_s);
    o.number = int64(j, u"number"_s);
    o.merchantId = idOf(j, u"merchantId"_s);
    o.customerId = idOf(j, u"customerId"_s);
    o.customerName = j.value(u"customerName"_s).toString();
    o.locationId = idOf(j, u"locationId"_s);
    o.status = *status;
    o.paymentState = *paymentState;
    o.currency = j.value(u"currency"_s).toString();
    o.subtotalMinor = int64(j, u"subtotalMinor"_s);
    o.discountMinor = int64(j, u"discountMinor"_s);
    o.discountCode = j.value(u"discountCode"_s).toString();
    o.taxMinor = int64(j, u"taxMinor"_s);
    o.deliveryFeeMinor = int64(j, u"deliveryFeeMinor"_s);
    o.totalMinor = int64(j, u"totalMinor"_s);
    o.capturedMinor = int64(j, u"capturedMinor"_s);
    o.refundedMinor = int64(j, u"refundedMinor"_s);
    o.cardLast4 = j.value(u"cardLast4"_s).toString();
    o.customerEmail = j.value(u"customerEmail"_s).toString();
    o.expiresMs = int64(j, u"expiresMs"_s);
    o.createdMs = int64(j, u"createdMs"_s);
    o.updatedMs = int64(j, u"updatedMs"_s);
    o.version = int64(j, u"version"_s);
    for (const QJsonValue& v : j.value(u"lines"_s).toArray()) {
        const QJsonObject l = v.toObject();
        o.lines.append(orders::OrderLine{idOf(l, u"variantId"_s), l.value(u"sku"_s).toString(),
                                         l.value(u"title"_s).toString(), int64(l, u"quantity"_s),
                                         int64(l, u"unitPriceMinor"_s), int64(l, u"lineTotalMinor"_s)});
    }
    return o;
}

QJsonObject PaymentJson::payment(const Payment& p)
{
    // the card as Souk keeps it: never the number or the CVV
    const QJsonObject card{{u"brand"_s, p.card.brand}, {u"last4"_s, p.card.last4},
                           {u"expMonth"_s, p.card.expMonth}, {u"expYear"_s, p.card.expYear},
                           {u"fingerprint"_s, p.card.fingerprint}};
    QJsonObject o{{u"id"_s, id(p.id)}, {u"orderId"_s, id(p.orderId)}, {u"merchantId"_s, id(p.merchantId)},
            {u"status"_s, paymentStatusName(p.status)}, {u"currency"_s, p.currency},
            {u"amountMinor"_s, p.amountMinor}, {u"capturedMinor"_s, p.capturedMinor},
            {u"refundedMinor"_s, p.refundedMinor}, {u"card"_s, card}, {u"declineCode"_s, p.declineCode},
            {u"retryable"_s, p.retryable}, {u"providerRef"_s, p.providerRef}, {u"authorizedMs"_s, p.authorizedMs},
            {u"authExpiresMs"_s, p.authExpiresMs}, {u"version"_s, p.version}, {u"attention"_s, p.attention}};
    if (p.heldMs > 0)
        o.insert(u"heldMs"_s, p.heldMs);
    return o;
}

Result<Payment> PaymentJson::paymentFrom(const QJsonObject& j)
{
    Payment p;
    const QString status = j.value(u"status"_s).toString();
    bool known = false;
    for (int i = 0; i <= int(PaymentStatus::Expired); ++i) {
        if (paymentStatusName(PaymentStatus(i)) == status) {
            p.status = PaymentStatus(i);
            known = true;
        }
    }
    if (!known)
        return Error::invalid(u"status"_s, u"unknown payment status \"%1\""_s.arg(status));
    const QJsonObject card = j.value(u"card"_s).toObject();
    p.id = idOf(j, u"id"_s);
    p.orderId = idOf(j, u"orderId"_s);
    p.merchantId = idOf(j, u"merchantId"_s);
    p.currency = j.value(u"currency"_s).toString();
    p.amountMinor = int64(j, u"amountMinor"_s);
    p.capturedMinor = int64(j, u"capturedMinor"_s);
    p.refundedMinor = int64(j, u"refundedMinor"_s);
    p.card = CardSummary{card.value(u"brand"_s).toString(), card.value(u"last4"_s).toString(),
                         card.value(u"expMonth"_s).toInt(), card.value(u"expYear"_s).toInt(),
                         card.value(u"fingerprint"_s).toString()};
    p.declineCode = j.value(u"declineCode"_s).toString();
    p.retryable = j.value(u"retryable"_s).toBool();
    p.providerRef = j.value(u"providerRef"_s).toString();
    p.authorizedMs = int64(j, u"authorizedMs"_s);
    p.authExpiresMs = int64(j, u"authExpiresMs"_s);
    p.version = int64(j, u"version"_s);
    p.attention = j.value(u"attention"_s).toString(); // absent in records from before it existed
    p.heldMs = j.value(u"heldMs"_s).toInteger();     // absent when not held
    return p;
}

QJsonObject PaymentJson::refund(const Refund& r)
{
    return {{u"id"_s, id(r.id)}, {u"paymentId"_s, id(r.paymentId)}, {u"amountMinor"_s, r.amountMinor},
            {u"reason"_s, r.reason}, {u"actor"_s, r.actor}, {u"atMs"_s, r.atMs}};
}

Result<Refund> PaymentJson::refundFrom(const QJsonObject& j)
{
    return Refund{idOf(j, u"id"_s), idOf(j, u"paymentId"_s), int64(j, u"amountMinor"_s),
                  j.value(u"reason"_s).toString(), j.value(u"actor"_s).toString(), int64(j, u"atMs"_s)};
}

QJsonObject PaymentJson::dispute(const Dispute& d)
{
    QJsonObject out{{u"id"_s, id(d.id)}, {u"paymentId"_s, id(d.paymentId)},
                    {u"status"_s, disputeStatusName(d.status)}, {u"amountMinor"_s, d.amountMinor},
                    {u"feeMinor"_s, d.feeMinor}, {u"reason"_s, d.reason}, {u"evidenceDueMs"_s, d.evidenceDueMs},
                    {u"openedMs"_s, d.openedMs}, {u"version"_s, d.version}};
    if (d.resolvedMs)
        out.insert(u"resolvedMs"_s, *d.resolvedMs);
    return out;
}

Result<Dispute> PaymentJson::disputeFrom(const QJsonObject& j)
{
    Dispute d;
    const QString status = j.value(u"status"_s).toString();
    bool known = false;
    for (int i = 0; i <= int(DisputeStatus::Lost); ++i) {
        if (disputeStatusName(DisputeStatus(i)) == status) {
            d.status = DisputeStatus(i);
            known = true;
        }
    }
    if (!known)
        return Error::invalid(u"status"_s, u"unknown dispute status \"%1\""_s.arg(status));
    d.id = idOf(j, u"id"_s);
    d.paymentId = idOf(j, u"paymentId"_s);
    d.amountMinor = int64(j, u"amountMinor"_s);
    d.feeMinor = int64(j, u"feeMinor"_s);
    d.reason = j.value(u"reason"_s).toString();
    d.evidenceDueMs = int64(j, u"evidenceDueMs"_s);
    d.openedMs = int64(j, u"openedMs"_s);
    if (j.contains(u"resolvedMs"_s))
        d.resolvedMs = int64(j, u"resolvedMs"_s);
    d.version = int64(j, u"version"_s);
    return d;
}

QJsonObject PaymentJson::payouts(const QList<Payout>& payouts)
{
    QJsonArray rows;
    for (const Payout& p : payouts) {
        rows.append(QJsonObject{{u"id"_s, id(p.id)}, {u"merchantId"_s, id(p.merchantId)}, {u"currency"_s, p.currency},
                                {u"amountMinor"_s, p.amountMinor}, {u"entryId"_s, id(p.entryId)}, {u"atMs"_s, p.atMs}});
    }
    return {{u"payouts"_s, rows}};
}

Result<QList<Payout>> PaymentJson::payoutsFrom(const QJsonObject& json)
{
    QList<Payout> out;
    for (const QJsonValue& v : json.value(u"payouts"_s).toArray()) {
        const QJsonObject p = v.toObject();
        out.append(Payout{idOf(p, u"id"_s), idOf(p, u"merchantId"_s), p.value(u"currency"_s).toString(),
                          int64(p, u"amountMinor"_s), idOf(p, u"entryId"_s), int64(p, u"atMs"_s)});
    }
    return out;
}

QJsonObject PaymentJson::balance(const AccountBalance& b)
{
    return {{u"merchantId"_s, id(b.merchantId)}, {u"account"_s, accountKindName(b.account)},
            {u"currency"_s, b.currency}, {u"balanceMinor"_s, b.balanceMinor}};
}

QJsonObject PaymentJson::detail(const OrderDetail& d)
{
    QJsonArray events, payments, refunds, disputes, postings;
    for (const auto& e : d.events) {
        QJsonObject ev{{u"id"_s, id(e.id)}, {u"kind"_s, e.kind}, {u"detail"_s, e.detail}, {u"actor"_s, e.actor},
                       {u"atMs"_s, e.atMs}};
        if (e.fromStatus)
            ev.insert(u"from"_s, OrderStateMachine::name(*e.fromStatus));
        if (e.toStatus)
            ev.insert(u"to"_s, OrderStateMachine::name(*e.toStatus));
        if (e.amountMinor)
            ev.insert(u"amountMinor"_s, *e.amountMinor);
        events.append(ev);
    }
    for (const auto& p : d.payments)
        payments.append(payment(p));
    for (const auto& r : d.refunds)
        refunds.append(refund(r));
    for (const auto& x : d.disputes)
        disputes.append(dispute(x));
    for (const auto& p : d.postings) {
        postings.append(QJsonObject{{u"entryId"_s, id(p.entryId)}, {u"entryKind"_s, p.entryKind},
                                    {u"merchantId"_s, id(p.merchantId)}, {u"account"_s, accountKindName(p.account)},
                                    {u"currency"_s, p.currency}, {u"amountMinor"_s, p.amountMinor},
                                    {u"atMs"_s, p.atMs}});
    }
    const QJsonObject customer{{u"id"_s, id(d.customer.id)}, {u"name"_s, d.customer.name},
                               {u"email"_s, d.customer.email}, {u"phone"_s, d.customer.phone}};
    return {{u"order"_s, order(d.order)}, {u"customer"_s, customer}, {u"events"_s, events},
            {u"payments"_s, payments}, {u"refunds"_s, refunds}, {u"disputes"_s, disputes},
            {u"postings"_s, postings}};
}

} // namespace souk::payments
