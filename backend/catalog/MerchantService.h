#pragma once

#include <QList>
#include <QSqlDatabase>

#include "backend/catalog/Merchant.h"
#include "backend/store/UnitOfWork.h"

namespace souk::catalog {

/// Merchants and their stock locations. Stateless; writes run on the engine's writer thread.
class MerchantService final
{
public:
    static Result<Merchant> createMerchant(store::UnitOfWork& uow, const QString& name, const QString& currencyCode);
    static Result<Location> createLocation(store::UnitOfWork& uow, Id merchantId, const QString& name);
    static Result<QList<Merchant>> merchants(QSqlDatabase& db);
    static Result<Merchant> merchant(QSqlDatabase& db, Id merchantId);
    static Result<QList<Location>> locations(QSqlDatabase& db, Id merchantId);
};

} // namespace souk::catalog
