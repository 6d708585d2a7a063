#pragma once

#include "backend/catalog/Product.h"
#include "backend/store/UnitOfWork.h"

namespace souk::catalog {

/// Creates and updates products with their variants, keeping the search index and the change
/// feed in step. Validates everything before the first write. Writer thread only.
class ProductWriter final
{
public:
    /// Creates (id null) or updates (id set; `version` must match the stored one) a product.
    static Result<Product> save(store::UnitOfWork& uow, const Product& product);
};

} // namespace souk::catalog
