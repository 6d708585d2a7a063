#pragma once

#include <QByteArray>
#include <QList>

#include "backend/core/Result.h"
#include "backend/orders/Order.h"
#include "backend/payments/Payment.h"

namespace souk::payments {

struct Payout;

/// How an idempotency record keeps a command's first result, so that a retry gets it back
/// unchanged. Orders and payments, stored three times on every order's way through checkout,
/// are kept in a compact binary form: a format byte, a kind byte, then the fields in a fixed
/// order (integers as 8 little-endian bytes, text as a length and UTF-8). Building and printing
/// JSON for them took about a sixth of the writer's time. The rarer results (refunds, disputes,
/// payouts) are kept as JSON. Records written as JSON (every record before this form existed)
/// are read either way: a JSON record starts with '{', a binary one never does.
template <typename T> struct StoredResult;

template <> struct StoredResult<orders::Order>
{
    static QByteArray encode(const orders::Order& order);
    static Result<orders::Order> decode(const QByteArray& bytes);
};

template <> struct StoredResult<Payment>
{
    static QByteArray encode(const Payment& payment);
    static Result<Payment> decode(const QByteArray& bytes);
};

template <> struct StoredResult<Refund>
{
    static QByteArray encode(const Refund& refund);
    static Result<Refund> decode(const QByteArray& bytes);
};

template <> struct StoredResult<Dispute>
{
    static QByteArray encode(const Dispute& dispute);
    static Result<Dispute> decode(const QByteArray& bytes);
};

template <> struct StoredResult<QList<Payout>>
{
    static QByteArray encode(const QList<Payout>& payouts);
    static Result<QList<Payout>> decode(const QByteArray& bytes);
};

} // namespace souk::payments
