#include "models/risk/ReviewText.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>
#include <optional>

#include "backend/core/Currency.h"
#include "models/common/Format.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

using risk::Feature;

/// The engine's feature names (backend/risk/decisions/Features.cpp), which reasons carry.
std::optional<Feature> featureNamed(const QString& name)
{
    static const QHash<QString, Feature> features{
        {u"amount"_s, Feature::Amount},
        {u"card_payments_1h"_s, Feature::CardPayments1h},
        {u"card_payments_24h"_s, Feature::CardPayments24h},
        {u"card_declines_24h"_s, Feature::CardDeclines24h},
        {u"email_payments_1h"_s, Feature::EmailPayments1h},
        {u"ip_payments_1h"_s, Feature::IpPayments1h},
        {u"ip_distinct_cards_1h"_s, Feature::IpDistinctCards1h},
        {u"device_payments_1h"_s, Feature::DevicePayments1h},
        {u"device_distinct_cards_24h"_s, Feature::DeviceDistinctCards24h},
        {u"amount_to_customer_mean"_s, Feature::AmountToCustomerMean},
        {u"amount_to_merchant_mean"_s, Feature::AmountToMerchantMean},
        {u"is_new_customer"_s, Feature::IsNewCustomer},
        {u"is_new_device"_s, Feature::IsNewDevice},
        {u"card_ip_country_mismatch"_s, Feature::CardIpCountryMismatch},
        {u"shipping_ip_country_mismatch"_s, Feature::ShippingIpCountryMismatch},
        {u"card_shipping_country_mismatch"_s, Feature::CardShippingCountryMismatch},
        {u"shipping_billing_distance_km"_s, Feature::ShippingBillingDistanceKm},
        {u"hour_of_day"_s, Feature::HourOfDay},
        {u"free_email_domain"_s, Feature::FreeEmailDomain},
    };
    const auto it = features.constFind(name);
    return it == features.constEnd() ? std::nullopt : std::optional<Feature>(*it);
}

/// The countries a mismatch names, when the payment is at hand; empty when not known.
struct Countries
{
    QString card;
    QString ip;
    QString shipping;
};

/// A velocity count of none: "0 payments" reads as a machine's, "no other payment" as a person's.
QString nonePhrase(Feature feature)
{
    switch (feature) {
    case Feature::CardPayments1h:
        return ReviewText::tr("No other payment with this card in the last hour", "risk reason");
    case Feature::CardPayments24h:
        return ReviewText::tr("No other payment with this card in the last 24 hours", "risk reason");
    case Feature::CardDeclines24h:
        return ReviewText::tr("No declined payment with this card in the last 24 hours", "risk reason");
    case Feature::EmailPayments1h:
        return ReviewText::tr("No other payment with this email address in the last hour", "risk reason");
    case Feature::IpPayments1h:
        return ReviewText::tr("No other payment from this IP address in the last hour", "risk reason");
    case Feature::IpDistinctCards1h:
        return ReviewText::tr("No card used from this IP address in the last hour", "risk reason");
    case Feature::DevicePayments1h:
        return ReviewText::tr("No other payment from this device in the last hour", "risk reason");
    case Feature::DeviceDistinctCards24h:
        return ReviewText::tr("No card used on this device in the last 24 hours", "risk reason");
    default:
        return {};
    }
}

/// The velocity counts: how many payments, declines or cards in a window before this payment.
QString countPhrase(Feature feature, int n)
{
    if (n == 0)
        return nonePhrase(feature);
    switch (feature) {
    case Feature::CardPayments1h:
        return ReviewText::tr("%Ln payment(s) with this card in the last hour", "risk reason", n);
    case Feature::CardPayments24h:
        return ReviewText::tr("%Ln payment(s) with this card in the last 24 hours", "risk reason", n);
    case Feature::CardDeclines24h:
        return ReviewText::tr("%Ln declined payment(s) with this card in the last 24 hours", "risk reason", n);
    case Feature::EmailPayments1h:
        return ReviewText::tr("%Ln payment(s) with this email address in the last hour", "risk reason", n);
    case Feature::IpPayments1h:
        return ReviewText::tr("%Ln payment(s) from this IP address in the last hour", "risk reason", n);
    case Feature::IpDistinctCards1h:
        return ReviewText::tr("%Ln card(s) used from this IP address in the last hour", "risk reason", n);
    case Feature::DevicePayments1h:
        return ReviewText::tr("%Ln payment(s) from this device in the last hour", "risk reason", n);
    case Feature::DeviceDistinctCards24h:
        return ReviewText::tr("%Ln card(s) used on this device in the last 24 hours", "risk reason", n);
    default:
        return {};
    }
}

