#pragma once

#include "backend/catalog/ProductEdit.h"
#include "backend/store/UnitOfWork.h"

namespace souk::catalog {

/// Saves an edit of a stored product and keeps what it replaced, and undoes such an edit. Both
/// write through ProductWriter, so an undo passes the same checks as a save. Writer thread only.
class ProductEditService final
{
public:
    /// Saves `product` (id set, `version` = the version read), answering the product before and after.
    static Result<ProductEdit> apply(store::UnitOfWork& uow, const Product& product);
    /// Writes `done.before` back, provided the product and its variants are still as `done.after`
    /// left them; answers the product as it was (`done.after`) and as restored.
    static Result<ProductEdit> undo(store::UnitOfWork& uow, const ProductEdit& done);
};

} // namespace souk::catalog
