#pragma once

#include <QJsonObject>

#include "backend/payments/Payment.h"
#include "backend/payments/PaymentService.h"

namespace souk::payments {

/// JSON of the order and payment types, as the CLI prints them, the API will send them and
/// idempotency keys store them. Ids and amounts are strings/integers as in the catalog JSON:
/// ids as strings, amounts as integer minor units with the currency beside them. Any thread.
class PaymentJson final
{
public:
    static QJsonObject order(const orders::Order& order);
    static Result<orders::Order> orderFrom(const QJsonObject& json);
    static QJsonObject payment(const Payment& payment);
    static Result<Payment> paymentFrom(const QJsonObject& json);
    static QJsonObject refund(const Refund& refund);
    static Result<Refund> refundFrom(const QJsonObject& json);
    static QJsonObject dispute(const Dispute& dispute);
    static Result<Dispute> disputeFrom(const QJsonObject& json);
    /// A settlement's payouts, as one object ({"payouts": [...]}) for idempotency records.
    static QJsonObject payouts(const QList<Payout>& payouts);
    static Result<QList<Payout>> payoutsFrom(const QJsonObject& json);
    static QJsonObject detail(const OrderDetail& detail);
    static QJsonObject balance(const AccountBalance& balance);
};

} // namespace souk::payments
