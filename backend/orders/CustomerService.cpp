#include "backend/orders/CustomerService.h"

#include <QSqlQuery>

#include "backend/core/Currency.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::orders {
namespace {

/// A bound on a merchant's dispute fee: far above any real fee, far below an overflow when a fee
/// is added to a disputed amount.
constexpr qint64 DisputeFeeMaxMinor = 1'000'000'000'000LL;

Status validateAddress(const Address& a, int i)
{
    const QString f = u"addresses[%1]."_s.arg(i);
    if (a.line1.trimmed().isEmpty())
        return Error::invalid(f + u"line1"_s, u"the street address is empty"_s);
    if (a.city.trimmed().isEmpty())
        return Error::invalid(f + u"city"_s, u"the city is empty"_s);
    if (a.country.size() != 2)
        return Error::invalid(f + u"country"_s, u"a two-letter country code (ISO 3166)"_s);
    if (a.latE6 < -90'000'000 || a.latE6 > 90'000'000)
        return Error::invalid(f + u"latitude"_s, u"latitude must be within ±90°"_s);
    if (a.lngE6 < -180'000'000 || a.lngE6 > 180'000'000)
        return Error::invalid(f + u"longitude"_s, u"longitude must be within ±180°"_s);
    return {};
}

Status validateCustomer(const Customer& c)
{
    if (c.name.trimmed().isEmpty() || c.name.size() > 255)
        return Error::invalid(u"name"_s, u"the name must be 1-255 characters"_s);
    const QString email = c.email.trimmed();
    const qsizetype at = email.indexOf(u'@');
    if (at < 1 || at == email.size() - 1 || email.size() > 254 || email.contains(u' '))
        return Error::invalid(u"email"_s, u"not an email address"_s);
    if (c.phone.size() > 32)
        return Error::invalid(u"phone"_s, u"at most 32 characters"_s);
    if (c.addresses.size() > CustomerService::AddressesMax)
        return Error::invalid(u"addresses"_s, u"at most %1 addresses"_s.arg(CustomerService::AddressesMax));
    for (int i = 0; i < c.addresses.size(); ++i) {
        if (auto s = validateAddress(c.addresses[i], i); !s)
            return s;
    }
    return {};
}

} // namespace

Result<Customer> CustomerService::create(store::UnitOfWork& uow, const Customer& input)
{
    if (auto s = validateCustomer(input); !s)
        return s.error();
    Customer c = input;
    c.id = uow.newId();
    c.name = c.name.trimmed();
    c.email = c.email.trimmed().toLower();
    c.version = 1;
    auto taken = store::scalar(uow.db(), u"SELECT count(*) FROM customers WHERE email = ?"_s, {c.email});
    if (!taken)
        return taken.error();
    if (taken->toInt() > 0)
        return Error::duplicate(u"email"_s, u"a customer with this email exists"_s);
    if (auto s = store::exec(uow.db(), u"INSERT INTO customers (id, name, email, phone, version, created_ms) "
                                       "VALUES (?, ?, ?, ?, 1, ?)"_s,
                             {c.id.value, c.name, c.email, store::nonNull(c.phone), uow.nowMs()});
        !s)
        return s.error();
    for (Address& a : c.addresses) {
        a.id = uow.newId();
        if (auto s = store::exec(uow.db(), u"INSERT INTO customer_addresses (id, customer_id, label, line1, city, "
                                           "postcode, country, lat_e6, lng_e6) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                                 {a.id.value, c.id.value, store::nonNull(a.label), a.line1, a.city, store::nonNull(a.postcode), a.country.toUpper(),
                                  a.latE6, a.lngE6});
            !s)
            return s.error();
    }
    uow.recordChange(u"customer"_s, c.id, 1, ChangeOp::Created);
    return c;
}

