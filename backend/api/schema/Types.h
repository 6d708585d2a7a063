#pragma once

#include "backend/api/schema/Json.h"
#include "backend/auth/Principal.h"
#include "backend/catalog/Merchant.h"
#include "backend/orders/Order.h"
#include "backend/orders/OrderQuery.h"
#include "backend/payments/Card.h"
#include "backend/payments/Payment.h"

/// The JSON forms of the types the API carries, declared here and described once in Types.cpp
/// (snake_case names, ids as strings, money as {amount_minor, currency}). RemoteClient decodes
/// what the node encodes with the same descriptions, so the two cannot drift apart.
#define SOUK_API_OBJECT(T)                                                                                             \
    template <>                                                                                                        \
    struct Object<T>                                                                                                   \
    {                                                                                                                  \
        static const ObjectSpec<T>& spec();                                                                            \
    };
#define SOUK_API_ENUM(E)                                                                                               \
    template <>                                                                                                        \
    struct EnumNames<E>                                                                                                \
    {                                                                                                                  \
        static const QList<std::pair<E, QString>>& names();                                                            \
    };

namespace souk::api {

SOUK_API_ENUM(orders::OrderStatus)
SOUK_API_ENUM(orders::PaymentState)
SOUK_API_ENUM(payments::PaymentStatus)
SOUK_API_ENUM(auth::Role)
SOUK_API_ENUM(auth::Via)

SOUK_API_OBJECT(catalog::Merchant)
SOUK_API_OBJECT(catalog::Location)
SOUK_API_OBJECT(orders::OrderLine)
SOUK_API_OBJECT(orders::Order)
SOUK_API_OBJECT(orders::OrderPage)
SOUK_API_OBJECT(orders::NewOrderLine)
SOUK_API_OBJECT(orders::NewOrder)
SOUK_API_OBJECT(orders::OrderEvent)
SOUK_API_OBJECT(orders::Address)
SOUK_API_OBJECT(orders::Customer)
SOUK_API_OBJECT(payments::CardInput)
SOUK_API_OBJECT(payments::CardSummary)
SOUK_API_OBJECT(payments::Payment)
SOUK_API_OBJECT(payments::Refund)
SOUK_API_OBJECT(payments::Checkout)
SOUK_API_OBJECT(payments::OrderDetail)
SOUK_API_OBJECT(auth::Principal)

} // namespace souk::api
