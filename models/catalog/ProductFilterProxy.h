#pragma once

#include <QSortFilterProxyModel>

#include "models/catalog/ProductFilter.h"

namespace souk {

class ProductListModel;

/// Filters a ProductListModel with a ProductFilter and sorts on its RawRole (never on display
/// text). Holds no rules of its own. Owned by its page; GUI thread.
class ProductFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductFilterProxy)
public:
    explicit ProductFilterProxy(QObject* parent = nullptr);

    /// Must be a ProductListModel (other models are refused with a warning).
    void setSourceModel(QAbstractItemModel* model) override;
    void setFilter(const ProductFilter& filter);
    const ProductFilter& filter() const { return m_filter; }
    /// Source rows of the given proxy rows.
    QList<int> sourceRows(const QModelIndexList& proxyIndexes) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    ProductFilter m_filter;
    ProductListModel* m_products = nullptr;
};

} // namespace souk
