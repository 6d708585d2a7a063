#include "models/catalog/ProductListModel.h"

#include <algorithm>

#include <QBrush>
#include <QColor>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/catalog/CatalogText.h"
#include "models/common/Format.h"
#include "models/common/Theme.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// Ids per productSummaries() call when a bulk edit touches many products at once.
constexpr int RefreshBatchMax = 1000;

} // namespace

ProductListModel::ProductListModel(Client& client, Id merchantId, QObject* parent)
    : QAbstractTableModel(parent), m_client(client), m_merchantId(merchantId)
{
    connect(&m_client, &Client::changed, this, &ProductListModel::applyChanges);
}

void ProductListModel::setPageRows(int rows)
{
    m_pageRows = std::clamp(rows, 1, catalog::ProductPageQuery::PageRowsMax);
}

void ProductListModel::load()
{
    ++m_generation;
    if (!m_rows.empty()) {
        beginResetModel();
        m_rows.clear();
        m_rowOf.clear();
        m_seqOf.clear();
        endResetModel();
    }
    m_deletedWhileLoading.clear();
    m_firstShown = false;
    m_loadTimer.start();
    setLoading(true);
    requestPage(Id{}, m_pageRows);
}

void ProductListModel::requestPage(Id afterId, int rows)
{
    catalog::ProductPageQuery query;
    query.merchantId = m_merchantId;
    query.afterId = afterId;
    query.limit = rows;
    const int generation = m_generation;
    onReady(m_client.productPage(query), this, [this, generation](const Result<catalog::ProductPage>& page) {
        if (generation != m_generation)
            return;
        if (!page) {
            setLoading(false);
            emit loadFailed(page.error());
            return;
        }
        onPage(page.value());
    });
}

void ProductListModel::onPage(const catalog::ProductPage& page)
{
    QList<catalog::ProductSummary> fresh;
    fresh.reserve(page.rows.size());
    for (const catalog::ProductSummary& row : page.rows) {
        // rows the change feed already brought in are newer than this page
        if (!m_rowOf.contains(row.id) && !m_deletedWhileLoading.contains(row.id))
            fresh.append(row);
    }
    appendRows(fresh);
    if (!m_firstShown) {
        m_firstShown = true;
        emit firstRowsShown(m_loadTimer.elapsed());
    }
    if (page.more && !page.nextAfter.isNull()) {
        requestPage(page.nextAfter, m_pageRows);
        return;
    }
    m_deletedWhileLoading.clear();
    setLoading(false);
}

