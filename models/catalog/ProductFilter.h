#pragma once

#include <optional>

#include <QSet>
#include <QString>

#include "backend/catalog/ProductSummary.h"

namespace souk {

/// The catalog table's filter rules, apart from any widget (qBittorrent's TorrentFilter): a product
/// matches when it passes every rule that is set. Value type, any thread; unit-tested.
class ProductFilter final
{
public:
    /// nullopt: any status.
    void setStatus(std::optional<catalog::ProductStatus> status) { m_status = status; }
    std::optional<catalog::ProductStatus> status() const { return m_status; }

    /// nullopt: any category; an empty string: products without a category. Compared case-insensitively.
    void setCategory(std::optional<QString> category) { m_category = std::move(category); }
    const std::optional<QString>& category() const { return m_category; }

    void setLowStockOnly(bool on) { m_lowStockOnly = on; }
    bool lowStockOnly() const { return m_lowStockOnly; }

    /// The ids a search found; nullopt when there is no search (an empty set matches nothing).
    void setIds(std::optional<QSet<Id>> ids) { m_ids = std::move(ids); }
    const std::optional<QSet<Id>>& ids() const { return m_ids; }

    /// True when no rule is set: everything matches.
    bool isEmpty() const;
    bool matches(const catalog::ProductSummary& product) const;

    friend bool operator==(const ProductFilter& a, const ProductFilter& b)
    {
        return a.m_status == b.m_status && a.m_category == b.m_category && a.m_lowStockOnly == b.m_lowStockOnly &&
               a.m_ids == b.m_ids;
    }

private:
    std::optional<catalog::ProductStatus> m_status;
    std::optional<QString> m_category;
    bool m_lowStockOnly = false;
    std::optional<QSet<Id>> m_ids;
};

} // namespace souk