/// The yes/no features; a country mismatch names both countries when they are known.
QString flagPhrase(Feature feature, bool yes, const Countries& c)
{
    const auto both = [](const QString& a, const QString& b) { return !a.isEmpty() && !b.isEmpty(); };
    switch (feature) {
    case Feature::IsNewCustomer:
        return yes ? ReviewText::tr("New customer", "risk reason")
                   : ReviewText::tr("Returning customer", "risk reason");
    case Feature::IsNewDevice:
        return yes ? ReviewText::tr("Device new to this customer", "risk reason")
                   : ReviewText::tr("Device this customer used before", "risk reason");
    case Feature::CardIpCountryMismatch:
        if (!yes)
            return ReviewText::tr("Card and IP address from the same country", "risk reason");
        //: %1 the card's country code, %2 the IP address's ("US", "NG")
        return both(c.card, c.ip) ? ReviewText::tr("Card from %1, IP address in %2", "risk reason").arg(c.card, c.ip)
                                  : ReviewText::tr("Card and IP address from different countries", "risk reason");
    case Feature::ShippingIpCountryMismatch:
        if (!yes)
            return ReviewText::tr("Shipping to the IP address's country", "risk reason");
        //: %1 the shipping country's code, %2 the IP address's ("US", "NG")
        return both(c.shipping, c.ip)
                   ? ReviewText::tr("Shipping to %1, IP address in %2", "risk reason").arg(c.shipping, c.ip)
                   : ReviewText::tr("Shipping outside the IP address's country", "risk reason");
    case Feature::CardShippingCountryMismatch:
        if (!yes)
            return ReviewText::tr("Shipping to the card's country", "risk reason");
        //: %1 the shipping country's code, %2 the card's ("US", "NG")
        return both(c.shipping, c.card)
                   ? ReviewText::tr("Shipping to %1, card from %2", "risk reason").arg(c.shipping, c.card)
                   : ReviewText::tr("Shipping outside the card's country", "risk reason");
    case Feature::FreeEmailDomain:
        return yes ? ReviewText::tr("Email at a free provider", "risk reason")
                   : ReviewText::tr("Email at its own domain", "risk reason");
    default:
        return {};
    }
}

/// "1.5" under 10, "12" from there: a ratio's first digits are what a reviewer compares.
QString ratio(double v)
{
    return QLocale().toString(v, 'f', std::abs(v) < 10 ? 1 : 0);
}

/// The amount in its currency when that is known; the engine's value is in major units.
QString amountText(double v, const QString& currency)
{
    const auto found = Currency::find(currency);
    if (!found)
        return QLocale().toString(v, 'f', 2);
    return formatMoney(qint64(std::llround(v * double(found->minorPerMajor()))), *found);
}

/// A feature the engine could not work out for this payment: what it lacked.
QString missingPhrase(Feature feature)
{
    switch (feature) {
    case Feature::Amount:
        return ReviewText::tr("Amount not known", "risk reason");
    case Feature::CardPayments1h:
    case Feature::CardPayments24h:
    case Feature::CardDeclines24h:
        return ReviewText::tr("No card history", "risk reason");
    case Feature::EmailPayments1h:
    case Feature::FreeEmailDomain:
        return ReviewText::tr("No email address", "risk reason");
    case Feature::IpPayments1h:
    case Feature::IpDistinctCards1h:
        return ReviewText::tr("No IP address", "risk reason");
    case Feature::DevicePayments1h:
    case Feature::DeviceDistinctCards24h:
        return ReviewText::tr("No device identifier", "risk reason");
    case Feature::AmountToCustomerMean:
        return ReviewText::tr("No earlier approved payment of this customer to compare with", "risk reason");
    case Feature::AmountToMerchantMean:
        return ReviewText::tr("No earlier approved payment to this merchant to compare with", "risk reason");
    case Feature::IsNewCustomer:
        return ReviewText::tr("Customer not identified", "risk reason");
    case Feature::IsNewDevice:
        return ReviewText::tr("Device or customer not identified", "risk reason");
    case Feature::CardIpCountryMismatch:
        return ReviewText::tr("Card or IP address country not known", "risk reason");
    case Feature::ShippingIpCountryMismatch:
        return ReviewText::tr("Shipping or IP address country not known", "risk reason");
    case Feature::CardShippingCountryMismatch:
        return ReviewText::tr("Card or shipping country not known", "risk reason");
    case Feature::ShippingBillingDistanceKm:
        return ReviewText::tr("Distance from shipping to billing address not known", "risk reason");
    case Feature::HourOfDay:
        return ReviewText::tr("Time of payment not known", "risk reason");
    }
    return {};
}