void ProductListModel::appendRows(const QList<catalog::ProductSummary>& rows)
{
    if (rows.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    for (const catalog::ProductSummary& row : rows) {
        m_rowOf.insert(row.id, int(m_rows.size()));
        m_rows.push_back(row);
    }
    endInsertRows();
}

void ProductListModel::applyChanges(const souk::ChangeList& changes)
{
    QList<Id> ids;
    QSet<Id> seen;
    const qint64 seq = changes.isEmpty() ? 0 : changes.last().seq;
    for (const Change& change : changes) {
        // the engine also records a "product" change when a product's variants or stock change
        if (change.entity != u"product"_s)
            continue;
        if (change.op == ChangeOp::Deleted) {
            removeProduct(change.id);
            seen.remove(change.id);
            ids.removeAll(change.id);
            continue;
        }
        if (!seen.contains(change.id)) {
            seen.insert(change.id);
            ids.append(change.id);
        }
    }
    for (qsizetype i = 0; i < ids.size(); i += RefreshBatchMax)
        refresh(ids.mid(i, RefreshBatchMax), seq);
}

void ProductListModel::refresh(const QList<Id>& ids, qint64 seq)
{
    const int generation = m_generation;
    onReady(m_client.productSummaries(ids), this,
            [this, ids, seq, generation](const Result<QList<catalog::ProductSummary>>& summaries) {
                if (generation != m_generation)
                    return;
                if (!summaries) {
                    emit loadFailed(summaries.error());
                    return;
                }
                onSummaries(ids, summaries.value(), seq);
            });
}

void ProductListModel::onSummaries(const QList<Id>& requested, const QList<catalog::ProductSummary>& summaries,
                                   qint64 seq)
{
    QSet<Id> found;
    QList<catalog::ProductSummary> added;
    for (const catalog::ProductSummary& summary : summaries) {
        found.insert(summary.id);
        if (summary.merchantId != m_merchantId)
            continue;
        const int row = rowOf(summary.id);
        if (row < 0) {
            added.append(summary);
            continue;
        }
        // answers can overtake each other: never step back to an older version, nor to an answer
        // read for an earlier change (stock moves leave the product's version as it was)
        if (summary.version < m_rows[size_t(row)].version || seq < m_seqOf.value(summary.id))
            continue;
        m_rows[size_t(row)] = summary;
        m_seqOf.insert(summary.id, seq);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    appendRows(added);
    for (const Id id : requested) {
        if (!found.contains(id))
            removeProduct(id); // gone by the time we asked
    }
}

void ProductListModel::removeProduct(Id id)
{
    if (m_loading)
        m_deletedWhileLoading.insert(id);
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    m_rowOf.remove(id);
    m_seqOf.remove(id);
    for (int r = row; r < int(m_rows.size()); ++r)
        m_rowOf[m_rows[size_t(r)].id] = r;
    endRemoveRows();
}

void ProductListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

int ProductListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProductListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const catalog::ProductSummary* ProductListModel::summaryAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

int ProductListModel::rowOf(Id productId) const
{
    return m_rowOf.value(productId, -1);
}

QList<Id> ProductListModel::idsOfRows(const QList<int>& rows) const
{
    QList<Id> ids;
    ids.reserve(rows.size());
    for (const int row : rows) {
        if (const auto* summary = summaryAt(row))
            ids.append(summary->id);
    }
    return ids;
}

qint64 ProductListModel::variantCountOfRows(const QList<int>& rows) const
{
    qint64 count = 0;
    for (const int row : rows) {
        if (const auto* summary = summaryAt(row))
            count += summary->variantCount;
    }
    return count;
}

const Currency& ProductListModel::currencyOf(const QString& code) const
{
    auto it = m_currencies.find(code);
    if (it == m_currencies.end()) {
        const Result<Currency> found = Currency::find(code);
        it = m_currencies.insert(code, found ? found.value() : Currency{code, 0, 2, code});
    }
    return *it;
}

QVariant ProductListModel::data(const QModelIndex& index, int role) const
{
    const auto* row = index.isValid() && index.column() < ColumnCount ? summaryAt(index.row()) : nullptr;
    if (!row)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*row, index.column());
    case RawRole:
        return rawData(*row, index.column());
    case IdRole:
        return row->id.value;
    case LowStockRole:
        return row->lowStock;
    case Qt::TextAlignmentRole:
        if (index.column() == Variants || index.column() == Price || index.column() == Available)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Available && row->lowStock)
            return QBrush(theme::text(theme::Tone::Error, theme::applicationPalette()));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Available && row->lowStock)
            return tr("Low stock: at least one variant is at or below its threshold");
        if (index.column() == Title)
            return row->title;
        return {};
    default:
        return {};
    }
}

QVariant ProductListModel::displayData(const catalog::ProductSummary& row, int column) const
{
    const QLocale locale;
    switch (column) {
    case Title:
        return row.title;
    case Sku:
        return row.firstSku;
    case Category:
        return row.category;
    case Status:
        return CatalogText::status(row.status);
    case Variants:
        return locale.toString(row.variantCount);
    case Price:
        if (row.variantCount == 0)
            return QString();
        return formatMoneyRange(row.priceMinMinor, row.priceMaxMinor, currencyOf(row.currency), locale);
    case Available:
        return formatQuantity(row.available, locale);
    case Updated:
        return formatDateTime(row.updatedMs, locale);
    default:
        return {};
    }
}

QVariant ProductListModel::rawData(const catalog::ProductSummary& row, int column) const
{
    switch (column) {
    case Title:
        return row.title;
    case Sku:
        return row.firstSku;
    case Category:
        return row.category;
    case Status:
        return int(row.status);
    case Variants:
        return row.variantCount;
    case Price:
        return row.priceMinMinor;
    case Available:
        return row.available;
    case Updated:
        return row.updatedMs;
    default:
        return {};
    }
}

QVariant ProductListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Title", "catalog column");
    case Sku:
        return tr("SKU", "catalog column");
    case Category:
        return tr("Category", "catalog column");
    case Status:
        return tr("Status", "catalog column");
    case Variants:
        return tr("Variants", "catalog column");
    case Price:
        return tr("Price", "catalog column");
    case Available:
        return tr("Available", "catalog column: stock that can be sold");
    case Updated:
        return tr("Updated", "catalog column: last change");
    default:
        return {};
    }
}

} // namespace souk
