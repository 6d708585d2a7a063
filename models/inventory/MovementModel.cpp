#include "models/inventory/MovementModel.h"

#include <algorithm>
#include <utility>

#include <QHash>
#include <QLocale>

#include "backend/core/Async.h"
#include "models/common/Format.h"
#include "models/orders/OrderText.h"

using namespace Qt::StringLiterals;

namespace souk {

namespace {

/// A change usually brings one or two movements: ask for a few, and for the full page only when
/// all of those turn out to be new.
constexpr int RefreshLimit = 50;

bool newerFirst(const catalog::StockMovement& a, const catalog::StockMovement& b)
{
    return a.atMs != b.atMs ? a.atMs > b.atMs : a.id > b.id;
}

} // namespace

MovementModel::MovementModel(Client& client, QObject* parent) : QAbstractTableModel(parent), m_client(client)
{
    connect(&m_client, &Client::changed, this, &MovementModel::onChanged);
}

void MovementModel::setVariant(Id variantId)
{
    beginResetModel();
    m_variantId = variantId;
    m_rows.clear();
    m_known.clear();
    ++m_generation;
    m_fetching = false;
    m_refetch = false;
    m_loading = !variantId.isNull();
    endResetModel();
    if (!variantId.isNull())
        fetch(MovementsMax);
}

catalog::StockMovement MovementModel::movement(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : catalog::StockMovement{};
}

QString MovementModel::signedQuantity(qint64 delta)
{
    const QString digits = formatQuantity(delta < 0 ? -delta : delta);
    if (delta > 0)
        return u'+' + digits;
    if (delta < 0)
        return QChar(0x2212) + digits; // U+2212 MINUS SIGN lines up with "+" in proportional fonts
    return digits;
}

QString MovementModel::kindText(catalog::MovementKind kind)
{
    switch (kind) {
    case catalog::MovementKind::Received:
        return tr("Received", "stock movement kind");
    case catalog::MovementKind::Adjusted:
        return tr("Adjusted", "stock movement kind");
    case catalog::MovementKind::Sold:
        return tr("Sold", "stock movement kind");
    case catalog::MovementKind::Returned:
        return tr("Returned", "stock movement kind");
    case catalog::MovementKind::Reserved:
        return tr("Reserved", "stock movement kind");
    case catalog::MovementKind::Released:
        return tr("Released", "stock movement kind");
    }
    return tr("Unknown", "stock movement kind");
}

QString MovementModel::reasonText(const QString& reason)
{
    // the reasons the engine writes itself (backend/orders, backend/catalog, backend/sim)
    static const QHash<QString, const char*> notes{
        {u"order"_s, QT_TRANSLATE_NOOP("souk::MovementModel", "Order")},
        {u"import"_s, QT_TRANSLATE_NOOP("souk::MovementModel", "Catalog import")},
        {u"simulated delivery"_s, QT_TRANSLATE_NOOP("souk::MovementModel", "Simulated delivery")},
    };
    const auto it = notes.constFind(reason);
    return it == notes.constEnd() ? reason : tr(*it);
}

int MovementModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MovementModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MovementModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const catalog::StockMovement& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case RawRole:
        return rawData(row, index.column());
    case IdRole:
        return row.id.value;
    case Qt::TextAlignmentRole:
        if (index.column() == Change || index.column() == ReservedChange)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        return index.column() == Reason && !row.reason.isEmpty() ? QVariant(reasonText(row.reason)) : QVariant();
    default:
        return {};
    }
}

QVariant MovementModel::displayData(const catalog::StockMovement& movement, int column) const
{
    switch (column) {
    case When:
        return formatDateTime(movement.atMs, QLocale());
    case Kind:
        return kindText(movement.kind);
    case Change:
        return signedQuantity(movement.onHandDelta);
    case ReservedChange:
        return movement.reservedDelta == 0 ? QString() : signedQuantity(movement.reservedDelta);
    case Location:
        return movement.locationName;
    case Reason:
        return reasonText(movement.reason);
    case By:
        return OrderText::actor(movement.actor);
    default:
        return {};
    }
}

QVariant MovementModel::rawData(const catalog::StockMovement& movement, int column) const
{
    switch (column) {
    case When:
        return movement.atMs;
    case Kind:
        return int(movement.kind);
    case Change:
        return movement.onHandDelta;
    case ReservedChange:
        return movement.reservedDelta;
    case Location:
        return movement.locationName;
    case Reason:
        return movement.reason;
    case By:
        return movement.actor;
    default:
        return {};
    }
}

QVariant MovementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When", "time of a stock movement");
    case Kind:
        return tr("Kind", "stock movement kind");
    case Change:
        return tr("Change", "signed change of on-hand stock");
    case ReservedChange:
        return tr("Reserved change", "signed change of reserved stock");
    case Location:
        return tr("Location", "stock location");
    case Reason:
        return tr("Reason");
    case By:
        return tr("By", "who moved the stock");
    default:
        return {};
    }
}

void MovementModel::fetch(int limit)
{
    if (m_fetching) {
        m_refetch = true; // coalesce changes that arrive while a fetch is under way
        return;
    }
    m_fetching = true;
    const quint64 generation = m_generation;
    onReady(m_client.movements(m_variantId, limit), this,
            [this, generation, limit](const Result<QList<catalog::StockMovement>>& result) {
                if (generation != m_generation)
                    return; // an answer for a variant no longer shown
                m_fetching = false;
                m_loading = false;
                if (!result)
                    emit loadFailed(result.error());
                else
                    onFetched(result.value(), limit);
                if (std::exchange(m_refetch, false))
                    fetch(RefreshLimit);
            });
}

void MovementModel::onFetched(const QList<catalog::StockMovement>& movements, int limit)
{
    QList<catalog::StockMovement> fresh;
    for (const catalog::StockMovement& movement : movements) {
        if (!m_known.contains(movement.id) && movement.variantId == m_variantId)
            fresh.append(movement);
    }
    // every row of a short page was new: older new ones may be missing, so read the full page
    if (limit < MovementsMax && fresh.size() == movements.size() && fresh.size() == limit) {
        fetch(MovementsMax);
        return;
    }
    insertNewest(std::move(fresh));
    emit loaded();
}

void MovementModel::insertNewest(QList<catalog::StockMovement> fresh)
{
    if (fresh.isEmpty())
        return;
    std::sort(fresh.begin(), fresh.end(), newerFirst);
    if (fresh.size() > MovementsMax)
        fresh.resize(MovementsMax);
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    for (const catalog::StockMovement& movement : std::as_const(fresh))
        m_known.insert(movement.id);
    fresh.append(m_rows);
    m_rows = std::move(fresh);
    endInsertRows();
    trimToMax();
}

void MovementModel::trimToMax()
{
    if (m_rows.size() <= MovementsMax)
        return;
    beginRemoveRows({}, MovementsMax, int(m_rows.size()) - 1);
    for (qsizetype row = MovementsMax; row < m_rows.size(); ++row)
        m_known.remove(m_rows.at(row).id);
    m_rows.resize(MovementsMax);
    endRemoveRows();
}

void MovementModel::onChanged(const ChangeList& changes)
{
    if (m_variantId.isNull())
        return;
    const bool ours = std::any_of(changes.cbegin(), changes.cend(), [this](const souk::Change& change) {
        return change.entity == u"stock"_s && change.id == m_variantId;
    });
    if (ours)
        fetch(RefreshLimit);
}

} // namespace souk
