// The table of operations, orders, payments, disputes and the ledger: each declared once (see Operations.h).
#include "backend/api/schema/OperationsSupport.h"

using namespace Qt::StringLiterals;

namespace souk::api::operations {

QList<ApiOperation> orders()
{
    using namespace souk::orders;
    using namespace souk::payments;
    return {
        Def<OrderPage>(Op::ReadOrders, "GET", u"/v1/orders"_s, u"List orders, newest first"_s, u"Orders"_s)
            .named(u"list_orders"_s)
            .param<Id>(u"merchant_id"_s, In::Query, u"Only this merchant's"_s, false)
            .param<std::optional<OrderStatus>>(u"status"_s, In::Query, u"Only orders in this status"_s, false)
            .param<std::optional<PaymentState>>(u"payment_state"_s, In::Query, u"Only orders whose money is here"_s,
                                                false)
            .param<QString>(u"search"_s, In::Query, u"A number or its end, id, name, email or card"_s, false)
            .param<Id>(u"starting_after"_s, In::Query, u"The last order of the page before"_s, false)
            .param<std::optional<int>>(u"limit"_s, In::Query, u"How many, 1 to 5000 (100)"_s, false)
            .param<std::optional<qint64>>(u"from_ms"_s, In::Query, u"Placed at or after (ms since epoch)"_s, false)
            .param<std::optional<qint64>>(u"to_ms"_s, In::Query, u"Placed before (ms since epoch)"_s, false)
            .param<std::optional<qint64>>(u"min_total_minor"_s, In::Query, u"Total at least, in minor units"_s, false)
            .param<std::optional<qint64>>(u"max_total_minor"_s, In::Query, u"Total at most, in minor units"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                OrderQuery q;
                q.merchantId = a.at<Id>(0);
                q.status = a.at<std::optional<OrderStatus>>(1);
                q.paymentState = a.at<std::optional<PaymentState>>(2);
                q.search = a.at<QString>(3);
                q.beforeId = a.at<Id>(4);
                q.limit = a.at<std::optional<int>>(5).value_or(100);
                q.fromMs = a.at<std::optional<qint64>>(6);
                q.toMs = a.at<std::optional<qint64>>(7);
                q.minTotalMinor = a.at<std::optional<qint64>>(8);
                q.maxTotalMinor = a.at<std::optional<qint64>>(9);
                if (q.limit < 1 || q.limit > OrderPageRowsMax)
                    return failed<OrderPage>(Error::invalid(u"limit"_s, u"must be between 1 and 5000"_s));
                return c.orderPage(q);
            }),
        // before /v1/orders/{order_id}: the node takes the first route that matches
        Def<QList<Order>>(Op::ReadOrders, "GET", u"/v1/orders/batch"_s, u"The orders named, without lines"_s,
                          u"Orders"_s)
            .named(u"list_orders_by_id"_s)
            .param<QList<Id>>(u"ids"_s, In::Query, u"The orders, comma-separated"_s)
            .paged(u"id"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.ordersById(a.at<QList<Id>>(0)); }),
        Def<OrderCounters>(Op::ReadOrders, "GET", u"/v1/orders/counters"_s,
                           u"Orders in the last minute, GMV today, orders awaiting payment or capture"_s, u"Orders"_s)
            .named(u"get_order_counters"_s)
            .param<Id>(u"merchant_id"_s, In::Query, u"Only this merchant's; absent: every merchant seen"_s, false)
            .param<qint64>(u"day_start_ms"_s, In::Query, u"The caller's local midnight (ms since epoch)"_s)
            .serve(
                [](Client& c, const Args& a, const QString&) { return c.orderCounters(a.at<Id>(0), a.at<qint64>(1)); }),
        Def<OrderDetail>(Op::ReadOrders, "GET", u"/v1/orders/{order_id}"_s,
                         u"An order with its customer, timeline and payments"_s, u"Orders"_s)
            .named(u"get_order"_s)
            .param<Id>(u"order_id"_s, In::Path, u"The order"_s)
            .etag(u"order.version"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.orderDetail(a.at<Id>(0)); }),
        Def<Order>(Op::CreateOrder, "POST", u"/v1/orders"_s, u"Create an order awaiting payment"_s, u"Orders"_s)
            .param<NewOrder>(u"order"_s, In::Body, u"What is ordered"_s)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) { return c.createOrder(a.at<NewOrder>(0), key); }),
        Def<Order>(Op::CancelOrder, "POST", u"/v1/orders/{order_id}/cancel"_s, u"Cancel an order"_s, u"Orders"_s)
            .param<Id>(u"order_id"_s, In::Path, u"The order"_s)
            .param<QString>(u"reason"_s, In::Body, u"Why, for the timeline"_s, false)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.cancelOrder(a.at<Id>(0), a.at<QString>(1), key);
            }),
        Def<Order>(Op::AdvanceOrder, "POST", u"/v1/orders/{order_id}/advance"_s,
                   u"A fulfilment step by hand: fulfilling, shipped, delivered, completed"_s, u"Orders"_s)
            .param<Id>(u"order_id"_s, In::Path, u"The order"_s)
            .param<OrderStatus>(u"to"_s, In::Body, u"The status to move to"_s)
            .param<QString>(u"reason"_s, In::Body, u"Why, for the timeline"_s, false)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.advanceOrder(a.at<Id>(0), a.at<OrderStatus>(1), a.at<QString>(2), key);
            }),
    };
}

