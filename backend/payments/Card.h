#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

#include "backend/core/Result.h"

namespace souk::payments {

/// Where and by whom a card was typed: what a risk engine judges a payment on besides the card.
/// Every field may be empty (a payment taken at a till knows none of them); the API takes it as
/// the checkout's `context`. Countries are ISO 3166-1 alpha-2, upper case.
struct PaymentContext
{
    QString email;
    QString ip;
    QString ipCountry;
    QString deviceId;
    QString shippingCountry;
    QString billingCountry;
    std::optional<qint64> shippingDistanceKm; ///< from the billing address, when both are known

    /// Checks each field's form; the error names it (context.ip_country, ...).
    Status validate() const;
};

/// Card data as typed by a customer, with the context it was typed in. Lives only for the length
/// of an authorization call: the number and CVV are never stored, logged or returned (see
/// CardSummary).
struct CardInput
{
    QString number;
    int expMonth = 0;
    int expYear = 0;
    QString cvv;
    PaymentContext context = {}; ///< sent beside the card (the API's `context`), never inside it
};

/// What Souk keeps of a card: brand, last four digits, expiry and a keyed fingerprint that
/// recognises the same card across payments without revealing it.
struct CardSummary
{
    QString brand; ///< "visa", "mastercard", "amex", "discover", "jcb", "unionpay", "unknown"
    QString last4;
    int expMonth = 0;
    int expYear = 0;
    QString fingerprint; ///< hex HMAC-SHA256 of the number under the store's secret
    QString bin;         ///< the first six digits: the issuer, not the card (kept for risk only)
    QString country;     ///< the issuer's country (ISO 3166-1 alpha-2), empty when unknown
};

/// Card number rules. Pure; any thread.
class Card final
{
public:
    /// The digits of `number` with spaces and dashes removed; empty when anything else appears.
    static QString digits(const QString& number);
    static bool luhnValid(const QString& digits);
    static QString brandOf(const QString& digits);
    /// The issuing bank's country by the card's BIN, as the simulated card network knows it:
    /// "400000" + an ISO 3166 numeric code (4000002500000003: FR), and the well-known test
    /// numbers; empty when unknown.
    static QString issuerCountry(const QString& digits);
    /// Checks number (Luhn, length), expiry (not before `todayYear`/`todayMonth`) and CVV; the
    /// error's field is card.number, card.expiry or card.cvv; the message never quotes the number.
    static Status validate(const CardInput& card, int todayYear, int todayMonth);
    /// Summary with the fingerprint keyed by `secret` (HMAC-SHA256, OpenSSL).
    static CardSummary summarize(const CardInput& card, const QByteArray& secret);
};

} // namespace souk::payments
