#include "models/orders/OrderListModel.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/Format.h"
#include "models/orders/OrderText.h"

using namespace Qt::StringLiterals;
using souk::orders::Order;

namespace souk {
namespace {

constexpr int RefreshBatchMax = 2000; ///< ids per ordersById() call

} // namespace

OrderListModel::OrderListModel(Client& client, Id merchantId, QObject* parent)
    : QAbstractTableModel(parent), m_client(client)
{
    m_filter.merchantId = merchantId;
    connect(&m_client, &Client::changed, this, &OrderListModel::applyChanges);
}

void OrderListModel::setPageRows(int rows)
{
    m_pageRows = std::clamp(rows, 1, orders::OrderPageRowsMax);
}

void OrderListModel::setFilter(const OrderFilter& filter)
{
    m_filter = filter;
    load();
}

void OrderListModel::load()
{
    ++m_generation;
    beginResetModel(); // a new query: the one reset this model does
    m_rows.clear();
    m_dirty.clear();
    m_deferred.clear();
    m_pagedRows = 0;
    const bool waited = newRowsWaiting() > 0;
    m_waiting.clear();
    m_waitingOverflow = false;
    m_waitingCount = 0;
    m_waitingNewest = 0;
    m_leaving.clear();
    endResetModel();
    if (waited)
        emit newRowsWaitingChanged(0);
    m_more = false;
    m_pageInFlight = false;
    m_firstShown = false;
    m_loadTimer.start();
    requestPage();
}

void OrderListModel::requestPage()
{
    if (m_pageInFlight)
        return;
    m_pageInFlight = true;
    const Id before = m_rows.empty() ? Id{} : m_rows.back().id;
    const int generation = m_generation;
    onReady(m_client.orderPage(m_filter.query(before, m_pageRows)), this,
            [this, generation](const Result<orders::OrderPage>& page) {
                if (generation != m_generation)
                    return;
                if (!page) {
                    m_pageInFlight = false;
                    emit loadFailed(page.error());
                    applyFresh(std::exchange(m_deferred, {}).values());
                    return;
                }
                onPage(*page);
                // only now: a view asking for more while the rows went in would ask for this page again
                m_pageInFlight = false;
                emit pageLoaded();
            });
}

void OrderListModel::onPage(const orders::OrderPage& page)
{
    // the feed may have brought some of these rows in already; a page only appends older rows
    std::vector<Order> older;
    older.reserve(size_t(page.orders.size()));
    const qint64 oldest = m_rows.empty() ? std::numeric_limits<qint64>::max() : m_rows.back().id.value;
    for (const Order& o : page.orders) {
        if (o.id.value < oldest)
            older.push_back(o);
    }
    m_more = page.more;
    if (!older.empty()) {
        // appended below what is shown: a page goes in even while rows are held
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(older.size()) - 1);
        m_rows.insert(m_rows.end(), older.begin(), older.end());
        endInsertRows();
        if (!m_waiting.isEmpty() && !m_waitingOverflow) {
            for (const Order& o : older)
                m_waiting.remove(o.id); // it waited as new to the table; the page brought it
            emit newRowsWaitingChanged(newRowsWaiting());
        }
    }
    m_pagedRows = std::max(m_pagedRows, int(m_rows.size()));
    applyFresh(std::exchange(m_deferred, {}).values());
    if (!m_firstShown) {
        m_firstShown = true;
        emit firstRowsShown(m_loadTimer.elapsed());
    }
}

bool OrderListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_more && !m_pageInFlight;
}

void OrderListModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void OrderListModel::setLive(bool live)
{
    if (m_live == live)
        return;
    m_live = live;
    if (!m_live) {
        // what was about to be read is held too: a paused table stands still
        m_held.unite(m_dirty);
        m_dirty.clear();
        emit heldChangesChanged(int(m_held.size()));
        return;
    }
    m_dirty.unite(m_held);
    m_held.clear();
    emit heldChangesChanged(0);
    requestRefresh();
}

void OrderListModel::applyChanges(const souk::ChangeList& changes)
{
    bool any = false;
    for (const Change& c : changes) {
        if (c.entity != u"order"_s)
            continue;
        any = true;
        if (m_live)
            m_dirty.insert(c.id);
        else
            m_held.insert(c.id);
    }
    if (!any)
        return;
    if (!m_live) {
        emit heldChangesChanged(int(m_held.size()));
        return;
    }
    requestRefresh();
}

