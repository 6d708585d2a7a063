#pragma once

#include "backend/catalog/Product.h"

namespace souk::catalog {

/// What one save of a stored product did: the product with its variants as it was, and as the
/// save left it. Undo writes `before` back while the product is still at `after`'s version (the
/// single-product counterpart of BulkResult). Value type, any thread.
struct ProductEdit
{
    Product before;
    Product after;
};

} // namespace souk::catalog
