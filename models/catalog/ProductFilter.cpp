#include "models/catalog/ProductFilter.h"

namespace souk {

bool ProductFilter::isEmpty() const
{
    return !m_status && !m_category && !m_lowStockOnly && !m_ids;
}

bool ProductFilter::matches(const catalog::ProductSummary& product) const
{
    if (m_status && product.status != *m_status)
        return false;
    if (m_category && product.category.compare(*m_category, Qt::CaseInsensitive) != 0)
        return false;
    if (m_lowStockOnly && !product.lowStock)
        return false;
    // the id set is the most expensive rule, so it goes last
    return !m_ids || m_ids->contains(product.id);
}

} // namespace souk