void OrderListModel::requestRefresh()
{
    // one read at a time: changes that arrive meanwhile are gathered into the next one, so a
    // burst of thousands of orders per second costs a few reads, not one per order
    if (m_refreshInFlight || m_dirty.isEmpty() || !m_live)
        return;
    QList<Id> ids;
    ids.reserve(std::min<qsizetype>(m_dirty.size(), RefreshBatchMax));
    for (auto it = m_dirty.begin(); it != m_dirty.end() && ids.size() < RefreshBatchMax;) {
        ids.append(*it);
        it = m_dirty.erase(it);
    }
    m_refreshInFlight = true;
    const int generation = m_generation;
    onReady(m_client.ordersById(ids), this, [this, generation, ids](const Result<QList<Order>>& fresh) {
        m_refreshInFlight = false;
        if (generation != m_generation)
            return requestRefresh();
        if (!fresh) {
            emit loadFailed(fresh.error());
            return requestRefresh();
        }
        if (!m_live) { // paused while this read was on its way: hold its orders too
            for (Id id : ids)
                m_held.insert(id);
            emit heldChangesChanged(int(m_held.size()));
            return;
        }
        onRefreshed(*fresh);
        requestRefresh();
    });
}

void OrderListModel::onRefreshed(const QList<Order>& fresh)
{
    // while a page is on its way the model cannot tell where an order belongs (the page may or
    // may not hold it): keep it and place it when the page is in
    if (m_pageInFlight) {
        for (const Order& o : fresh)
            m_deferred.insert(o.id, o);
        return;
    }
    applyFresh(fresh);
}

void OrderListModel::applyFresh(const QList<Order>& fresh)
{
    if (fresh.isEmpty())
        return;
    if (m_rowsHeld) {
        const int waiting = newRowsWaiting();
        for (const Order& o : fresh)
            holdFresh(o);
        if (newRowsWaiting() != waiting)
            emit newRowsWaitingChanged(newRowsWaiting());
        return;
    }
    // new orders above the newest row go in as one block: one insert at the top per burst,
    // not one shift of the whole table per order
    std::vector<Order> top;
    const qint64 newest = m_rows.empty() ? std::numeric_limits<qint64>::min() : m_rows.front().id.value;
    for (const Order& o : fresh) {
        if (o.id.value > newest && m_filter.matches(o))
            top.push_back(o);
        else
            place(o);
    }
    if (top.empty())
        return;
    std::sort(top.begin(), top.end(), [](const Order& a, const Order& b) { return a.id.value > b.id.value; });
    beginInsertRows({}, 0, int(top.size()) - 1);
    m_rows.insert(m_rows.begin(), top.begin(), top.end());
    endInsertRows();
    trimLiveRows();
}

void OrderListModel::holdFresh(const Order& o)
{
    const bool wanted = m_filter.matches(o);
    const int row = rowOf(o.id);
    if (row >= 0) {
        // shown: updated where it stands, even when it left the filter (it goes on release)
        if (o.version >= m_rows[size_t(row)].version) {
            m_rows[size_t(row)] = o;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        if (wanted)
            m_leaving.remove(o.id);
        else
            m_leaving.insert(o.id);
        emit orderChanged(o.id);
        return;
    }
    if (!wanted || !belongsInWindow(o)) {
        if (!m_waitingOverflow)
            m_waiting.remove(o.id); // it waited, and left the filter meanwhile
        return;
    }
    if (m_waitingOverflow) {
        // only counted now: an id above every one seen is one more order (ids grow with time)
        if (o.id.value > m_waitingNewest) {
            ++m_waitingCount;
            m_waitingNewest = o.id.value;
        }
        return;
    }
    m_waitingNewest = std::max(m_waitingNewest, o.id.value);
    const auto it = m_waiting.find(o.id);
    if (it != m_waiting.end()) {
        if (o.version >= it->version)
            *it = o;
        return;
    }
    if (m_waiting.size() >= m_liveRowsMax) {
        // releasing these would push every shown row out of the kept window anyway: count them,
        // and load the newest page on release
        m_waitingOverflow = true;
        m_waitingCount = int(m_waiting.size()) + 1;
        m_waiting.clear();
        return;
    }
    m_waiting.insert(o.id, o);
}

void OrderListModel::setRowsHeld(bool held)
{
    if (m_rowsHeld == held)
        return;
    m_rowsHeld = held;
    if (!held)
        releaseWaiting();
}

void OrderListModel::releaseWaiting()
{
    if (m_waitingOverflow) {
        load(); // more waited than the table keeps: the newest page is what there is to show
        return;
    }
    const int waited = newRowsWaiting();
    const QList<Order> waiting = std::exchange(m_waiting, {}).values();
    for (const Id id : std::exchange(m_leaving, {})) {
        const int row = rowOf(id);
        if (row >= 0 && !m_filter.matches(m_rows[size_t(row)])) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
    }
    m_waitingNewest = 0;
    onRefreshed(waiting); // a page on its way takes them in when it lands
    if (waited > 0)
        emit newRowsWaitingChanged(0);
}

void OrderListModel::trimLiveRows()
{
    // a live table at thousands of orders a second keeps the newest m_liveRowsMax rows; older
    // ones come back as pages when scrolled to
    // never below what the user paged in: rows they scrolled to stay
    const int keep = std::max(m_liveRowsMax, m_pagedRows);
    if (int(m_rows.size()) <= keep)
        return;
    beginRemoveRows({}, keep, int(m_rows.size()) - 1);
    m_rows.resize(size_t(keep));
    endRemoveRows();
    m_more = true;
}

bool OrderListModel::belongsInWindow(const Order& o) const
{
    // older than the loaded window while more pages exist: it arrives with its page
    return !(m_more && !m_rows.empty() && o.id.value < m_rows.back().id.value);
}

void OrderListModel::place(const Order& o)
{
    const int row = rowOf(o.id);
    const bool wanted = m_filter.matches(o);
    if (row >= 0) {
        if (!wanted) { // it left the filter (say, no longer awaiting payment)
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        } else if (o.version >= m_rows[size_t(row)].version) {
            m_rows[size_t(row)] = o;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        emit orderChanged(o.id);
        return;
    }
    if (!wanted || !belongsInWindow(o))
        return;
    const auto at = std::lower_bound(m_rows.begin(), m_rows.end(), o.id.value,
                                     [](const Order& r, qint64 id) { return r.id.value > id; });
    const int pos = int(at - m_rows.begin());
    beginInsertRows({}, pos, pos);
    m_rows.insert(at, o);
    endInsertRows();
}

int OrderListModel::rowOf(Id orderId) const
{
    const auto at = std::lower_bound(m_rows.begin(), m_rows.end(), orderId.value,
                                     [](const Order& r, qint64 id) { return r.id.value > id; });
    return at != m_rows.end() && at->id == orderId ? int(at - m_rows.begin()) : -1;
}

const Order* OrderListModel::orderAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

void OrderListModel::setMerchantNames(const QHash<qint64, QString>& names)
{
    m_merchantNames = names;
    if (!m_rows.empty())
        emit dataChanged(index(0, Merchant), index(rowCount() - 1, Merchant), {Qt::DisplayRole});
}

int OrderListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrderListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderListModel::data(const QModelIndex& index, int role) const
{
    const Order* o = index.isValid() ? orderAt(index.row()) : nullptr;
    if (!o)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*o, index.column());
    case RawRole:
        return rawData(*o, index.column());
    case IdRole:
        return o->id.value;
    case Qt::TextAlignmentRole:
        return index.column() == Total ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        return toolTip(*o, index.column());
    default:
        return {};
    }
}

