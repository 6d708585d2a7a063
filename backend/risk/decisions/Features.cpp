#include "backend/risk/decisions/Features.h"

#include <QtEndian>
#include <QSet>

#include "backend/core/Currency.h"
#include "backend/core/Money.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::risk {
namespace {

constexpr qint64 HourMs = 60 * 60'000;
constexpr qint64 DayMs = 24 * HourMs;

const std::array<QString, FeatureCount>& names()
{
    static const std::array<QString, FeatureCount> n{
        u"amount"_s,
        u"card_payments_1h"_s,
        u"card_payments_24h"_s,
        u"card_declines_24h"_s,
        u"email_payments_1h"_s,
        u"ip_payments_1h"_s,
        u"ip_distinct_cards_1h"_s,
        u"device_payments_1h"_s,
        u"device_distinct_cards_24h"_s,
        u"amount_to_customer_mean"_s,
        u"amount_to_merchant_mean"_s,
        u"is_new_customer"_s,
        u"is_new_device"_s,
        u"card_ip_country_mismatch"_s,
        u"shipping_ip_country_mismatch"_s,
        u"card_shipping_country_mismatch"_s,
        u"shipping_billing_distance_km"_s,
        u"hour_of_day"_s,
        u"free_email_domain"_s,
    };
    return n;
}

/// 1 when both are known and differ, 0 when both are known and equal, missing otherwise.
double mismatch(const QString& a, const QString& b)
{
    if (a.isEmpty() || b.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    return a.compare(b, Qt::CaseInsensitive) == 0 ? 0.0 : 1.0;
}

QString emailDomain(const QString& email)
{
    const qsizetype at = email.lastIndexOf(u'@');
    return at < 0 ? QString() : email.mid(at + 1).toLower();
}

/// Runs a cached statement; false (with the error) when it fails.
Status run(store::Statement& q, const QString& what)
{
    return store::exec(q, what);
}

/// The approved count and sum of a profile (0, 0 when there is none).
struct Profile
{
    qint64 payments = 0;
    qint64 approved = 0;
    qint64 approvedSumMinor = 0;
};

Result<Profile> profile(QSqlDatabase& db, int kind, const QString& key, const QString& currency)
{
    static const QString sql = u"SELECT payments, approved, approved_sum_minor FROM risk_profiles "
                               "WHERE kind = ? AND key = ? AND currency = ?"_s;
    store::Statement& q = store::Connection::statement(db, sql);
    q.bindValue(0, kind);
    q.bindValue(1, key);
    q.bindValue(2, currency);
    if (auto s = run(q, u"reading a risk profile"_s); !s)
        return s.error();
    Profile p;
    if (q.next()) {
        p.payments = q.value(0).toLongLong();
        p.approved = q.value(1).toLongLong();
        p.approvedSumMinor = q.value(2).toLongLong();
    }
    q.finish();
    return p;
}

} // namespace

QString featureName(Feature feature)
{
    return names()[std::size_t(feature)];
}

int featureIndex(QStringView name)
{
    const auto& n = names();
    for (std::size_t i = 0; i < n.size(); ++i) {
        if (n[i] == name)
            return int(i);
    }
    return -1;
}

bool Features::isFreeEmailDomain(const QString& domain)
{
    static const QSet<QString> free{
        u"gmail.com"_s,   u"googlemail.com"_s, u"yahoo.com"_s,   u"hotmail.com"_s, u"outlook.com"_s,
        u"live.com"_s,    u"aol.com"_s,        u"icloud.com"_s,  u"mail.com"_s,    u"gmx.com"_s,
        u"gmx.de"_s,      u"web.de"_s,         u"yandex.ru"_s,   u"mail.ru"_s,     u"proton.me"_s,
        u"protonmail.com"_s, u"qq.com"_s,      u"163.com"_s,     u"126.com"_s,     u"sina.com"_s,
    };
    return free.contains(domain.toLower());
}

Result<FeatureVector> Features::compute(QSqlDatabase& db, const RiskInput& in)
{
    FeatureVector f;
    const qint64 at = in.atMs;
    const auto currency = Currency::find(in.currency);
    f[Feature::Amount] = double(in.amountMinor) / double(currency ? currency->minorPerMajor() : 100);
    f[Feature::HourOfDay] = double((at / HourMs) % 24); // UTC: the epoch starts at midnight

    if (!in.cardFingerprint.isEmpty()) {
        static const QString sql =
            u"SELECT count(*), coalesce(sum(CASE WHEN created_ms >= ? THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN "
            u"outcome IN ('declined', 'blocked') THEN 1 ELSE 0 END), 0) "
            "FROM risk_assessments WHERE card_fingerprint = ? AND created_ms >= ? AND created_ms < ?"_s;
        store::Statement& q = store::Connection::statement(db, sql);
        q.bindValue(0, at - HourMs);
        q.bindValue(1, in.cardFingerprint);
        q.bindValue(2, at - DayMs);
        q.bindValue(3, at);
        if (auto s = run(q, u"counting the card's payments"_s); !s)
            return s.error();
        if (q.next()) {
            f[Feature::CardPayments24h] = q.value(0).toDouble();
            f[Feature::CardPayments1h] = q.value(1).toDouble();
            f[Feature::CardDeclines24h] = q.value(2).toDouble();
        }
        q.finish();
    }
    const QString email = in.context.email.toLower();
    if (!email.isEmpty()) {
        static const QString sql = u"SELECT count(*) FROM risk_assessments "
                                   "WHERE email = ? AND email <> '' AND created_ms >= ? AND created_ms < ?"_s;
        store::Statement& q = store::Connection::statement(db, sql);
        q.bindValue(0, email);
        q.bindValue(1, at - HourMs);
        q.bindValue(2, at);
        if (auto s = run(q, u"counting the email's payments"_s); !s)
            return s.error();
        if (q.next())
            f[Feature::EmailPayments1h] = q.value(0).toDouble();
        q.finish();
        f[Feature::FreeEmailDomain] = isFreeEmailDomain(emailDomain(email)) ? 1.0 : 0.0;
    }
    if (!in.context.ip.isEmpty()) {
        static const QString sql = u"SELECT count(*), count(DISTINCT card_fingerprint) FROM risk_assessments "
                                   "WHERE ip = ? AND ip <> '' AND created_ms >= ? AND created_ms < ?"_s;
        store::Statement& q = store::Connection::statement(db, sql);
        q.bindValue(0, in.context.ip);
        q.bindValue(1, at - HourMs);
        q.bindValue(2, at);
        if (auto s = run(q, u"counting the IP address's payments"_s); !s)
            return s.error();
        if (q.next()) {
            f[Feature::IpPayments1h] = q.value(0).toDouble();
            f[Feature::IpDistinctCards1h] = q.value(1).toDouble();
        }
        q.finish();
    }
    if (!in.context.deviceId.isEmpty()) {
        static const QString sql = u"SELECT coalesce(sum(CASE WHEN created_ms >= ? THEN 1 ELSE 0 END), 0), "
                                   u"count(DISTINCT card_fingerprint) FROM risk_assessments "
                                   "WHERE device_id = ? AND device_id <> '' AND created_ms >= ? AND created_ms < ?"_s;
        store::Statement& q = store::Connection::statement(db, sql);
        q.bindValue(0, at - HourMs);
        q.bindValue(1, in.context.deviceId);
        q.bindValue(2, at - DayMs);
        q.bindValue(3, at);
        if (auto s = run(q, u"counting the device's payments"_s); !s)
            return s.error();
        if (q.next()) {
            f[Feature::DevicePayments1h] = q.value(0).toDouble();
            f[Feature::DeviceDistinctCards24h] = q.value(1).toDouble();
        }
        q.finish();
    }
    const double amount = double(in.amountMinor);
    if (!in.customerKey.isEmpty()) {
        auto customer = profile(db, 0, in.customerKey, in.currency);
        if (!customer)
            return customer.error();
        f[Feature::IsNewCustomer] = customer->approved == 0 ? 1.0 : 0.0;
        if (customer->approved > 0 && customer->approvedSumMinor > 0)
            f[Feature::AmountToCustomerMean] =
                amount / (double(customer->approvedSumMinor) / double(customer->approved));
        if (!in.context.deviceId.isEmpty()) {
            if (customer->payments == 0) {
                f[Feature::IsNewDevice] = 0.0;
            } else {
                static const QString sql =
                    u"SELECT 1 FROM risk_customer_devices WHERE customer_key = ? AND device_id = ?"_s;
                store::Statement& q = store::Connection::statement(db, sql);
                q.bindValue(0, in.customerKey);
                q.bindValue(1, in.context.deviceId);
                if (auto s = run(q, u"reading the customer's devices"_s); !s)
                    return s.error();
                f[Feature::IsNewDevice] = q.next() ? 0.0 : 1.0;
                q.finish();
            }
        }
    }
    auto merchant = profile(db, 1, QString::number(in.merchantId.value), in.currency);
    if (!merchant)
        return merchant.error();
    if (merchant->approved > 0 && merchant->approvedSumMinor > 0)
        f[Feature::AmountToMerchantMean] = amount / (double(merchant->approvedSumMinor) / double(merchant->approved));
    f[Feature::CardIpCountryMismatch] = mismatch(in.cardCountry, in.context.ipCountry);
    f[Feature::ShippingIpCountryMismatch] = mismatch(in.context.shippingCountry, in.context.ipCountry);
    f[Feature::CardShippingCountryMismatch] = mismatch(in.cardCountry, in.context.shippingCountry);
    if (in.context.shippingDistanceKm)
        f[Feature::ShippingBillingDistanceKm] = double(*in.context.shippingDistanceKm);
    return f;
}

void Features::toFacts(const RiskInput& in, const FeatureVector& f, int riskScore, Facts& facts)
{
    const auto currency = Currency::find(in.currency);
    if (const auto amount = Decimal::fromMinor(in.amountMinor, currency ? currency->exponent : 2))
        facts.setNumber(u"amount", *amount);
    else
        facts.clear(u"amount");
    facts.setText(u"currency", in.currency);
    const auto text = [&facts](QStringView name, const QString& value) {
        if (value.isEmpty())
            facts.clear(name);
        else
            facts.setText(name, value);
    };
    text(u"card_country", in.cardCountry);
    text(u"ip_country", in.context.ipCountry);
    text(u"shipping_country", in.context.shippingCountry);
    text(u"billing_country", in.context.billingCountry);
    text(u"email", in.context.email);
    text(u"email_domain", emailDomain(in.context.email));
    text(u"ip", in.context.ip);
    text(u"device_id", in.context.deviceId);
    text(u"card_fingerprint", in.cardFingerprint);
    text(u"card_brand", in.cardBrand);
    text(u"card_bin", in.cardBin);
    if (riskScore >= 0)
        facts.setNumber(u"risk_score", *Decimal::fromInteger(riskScore));
    else
        facts.clear(u"risk_score");
    // the features that are attributes too, by the same name
    for (int i = 0; i < FeatureCount; ++i) {
        const Feature feature = Feature(i);
        if (feature == Feature::Amount)
            continue;
        const QString& name = names()[std::size_t(i)];
        const double v = f[feature];
        if (FeatureVector::missing(v)) {
            facts.clear(name);
            continue;
        }
        if (feature == Feature::IsNewCustomer || feature == Feature::IsNewDevice)
            facts.setBoolean(name, v != 0.0);
        else
            // false (ignored) when the feature is not an attribute; exact to a millionth
            facts.setNumber(name, Decimal::fromMicros(qint64(std::llround(v * double(Decimal::Scale)))));
    }
}

QByteArray Features::toBytes(const FeatureVector& f)
{
    QByteArray out(FeatureCount * int(sizeof(float)), Qt::Uninitialized);
    for (int i = 0; i < FeatureCount; ++i)
        qToLittleEndian(float(f.values[std::size_t(i)]), out.data() + i * int(sizeof(float)));
    return out;
}

FeatureVector Features::fromBytes(const QByteArray& bytes)
{
    FeatureVector f;
    const int n = std::min(FeatureCount, int(bytes.size() / int(sizeof(float))));
    for (int i = 0; i < n; ++i)
        f.values[std::size_t(i)] = double(qFromLittleEndian<float>(bytes.constData() + i * int(sizeof(float))));
    return f;
}

QString Features::describe(Feature feature, double v)
{
    if (FeatureVector::missing(v))
        return featureName(feature) + u" unknown"_s;
    const QString n = QString::number(v, 'g', 4);
    const bool yes = v != 0.0;
    switch (feature) {
    case Feature::Amount:
        return u"amount %1"_s.arg(QString::number(v, 'f', 2));
    case Feature::CardPayments1h:
        return u"%1 payments with this card in the last hour"_s.arg(n);
    case Feature::CardPayments24h:
        return u"%1 payments with this card in 24 hours"_s.arg(n);
    case Feature::CardDeclines24h:
        return u"%1 declines of this card in 24 hours"_s.arg(n);
    case Feature::EmailPayments1h:
        return u"%1 payments with this email in the last hour"_s.arg(n);
    case Feature::IpPayments1h:
        return u"%1 payments from this IP in the last hour"_s.arg(n);
    case Feature::IpDistinctCards1h:
        return u"%1 cards used from this IP in the last hour"_s.arg(n);
    case Feature::DevicePayments1h:
        return u"%1 payments from this device in the last hour"_s.arg(n);
    case Feature::DeviceDistinctCards24h:
        return u"%1 cards used on this device in 24 hours"_s.arg(n);
    case Feature::AmountToCustomerMean:
        return u"amount %1x the customer's usual"_s.arg(QString::number(v, 'f', 1));
    case Feature::AmountToMerchantMean:
        return u"amount %1x the merchant's usual"_s.arg(QString::number(v, 'f', 1));
    case Feature::IsNewCustomer:
        return yes ? u"a new customer"_s : u"a returning customer"_s;
    case Feature::IsNewDevice:
        return yes ? u"a device new to this customer"_s : u"a device this customer used before"_s;
    case Feature::CardIpCountryMismatch:
        return yes ? u"card country differs from the IP's"_s : u"card and IP in the same country"_s;
    case Feature::ShippingIpCountryMismatch:
        return yes ? u"shipping country differs from the IP's"_s : u"shipping to the IP's country"_s;
    case Feature::CardShippingCountryMismatch:
        return yes ? u"shipping abroad from the card's country"_s : u"shipping to the card's country"_s;
    case Feature::ShippingBillingDistanceKm:
        return u"shipping %1 km from billing"_s.arg(QString::number(v, 'f', 0));
    case Feature::HourOfDay:
        return u"paid at %1:00 UTC"_s.arg(int(v), 2, 10, QLatin1Char('0'));
    case Feature::FreeEmailDomain:
        return yes ? u"a free email provider"_s : u"an own email domain"_s;
    }
    return featureName(feature) + u" "_s + n;
}

} // namespace souk::risk
