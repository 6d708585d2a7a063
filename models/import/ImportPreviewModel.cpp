#include "models/import/ImportPreviewModel.h"

#include <QCoreApplication>
#include <QSet>

#include "backend/catalog/Csv.h"
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
    m_derivedSkus = plan.derivedSkuCount;
    m_derivedSkuExample = plan.derivedSkuExample;
    m_negativeStock = plan.negativeStockCount;
    m_hasPlan = true;
    endResetModel();
}

void ImportPreviewModel::clear()
{
    beginResetModel();
    m_errors.clear();
    m_products = m_variants = m_rows = m_derivedSkus = m_negativeStock = 0;
    m_derivedSkuExample.clear();
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

QString ImportPreviewModel::notes() const
{
    QStringList notes;
    if (m_derivedSkus > 0)
        //: %1 = an example of such a SKU, e.g. "classic-tee-s-blue"
        notes.append(tr("%Ln variant(s) have no SKU in the file. Souk gives each one a SKU made of the product "
                        "handle and its option values, such as “%1”, so importing the file again updates the same "
                        "variants.",
                        "import preview", m_derivedSkus)
                         .arg(m_derivedSkuExample));
    if (m_negativeStock > 0)
        notes.append(tr("%Ln variant(s) have stock below zero in the file (sold while out of stock); their stock "
                        "starts at 0 in Souk.",
                        "import preview", m_negativeStock));
    return notes.join(u"\n\n"_s);
}

QByteArray ImportPreviewModel::problemsCsv() const
{
    const QStringList header{tr("Line", "line number in the import file"), tr("Column", "column of the import file"),
                             tr("Problem", "what is wrong with the value")};
    QList<QStringList> rows;
    rows.reserve(m_errors.size());
    for (const catalog::RowError& error : m_errors) {
        rows.append({error.line > 0 ? QString::number(error.line) : QString(),
                     catalog::neutraliseCsvFormula(error.column),
                     catalog::neutraliseCsvFormula(sentenceCase(problemText(error)))});
    }
    return QByteArray("\xEF\xBB\xBF") + catalog::writeCsv(header, rows);
}

QString ImportPreviewModel::problemText(const catalog::RowError& error)
{
    if (error.text.isEmpty())
        return error.message;
    return catalog::ProblemText::fill(QCoreApplication::translate("ImportProblem", error.text.source), error.text.args);
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
            return sentenceCase(problemText(error));
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
    case Qt::ToolTipRole: // the whole sentence, where the cell is too narrow for it
        return index.column() == Problem ? QVariant(sentenceCase(problemText(error))) : QVariant();
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
