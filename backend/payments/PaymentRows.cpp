#include "backend/payments/PaymentRows.h"

#include "backend/core/Currency.h"
#include "backend/orders/OrderService.h"
#include "backend/orders/OrderStock.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::payments::rows {

const QString PaymentColumns =
    u"id, order_id, merchant_id, status, currency, amount_minor, captured_minor, refunded_minor, card_brand, "
    "card_last4, card_exp_month, card_exp_year, card_fingerprint, decline_code, provider_ref, authorized_ms, "
    "auth_expires_ms, version, attention, held_ms"_s;

const QString DisputeColumns =
    u"id, payment_id, status, amount_minor, fee_minor, reason, evidence_due_ms, opened_ms, resolved_ms, version"_s;

namespace {

template <typename Row>
Payment readPaymentFrom(const Row& q)
{
    Payment p;
    int c = 0;
    p.id = Id{q.value(c++).toLongLong()};
    p.orderId = Id{q.value(c++).toLongLong()};
    p.merchantId = Id{q.value(c++).toLongLong()};
    p.status = PaymentStatus(q.value(c++).toInt());
    p.currency = q.value(c++).toString();
    p.amountMinor = q.value(c++).toLongLong();
    p.capturedMinor = q.value(c++).toLongLong();
    p.refundedMinor = q.value(c++).toLongLong();
    p.card.brand = q.value(c++).toString();
    p.card.last4 = q.value(c++).toString();
    p.card.expMonth = q.value(c++).toInt();
    p.card.expYear = q.value(c++).toInt();
    p.card.fingerprint = q.value(c++).toString();
    p.declineCode = q.value(c++).toString();
    p.providerRef = q.value(c++).toString();
    p.authorizedMs = q.value(c++).toLongLong();
    p.authExpiresMs = q.value(c++).toLongLong();
    p.version = q.value(c++).toLongLong();
    p.attention = q.value(c++).toString();
    p.heldMs = q.value(c++).toLongLong(); // NULL reads as 0: not held
    p.retryable = p.declineCode == u"processing_error"_s || p.declineCode == u"issuer_timeout"_s;
    return p;
}

template <typename Row>
Dispute readDisputeFrom(const Row& q)
{
    Dispute d;
    d.id = Id{q.value(0).toLongLong()};
    d.paymentId = Id{q.value(1).toLongLong()};
    d.status = DisputeStatus(q.value(2).toInt());
    d.amountMinor = q.value(3).toLongLong();
    d.feeMinor = q.value(4).toLongLong();
    d.reason = q.value(5).toString();
    d.evidenceDueMs = q.value(6).toLongLong();
    d.openedMs = q.value(7).toLongLong();
    if (!q.value(8).isNull())
        d.resolvedMs = q.value(8).toLongLong();
    d.version = q.value(9).toLongLong();
    return d;
}

} // namespace

Payment readPayment(const QSqlQuery& q)
{
    return readPaymentFrom(q);
}

Payment readPayment(const store::Statement& q)
{
    return readPaymentFrom(q);
}

Dispute readDispute(const QSqlQuery& q)
{
    return readDisputeFrom(q);
}

Dispute readDispute(const store::Statement& q)
{
    return readDisputeFrom(q);
}

Status insertPayment(store::UnitOfWork& uow, const Payment& p)
{
    // one QString for the process: the statement cache is keyed by the text's address
    static const QString sql = u"INSERT INTO payments ("_s + PaymentColumns
                               + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    store::Statement& q = uow.statement(sql);
    const QVariantList values{p.id.value, p.orderId.value, p.merchantId.value, int(p.status), p.currency,
                              p.amountMinor, p.capturedMinor, p.refundedMinor, store::nonNull(p.card.brand),
                              store::nonNull(p.card.last4), p.card.expMonth, p.card.expYear,
                              store::nonNull(p.card.fingerprint), store::nonNull(p.declineCode),
                              store::nonNull(p.providerRef),
                              p.authorizedMs, p.authExpiresMs, p.version, store::nonNull(p.attention),
                              p.heldMs > 0 ? QVariant(p.heldMs) : QVariant(QMetaType::fromType<qint64>())};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (auto s = store::exec(q, u"writing a payment"_s); !s)
        return s;
    uow.recordChange(u"payment"_s, p.id, p.version, ChangeOp::Created);
    return {};
}

