#include "backend/risk/rules/Attributes.h"

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace souk::risk {

namespace {

using T = AttributeType;

// The one table. Append only: an attribute's index is its slot in Facts, and a renamed attribute
// breaks every stored rule that names it.
const std::vector<Attribute>& table()
{
    static const std::vector<Attribute> rows{
        {u"amount"_s, T::Number, u"major units"_s,
         u"the payment's amount in major units of its currency (12.50 for 1250 cents)"_s},
        {u"currency"_s, T::Text, {}, u"the payment's ISO 4217 currency code, e.g. 'EUR'"_s},
        {u"card_country"_s, T::Text, {}, u"the card issuer's country, ISO 3166-1 alpha-2, e.g. 'US'"_s},
        {u"ip_country"_s, T::Text, {}, u"the country of the buyer's IP address, ISO 3166-1 alpha-2"_s},
        {u"shipping_country"_s, T::Text, {}, u"the shipping address's country, ISO 3166-1 alpha-2"_s},
        {u"email"_s, T::Text, {}, u"the customer's email address"_s},
        {u"email_domain"_s, T::Text, {}, u"the part of the email address after '@'"_s},
        {u"ip"_s, T::Text, {}, u"the buyer's IP address as text"_s},
        {u"device_id"_s, T::Text, {}, u"the buyer's device identifier"_s},
        {u"card_fingerprint"_s, T::Text, {}, u"a fingerprint of the card number, the same for the same card"_s},
        {u"card_brand"_s, T::Text, {}, u"the card network: 'visa', 'mastercard', 'amex', ..."_s},
        {u"risk_score"_s, T::Number, u"0-100"_s, u"the scoring model's risk score; higher is riskier"_s},
        {u"is_new_customer"_s, T::Boolean, {}, u"true when the customer has no earlier successful payment"_s},
        {u"card_payments_1h"_s, T::Number, u"count"_s, u"payments with this card in the last hour"_s},
        {u"card_payments_24h"_s, T::Number, u"count"_s, u"payments with this card in the last 24 hours"_s},
        {u"email_payments_1h"_s, T::Number, u"count"_s, u"payments with this email in the last hour"_s},
        {u"ip_payments_1h"_s, T::Number, u"count"_s, u"payments from this IP address in the last hour"_s},
        {u"device_payments_1h"_s, T::Number, u"count"_s, u"payments from this device in the last hour"_s},
        {u"ip_distinct_cards_1h"_s, T::Number, u"count"_s, u"distinct cards used from this IP in the last hour"_s},
        {u"device_distinct_cards_24h"_s, T::Number, u"count"_s,
         u"distinct cards used from this device in the last 24 hours"_s},
        {u"card_declines_24h"_s, T::Number, u"count"_s, u"declined payments with this card in the last 24 hours"_s},
        {u"amount_to_customer_mean"_s, T::Number, u"ratio"_s,
         u"this amount divided by the customer's mean payment amount (1 = typical)"_s},
        {u"shipping_billing_distance_km"_s, T::Number, u"km"_s,
         u"distance between the shipping and billing addresses"_s},
        {u"hour_of_day"_s, T::Number, u"0-23"_s, u"the hour of the payment, UTC"_s},
        {u"card_bin"_s, T::Text, {}, u"the card number's first six digits: the issuing bank, not the card"_s},
        {u"billing_country"_s, T::Text, {}, u"the billing address's country, ISO 3166-1 alpha-2"_s},
        {u"amount_to_merchant_mean"_s, T::Number, u"ratio"_s,
         u"this amount divided by the merchant's mean approved payment in this currency (1 = typical)"_s},
        {u"is_new_device"_s, T::Boolean, {},
         u"true when a customer with earlier payments pays from a device never seen with them"_s},
    };
    return rows;
}

int editDistance(QStringView a, QStringView b)
{
    std::vector<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            const int cost = a[i - 1].toCaseFolded() == b[j - 1].toCaseFolded() ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

QString attributeTypeName(AttributeType type)
{
    switch (type) {
    case AttributeType::Number:
        return u"number"_s;
    case AttributeType::Text:
        return u"text"_s;
    case AttributeType::Boolean:
        return u"boolean"_s;
    }
    return u"text"_s;
}

std::span<const Attribute> attributes()
{
    return table();
}

int attributeIndex(QStringView name)
{
    const auto& rows = table();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].name == name)
            return int(i);
    }
    return -1;
}

QString closestName(QStringView name, std::span<const QString> candidates)
{
    // close enough to be a typo: a third of the name, at least 2 edits
    const int limit = std::max<int>(2, int(name.size() / 3));
    QString best;
    int bestDistance = limit + 1;
    for (const QString& candidate : candidates) {
        const int distance = editDistance(name, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

} // namespace souk::risk
