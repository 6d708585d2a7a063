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

    /// The same for callers that already know the merchant's currency and, for an import of a
    /// new product, that its handle is free: saves the repeated look-ups on bulk paths.
    static Result<Product> save(store::UnitOfWork& uow, const Product& product, const Currency& currency,
                                bool handleKnownFree);

    /// The merchant's product with this handle, or a null id (a cached statement: bulk paths).
    static Result<Id> productWithHandle(store::UnitOfWork& uow, Id merchantId, const QString& handle);
};

} // namespace souk::catalog