Status savePayment(store::UnitOfWork& uow, Payment& p)
{
    store::Statement& q = uow.statement(u"UPDATE payments SET status = ?, captured_minor = ?, refunded_minor = ?, "
                                 "version = version + 1 WHERE id = ? AND version = ?"_s);
    q.bindValue(0, int(p.status));
    q.bindValue(1, p.capturedMinor);
    q.bindValue(2, p.refundedMinor);
    q.bindValue(3, p.id.value);
    q.bindValue(4, p.version);
    if (auto s = store::exec(q, u"updating a payment"_s); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return Error::versionConflict(u"paymentId"_s, u"the payment changed since it was read"_s);
    p.version += 1;
    uow.recordChange(u"payment"_s, p.id, p.version, ChangeOp::Updated);
    return {};
}

Status setHeld(store::UnitOfWork& uow, Payment& p, qint64 heldMs)
{
    store::Statement& q =
        uow.statement(u"UPDATE payments SET held_ms = ?, version = version + 1 WHERE id = ? AND version = ?"_s);
    q.bindValue(0, heldMs > 0 ? QVariant(heldMs) : QVariant(QMetaType::fromType<qint64>()));
    q.bindValue(1, p.id.value);
    q.bindValue(2, p.version);
    if (auto s = store::exec(q, u"holding a payment"_s); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return Error::versionConflict(u"paymentId"_s, u"the payment changed since it was read"_s);
    p.version += 1;
    p.heldMs = heldMs;
    uow.recordChange(u"payment"_s, p.id, p.version, ChangeOp::Updated);
    return {};
}

Status saveDispute(store::UnitOfWork& uow, Dispute& d, bool insert)
{
    if (insert) {
        static const QString sql = u"INSERT INTO disputes ("_s + DisputeColumns
                                   + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 1)"_s;
        store::Statement& q = uow.statement(sql);
        const QVariantList values{d.id.value, d.paymentId.value, int(d.status), d.amountMinor, d.feeMinor, d.reason,
                                  d.evidenceDueMs, d.openedMs};
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values[i]);
        if (auto s = store::exec(q, u"writing a dispute"_s); !s)
            return s;
        d.version = 1;
        uow.recordChange(u"dispute"_s, d.id, d.version, ChangeOp::Created);
        return {};
    }
    store::Statement& q = uow.statement(u"UPDATE disputes SET status = ?, resolved_ms = ?, version = version + 1 "
                                 "WHERE id = ? AND version = ?"_s);
    q.bindValue(0, int(d.status));
    q.bindValue(1, d.resolvedMs ? QVariant(*d.resolvedMs) : QVariant(QMetaType(QMetaType::LongLong)));
    q.bindValue(2, d.id.value);
    q.bindValue(3, d.version);
    if (auto s = store::exec(q, u"updating a dispute"_s); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return Error::versionConflict(u"disputeId"_s, u"the dispute changed since it was read"_s);
    d.version += 1;
    uow.recordChange(u"dispute"_s, d.id, d.version, ChangeOp::Updated);
    return {};
}

/// Moves the order after money went back to the customer, so that fulfilment is never lost:
/// - all of it: Refunded (final); goods that never left (paid or fulfilling) go back into stock;
/// - part of it before delivery: the status stays (a goodwill refund on an order still being
///   fulfilled), only the payment state says "partially refunded";
/// - part of it after delivery: PartiallyRefunded (a return or a complaint).
Status settleOrderAfterRefund(store::UnitOfWork& uow, orders::Order& order, const QString& reason)
{
    if (order.refundedMinor >= order.capturedMinor) {
        if (order.status == orders::OrderStatus::Refunded)
            return orders::OrderService::saveMoney(uow, order);
        const bool unshipped = order.status == orders::OrderStatus::Paid || order.status == orders::OrderStatus::Fulfilling;
        if (auto s = orders::OrderService::transition(uow, order, orders::OrderStatus::Refunded, reason); !s)
            return s;
        return unshipped ? orders::OrderStock::restock(uow, order) : Status{};
    }
    const bool delivered = order.status == orders::OrderStatus::Delivered || order.status == orders::OrderStatus::Completed
                           || order.status == orders::OrderStatus::PartiallyRefunded;
    if (delivered)
        return orders::OrderService::transition(uow, order, orders::OrderStatus::PartiallyRefunded, reason);
    return orders::OrderService::saveMoney(uow, order);
}

qint64 minorPerMajor(const QString& currency)
{
    auto c = Currency::find(currency);
    qint64 factor = 1;
    for (int i = 0; c && i < c->exponent; ++i)
        factor *= 10;
    return factor;
}

} // namespace souk::payments::rows