QString phrase(Feature feature, double v, const QString& currency, const Countries& countries)
{
    if (std::isnan(v))
        return missingPhrase(feature);
    switch (feature) {
    case Feature::Amount:
        //: %1 the payment's amount with its currency
        return ReviewText::tr("Amount %1", "risk reason").arg(amountText(v, currency));
    case Feature::AmountToCustomerMean:
        //: %1 how many times larger, "4.0"
        return ReviewText::tr("Amount %1× the customer's usual", "risk reason").arg(ratio(v));
    case Feature::AmountToMerchantMean:
        //: %1 how many times larger, "4.0"
        return ReviewText::tr("Amount %1× the merchant's usual", "risk reason").arg(ratio(v));
    case Feature::ShippingBillingDistanceKm:
        //: %1 kilometres, "1,250"
        return ReviewText::tr("Shipping address %1 km from billing", "risk reason")
            .arg(QLocale().toString(qint64(std::llround(v))));
    case Feature::HourOfDay: {
        const int hour = int(v) % 24;
        //: the hour of day (UTC) the payment was made in: %1 "03:00", %2 "03:59"
        return ReviewText::tr("Paid %1–%2 UTC", "risk reason")
            .arg(u"%1:00"_s.arg(hour, 2, 10, QChar(u'0')), u"%1:59"_s.arg(hour, 2, 10, QChar(u'0')));
    }
    default:
        break;
    }
    const QString count = countPhrase(feature, int(std::llround(v)));
    return count.isEmpty() ? flagPhrase(feature, v != 0.0, countries) : count;
}

} // namespace

QString ReviewText::verdict(risk::ReviewVerdict verdict)
{
    switch (verdict) {
    case risk::ReviewVerdict::Approve:
        return tr("Approve", "review verdict");
    case risk::ReviewVerdict::Decline:
        return tr("Decline", "review verdict");
    case risk::ReviewVerdict::Fraud:
        return tr("Fraud", "review verdict");
    }
    return {};
}

QString ReviewText::reason(const QString& code)
{
    if (code == u"customer_verified"_s)
        return tr("Customer verified", "review reason");
    if (code == u"known_customer"_s)
        return tr("Known customer", "review reason");
    if (code == u"consistent_history"_s)
        return tr("Consistent history", "review reason");
    if (code == u"customer_unreachable"_s)
        return tr("Customer unreachable", "review reason");
    if (code == u"cannot_verify"_s)
        return tr("Cannot verify", "review reason");
    if (code == u"policy"_s)
        return tr("Against policy", "review reason");
    if (code == u"stolen_card"_s)
        return tr("Stolen card", "review reason");
    if (code == u"card_testing"_s)
        return tr("Card testing", "review reason");
    if (code == u"account_takeover"_s)
        return tr("Account takeover", "review reason");
    if (code == u"other"_s)
        return tr("Other", "review reason");
    return code;
}

QString ReviewText::duration(qint64 ms)
{
    const qint64 s = std::max<qint64>(ms, 0) / 1000;
    if (s >= 3600)
        //: hours and minutes, "3 h 05 min"
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QChar(u'0'));
    if (s >= 60)
        return tr("%1 min").arg(s / 60);
    return tr("%1 s").arg(s);
}

QString ReviewText::contribution(double value)
{
    if (std::isnan(value) || value == 0)
        return {};
    const QString magnitude = QLocale().toString(std::abs(value), 'f', 2);
    if (std::abs(value) < 0.005)
        return magnitude; // "0.00": a sign on a rounded zero would claim a direction
    return (value > 0 ? u"+"_s : u"\u2212"_s) + magnitude;
}

QString ReviewText::riskReason(const QString& feature, double value, const QString& engineText, const QString& currency)
{
    const auto known = featureNamed(feature);
    if (!known)
        return engineText.isEmpty() ? feature : engineText;
    return phrase(*known, value, currency, {});
}

QString ReviewText::riskReason(const risk::RiskReason& reason, const risk::Review& review)
{
    const auto known = featureNamed(reason.feature);
    if (!known)
        return reason.text.isEmpty() ? reason.feature : reason.text;
    return phrase(*known, reason.value, review.currency,
                  {review.cardCountry, review.ipCountry, review.shippingCountry});
}

bool ReviewText::knowsFeature(const QString& feature)
{
    return featureNamed(feature).has_value();
}

QString ReviewText::assessmentSummary(const QString& summary)
{
    // risk::Assessment::summary(): what decided, then " (risk score S)", then "; rule set vN"
    static const QRegularExpression shape(uR"(^(?:allowed|blocked|held for review)(?: by rule (\d+): (.*?))?)"
                                          uR"((?: \(risk score (\d+)\))?(?:; rule set v(\d+))?$)"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = shape.match(summary);
    if (!m.hasMatch())
        return summary;
    QStringList parts;
    if (m.hasCaptured(1))
        //: %1 the deciding rule's line, %2 its text
        parts.append(tr("Rule %1: %2", "risk assessment").arg(m.captured(1), m.captured(2)));
    if (m.hasCaptured(3))
        //: %1 the model's risk score, 0-100
        parts.append(tr("risk score %1", "risk assessment").arg(m.captured(3)));
    if (m.hasCaptured(4))
        //: %1 the rule set's version number
        parts.append(tr("rule set v%1", "risk assessment").arg(m.captured(4)));
    if (parts.isEmpty())
        return tr("No rule matched", "risk assessment");
    //: between the parts of a risk assessment's summary: rule, score, rule set
    return parts.join(tr("; ", "risk assessment"));
}

} // namespace souk