namespace {

/// The card as the engine takes it: the body's `context` travels inside it.
payments::CardInput withContext(payments::CardInput card, const payments::PaymentContext& context)
{
    card.context = context;
    return card;
}

} // namespace

QList<ApiOperation> payments()
{
    using namespace souk::orders;
    using namespace souk::payments;
    return {
        Def<Checkout>(Op::Checkout, "POST", u"/v1/checkouts"_s,
                      u"Create an order and pay for it with a card, in one command"_s, u"Payments"_s)
            .param<NewOrder>(u"order"_s, In::Body, u"What is ordered"_s)
            .param<CardInput>(u"card"_s, In::Body, u"The card: sent to the provider, never stored"_s)
            .param<bool>(u"capture"_s, In::Body, u"Capture at once (else authorize only)"_s, false)
            .param<PaymentContext>(u"context"_s, In::Body,
                                   u"Who typed the card and from where: the risk engine's facts besides the card"_s,
                                   false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.checkout(a.at<NewOrder>(0), withContext(a.at<CardInput>(1), a.at<PaymentContext>(3)),
                                  a.at<bool>(2), key);
            }),
        Def<Payment>(Op::CapturePayment, "POST", u"/v1/payments/{payment_id}/capture"_s,
                     u"Capture an authorized payment, in full or in part"_s, u"Payments"_s)
            .param<Id>(u"payment_id"_s, In::Path, u"The payment"_s)
            .param<std::optional<qint64>>(u"amount_minor"_s, In::Body, u"How much; absent: all of it"_s, false)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.capturePayment(a.at<Id>(0), a.at<std::optional<qint64>>(1), key);
            }),
        Def<Payment>(Op::VoidPayment, "POST", u"/v1/payments/{payment_id}/void"_s,
                     u"Release an authorization before capture"_s, u"Payments"_s)
            .param<Id>(u"payment_id"_s, In::Path, u"The payment"_s)
            .param<QString>(u"reason"_s, In::Body, u"Why"_s, false)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.voidPayment(a.at<Id>(0), a.at<QString>(1), key);
            }),
        Def<Refund>(Op::RefundPayment, "POST", u"/v1/payments/{payment_id}/refunds"_s,
                    u"Refund part or all of a captured payment"_s, u"Payments"_s)
            .param<Id>(u"payment_id"_s, In::Path, u"The payment"_s)
            .param<qint64>(u"amount_minor"_s, In::Body, u"How much, in minor units"_s)
            .param<QString>(u"reason"_s, In::Body, u"Why"_s, false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.refundPayment(a.at<Id>(0), a.at<qint64>(1), a.at<QString>(2), key);
            }),
        Def<Payment>(Op::AuthorizePayment, "POST", u"/v1/orders/{order_id}/payments"_s,
                     u"Authorize a card for an order awaiting payment"_s, u"Payments"_s)
            .param<Id>(u"order_id"_s, In::Path, u"The order"_s)
            .param<CardInput>(u"card"_s, In::Body, u"The card: sent to the provider, never stored"_s)
            .param<PaymentContext>(u"context"_s, In::Body,
                                   u"Who typed the card and from where: the risk engine's facts besides the card"_s,
                                   false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.authorizePayment(a.at<Id>(0), withContext(a.at<CardInput>(1), a.at<PaymentContext>(2)), key);
            }),
        Def<Dispute>(Op::OpenDispute, "POST", u"/v1/payments/{payment_id}/disputes"_s,
                     u"Open a dispute of a captured payment (the card network's stand-in)"_s, u"Payments"_s)
            .param<Id>(u"payment_id"_s, In::Path, u"The payment"_s)
            .param<qint64>(u"amount_minor"_s, In::Body, u"How much is disputed, in minor units"_s)
            .param<QString>(u"reason"_s, In::Body, u"The bank's reason"_s, false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.openDispute(a.at<Id>(0), a.at<qint64>(1), a.at<QString>(2), key);
            }),
        Def<Dispute>(Op::SubmitDisputeEvidence, "POST", u"/v1/disputes/{dispute_id}/evidence"_s,
                     u"Send a dispute's evidence: it goes under review"_s, u"Payments"_s)
            .param<Id>(u"dispute_id"_s, In::Path, u"The dispute"_s)
            .serve(
                [](Client& c, const Args& a, const QString& key) { return c.submitDisputeEvidence(a.at<Id>(0), key); }),
        Def<Dispute>(Op::ResolveDispute, "POST", u"/v1/disputes/{dispute_id}/resolve"_s,
                     u"Decide a dispute (the card network's stand-in)"_s, u"Payments"_s)
            .param<Id>(u"dispute_id"_s, In::Path, u"The dispute"_s)
            .param<bool>(u"won"_s, In::Body, u"Whether the merchant won"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.resolveDispute(a.at<Id>(0), a.at<bool>(1), key);
            }),
    };
}

