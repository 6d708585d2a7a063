#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include "backend/catalog/ProductSummary.h"
#include "backend/core/Currency.h"
#include "backend/core/Error.h"
#include "backend/core/Change.h"

namespace souk {

class Client;

/// Every product of one merchant as catalog table rows. load() fetches all pages through the Client
/// (the first page is shown at once, the rest appended as they arrive); after that the change feed
/// is applied row by row (insert / dataChanged / remove), never by a reset. Owned by its page; GUI thread.
class ProductListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductListModel)
public:
    enum Column
    {
        Title,
        Sku,
        Category,
        Status,
        Variants,
        Price,
        Available,
        Updated,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, ///< unformatted values for sorting: QString, qint64, int(status)
        IdRole,                 ///< the product id as qint64
        LowStockRole,           ///< bool
    };

    ProductListModel(Client& client, Id merchantId, QObject* parent = nullptr);

    /// Rows per page request; capped at ProductPageQuery::PageRowsMax.
    void setPageRows(int rows);
    /// Clears the rows and loads every product again (the only reset this model does).
    void load();
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The row's summary; nullptr when `row` is out of range.
    const catalog::ProductSummary* summaryAt(int row) const;
    /// The row of a product, or -1.
    int rowOf(Id productId) const;
    /// Ids of the given source rows (skipping bad rows).
    QList<Id> idsOfRows(const QList<int>& rows) const;
    /// Total variants of the given source rows (for "Change 1,234 variants in 120 products?").
    qint64 variantCountOfRows(const QList<int>& rows) const;

signals:
    void loadingChanged(bool loading);
    /// The first page is on screen, `ms` after load() started.
    void firstRowsShown(qint64 ms);
    /// A page or a refresh failed; the rows already shown stay.
    void loadFailed(const souk::Error& error);

private:
    void requestPage(Id afterId, int rows);
    void onPage(const catalog::ProductPage& page);
    void applyChanges(const souk::ChangeList& changes);
    void refresh(const QList<Id>& ids, qint64 seq);
    void onSummaries(const QList<Id>& requested, const QList<catalog::ProductSummary>& summaries, qint64 seq);
    void appendRows(const QList<catalog::ProductSummary>& rows);
    void removeProduct(Id id);
    void setLoading(bool loading);
    QVariant displayData(const catalog::ProductSummary& row, int column) const;
    QVariant rawData(const catalog::ProductSummary& row, int column) const;
    const Currency& currencyOf(const QString& code) const;

    Client& m_client;
    const Id m_merchantId;
    int m_pageRows = 1000;
    bool m_loading = false;
    int m_generation = 0; ///< bumps on load(): answers to an older load are dropped
    QElapsedTimer m_loadTimer;
    bool m_firstShown = false;
    std::vector<catalog::ProductSummary> m_rows;
    QHash<Id, int> m_rowOf;
    QHash<Id, qint64> m_seqOf; ///< feed seq of the refresh shown per row; older answers are dropped
    QSet<Id> m_deletedWhileLoading; ///< a page read before a delete must not bring the row back
    mutable QHash<QString, Currency> m_currencies;
};

} // namespace souk
