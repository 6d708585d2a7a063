#include "models/inventory/StockLevelModel.h"

#include <algorithm>
#include <utility>

#include <QBrush>
#include <QColor>
#include <QIcon>

#include "backend/core/Async.h"
#include "models/common/Format.h"
#include "models/common/Theme.h"
#include "models/inventory/InventoryIcons.h"

using namespace Qt::StringLiterals;

namespace souk {

namespace {

bool sameLevel(const catalog::StockLevel& a, const catalog::StockLevel& b)
{
    return a.onHand == b.onHand && a.reserved == b.reserved && a.lowStockThreshold == b.lowStockThreshold &&
           a.version == b.version && a.sku == b.sku && a.locationName == b.locationName;
}

} // namespace

StockLevelModel::StockLevelModel(Client& client, QObject* parent) : QAbstractTableModel(parent), m_client(client)
{
    connect(&m_client, &Client::changed, this, &StockLevelModel::onChanged);
}

void StockLevelModel::setProduct(Id productId)
{
    beginResetModel();
    m_productId = productId;
    m_rows.clear();
    m_variantIds.clear();
    ++m_generation;
    m_fetching = false;
    m_refetch = false;
    m_loading = !productId.isNull();
    endResetModel();
    if (!productId.isNull())
        fetch();
}

catalog::StockLevel StockLevelModel::level(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : catalog::StockLevel{};
}

bool StockLevelModel::isLowStock(const catalog::StockLevel& level)
{
    return level.lowStockThreshold > 0 && level.available() <= level.lowStockThreshold;
}

int StockLevelModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StockLevelModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StockLevelModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const catalog::StockLevel& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case RawRole:
        return rawData(row, index.column());
    case LevelRole:
        return QVariant::fromValue(row);
    case LowStockRole:
        return isLowStock(row);
    case Qt::TextAlignmentRole:
        return index.column() >= OnHand ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ForegroundRole:
        // amber, distinct from error red; dark on a light window, light on a dark one
        return isLowStock(row) ? QVariant(QBrush(theme::text(theme::Tone::Warning, theme::applicationPalette())))
                               : QVariant();
    case Qt::DecorationRole:
        return index.column() == Available && isLowStock(row) ? QVariant(inventory::lowStockIcon()) : QVariant();
    case Qt::ToolTipRole:
        if (isLowStock(row))
            //: tooltip on a stock row; %1 available, %2 threshold
            return tr("Low stock: %1 available, threshold %2")
                .arg(formatQuantity(row.available()), formatQuantity(row.lowStockThreshold));
        return {};
    default:
        return {};
    }
}

QVariant StockLevelModel::displayData(const catalog::StockLevel& level, int column) const
{
    switch (column) {
    case Sku:
        return level.sku;
    case Location:
        return level.locationName;
    case OnHand:
        return formatQuantity(level.onHand);
    case Reserved:
        return formatQuantity(level.reserved);
    case Available:
        return formatQuantity(level.available());
    case LowStockThreshold:
        //: no low-stock threshold set
        return level.lowStockThreshold > 0 ? formatQuantity(level.lowStockThreshold) : tr("None", "threshold");
    default:
        return {};
    }
}

QVariant StockLevelModel::rawData(const catalog::StockLevel& level, int column) const
{
    switch (column) {
    case Sku:
        return level.sku;
    case Location:
        return level.locationName;
    case OnHand:
        return level.onHand;
    case Reserved:
        return level.reserved;
    case Available:
        return level.available();
    case LowStockThreshold:
        return level.lowStockThreshold;
    default:
        return {};
    }
}

QVariant StockLevelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Sku:
        return tr("SKU");
    case Location:
        return tr("Location", "stock location");
    case OnHand:
        return tr("On hand", "stock quantity");
    case Reserved:
        return tr("Reserved", "stock held for orders");
    case Available:
        return tr("Available", "on hand minus reserved");
    case LowStockThreshold:
        return tr("Low-stock threshold");
    default:
        return {};
    }
}

void StockLevelModel::fetch()
{
    if (m_fetching) {
        m_refetch = true; // coalesce: one more fetch after the one under way
        return;
    }
    m_fetching = true;
    const quint64 generation = m_generation;
    onReady(m_client.stockLevels(m_productId), this,
            [this, generation](const Result<QList<catalog::StockLevel>>& result) {
                if (generation != m_generation)
                    return; // an answer for a product no longer shown
                m_fetching = false;
                m_loading = false;
                if (!result) {
                    emit loadFailed(result.error());
                } else {
                    applyLevels(result.value());
                    emit loaded();
                }
                if (std::exchange(m_refetch, false))
                    fetch();
            });
}

void StockLevelModel::applyLevels(const QList<catalog::StockLevel>& levels)
{
    removeMissing(levels);
    QList<catalog::StockLevel> added;
    for (const catalog::StockLevel& level : levels) {
        const int row = rowOf(level.variantId, level.locationId);
        if (row >= 0)
            updateRow(row, level);
        else
            added.append(level);
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        m_rows.append(added);
        endInsertRows();
    }
    m_variantIds.clear();
    for (const catalog::StockLevel& level : std::as_const(m_rows))
        m_variantIds.insert(level.variantId);
}

void StockLevelModel::updateRow(int row, const catalog::StockLevel& level)
{
    if (sameLevel(m_rows.at(row), level))
        return;
    m_rows[row] = level;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void StockLevelModel::removeMissing(const QList<catalog::StockLevel>& levels)
{
    QSet<QPair<qint64, qint64>> present;
    for (const catalog::StockLevel& level : levels)
        present.insert({level.variantId.value, level.locationId.value});
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const catalog::StockLevel& shown = m_rows.at(row);
        if (present.contains({shown.variantId.value, shown.locationId.value}))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
}

int StockLevelModel::rowOf(Id variantId, Id locationId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).variantId == variantId && m_rows.at(row).locationId == locationId)
            return row;
    }
    return -1;
}

bool StockLevelModel::shownLocation(Id locationId) const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(),
                       [locationId](const catalog::StockLevel& level) { return level.locationId == locationId; });
}

bool StockLevelModel::concerns(const ChangeList& changes) const
{
    for (const Change& change : changes) {
        if ((change.entity == u"stock"_s || change.entity == u"variant"_s) && m_variantIds.contains(change.id))
            return true;
        // a product change may add or drop variants, or stock at a new location
        if (change.entity == u"product"_s && change.id == m_productId)
            return true;
        if (change.entity == u"location"_s && shownLocation(change.id))
            return true; // a renamed location shows in its rows
    }
    return false;
}

void StockLevelModel::onChanged(const ChangeList& changes)
{
    if (m_productId.isNull() || !concerns(changes))
        return;
    fetch();
}

} // namespace souk