QVariant OrderListModel::displayData(const Order& o, int column) const
{
    switch (column) {
    case Number: return OrderText::number(o);
    case Created: return formatDateTime(o.createdMs);
    case Merchant: return m_merchantNames.value(o.merchantId.value, o.merchantId.toString());
    case Customer: return o.customerName.isEmpty() ? o.customerEmail : o.customerName;
    case Status: return OrderText::status(o.status);
    case Payment: return OrderText::paymentState(o.paymentState);
    case Total: return formatMoney(o.totalMinor, currencyOf(o.currency));
    //: a card shown by its last four digits, e.g. "•••• 4242"
    case Card: return o.cardLast4.isEmpty() ? QString() : tr("•••• %1").arg(o.cardLast4);
    default: return {};
    }
}

QVariant OrderListModel::toolTip(const Order& o, int column) const
{
    switch (column) {
    //: tooltip of an order's number: %1 its long id, for support and the API
    case Number: return tr("Order ID %1").arg(o.id.toString());
    case Customer: return o.customerEmail; // the name is shown; the email tells two namesakes apart
    case Payment:
        return o.paymentState == orders::PaymentState::Failed ? tr("The last payment attempt was declined") : QVariant();
    default: return {};
    }
}

QVariant OrderListModel::rawData(const Order& o, int column) const
{
    switch (column) {
    case Number: return o.id.value;
    case Created: return o.createdMs;
    case Merchant: return o.merchantId.value;
    case Customer: return o.customerName.isEmpty() ? o.customerEmail : o.customerName;
    case Status: return int(o.status);
    case Payment: return int(o.paymentState);
    case Total: return o.totalMinor;
    case Card: return o.cardLast4;
    default: return {};
    }
}

QVariant OrderListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("Order", "column");
    case Created: return tr("Placed", "column");
    case Merchant: return tr("Merchant", "column");
    case Customer: return tr("Customer", "column");
    case Status: return tr("Status", "column");
    case Payment: return tr("Payment", "column");
    case Total: return tr("Total", "column");
    case Card: return tr("Card", "column");
    default: return {};
    }
}

const Currency& OrderListModel::currencyOf(const QString& code) const
{
    auto it = m_currencies.find(code);
    if (it == m_currencies.end()) {
        auto found = Currency::find(code);
        it = m_currencies.insert(code, found ? *found : Currency{});
    }
    return *it;
}

} // namespace souk
