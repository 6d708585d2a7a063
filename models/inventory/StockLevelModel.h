#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QMetaType>
#include <QSet>

#include "backend/catalog/Inventory.h"
#include "backend/client/Client.h"

namespace souk {

/// Stock of one product: one row per variant × location, from Client::stockLevels(). Follows the
/// change feed row by row (dataChanged for a changed level, inserts/removes for new or gone
/// variants); resets only when the product changes. Owned by its view; GUI thread.
class StockLevelModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StockLevelModel)
public:
    enum Column
    {
        Sku,
        Location,
        OnHand,
        Reserved,
        Available,
        LowStockThreshold,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, ///< qint64 quantities, QString texts: for sorting and filtering
        LevelRole,              ///< the whole catalog::StockLevel
        LowStockRole,           ///< bool: available at or under a positive threshold
    };

    explicit StockLevelModel(Client& client, QObject* parent = nullptr);

    /// Shows the stock of `productId` (a null id clears the model). Loads asynchronously.
    void setProduct(Id productId);
    Id productId() const { return m_productId; }
    /// The level shown in `row`; a default StockLevel when `row` is out of range.
    catalog::StockLevel level(int row) const;
    /// True while the first load of the current product is under way.
    bool isLoading() const { return m_loading; }

    /// True when `level` should be flagged: available at or under a positive threshold.
    static bool isLowStock(const catalog::StockLevel& level);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /// The levels of the current product arrived (first load or a refresh).
    void loaded();
    /// Loading failed; the rows shown are unchanged.
    void loadFailed(const souk::Error& error);

private:
    void fetch();
    void applyLevels(const QList<catalog::StockLevel>& levels);
    void updateRow(int row, const catalog::StockLevel& level);
    void removeMissing(const QList<catalog::StockLevel>& levels);
    void onChanged(const ChangeList& changes);
    bool concerns(const ChangeList& changes) const;
    bool shownLocation(Id locationId) const;
    QVariant displayData(const catalog::StockLevel& level, int column) const;
    QVariant rawData(const catalog::StockLevel& level, int column) const;
    int rowOf(Id variantId, Id locationId) const;

    Client& m_client;
    Id m_productId;
    QList<catalog::StockLevel> m_rows;
    QSet<Id> m_variantIds;
    quint64 m_generation = 0; ///< bumped by setProduct: late answers for another product are dropped
    bool m_loading = false;
    bool m_fetching = false;
    bool m_refetch = false; ///< a change arrived while fetching: fetch again when the answer lands
};

} // namespace souk

