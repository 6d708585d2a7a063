#include "models/import/ImportPreviewModel.h"

#include <QSet>

#include "models/common/Format.h"

using namespace Qt::StringLiterals;

namespace souk {

namespace {

/// The engine writes "must not be negative"; a table cell reads better as "Must not be negative".
QString sentenceCase(const QString& message)
{
    return message.isEmpty() ? message : message.at(0).toUpper() + message.mid(1);
}

} // namespace

ImportPreviewModel::ImportPreviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImportPreviewModel::setPlan(const catalog::ImportPlan& plan)
{
    beginResetModel();
    m_errors = plan.errors;
    m_products = int(plan.products.size());
    m_variants = plan.variantCount;
    m_rows = plan.rowCount;
    m_hasPlan = true;
    endResetModel();
}

void ImportPreviewModel::clear()
{
    beginResetModel();
    m_errors.clear();
    m_products = m_variants = m_rows = 0;
    m_hasPlan = false;
    endResetModel();
}

QString ImportPreviewModel::summary() const
{
    return m_hasPlan ? summaryText(m_products, m_variants, m_rows) : QString();
}

QString ImportPreviewModel::headline() const
{
    return m_errors.isEmpty() ? QString() : headlineText(problemRowCount());
}

int ImportPreviewModel::problemRowCount() const
{
    QSet<int> lines;
    for (const catalog::RowError& error : m_errors)
        lines.insert(error.line);
    return int(lines.size());
}

catalog::RowError ImportPreviewModel::error(int row) const
{
    return row >= 0 && row < m_errors.size() ? m_errors.at(row) : catalog::RowError{};
}

QString ImportPreviewModel::summaryText(int products, int variants, int rows)
{
    const QString productText = tr("%Ln product(s)", "import summary", products);
    const QString variantText = tr("%Ln variant(s)", "import summary", variants);
    const QString rowText = tr("%Ln row(s)", "import summary", rows);
    //: import summary: %1 products, %2 variants, %3 rows of the file, e.g. "3 products, 5 variants in 5 rows"
    return tr("%1, %2 in %3").arg(productText, variantText, rowText);
}

QString ImportPreviewModel::headlineText(int problemRows)
{
    return tr("%Ln row(s) have problems. Fix the file and choose it again; nothing has been imported.", nullptr,
              problemRows);
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_errors.size());
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const catalog::RowError& error = m_errors.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Line:
            return error.line > 0 ? formatQuantity(error.line) : QString();
        case ColumnName:
            //: import error that concerns the whole row, not one column
            return error.column.isEmpty() ? tr("(whole row)") : error.column;
        case Problem:
            return sentenceCase(error.message);
        default:
            return {};
        }
    case RawRole:
        switch (index.column()) {
        case Line:
            return error.line;
        case ColumnName:
            return error.column;
        case Problem:
            return error.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Problem ? QVariant(error.message) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Line ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Line:
        return tr("Line", "line number in the import file");
    case ColumnName:
        return tr("Column", "column of the import file");
    case Problem:
        return tr("Problem", "what is wrong with the value");
    default:
        return {};
    }
}

} // namespace souk
