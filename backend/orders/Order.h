#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

#include "backend/core/Id.h"
#include "backend/core/Money.h"

namespace souk::orders {

/// Where an order is in its life. Stored as the integer; never renumber. The legal moves are in
/// OrderStateMachine's one table.
enum class OrderStatus
{
    PendingPayment = 0,
    Paid = 1,
    Fulfilling = 2,
    Shipped = 3,
    Delivered = 4,
    Completed = 5,
    Cancelled = 6,
    Expired = 7,
    PartiallyRefunded = 8,
    Refunded = 9,
};
inline constexpr int OrderStatusCount = 10;

/// The order's money as the payments see it, for the monitor's filter and counters. Stored as
/// the integer; never renumber.
enum class PaymentState
{
    None = 0,       ///< no successful authorization yet
    Authorized = 1, ///< awaiting capture
    Captured = 2,
    PartiallyRefunded = 3,
    Refunded = 4,
    Voided = 5,
    Failed = 6,     ///< the last attempt was declined
    Disputed = 7,
};
inline constexpr int PaymentStateCount = 8;

/// One line: the SKU with the title and unit price as they were when the order was placed.
struct OrderLine
{
    Id variantId;
    QString sku;
    QString title;
    qint64 quantity = 0;
    qint64 unitPriceMinor = 0;
    qint64 lineTotalMinor = 0;
};

/// One entry of the order's timeline: a status change or a payment event, with who did it.
struct OrderEvent
{
    Id id;
    QString kind; ///< "status", "payment.authorized", "payment.captured", "refund", "dispute.opened", ...
    std::optional<OrderStatus> fromStatus;
    std::optional<OrderStatus> toStatus;
    std::optional<qint64> amountMinor;
    QString detail;
    QString actor;
    qint64 atMs = 0;
};

/// The number a merchant's first order gets; the next ones count up from it (Shopify's #1001).
inline constexpr qint64 FirstOrderNumber = 1001;

/// An order with its totals (integer minor units of `currency`). Value type, any thread.
struct Order
{
    Id id; ///< the key: APIs, links and the change feed name an order by it
    /// Short and per merchant, for people ("#1042"): given in creation order, never twice for one
    /// merchant. 0 only for a row written outside the engine (never by Souk itself).
    qint64 number = 0;
    Id merchantId;
    Id customerId;
    Id locationId;
    OrderStatus status = OrderStatus::PendingPayment;
    PaymentState paymentState = PaymentState::None;
    QString currency;
    qint64 subtotalMinor = 0;
    qint64 discountMinor = 0;
    QString discountCode;
    qint64 taxMinor = 0;
    qint64 deliveryFeeMinor = 0;
    qint64 totalMinor = 0;
    qint64 capturedMinor = 0;
    qint64 refundedMinor = 0;
    QString cardLast4;
    QString customerEmail;
    QString customerName; ///< as the customer was named when the order was placed
    qint64 expiresMs = 0;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    qint64 version = 0;
    QList<OrderLine> lines; ///< filled by detail reads and create
};

/// What a caller asks for: SKUs and quantities; prices come from the catalog.
struct NewOrderLine
{
    QString sku;
    qint64 quantity = 0;
};

struct NewOrder
{
    Id merchantId;
    Id customerId;
    QList<NewOrderLine> lines;
    QString discountCode;                 ///< empty: none
    std::optional<qint64> deliveryFeeMinor; ///< empty: the merchant's default
};

/// A customer and where they want things delivered.
struct Address
{
    Id id;
    QString label;
    QString line1;
    QString city;
    QString postcode;
    QString country; ///< ISO 3166 alpha-2
    qint64 latE6 = 0; ///< microdegrees
    qint64 lngE6 = 0;
};

struct Customer
{
    Id id;
    QString name;
    QString email;
    QString phone;
    QList<Address> addresses;
    qint64 version = 0;
};

/// Per-merchant terms: tax, commission, delivery fee, how long an unpaid order holds stock, and
/// the fee a lost dispute costs in each currency.
struct MerchantTerms
{
    Id merchantId;
    int taxRateBp = 0;            ///< basis points: 825 = 8.25 %
    int commissionBp = 0;         ///< platform commission on each capture
    qint64 commissionFixedMinor = 0;
    qint64 deliveryFeeMinor = 0;
    int unpaidExpiryMinutes = 30;
    qint64 version = 0;
    /// The provider's fee per lost dispute, per currency (ISO 4217 code -> minor units of that
    /// currency); a currency not listed takes PaymentService::defaultDisputeFeeMinor(). Empty
    /// (std::nullopt) when saving keeps the fees already set; a map replaces them all. Last, so
    /// the positional initialisers of the fields above keep working (and, initialised here, warn-free).
    std::optional<QMap<QString, qint64>> disputeFeeMinor = std::nullopt;
};

enum class DiscountKind
{
    Fixed = 0,   ///< value: minor units off the subtotal
    Percent = 1, ///< value: basis points off the subtotal
};

struct DiscountCode
{
    Id merchantId;
    QString code;
    DiscountKind kind = DiscountKind::Fixed;
    qint64 value = 0;
    bool active = true;
};

} // namespace souk::orders

Q_DECLARE_METATYPE(souk::orders::Order)
