#include "models/catalog/ProductFilterProxy.h"

#include <QCollator>
#include <QLocale>
#include <QSet>

#include "models/catalog/ProductListModel.h"

namespace souk {

ProductFilterProxy::ProductFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ProductListModel::RawRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
}

void ProductFilterProxy::setSourceModel(QAbstractItemModel* model)
{
    m_products = qobject_cast<ProductListModel*>(model);
    if (model && !m_products) {
        qWarning("ProductFilterProxy: the source must be a ProductListModel");
        model = nullptr;
    }
    QSortFilterProxyModel::setSourceModel(model);
}

void ProductFilterProxy::setFilter(const ProductFilter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

QList<int> ProductFilterProxy::sourceRows(const QModelIndexList& proxyIndexes) const
{
    QList<int> rows;
    QSet<int> seen;
    for (const QModelIndex& index : proxyIndexes) {
        const int row = mapToSource(index).row();
        if (row >= 0 && !seen.contains(row)) {
            seen.insert(row);
            rows.append(row);
        }
    }
    return rows;
}

bool ProductFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid() || !m_products)
        return false;
    const auto* product = m_products->summaryAt(sourceRow);
    return product && m_filter.matches(*product);
}

bool ProductFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(ProductListModel::RawRole);
    const QVariant b = right.data(ProductListModel::RawRole);
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString) {
        // one collator per thread: building one per comparison would dominate a 100,000-row sort
        thread_local QCollator collator = [] {
            // the C locale collates by code point and ignores numeric mode: "Item 10" before "Item 2"
            QLocale locale;
            if (locale.language() == QLocale::C)
                locale = QLocale(QLocale::English, QLocale::UnitedStates);
            QCollator c(locale);
            c.setCaseSensitivity(Qt::CaseInsensitive);
            c.setNumericMode(true);
            return c;
        }();
        const int order = collator.compare(a.toString(), b.toString());
        if (order != 0)
            return order < 0;
    } else if (const auto order = QVariant::compare(a, b); order != QPartialOrdering::Equivalent) {
        return order == QPartialOrdering::Less;
    }
    // ties break on the id so that the order is stable across re-sorts
    return left.data(ProductListModel::IdRole).toLongLong() < right.data(ProductListModel::IdRole).toLongLong();
}

} // namespace souk
