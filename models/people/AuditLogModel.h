#pragma once

#include <vector>

#include <QAbstractTableModel>

#include "backend/auth/AuditRecord.h"
#include "backend/core/Error.h"

namespace souk {

class Client;

/// The audit log's rows for one filter, newest first: the first page, then older pages on
/// request (fetchMore, loadMore) below the oldest row shown. refresh() puts the entries written
/// since on top, row by row; only a new filter resets. Audit rows are not in the change feed, so
/// the page says when to refresh. Owned by its page; GUI thread.
class AuditLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogModel)
public:
    enum Column
    {
        Time,
        User,
        Role,
        Operation,
        Objects,
        Reason,
        Outcome,
        ColumnCount
    };
    enum DataRole
    {
        RawRole = Qt::UserRole, ///< for sorting: qint64 time, QString names and codes
        SeqRole,                ///< the entry's place in the chain, qint64
        FailedRole,             ///< bool: the outcome is not "ok"
    };

    static constexpr int PageRowsDefault = 200;

    explicit AuditLogModel(Client& client, QObject* parent = nullptr);

    /// Rows per page, 1 to AuditQuery::LimitMax; applies from the next page read.
    void setPageRows(int rows);
    int pageRows() const { return m_pageRows; }
    /// Shows the rows of `filter` (its user, entity, sinceMs and merchantId; paging is the
    /// model's): the rows are cleared and the first page is read.
    void setFilter(const auth::AuditQuery& filter);
    const auth::AuditQuery& filter() const { return m_filter; }
    /// Clears the rows and reads the first page of the filter again.
    void load();
    /// Reads the newest page and inserts the entries written since the newest row shown; when
    /// more were written than a page holds, loads again instead (no gap is ever shown).
    void refresh();
    /// Reads the next page of older rows, when there are any.
    void loadMore();
    bool isLoading() const { return m_pageInFlight; }
    /// Older rows than those shown may exist (the last page read was full).
    bool hasMore() const { return m_more; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /// The entry in `row`, or null.
    const auth::AuditRecord* recordAt(int row) const;
    /// The row of the entry `seq`, or -1.
    int rowOfSeq(qint64 seq) const;

signals:
    void loadFailed(const souk::Error& error);
    /// A read (a page or a refresh) is in and shown, an empty one too; isLoading() is false.
    void pageLoaded();

private:
    void requestPage();
    void appendPage(const QList<auth::AuditRecord>& page);
    void insertNewer(const QList<auth::AuditRecord>& page);
    QVariant displayData(const auth::AuditRecord& r, int column) const;
    QVariant rawData(const auth::AuditRecord& r, int column) const;

    Client& m_client;
    auth::AuditQuery m_filter;
    int m_pageRows = PageRowsDefault;
    int m_generation = 0; ///< bumps on load(): answers to an older query are dropped
    bool m_pageInFlight = false;
    bool m_refreshInFlight = false;
    bool m_refreshAgain = false; ///< refresh() was asked while one was on its way
    bool m_more = false;
    std::vector<auth::AuditRecord> m_rows; ///< by seq, descending
};

} // namespace souk
