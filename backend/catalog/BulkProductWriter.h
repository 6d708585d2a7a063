#pragma once

#include <QHash>

#include "backend/catalog/CatalogImport.h"
#include "backend/store/RowBatch.h"
#include "backend/store/UnitOfWork.h"

namespace souk::catalog {

/// Creates many new products in one command: the same validation and rows as ProductWriter,
/// written through row batches (a few statements per thousand products instead of dozens per
/// product). Knows which handles and SKUs the store already has from one query each.
/// Writer thread only; lives for one command.
class BulkProductWriter final
{
    Q_DISABLE_COPY_MOVE(BulkProductWriter)
public:
    static constexpr int FlushProducts = 1000;

    BulkProductWriter(store::UnitOfWork& uow, Id merchantId, Currency currency, Id locationId);

    /// Looks up which of the items' handles and SKUs exist already.
    Status prepare(const QList<ImportProduct>& items);
    /// The stored product with this handle, or a null id.
    Id productWithHandle(const QString& handle) const { return m_handles.value(handle); }
    /// Queues a new product with its starting stock; errors name the field like ProductWriter's.
    Status add(const ImportProduct& item);
    /// Writes everything queued, parents before children.
    Status flush();
    qsizetype pendingProducts() const { return m_products.pending(); }

private:
    Status checkSkusFree(const Product& p) const;
    void queueVariants(const Product& p, const ImportProduct& item);

    store::UnitOfWork& m_uow;
    const Id m_merchantId;
    const Currency m_currency;
    const Id m_locationId;
    QHash<QString, Id> m_handles;
    QHash<QString, Id> m_skuOwners;
    store::RowBatch m_products;
    store::RowBatch m_texts;
    store::RowBatch m_variants;
    store::RowBatch m_movements;
    store::RowBatch m_levels;
};

} // namespace souk::catalog
