#pragma once

#include <functional>

#include "backend/catalog/CatalogImport.h"
#include "backend/store/UnitOfWork.h"

namespace souk::catalog {

/// Writes a validated import plan in the caller's transaction: products matched by handle are
/// updated (variants matched by SKU, others kept), the rest created; given inventory quantities
/// become journalled movements at the merchant's first location. All or nothing: any error or
/// a cancel returns an Error, and the engine rolls the whole command back. Writer thread only.
class CatalogImporter final
{
public:
    using Progress = std::function<bool(qint64 done, qint64 total)>; ///< false = cancel
    static Result<ImportSummary> run(store::UnitOfWork& uow, Id merchantId, const ImportPlan& plan,
                                     const Progress& progress);
};

} // namespace souk::catalog
