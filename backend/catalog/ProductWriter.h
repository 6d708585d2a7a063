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
    /// Writes an earlier state of a stored product back over it (`earlier.version` must be the
    /// stored version), as undo does: variants it lacks are removed, and variants it has that were
    /// removed since come back under their ids. The same checks as save().
    static Result<Product> restore(store::UnitOfWork& uow, const Product& earlier);

    /// The product with text fields trimmed and empty tags dropped: what save() stores.
    static Product normalized(Product product);
    /// Marks a product's search text (in product_text) for the trigram index, synced once at
    /// the end of the command.
    static void scheduleSearchSync(store::UnitOfWork& uow, Id productId, bool created);

    /// The merchant's product with this handle, or a null id (a cached statement: bulk paths).
    static Result<Id> productWithHandle(store::UnitOfWork& uow, Id merchantId, const QString& handle);
};

} // namespace souk::catalog
