#pragma once

#include <QByteArray>
#include <QList>

#include "backend/catalog/BulkEdit.h"
#include "backend/catalog/Inventory.h"
#include "backend/catalog/ProductEdit.h"
#include "backend/core/Result.h"
#include "backend/orders/Order.h"
#include "backend/payments/Payment.h"

namespace souk::payments {

struct Payout;

/// How an idempotency record keeps a command's first result, so that a retry gets it back
/// unchanged, also after an upgrade. Orders and payments, stored three times on every order's
/// way through checkout, are kept in a compact binary form: a format byte, a kind byte, the
/// number of fields, then each field typed (integers as 8 little-endian bytes, text and nested
/// records as a length and their bytes). Fields are only ever appended, so a record written
/// before a field existed reads that field as its default, and one written by a newer Souk
/// skips what it does not know. Building and printing JSON for them took about a sixth of the
/// writer's time. Two older forms still read: the first binary form (format byte 1, the same
/// fields in a fixed order, untyped) and JSON (every record before that; it starts with '{',
/// a binary one never does). The rarer results (refunds, disputes, payouts, and the catalog and
/// customer commands' results, see CommandJson) are kept as JSON.
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

template <> struct StoredResult<Checkout>
{
    static QByteArray encode(const Checkout& checkout);
    static Result<Checkout> decode(const QByteArray& bytes);
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

template <> struct StoredResult<catalog::StockLevel>
{
    static QByteArray encode(const catalog::StockLevel& level);
    static Result<catalog::StockLevel> decode(const QByteArray& bytes);
};

template <> struct StoredResult<catalog::BulkResult>
{
    static QByteArray encode(const catalog::BulkResult& result);
    static Result<catalog::BulkResult> decode(const QByteArray& bytes);
};

template <> struct StoredResult<catalog::ProductEdit>
{
    static QByteArray encode(const catalog::ProductEdit& edit);
    static Result<catalog::ProductEdit> decode(const QByteArray& bytes);
};

template <> struct StoredResult<orders::Customer>
{
    static QByteArray encode(const orders::Customer& customer);
    static Result<orders::Customer> decode(const QByteArray& bytes);
};

template <> struct StoredResult<orders::MerchantTerms>
{
    static QByteArray encode(const orders::MerchantTerms& terms);
    static Result<orders::MerchantTerms> decode(const QByteArray& bytes);
};

/// A command that answers only that it was done (adding a discount code).
template <> struct StoredResult<bool>
{
    static QByteArray encode(bool done);
    static Result<bool> decode(const QByteArray& bytes);
};

} // namespace souk::payments