QList<ApiOperation> ledger()
{
    using namespace souk::payments;
    return {
        Def<QList<Payout>>(Op::Payout, "POST", u"/v1/merchants/{merchant_id}/payouts"_s,
                           u"Pay a merchant what it is owed, or the amounts confirmed"_s, u"Ledger"_s)
            .param<Id>(u"merchant_id"_s, In::Path, u"The merchant"_s)
            .param<QMap<QString, qint64>>(u"amounts"_s, In::Body,
                                          u"Minor units by currency, as confirmed; absent: all that is owed"_s, false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                const auto& amounts = a.at<QMap<QString, qint64>>(1);
                // a typo is not "nothing owed"; the field is "amounts", as the engine's own
                // refusals name it (the node would rewrite "amounts.XYZ" as a camelCase name)
                for (auto it = amounts.cbegin(); it != amounts.cend(); ++it)
                    if (auto known = Currency::find(it.key(), u"amounts"_s); !known)
                        return failed<QList<Payout>>(known.error());
                return c.payout(a.at<Id>(0), amounts, key);
            }),
        Def<QList<Payout>>(Op::ReadPayouts, "GET", u"/v1/merchants/{merchant_id}/payouts"_s,
                           u"A merchant's latest payouts, newest first"_s, u"Ledger"_s)
            .param<Id>(u"merchant_id"_s, In::Path, u"The merchant"_s)
            .paged(u"id"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.payouts(a.at<Id>(0)); }),
        Def<QList<AccountBalance>>(Op::ReadLedger, "GET", u"/v1/ledger/balances"_s,
                                   u"Balances of the ledger's accounts"_s, u"Ledger"_s)
            .param<Id>(u"merchant_id"_s, In::Query, u"Only this merchant's accounts; absent: every account seen"_s,
                       false)
            .serve([](Client& c, const Args& a, const QString&) { return c.ledgerBalances(a.at<Id>(0)); }),
        Def<MaintenanceResult>(Op::RunMaintenance, "POST", u"/v1/maintenance"_s,
                               u"Expire unpaid orders and stale holds, lose overdue disputes, forget old keys"_s,
                               u"Ledger"_s)
            .serve([](Client& c, const Args&, const QString&) {
                // runMaintenance takes no key: a retried pass finds the first one's work done
                return c.runMaintenance();
            }),
    };
}

} // namespace souk::api::operations
