#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include "backend/core/Change.h"
#include "backend/core/Currency.h"
#include "backend/core/Error.h"
#include "backend/orders/Order.h"
#include "models/orders/OrderFilter.h"

namespace souk {

class Client;

/// The live order monitor's rows, newest first. Loads one page, then further pages as the view
/// scrolls (fetchMore), so a store of a million orders costs only what is on screen. Orders from
/// the change feed are inserted, updated or removed row by row; a new filter is the only reset.
/// While paused, changes are kept and applied on resume. While rows are held still (someone is
/// reading or picking a row), shown rows update in place and new rows wait, counted, until
/// released. Owned by its page; GUI thread.
class OrderListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderListModel)
public:
    enum Column
    {
        Number,
        Created,
        Merchant, ///< for an operator's all-merchants view; the page hides it for one merchant
        Customer,
        Status,
        Payment,
        Total,
        Card,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, ///< unformatted values: qint64 ids (Number sorts by id), amounts and times, int states
        IdRole,                 ///< the order id as qint64
    };

    /// Rows kept when live orders push the table past this (the oldest go; paging brings them back).
    static constexpr int LiveRowsMaxDefault = 20'000;

    /// Starts filtered to `merchantId`; null: every merchant's orders (an operator's view). The
    /// merchant is part of the filter (OrderFilter::merchantId) and changes with it.
    OrderListModel(Client& client, Id merchantId, QObject* parent = nullptr);

    void setPageRows(int rows);
    /// Names for the Merchant column, by merchant id (a merchant without one shows its id).
    void setMerchantNames(const QHash<qint64, QString>& names);
    void setLiveRowsMax(int rows) { m_liveRowsMax = std::max(rows, 1); }
    /// Applies a filter: the rows are cleared and the first page of the new query is loaded.
    void setFilter(const OrderFilter& filter);
    const OrderFilter& filter() const { return m_filter; }
    void load();
    /// Paused: feed changes are held (the table stands still to be read); resume applies them.
    void setLive(bool live);
    bool isLive() const { return m_live; }
    bool isLoading() const { return m_pageInFlight; }
    /// Changes held while paused.
    int heldChanges() const { return int(m_held.size()); }
    /// Held still: no row is inserted or removed (rows already shown still update in place), so
    /// a row keeps its place under the reader's eyes and pointer. New orders for the table wait,
    /// counted by newRowsWaiting(); orders that left the filter stay until release. Releasing
    /// puts the waiting orders in and takes the leavers out.
    void setRowsHeld(bool held);
    bool rowsHeld() const { return m_rowsHeld; }
    /// Orders for the table that wait while rows are held.
    int newRowsWaiting() const { return m_waitingOverflow ? m_waitingCount : int(m_waiting.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    const orders::Order* orderAt(int row) const;
    /// The row of an order, or -1 (binary search: rows are sorted by id, newest first).
    int rowOf(Id orderId) const;

signals:
    void firstRowsShown(qint64 ms);
    void loadFailed(const souk::Error& error);
    /// A page of the current filter is in, an empty one too, and isLoading() is false again.
    void pageLoaded();
    void heldChangesChanged(int count);
    void newRowsWaitingChanged(int count);
    /// An order shown in the table changed (the detail dialog listens).
    void orderChanged(souk::Id orderId);

private:
    void requestPage();
    void onPage(const orders::OrderPage& page);
    void applyChanges(const souk::ChangeList& changes);
    void requestRefresh();
    void onRefreshed(const QList<orders::Order>& fresh);
    void applyFresh(const QList<orders::Order>& fresh);
    void holdFresh(const orders::Order& order);
    void releaseWaiting();
    void trimLiveRows();
    bool belongsInWindow(const orders::Order& order) const;
    void place(const orders::Order& order);
    QVariant displayData(const orders::Order& o, int column) const;
    QVariant rawData(const orders::Order& o, int column) const;
    QVariant toolTip(const orders::Order& o, int column) const;
    const Currency& currencyOf(const QString& code) const;

    Client& m_client;
    OrderFilter m_filter;
    int m_pageRows = 500;
    int m_liveRowsMax = LiveRowsMaxDefault;
    int m_generation = 0; ///< bumps on load(): answers to an older query are dropped
    bool m_pageInFlight = false;
    bool m_more = false;
    bool m_live = true;
    bool m_firstShown = false;
    QElapsedTimer m_loadTimer;
    std::vector<orders::Order> m_rows;   ///< sorted by id, descending
    QSet<Id> m_held;                     ///< order ids changed while paused
    QSet<Id> m_dirty;                    ///< order ids to re-read
    QHash<Id, orders::Order> m_deferred; ///< re-read while a page was loading: placed after it
    bool m_refreshInFlight = false;
    int m_pagedRows = 0; ///< rows the pages brought in: live trimming keeps at least these
    bool m_rowsHeld = false;
    QHash<Id, orders::Order> m_waiting; ///< new to the table while rows are held
    /// More waited than the table keeps (m_liveRowsMax): only counted; release loads the newest page.
    bool m_waitingOverflow = false;
    int m_waitingCount = 0;     ///< what waits, once overflowed
    qint64 m_waitingNewest = 0; ///< the newest waiting id: what counts as one more once overflowed
    QSet<Id> m_leaving;         ///< shown rows that left the filter while rows are held
    mutable QHash<QString, Currency> m_currencies;
    QHash<qint64, QString> m_merchantNames;
};

} // namespace souk
