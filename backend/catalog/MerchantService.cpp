#include "backend/catalog/MerchantService.h"

#include <QSqlQuery>

#include "backend/catalog/Product.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

Status checkName(const QString& name, const QString& field)
{
    if (name.trimmed().isEmpty())
        return Error::invalid(field, u"a name is required"_s);
    if (name.size() > Limits::ShortTextMax)
        return Error::invalid(field, u"at most %1 characters"_s.arg(Limits::ShortTextMax));
    return {};
}

} // namespace

Result<Merchant> MerchantService::createMerchant(store::UnitOfWork& uow, const QString& name,
                                                 const QString& currencyCode)
{
    if (auto s = checkName(name, u"name"_s); !s)
        return s.error();
    auto currency = Currency::find(currencyCode);
    if (!currency)
        return currency.error();
    Merchant m{uow.newId(), name.trimmed(), *currency, 1};
    if (auto s = store::exec(uow.db(),
                             u"INSERT INTO merchants (id, name, currency, version, created_ms, updated_ms) "
                             "VALUES (?, ?, ?, 1, ?, ?)"_s,
                             {m.id.value, m.name, m.currency.code, uow.nowMs(), uow.nowMs()});
        !s)
        return s.error();
    uow.recordChange(u"merchant"_s, m.id, 1, ChangeOp::Created);
    return m;
}

Result<Location> MerchantService::createLocation(store::UnitOfWork& uow, Id merchantId, const QString& name)
{
    if (auto s = checkName(name, u"name"_s); !s)
        return s.error();
    auto exists = store::scalar(uow.db(), u"SELECT count(*) FROM merchants WHERE id = ?"_s, {merchantId.value});
    if (!exists)
        return exists.error();
    if (exists->toInt() == 0)
        return Error::notFound(u"merchantId"_s);
    auto taken = store::scalar(uow.db(), u"SELECT count(*) FROM locations WHERE merchant_id = ? AND name = ?"_s,
                               {merchantId.value, name.trimmed()});
    if (!taken)
        return taken.error();
    if (taken->toInt() > 0)
        return Error::duplicate(u"name"_s, u"a location with this name already exists"_s);
    Location l{uow.newId(), merchantId, name.trimmed(), 1};
    if (auto s = store::exec(uow.db(), u"INSERT INTO locations (id, merchant_id, name, version) VALUES (?, ?, ?, 1)"_s,
                             {l.id.value, merchantId.value, l.name});
        !s)
        return s.error();
    uow.recordChange(u"location"_s, l.id, 1, ChangeOp::Created);
    return l;
}

Result<QList<Merchant>> MerchantService::merchants(QSqlDatabase& db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, name, currency, version FROM merchants ORDER BY id"_s))
        return store::sqlError(q.lastError(), u"listing merchants"_s);
    QList<Merchant> out;
    while (q.next()) {
        auto currency = Currency::find(q.value(2).toString());
        if (!currency)
            // bad data, not a damaged page: reported, and no reason to stop every write
            return Error::internal(u"merchant %1 has an unknown currency"_s.arg(q.value(0).toLongLong()));
        out.append(Merchant{Id{q.value(0).toLongLong()}, q.value(1).toString(), *currency, q.value(3).toLongLong()});
    }
    return out;
}

Result<Merchant> MerchantService::merchant(QSqlDatabase& db, Id merchantId)
{
    auto all = merchants(db);
    if (!all)
        return all.error();
    for (const auto& m : *all) {
        if (m.id == merchantId)
            return m;
    }
    return Error::notFound(u"merchantId"_s, u"no merchant "_s + merchantId.toString());
}

Result<QList<Location>> MerchantService::locations(QSqlDatabase& db, Id merchantId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, name, version FROM locations WHERE merchant_id = ? ORDER BY id"_s);
    q.bindValue(0, merchantId.value);
    if (!q.exec())
        return store::sqlError(q.lastError(), u"listing locations"_s);
    QList<Location> out;
    while (q.next())
        out.append(Location{Id{q.value(0).toLongLong()}, merchantId, q.value(1).toString(), q.value(2).toLongLong()});
    return out;
}

} // namespace souk::catalog
