#include "models/import/ImportProductPreviewModel.h"

#include <algorithm>

#include "models/common/Format.h"

namespace souk {

ImportProductPreviewModel::ImportProductPreviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImportProductPreviewModel::setPlan(const catalog::ImportPlan& plan)
{
    beginResetModel();
    m_rows.clear();
    m_total = int(plan.products.size());
    const qsizetype shown = std::min<qsizetype>(plan.products.size(), ProductsMax);
    m_rows.reserve(shown);
    for (qsizetype i = 0; i < shown; ++i) {
        const catalog::Product& product = plan.products.at(i).product;
        Row row{product.handle, product.title, int(product.variants.size()), !product.variants.isEmpty(), {}};
        if (row.hasPrice)
            row.price = product.variants.constFirst().price;
        m_rows.append(row);
    }
    endResetModel();
}

void ImportProductPreviewModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    endResetModel();
}

int ImportProductPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportProductPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportProductPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Variants ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    const bool raw = role == RawRole;
    switch (index.column()) {
    case Handle:
        return row.handle;
    case Title:
        return row.title;
    case Variants:
        return raw ? QVariant(row.variants) : QVariant(formatQuantity(row.variants));
    case Price:
        if (!row.hasPrice)
            return {};
        return raw ? QVariant(row.price.minor()) : QVariant(formatMoney(row.price));
    default:
        return {};
    }
}

QVariant ImportProductPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Handle:
        return tr("Handle", "product URL key");
    case Title:
        return tr("Title", "product title");
    case Variants:
        return tr("Variants");
    case Price:
        return tr("Price", "price of the first variant");
    default:
        return {};
    }
}

} // namespace souk
