#pragma once

#include <optional>

#include <QString>

#include "backend/core/Money.h"

namespace souk::risk {

/// One payment of a merchant's history: one row of the history CSV (HistoryCsv.h), imported from
/// elsewhere, exported by the store or made by FraudSimulator. Value type, any thread.
struct HistoryPayment
{
    qint64 createdMs = 0;      ///< created_at, UTC milliseconds since 1970
    Money amount;              ///< amount and currency: exact minor units, never negative
    bool approved = false;     ///< outcome: approved | declined
    QString cardFingerprint;   ///< card_fingerprint: the same card gives the same value; never a card number
    QString cardBrand;         ///< card_brand: visa, mastercard, amex...
    QString cardCountry;       ///< card_country: ISO 3166-1 alpha-2 of the issuer, or empty
    QString email;             ///< email, or empty
    QString ip;                ///< ip: IPv4 or IPv6 text, or empty
    QString ipCountry;         ///< ip_country: ISO 3166-1 alpha-2, or empty
    QString deviceId;          ///< device_id, or empty
    QString customerId;        ///< customer_id: the merchant's own id, or empty for a guest
    QString shippingCountry;   ///< shipping_country: ISO 3166-1 alpha-2, or empty (nothing shipped)
    qint64 refundedMinor = 0;  ///< refunded_amount in the amount's minor units, 0..amount
    bool disputed = false;     ///< disputed: true | false
    QString disputeReason;     ///< dispute_reason ("fraudulent", "product_not_received"...), empty unless disputed
    std::optional<bool> fraud; ///< fraud: true | false | empty (unknown)

    // Optional columns: accepted when present, never required.
    QString bin;                              ///< bin: the card's first 6 to 8 digits, or empty
    std::optional<double> shippingDistanceKm; ///< shipping_distance_km: shipping to billing address
    std::optional<qint64> labelKnownMs;       ///< label_known_at: when the dispute or fraud label became known

    friend bool operator==(const HistoryPayment&, const HistoryPayment&) = default;
};

} // namespace souk::risk
