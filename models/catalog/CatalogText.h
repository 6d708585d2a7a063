#pragma once

#include <QString>

#include "backend/catalog/Product.h"

namespace souk {

/// Translated names of catalog enums, shared by the table, the filters and the editor. Any thread.
class CatalogText final
{
public:
    CatalogText() = delete;
    /// "Draft", "Active", "Archived".
    static QString status(catalog::ProductStatus status);
    /// Every status in display order (for combo boxes).
    static QList<catalog::ProductStatus> statuses();
};

} // namespace souk
