#include "models/people/AuditLogModel.h"

#include <algorithm>
#include <limits>
#include <utility>

#include <QBrush>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/Theme.h"
#include "models/people/AuditText.h"

using namespace Qt::StringLiterals;
using souk::auth::AuditRecord;

namespace souk {

AuditLogModel::AuditLogModel(Client& client, QObject* parent) : QAbstractTableModel(parent), m_client(client) {}

void AuditLogModel::setPageRows(int rows)
{
    m_pageRows = std::clamp(rows, 1, auth::AuditQuery::LimitMax);
}

void AuditLogModel::setFilter(const auth::AuditQuery& filter)
{
    m_filter = filter;
    m_filter.beforeSeq = 0;
    load();
}

void AuditLogModel::load()
{
    ++m_generation;
    beginResetModel(); // a new query: the one reset this model does
    m_rows.clear();
    endResetModel();
    m_more = false;
    m_pageInFlight = false;
    m_refreshInFlight = false;
    m_refreshAgain = false;
    requestPage();
}

void AuditLogModel::requestPage()
{
    if (m_pageInFlight)
        return;
    m_pageInFlight = true;
    auth::AuditQuery query = m_filter;
    query.limit = m_pageRows;
    query.beforeSeq = m_rows.empty() ? 0 : m_rows.back().seq;
    const int generation = m_generation;
    onReady(m_client.auditLog(query), this, [this, generation, query](const Result<QList<AuditRecord>>& page) {
        if (generation != m_generation)
            return;
        if (!page) {
            m_pageInFlight = false;
            emit loadFailed(page.error());
            return;
        }
        m_more = page->size() >= query.limit;
        appendPage(*page);
        // only now: a view asking for more while the rows went in would ask for this page again
        m_pageInFlight = false;
        emit pageLoaded();
    });
}

void AuditLogModel::appendPage(const QList<AuditRecord>& page)
{
    // a refresh may have put rows on top meanwhile; a page only ever adds older ones below
    const qint64 oldest = m_rows.empty() ? std::numeric_limits<qint64>::max() : m_rows.back().seq;
    std::vector<AuditRecord> older;
    older.reserve(size_t(page.size()));
    for (const AuditRecord& r : page) {
        if (r.seq < oldest)
            older.push_back(r);
    }
    if (older.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(older.size()) - 1);
    m_rows.insert(m_rows.end(), older.begin(), older.end());
    endInsertRows();
}

void AuditLogModel::refresh()
{
    if (m_rows.empty()) {
        requestPage(); // nothing shown: the first page is the refresh (and is on its way if loading)
        return;
    }
    if (m_refreshInFlight) {
        m_refreshAgain = true; // one read at a time; the next one starts when this one is in
        return;
    }
    m_refreshInFlight = true;
    auth::AuditQuery query = m_filter;
    query.limit = m_pageRows;
    query.beforeSeq = 0;
    const int generation = m_generation;
    onReady(m_client.auditLog(query), this, [this, generation](const Result<QList<AuditRecord>>& page) {
        if (generation != m_generation)
            return; // load() started over and cleared the flags
        m_refreshInFlight = false;
        if (!page) {
            m_refreshAgain = false;
            emit loadFailed(page.error());
            return;
        }
        insertNewer(*page);
        emit pageLoaded();
        if (std::exchange(m_refreshAgain, false))
            refresh();
    });
}

void AuditLogModel::insertNewer(const QList<AuditRecord>& page)
{
    if (m_rows.empty()) { // emptied since the refresh was asked for
        appendPage(page);
        m_more = page.size() >= m_pageRows;
        return;
    }
    const qint64 newest = m_rows.front().seq;
    const auto end = std::find_if(page.begin(), page.end(), [newest](const AuditRecord& r) { return r.seq <= newest; });
    const qsizetype count = end - page.begin();
    if (count == 0)
        return;
    if (end == page.end() && page.size() >= m_pageRows) {
        load(); // a full page of newer entries: more may lie between them and the rows shown
        return;
    }
    beginInsertRows({}, 0, int(count) - 1);
    m_rows.insert(m_rows.begin(), page.begin(), end);
    endInsertRows();
}

void AuditLogModel::loadMore()
{
    if (m_more && !m_pageInFlight)
        requestPage();
}

bool AuditLogModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_more && !m_pageInFlight;
}

void AuditLogModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        requestPage();
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const AuditRecord* AuditLogModel::recordAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

int AuditLogModel::rowOfSeq(qint64 seq) const
{
    // rows are sorted by seq, descending
    const auto it =
        std::lower_bound(m_rows.begin(), m_rows.end(), seq, [](const AuditRecord& r, qint64 s) { return r.seq > s; });
    return it != m_rows.end() && it->seq == seq ? int(it - m_rows.begin()) : -1;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    const AuditRecord* r = index.isValid() ? recordAt(index.row()) : nullptr;
    if (!r)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*r, index.column());
    case RawRole:
        return rawData(*r, index.column());
    case SeqRole:
        return r->seq;
    case FailedRole:
        return !r->succeeded();
    case Qt::ForegroundRole:
        // the palette asked now: a view repainting after a switch to the dark palette gets its colour
        if (index.column() == Outcome && !r->succeeded())
            return QBrush(theme::text(theme::Tone::Error, theme::applicationPalette()));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Objects && !r->objects.isEmpty())
            return AuditText::objects(r->objects, u"\n"_s);
        if (index.column() == Reason && !r->reason.isEmpty())
            return r->reason;
        return AuditText::summary(*r);
    default:
        return {};
    }
}

QVariant AuditLogModel::displayData(const AuditRecord& r, int column) const
{
    switch (column) {
    case Time:
        return AuditText::time(r.atMs);
    case User:
        return r.userName.isEmpty() ? u"—"_s : r.userName;
    case Role:
        return r.role.isEmpty() ? u"—"_s : AuditText::role(r.role);
    case Operation:
        return AuditText::operation(r.operation);
    case Objects:
        return AuditText::objects(r.objects, u", "_s);
    case Reason:
        return r.reason;
    case Outcome:
        return AuditText::outcome(r.outcome);
    default:
        return {};
    }
}

QVariant AuditLogModel::rawData(const AuditRecord& r, int column) const
{
    switch (column) {
    case Time:
        return r.atMs;
    case User:
        return r.userName;
    case Role:
        return r.role;
    case Operation:
        return r.operation;
    case Objects:
        return r.objects.join(u' ');
    case Reason:
        return r.reason;
    case Outcome:
        return r.outcome;
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time", "audit log column");
    case User:
        return tr("User", "audit log column");
    case Role:
        return tr("Role", "audit log column");
    case Operation:
        return tr("Operation", "audit log column");
    case Objects:
        //: the things an audit entry is about: "payment:123, order:456"
        return tr("Objects", "audit log column");
    case Reason:
        return tr("Reason", "audit log column");
    case Outcome:
        return tr("Outcome", "audit log column");
    default:
        return {};
    }
}

} // namespace souk
