#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

#include "backend/catalog/Inventory.h"
#include "backend/client/Client.h"

namespace souk {

/// The stock journal of one variant, newest first: the last MovementsMax movements from
/// Client::movements(). New movements arrive through the change feed ("stock" with the variant's
/// id) and are inserted at the top; rows are never edited. Owned by its view; GUI thread.
class MovementModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MovementModel)
public:
    enum Column
    {
        When,
        Kind,
        Change,
        ReservedChange,
        Location,
        Reason,
        By,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, ///< ms since epoch, kind as int, signed deltas, texts
        IdRole,                 ///< the movement id as qint64
    };
    static constexpr int MovementsMax = 500;

    explicit MovementModel(Client& client, QObject* parent = nullptr);

    /// Shows the journal of `variantId` (a null id clears the model). Loads asynchronously.
    void setVariant(Id variantId);
    Id variantId() const { return m_variantId; }
    catalog::StockMovement movement(int row) const;
    bool isLoading() const { return m_loading; }

    /// "+5", "−3" (true minus sign), "0": a signed quantity for display.
    static QString signedQuantity(qint64 delta);
    /// The translated name of a movement kind ("Received", "Adjusted", ...).
    static QString kindText(catalog::MovementKind kind);
    /// A movement's reason: the engine's own notes ("order", "import") translated; what a person
    /// typed as it is.
    static QString reasonText(const QString& reason);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void loadFailed(const souk::Error& error);

private:
    void fetch(int limit);
    void onFetched(const QList<catalog::StockMovement>& movements, int limit);
    void insertNewest(QList<catalog::StockMovement> fresh);
    void trimToMax();
    void onChanged(const ChangeList& changes);
    QVariant displayData(const catalog::StockMovement& movement, int column) const;
    QVariant rawData(const catalog::StockMovement& movement, int column) const;

    Client& m_client;
    Id m_variantId;
    QList<catalog::StockMovement> m_rows; ///< newest first
    QSet<Id> m_known;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_fetching = false;
    bool m_refetch = false;
};

} // namespace souk