Result<Customer> CustomerService::customer(QSqlDatabase& db, Id customerId)
{
    // the reader's cached statements: a customer is read with every order's detail
    store::Statement& q = store::Connection::statement(db, u"SELECT name, email, phone, version FROM customers WHERE id = ?"_s);
    q.bindValue(0, customerId.value);
    if (auto s = store::exec(q, u"reading a customer"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(u"customerId"_s, u"no such customer"_s);
    Customer c{customerId, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), {},
               q.value(3).toLongLong()};
    q.finish();
    store::Statement& a = store::Connection::statement(
        db, u"SELECT id, label, line1, city, postcode, country, lat_e6, lng_e6 FROM customer_addresses "
            "WHERE customer_id = ? ORDER BY id"_s);
    a.bindValue(0, customerId.value);
    if (auto s = store::exec(a, u"reading addresses"_s); !s)
        return s.error();
    while (a.next()) {
        c.addresses.append(Address{Id{a.value(0).toLongLong()}, a.value(1).toString(), a.value(2).toString(),
                                   a.value(3).toString(), a.value(4).toString(), a.value(5).toString(),
                                   a.value(6).toLongLong(), a.value(7).toLongLong()});
    }
    a.finish();
    return c;
}

Result<MerchantTerms> CustomerService::setTerms(store::UnitOfWork& uow, const MerchantTerms& t)
{
    if (t.taxRateBp < 0 || t.taxRateBp > 10000)
        return Error::invalid(u"taxRate"_s, u"the tax rate must be 0-100 %"_s);
    if (t.commissionBp < 0 || t.commissionBp > 10000)
        return Error::invalid(u"commission"_s, u"the commission must be 0-100 %"_s);
    if (t.commissionFixedMinor < 0)
        return Error::invalid(u"commissionFixed"_s, u"the fixed commission must not be negative"_s);
    if (t.deliveryFeeMinor < 0)
        return Error::invalid(u"deliveryFee"_s, u"the delivery fee must not be negative"_s);
    if (t.unpaidExpiryMinutes < 1 || t.unpaidExpiryMinutes > 7 * 24 * 60)
        return Error::invalid(u"unpaidExpiryMinutes"_s, u"between 1 minute and 7 days"_s);
    if (t.disputeFeeMinor) {
        // keys are unique ISO 4217 codes, so the map is bounded by the currency table
        for (auto it = t.disputeFeeMinor->cbegin(); it != t.disputeFeeMinor->cend(); ++it) {
            if (auto c = Currency::find(it.key(), u"disputeFee"_s); !c)
                return c.error();
            if (it.value() < 0 || it.value() > DisputeFeeMaxMinor)
                return Error::invalid(u"disputeFee"_s,
                                      u"the dispute fee in %1 must be 0-%2 (minor units)"_s.arg(it.key()).arg(
                                          DisputeFeeMaxMinor));
        }
    }
    auto s =
        store::exec(uow.db(),
                    u"INSERT INTO merchant_terms (merchant_id, tax_rate_bp, commission_bp, "
                    "commission_fixed_minor, delivery_fee_minor, unpaid_expiry_minutes, version) "
                    "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (merchant_id) DO UPDATE SET "
                    "tax_rate_bp = excluded.tax_rate_bp, commission_bp = excluded.commission_bp, "
                    "commission_fixed_minor = excluded.commission_fixed_minor, "
                    "delivery_fee_minor = excluded.delivery_fee_minor, "
                    "unpaid_expiry_minutes = excluded.unpaid_expiry_minutes, version = merchant_terms.version + 1"_s,
                    {t.merchantId.value, t.taxRateBp, t.commissionBp, t.commissionFixedMinor, t.deliveryFeeMinor,
                     t.unpaidExpiryMinutes});
    if (!s)
        return s.error();
    if (t.disputeFeeMinor) { // a map replaces the fees; none given keeps them (a caller that never read them)
        if (auto d = store::exec(uow.db(), u"DELETE FROM merchant_dispute_fees WHERE merchant_id = ?"_s,
                                 {t.merchantId.value});
            !d)
            return d.error();
        for (auto it = t.disputeFeeMinor->cbegin(); it != t.disputeFeeMinor->cend(); ++it) {
            if (auto i = store::exec(uow.db(), u"INSERT INTO merchant_dispute_fees (merchant_id, currency, fee_minor) "
                                               "VALUES (?, ?, ?)"_s,
                                     {t.merchantId.value, it.key(), it.value()});
                !i)
                return i.error();
        }
    }
    auto version = store::scalar(uow.db(), u"SELECT version FROM merchant_terms WHERE merchant_id = ?"_s,
                                 {t.merchantId.value});
    if (!version)
        return version.error();
    MerchantTerms out = t;
    out.version = version->toLongLong();
    // the fees as stored now, whether this call set them or kept them
    QSqlQuery fees(uow.db());
    fees.setForwardOnly(true);
    fees.prepare(u"SELECT currency, fee_minor FROM merchant_dispute_fees WHERE merchant_id = ? ORDER BY currency"_s);
    fees.bindValue(0, t.merchantId.value);
    if (auto f = store::exec(fees, u"reading dispute fees"_s); !f)
        return f.error();
    out.disputeFeeMinor = QMap<QString, qint64>();
    while (fees.next())
        out.disputeFeeMinor->insert(fees.value(0).toString(), fees.value(1).toLongLong());
    uow.recordChange(u"merchant_terms"_s, t.merchantId, out.version, ChangeOp::Updated);
    return out;
}

Status CustomerService::addDiscountCode(store::UnitOfWork& uow, const DiscountCode& d)
{
    const QString code = d.code.trimmed();
    if (code.isEmpty() || code.size() > 64)
        return Error::invalid(u"code"_s, u"the code must be 1-64 characters"_s);
    if (d.kind == DiscountKind::Percent && (d.value <= 0 || d.value > 10000))
        return Error::invalid(u"value"_s, u"a percentage must be more than 0 and at most 100 %"_s);
    if (d.kind == DiscountKind::Fixed && d.value <= 0)
        return Error::invalid(u"value"_s, u"the amount off must be positive"_s);
    return store::exec(uow.db(), u"INSERT INTO discount_codes (merchant_id, code, kind, value, active) "
                                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT (merchant_id, code) DO UPDATE SET "
                                 "kind = excluded.kind, value = excluded.value, active = excluded.active"_s,
                       {d.merchantId.value, code, int(d.kind), d.value, d.active ? 1 : 0});
}

} // namespace souk::orders
