#include "backend/api/schema/Types.h"

#include "backend/api/schema/TypesSupport.h"
#include "backend/orders/OrderStateMachine.h"

using namespace Qt::StringLiterals;
using namespace souk::orders;
using namespace souk::payments;
using souk::catalog::Location;
using souk::catalog::Merchant;

namespace souk::api {

using typesupport::namesOf;
using typesupport::stringSchema;

const QList<std::pair<OrderStatus, QString>>& EnumNames<OrderStatus>::names()
{
    static const auto n = namesOf<OrderStatus>(OrderStatusCount, [](OrderStatus s) { return OrderStateMachine::name(s); });
    return n;
}

const QList<std::pair<PaymentState, QString>>& EnumNames<PaymentState>::names()
{
    static const auto n =
        namesOf<PaymentState>(PaymentStateCount, [](PaymentState s) { return OrderStateMachine::paymentStateName(s); });
    return n;
}

const QList<std::pair<PaymentStatus, QString>>& EnumNames<PaymentStatus>::names()
{
    static const auto n = namesOf<PaymentStatus>(5, [](PaymentStatus s) { return paymentStatusName(s); });
    return n;
}

const QList<std::pair<auth::Role, QString>>& EnumNames<auth::Role>::names()
{
    static const auto n = namesOf<auth::Role>(5, [](auth::Role r) { return auth::roleName(r); });
    return n;
}

const QList<std::pair<auth::Via, QString>>& EnumNames<auth::Via>::names()
{
    static const auto n = namesOf<auth::Via>(4, [](auth::Via v) { return auth::viaName(v); });
    return n;
}

const ObjectSpec<Merchant>& Object<Merchant>::spec()
{
    static const auto s = ObjectSpec<Merchant>(u"Merchant"_s, u"A seller in the store"_s)
                              .field(u"id"_s, &Merchant::id, u"The merchant's id"_s, ObjectSpec<Merchant>::ReadOnly)
                              .field(u"name"_s, &Merchant::name, u"Its name"_s)
                              .computed(
                                  u"currency"_s, [](const Merchant& m) { return QJsonValue(m.currency.code); },
                                  stringSchema, u"ISO 4217 code of the currency it sells in"_s,
                                  [](const QJsonValue& j, Merchant& m, const QString& path, Source) -> Status {
                                      auto c = Currency::find(j.toString(), path);
                                      if (!c)
                                          return c.error();
                                      m.currency = *c;
                                      return {};
                                  })
                              .field(u"version"_s, &Merchant::version, u"Bumped on every change"_s,
                                     ObjectSpec<Merchant>::ReadOnly);
    return s;
}

const ObjectSpec<Location>& Object<Location>::spec()
{
    using S = ObjectSpec<Location>;
    static const auto s = S(u"Location"_s, u"A place that holds stock"_s)
                              .field(u"id"_s, &Location::id, u"The location's id"_s, S::ReadOnly)
                              .field(u"merchant_id"_s, &Location::merchantId, u"Its merchant"_s)
                              .field(u"name"_s, &Location::name, u"Its name"_s)
                              .field(u"version"_s, &Location::version, u"Bumped on every change"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<OrderLine>& Object<OrderLine>::spec()
{
    using S = ObjectSpec<OrderLine>;
    static const auto s =
        S(u"OrderLine"_s, u"One line of an order, as it was sold"_s)
            .field(u"variant_id"_s, &OrderLine::variantId, u"The variant sold"_s, S::ReadOnly)
            .field(u"sku"_s, &OrderLine::sku, u"Its SKU"_s, S::ReadOnly)
            .field(u"title"_s, &OrderLine::title, u"Its title when sold"_s, S::ReadOnly)
            .field(u"quantity"_s, &OrderLine::quantity, u"How many"_s, S::ReadOnly)
            .field(u"unit_price_minor"_s, &OrderLine::unitPriceMinor, u"Unit price, minor units"_s, S::ReadOnly)
            .field(u"line_total_minor"_s, &OrderLine::lineTotalMinor, u"Line total, minor units"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<Order>& Object<Order>::spec()
{
    using S = ObjectSpec<Order>;
    static const auto s =
        S(u"Order"_s, u"An order with its totals"_s)
            .field(u"id"_s, &Order::id, u"The order's id"_s, S::ReadOnly)
            .field(u"number"_s, &Order::number, u"Its number for people (#1042), per merchant"_s, S::ReadOnly)
            .field(u"merchant_id"_s, &Order::merchantId, u"Its merchant"_s, S::ReadOnly)
            .field(u"customer_id"_s, &Order::customerId, u"Its customer, or null"_s, S::ReadOnly)
            .field(u"location_id"_s, &Order::locationId, u"Where its stock is reserved"_s, S::ReadOnly)
            .field(u"status"_s, &Order::status, u"Where it is in its life"_s, S::ReadOnly)
            .field(u"payment_state"_s, &Order::paymentState, u"Its money, as the payments see it"_s, S::ReadOnly)
            .money(u"subtotal"_s, &Order::subtotalMinor, &Order::currency, u"Before discount, tax and delivery"_s)
            .money(u"discount"_s, &Order::discountMinor, &Order::currency, u"Taken off the subtotal"_s)
            .field(u"discount_code"_s, &Order::discountCode, u"The code used, or empty"_s, S::ReadOnly)
            .money(u"tax"_s, &Order::taxMinor, &Order::currency, u"Tax"_s)
            .money(u"delivery_fee"_s, &Order::deliveryFeeMinor, &Order::currency, u"Delivery fee"_s)
            .money(u"total"_s, &Order::totalMinor, &Order::currency, u"What the customer pays"_s)
            .money(u"captured"_s, &Order::capturedMinor, &Order::currency, u"Captured so far"_s)
            .money(u"refunded"_s, &Order::refundedMinor, &Order::currency, u"Refunded so far"_s)
            .field(u"card_last4"_s, &Order::cardLast4, u"Last four digits of the card that paid"_s, S::ReadOnly)
            .field(u"customer_email"_s, &Order::customerEmail, u"The customer's email"_s, S::ReadOnly)
            .field(u"customer_name"_s, &Order::customerName, u"The customer's name when ordering"_s, S::ReadOnly)
            .field(u"expires_ms"_s, &Order::expiresMs, u"Unpaid, it expires at (ms since epoch)"_s, S::ReadOnly)
            .field(u"created_ms"_s, &Order::createdMs, u"Created at (ms since epoch)"_s, S::ReadOnly)
            .field(u"updated_ms"_s, &Order::updatedMs, u"Last changed at (ms since epoch)"_s, S::ReadOnly)
            .field(u"version"_s, &Order::version, u"Bumped on every change; the ETag"_s, S::ReadOnly)
            .field(u"lines"_s, &Order::lines, u"Its lines (in lists: empty)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<OrderPage>& Object<OrderPage>::spec()
{
    using S = ObjectSpec<OrderPage>;
    static const auto s =
        S(u"OrderList"_s, u"A page of orders, newest first"_s)
            .computed(
                u"object"_s, [](const OrderPage&) { return QJsonValue(u"list"_s); },
                [](Components&) { return QJsonObject{{u"const"_s, u"list"_s}}; }, u"Always \"list\""_s)
            .field(u"data"_s, &OrderPage::orders, u"The orders, without lines"_s, S::ReadOnly)
            .field(u"has_more"_s, &OrderPage::more, u"Another page follows (ask with starting_after)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<NewOrderLine>& Object<NewOrderLine>::spec()
{
    static const auto s = ObjectSpec<NewOrderLine>(u"NewOrderLine"_s, u"A SKU and how many"_s)
                              .field(u"sku"_s, &NewOrderLine::sku, u"The variant's SKU"_s)
                              .field(u"quantity"_s, &NewOrderLine::quantity, u"How many, at least 1"_s);
    return s;
}

const ObjectSpec<NewOrder>& Object<NewOrder>::spec()
{
    using S = ObjectSpec<NewOrder>;
    static const auto s =
        S(u"NewOrder"_s, u"An order as asked for: prices come from the catalog"_s)
            .field(u"merchant_id"_s, &NewOrder::merchantId, u"The merchant that sells"_s)
            .field(u"customer_id"_s, &NewOrder::customerId, u"The customer who orders"_s)
            .field(u"lines"_s, &NewOrder::lines, u"What is ordered"_s)
            .field(u"discount_code"_s, &NewOrder::discountCode, u"A discount code"_s, S::Optional)
            .field(u"delivery_fee_minor"_s, &NewOrder::deliveryFeeMinor,
                   u"Delivery fee in minor units; absent: the merchant's default"_s, S::Optional);
    return s;
}

const ObjectSpec<OrderEvent>& Object<OrderEvent>::spec()
{
    using S = ObjectSpec<OrderEvent>;
    static const auto s =
        S(u"OrderEvent"_s, u"One entry of an order's timeline"_s)
            .field(u"id"_s, &OrderEvent::id, u"The event's id"_s, S::ReadOnly)
            .field(u"kind"_s, &OrderEvent::kind, u"status, payment.authorized, refund, ..."_s, S::ReadOnly)
            .field(u"from_status"_s, &OrderEvent::fromStatus, u"Status before, for a status change"_s, S::ReadOnly)
            .field(u"to_status"_s, &OrderEvent::toStatus, u"Status after, for a status change"_s, S::ReadOnly)
            .field(u"amount_minor"_s, &OrderEvent::amountMinor, u"Amount moved, in the order's currency"_s, S::ReadOnly)
            .field(u"detail"_s, &OrderEvent::detail, u"What happened, for people"_s, S::ReadOnly)
            .field(u"actor"_s, &OrderEvent::actor, u"Who did it"_s, S::ReadOnly)
            .field(u"at_ms"_s, &OrderEvent::atMs, u"When (ms since epoch)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<Address>& Object<Address>::spec()
{
    using S = ObjectSpec<Address>;
    static const auto s = S(u"Address"_s, u"Where a customer wants things delivered"_s)
                              .field(u"id"_s, &Address::id, u"The address's id"_s, S::Optional)
                              .field(u"label"_s, &Address::label, u"Home, work, ..."_s, S::Optional)
                              .field(u"line1"_s, &Address::line1, u"Street and number"_s)
                              .field(u"city"_s, &Address::city, u"City"_s)
                              .field(u"postcode"_s, &Address::postcode, u"Postcode"_s, S::Optional)
                              .field(u"country"_s, &Address::country, u"ISO 3166 alpha-2"_s)
                              .field(u"lat_e6"_s, &Address::latE6, u"Latitude, microdegrees"_s, S::Optional)
                              .field(u"lng_e6"_s, &Address::lngE6, u"Longitude, microdegrees"_s, S::Optional);
    return s;
}

const ObjectSpec<Customer>& Object<Customer>::spec()
{
    using S = ObjectSpec<Customer>;
    static const auto s = S(u"Customer"_s, u"A customer"_s)
                              .field(u"id"_s, &Customer::id, u"The customer's id"_s, S::Optional)
                              .field(u"name"_s, &Customer::name, u"Name"_s)
                              .field(u"email"_s, &Customer::email, u"Email"_s, S::Optional)
                              .field(u"phone"_s, &Customer::phone, u"Phone"_s, S::Optional)
                              .field(u"addresses"_s, &Customer::addresses, u"Delivery addresses"_s, S::Optional)
                              // sent back as read by a client that keeps the whole customer: ignored on create
                              .field(u"version"_s, &Customer::version, u"Bumped on every change"_s, S::Optional);
    return s;
}

const ObjectSpec<CardInput>& Object<CardInput>::spec()
{
    static const auto s = ObjectSpec<CardInput>(u"CardInput"_s, u"A card, sent to the provider and then forgotten"_s)
                              .field(u"number"_s, &CardInput::number, u"The card number"_s)
                              .field(u"exp_month"_s, &CardInput::expMonth, u"Expiry month, 1-12"_s)
                              .field(u"exp_year"_s, &CardInput::expYear, u"Expiry year, four digits"_s)
                              .field(u"cvv"_s, &CardInput::cvv, u"The 3 or 4 digit code"_s);
    return s;
}

const ObjectSpec<PaymentContext>& Object<PaymentContext>::spec()
{
    using S = ObjectSpec<PaymentContext>;
    static const auto s =
        S(u"PaymentContext"_s, u"Where and by whom the card was typed: what the risk engine judges besides the card"_s)
            .field(u"email"_s, &PaymentContext::email, u"The customer's email address"_s, S::Optional)
            .field(u"ip"_s, &PaymentContext::ip, u"The buyer's IP address"_s, S::Optional)
            .field(u"ip_country"_s, &PaymentContext::ipCountry, u"The IP address's country, ISO 3166-1 alpha-2"_s,
                   S::Optional)
            .field(u"device_id"_s, &PaymentContext::deviceId, u"The buyer's device identifier"_s, S::Optional)
            .field(u"shipping_country"_s, &PaymentContext::shippingCountry,
                   u"The shipping address's country, ISO 3166-1 alpha-2"_s, S::Optional)
            .field(u"billing_country"_s, &PaymentContext::billingCountry,
                   u"The billing address's country, ISO 3166-1 alpha-2"_s, S::Optional)
            .field(u"shipping_distance_km"_s, &PaymentContext::shippingDistanceKm,
                   u"Distance between the shipping and billing addresses, km"_s, S::Optional);
    return s;
}

const ObjectSpec<CardSummary>& Object<CardSummary>::spec()
{
    using S = ObjectSpec<CardSummary>;
    static const auto s = S(u"CardSummary"_s, u"What Souk keeps of a card"_s)
                              .field(u"brand"_s, &CardSummary::brand, u"visa, mastercard, ..."_s, S::ReadOnly)
                              .field(u"last4"_s, &CardSummary::last4, u"Last four digits"_s, S::ReadOnly)
                              .field(u"exp_month"_s, &CardSummary::expMonth, u"Expiry month"_s, S::ReadOnly)
                              .field(u"exp_year"_s, &CardSummary::expYear, u"Expiry year"_s, S::ReadOnly)
                              .field(u"fingerprint"_s, &CardSummary::fingerprint,
                                     u"Recognises the same card across payments"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<Payment>& Object<Payment>::spec()
{
    using S = ObjectSpec<Payment>;
    static const auto s =
        S(u"Payment"_s, u"One attempt to take money for an order"_s)
            .field(u"id"_s, &Payment::id, u"The payment's id"_s, S::ReadOnly)
            .field(u"order_id"_s, &Payment::orderId, u"Its order"_s, S::ReadOnly)
            .field(u"merchant_id"_s, &Payment::merchantId, u"Its merchant"_s, S::ReadOnly)
            .field(u"status"_s, &Payment::status, u"Where it is in its life"_s, S::ReadOnly)
            .money(u"amount"_s, &Payment::amountMinor, &Payment::currency, u"Authorized"_s)
            .money(u"captured"_s, &Payment::capturedMinor, &Payment::currency, u"Captured"_s)
            .money(u"refunded"_s, &Payment::refundedMinor, &Payment::currency, u"Refunded"_s)
            .field(u"card"_s, &Payment::card, u"The card"_s, S::ReadOnly)
            .field(u"decline_code"_s, &Payment::declineCode, u"Why the provider declined, or empty"_s, S::ReadOnly)
            .field(u"retryable"_s, &Payment::retryable, u"A failed attempt that may succeed if tried again"_s,
                   S::ReadOnly)
            .field(u"provider_ref"_s, &Payment::providerRef, u"The provider's reference"_s, S::ReadOnly)
            .field(u"authorized_ms"_s, &Payment::authorizedMs, u"Authorized at (ms since epoch)"_s, S::ReadOnly)
            .field(u"auth_expires_ms"_s, &Payment::authExpiresMs, u"The hold ends at"_s, S::ReadOnly)
            .field(u"version"_s, &Payment::version, u"Bumped on every change"_s, S::ReadOnly)
            .field(u"attention"_s, &Payment::attention, u"What a person must look at, or empty"_s, S::ReadOnly)
            .field(u"held_ms"_s, &Payment::heldMs,
                   u"Held for a risk review since then (ms since the epoch), or 0: capture waits for a reviewer"_s,
                   S::ReadOnly);
    return s;
}

const ObjectSpec<Refund>& Object<Refund>::spec()
{
    using S = ObjectSpec<Refund>;
    static const auto s = S(u"Refund"_s, u"Money given back from a captured payment"_s)
                              .field(u"id"_s, &Refund::id, u"The refund's id"_s, S::ReadOnly)
                              .field(u"payment_id"_s, &Refund::paymentId, u"Its payment"_s, S::ReadOnly)
                              .field(u"amount_minor"_s, &Refund::amountMinor, u"Minor units of the payment's currency"_s,
                                     S::ReadOnly)
                              .field(u"reason"_s, &Refund::reason, u"Why"_s, S::ReadOnly)
                              .field(u"actor"_s, &Refund::actor, u"Who"_s, S::ReadOnly)
                              .field(u"at_ms"_s, &Refund::atMs, u"When (ms since epoch)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<Checkout>& Object<Checkout>::spec()
{
    using S = ObjectSpec<Checkout>;
    static const auto s = S(u"Checkout"_s, u"The order a checkout made and its payment"_s)
                              .field(u"order"_s, &Checkout::order, u"The order"_s, S::ReadOnly)
                              .field(u"payment"_s, &Checkout::payment, u"Its payment (declined: says why)"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<OrderDetail>& Object<OrderDetail>::spec()
{
    using S = ObjectSpec<OrderDetail>;
    static const auto s = S(u"OrderDetail"_s, u"An order with everything about it"_s)
                              .field(u"order"_s, &OrderDetail::order, u"The order with its lines"_s, S::ReadOnly)
                              .field(u"customer"_s, &OrderDetail::customer, u"Its customer"_s, S::ReadOnly)
                              .field(u"events"_s, &OrderDetail::events, u"Its timeline"_s, S::ReadOnly)
                              .field(u"payments"_s, &OrderDetail::payments, u"Its payments"_s, S::ReadOnly)
                              .field(u"refunds"_s, &OrderDetail::refunds, u"Its refunds"_s, S::ReadOnly)
                              .field(u"disputes"_s, &OrderDetail::disputes, u"Its payments' disputes"_s, S::ReadOnly)
                              .field(u"postings"_s, &OrderDetail::postings, u"Its ledger postings"_s, S::ReadOnly);
    return s;
}

const ObjectSpec<auth::Principal>& Object<auth::Principal>::spec()
{
    using P = auth::Principal;
    using S = ObjectSpec<P>;
    static const auto s =
        S(u"Principal"_s, u"Who a request runs as"_s)
            .field(u"user_id"_s, &P::userId, u"The user, or null for the store's own file"_s, S::ReadOnly)
            .field(u"user_name"_s, &P::userName, u"The user's name"_s, S::ReadOnly)
            .field(u"role"_s, &P::role, u"What it may do"_s, S::ReadOnly)
            .field(u"merchant_id"_s, &P::merchantId, u"The one merchant it sees, or null: all"_s, S::ReadOnly)
            .field(u"via"_s, &P::via, u"How it proved who it is"_s, S::ReadOnly)
            .field(u"must_change_password"_s, &P::mustChangePassword,
                   u"Signed in with a one-time password: may only change it"_s, S::ReadOnly);
    return s;
}

} // namespace souk::api
