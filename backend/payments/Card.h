#pragma once

#include <QByteArray>
#include <QString>

#include "backend/core/Result.h"

namespace souk::payments {

/// Card data as typed by a customer. Lives only for the length of an authorization call: the
/// number and CVV are never stored, logged or returned (see CardSummary).
struct CardInput
{
    QString number;
    int expMonth = 0;
    int expYear = 0;
    QString cvv;
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
};

/// Card number rules. Pure; any thread.
class Card final
{
public:
    /// The digits of `number` with spaces and dashes removed; empty when anything else appears.
    static QString digits(const QString& number);
    static bool luhnValid(const QString& digits);
    static QString brandOf(const QString& digits);
    /// Checks number (Luhn, length), expiry (not before `todayYear`/`todayMonth`) and CVV; the
    /// error's field is card.number, card.expiry or card.cvv; the message never quotes the number.
    static Status validate(const CardInput& card, int todayYear, int todayMonth);
    /// Summary with the fingerprint keyed by `secret` (HMAC-SHA256, OpenSSL).
    static CardSummary summarize(const CardInput& card, const QByteArray& secret);
};

} // namespace souk::payments
