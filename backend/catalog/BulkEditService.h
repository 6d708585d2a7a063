#pragma once

#include "backend/catalog/BulkEdit.h"
#include "backend/store/UnitOfWork.h"

namespace souk::catalog {

/// Applies one change to many products in one transaction, and undoes it. Writer thread only.
class BulkEditService final
{
public:
    static Result<BulkResult> apply(store::UnitOfWork& uow, const BulkEdit& edit);
    /// Restores `done.before`, provided every touched entity is still at its `done.after` version.
    static Result<BulkResult> undo(store::UnitOfWork& uow, const BulkResult& done);
};

} // namespace souk::catalog
