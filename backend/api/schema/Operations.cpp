#include "backend/api/schema/Operations.h"

#include "backend/api/schema/Types.h"

#include <QPromise>

using namespace Qt::StringLiterals;
using Op = souk::auth::Operation;

namespace souk::api {
namespace {

template <typename R>
using Def = OperationBuilder<R>;

/// An answer known before asking the engine (a parameter out of range).
template <typename T>
QFuture<Result<T>> failed(const Error& error)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(Result<T>(error));
    promise.finish();
    return promise.future();
}

QList<ApiOperation> commerce()
{
    using namespace souk::orders;
    using namespace souk::payments;
    return {
        Def<QList<catalog::Merchant>>(Op::ListMerchants, "GET", u"/v1/merchants"_s, u"List merchants"_s,
                                      u"Merchants"_s)
            .paged(u"id"_s)
            .serve([](Client& c, const Args&, const QString&) { return c.merchants(); }),
        Def<QList<catalog::Location>>(Op::ListLocations, "GET", u"/v1/merchants/{merchant_id}/locations"_s,
                                      u"List a merchant's stock locations"_s, u"Merchants"_s)
            .param<Id>(u"merchant_id"_s, In::Path, u"The merchant"_s)
            .paged(u"id"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.locations(a.at<Id>(0)); }),

        Def<OrderPage>(Op::ReadOrders, "GET", u"/v1/orders"_s, u"List orders, newest first"_s, u"Orders"_s)
            .named(u"list_orders"_s)
            .param<Id>(u"merchant_id"_s, In::Query, u"Only this merchant's"_s, false)
            .param<std::optional<OrderStatus>>(u"status"_s, In::Query, u"Only orders in this status"_s, false)
            .param<std::optional<PaymentState>>(u"payment_state"_s, In::Query, u"Only orders whose money is here"_s,
                                                false)
            .param<QString>(u"search"_s, In::Query, u"A number or its end, id, name, email or card"_s, false)
            .param<Id>(u"starting_after"_s, In::Query, u"The last order of the page before"_s, false)
            .param<std::optional<int>>(u"limit"_s, In::Query, u"How many, 1 to 1000 (100)"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                OrderQuery q;
                q.merchantId = a.at<Id>(0);
                q.status = a.at<std::optional<OrderStatus>>(1);
                q.paymentState = a.at<std::optional<PaymentState>>(2);
                q.search = a.at<QString>(3);
                q.beforeId = a.at<Id>(4);
                q.limit = a.at<std::optional<int>>(5).value_or(100);
                if (q.limit < 1 || q.limit > 1000)
                    return failed<OrderPage>(Error::invalid(u"limit"_s, u"must be between 1 and 1000"_s));
                return c.orderPage(q);
            }),
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

        Def<Checkout>(Op::Checkout, "POST", u"/v1/checkouts"_s,
                      u"Create an order and pay for it with a card, in one command"_s, u"Payments"_s)
            .param<NewOrder>(u"order"_s, In::Body, u"What is ordered"_s)
            .param<CardInput>(u"card"_s, In::Body, u"The card: sent to the provider, never stored"_s)
            .param<bool>(u"capture"_s, In::Body, u"Capture at once (else authorize only)"_s, false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.checkout(a.at<NewOrder>(0), a.at<CardInput>(1), a.at<bool>(2), key);
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
    };
}

QList<ApiOperation> people()
{
    return {
        Def<bool>(Op::SignOut, "DELETE", u"/v1/sessions/current"_s, u"End this session"_s, u"Sessions"_s)
            .serve([](Client& c, const Args&, const QString&) { return c.signOut(); }),
    };
}

} // namespace

const QList<ApiOperation>& apiOperations()
{
    static const QList<ApiOperation> all = commerce() + people();
    return all;
}

const ApiOperation* apiOperation(const QString& id)
{
    for (const ApiOperation& o : apiOperations())
        if (o.id == id)
            return &o;
    return nullptr;
}

} // namespace souk::api
