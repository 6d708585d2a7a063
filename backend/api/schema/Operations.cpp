// The table of operations put together from its parts (OperationsCatalog.cpp,
// OperationsCommerce.cpp, OperationsPeople.cpp, OperationsRisk.cpp).
#include "backend/api/schema/Operations.h"

#include "backend/api/schema/OperationsSupport.h"

namespace souk::api {

const QList<ApiOperation>& apiOperations()
{
    static const QList<ApiOperation> all =
        operations::merchants() + operations::products() + operations::stockAndImports() + operations::orders() +
        operations::payments() + operations::ledger() + operations::riskRules() + operations::riskModels() + operations::riskLists() +
        operations::reviews() + operations::people() + operations::keysAndAudit();
    return all;
}

const ApiOperation* apiOperation(const QString& id)
{
    for (const ApiOperation& o : apiOperations())
        if (o.id == id)
            return &o;
    return nullptr;
}

} // namespace souk::api
