#include "models/catalog/VariantTableModel.h"

#include <QBrush>
#include <QColor>
#include <QRegularExpression>

#include "backend/core/Money.h"
#include "models/common/Format.h"
#include "models/common/Theme.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// The columns after the option columns, in order.
constexpr VariantField TrailingFields[] = {VariantField::Price,       VariantField::CompareAtPrice,
                                           VariantField::Cost,        VariantField::Barcode,
                                           VariantField::WeightGrams, VariantField::LowStockThreshold};
constexpr int TrailingCount = int(std::size(TrailingFields));

QString optionalMoneyText(const std::optional<Money>& amount)
{
    return amount ? amount->toDecimalString() : QString();
}

bool isMoney(VariantField field)
{
    return field == VariantField::Price || field == VariantField::CompareAtPrice || field == VariantField::Cost;
}

} // namespace

VariantTableModel::VariantTableModel(const Currency& currency, QObject* parent)
    : QAbstractTableModel(parent), m_currency(currency)
{}

void VariantTableModel::setVariants(const QStringList& optionNames, const QList<catalog::Variant>& variants)
{
    beginResetModel();
    m_optionNames = optionNames;
    m_rows.clear();
    for (const catalog::Variant& variant : variants)
        m_rows.append(rowOf(variant));
    endResetModel();
    setModified(false);
}

VariantTableModel::Row VariantTableModel::rowOf(const catalog::Variant& variant) const
{
    Row row;
    row.original = variant;
    row.cells.append({variant.sku, {}});
    for (int i = 0; i < m_optionNames.size(); ++i)
        row.cells.append({variant.optionValues.value(i), {}});
    row.cells.append({variant.price.currency().isValid() ? variant.price.toDecimalString() : QString(), {}});
    row.cells.append({optionalMoneyText(variant.compareAtPrice), {}});
    row.cells.append({optionalMoneyText(variant.cost), {}});
    row.cells.append({variant.barcode, {}});
    row.cells.append({QString::number(variant.weightGrams), {}});
    row.cells.append({QString::number(variant.lowStockThreshold), {}});
    return row;
}

void VariantTableModel::setOptionNames(const QStringList& optionNames)
{
    const int before = int(m_optionNames.size());
    const int after = int(optionNames.size());
    if (after > before) {
        beginInsertColumns({}, 1 + before, after);
        m_optionNames = optionNames;
        for (Row& row : m_rows) {
            for (int i = before; i < after; ++i)
                row.cells.insert(1 + i, Cell{});
        }
        endInsertColumns();
    } else if (after < before) {
        beginRemoveColumns({}, 1 + after, before);
        m_optionNames = optionNames;
        for (Row& row : m_rows)
            row.cells.remove(1 + after, before - after);
        endRemoveColumns();
    } else if (m_optionNames != optionNames) {
        m_optionNames = optionNames;
    } else {
        return;
    }
    if (after > 0)
        emit headerDataChanged(Qt::Horizontal, 1, after);
    setModified(true);
}

int VariantTableModel::addVariant()
{
    const int row = int(m_rows.size());
    catalog::Variant variant;
    variant.price = Money(0, m_currency);
    Row fresh = rowOf(variant);
    fresh.cells[columnOf(VariantField::Price)].text.clear(); // a new variant's price must be typed
    beginInsertRows({}, row, row);
    m_rows.append(fresh);
    endInsertRows();
    setModified(true);
    return row;
}

void VariantTableModel::removeVariant(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    setModified(true);
}

Result<QList<catalog::Variant>> VariantTableModel::variants() const
{
    QList<catalog::Variant> result;
    result.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        Result<catalog::Variant> variant = variantOf(row);
        if (!variant)
            return variant.error();
        result.append(std::move(variant).value());
    }
    return result;
}

Result<catalog::Variant> VariantTableModel::variantOf(int row) const
{
    const Row& r = m_rows[row];
    for (int column = 0; column < r.cells.size(); ++column) {
        if (const QString error = checkCell(column, r.cells[column].text); !error.isEmpty())
            return Error::invalid(fieldNameOf(row, column), error);
    }
    auto text = [&](VariantField field, int option = 0) { return r.cells[columnOf(field, option)].text.trimmed(); };
    auto money = [&](VariantField field) -> std::optional<Money> {
        const QString typed = VariantCell::moneyText(text(field));
        if (typed.isEmpty())
            return std::nullopt;
        return Money::parse(typed, m_currency, VariantCell::fieldName(field)).value();
    };
    catalog::Variant v = r.original;
    v.sku = text(VariantField::Sku);
    v.optionValues.clear();
    for (int i = 0; i < m_optionNames.size(); ++i)
        v.optionValues.append(text(VariantField::Option, i));
    v.price = *money(VariantField::Price);
    v.compareAtPrice = money(VariantField::CompareAtPrice);
    v.cost = money(VariantField::Cost);
    v.barcode = text(VariantField::Barcode);
    v.weightGrams = *VariantCell::integer(text(VariantField::WeightGrams));
    v.lowStockThreshold = *VariantCell::integer(text(VariantField::LowStockThreshold));
    return v;
}

int VariantTableModel::validateAll()
{
    int errors = 0;
    for (int row = 0; row < m_rows.size(); ++row) {
        for (int column = 0; column < m_rows[row].cells.size(); ++column) {
            Cell& cell = m_rows[row].cells[column];
            cell.error = checkCell(column, cell.text);
            errors += cell.error.isEmpty() ? 0 : 1;
        }
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    return errors;
}

QModelIndex VariantTableModel::indexOfField(const QString& field) const
{
    static const QRegularExpression pattern(u"^variants\\[(\\d+)\\]\\.(\\w+)$"_s);
    const auto match = pattern.match(field);
    if (!match.hasMatch())
        return {};
    const int row = match.captured(1).toInt();
    const QString name = match.captured(2);
    for (int column = 0; column < columnCount(); ++column) {
        if (VariantCell::fieldName(fieldAt(column)) == name)
            return index(row, column); // invalid when the row is out of range
    }
    return index(row, 0);
}

QModelIndex VariantTableModel::setFieldError(const QString& field, const QString& message)
{
    const QModelIndex cell = indexOfField(field);
    if (!cell.isValid())
        return {};
    m_rows[cell.row()].cells[cell.column()].error = message;
    emit dataChanged(cell, cell);
    return cell;
}

bool VariantTableModel::hasErrors() const
{
    for (const Row& row : m_rows) {
        for (const Cell& cell : row.cells) {
            if (!cell.error.isEmpty())
                return true;
        }
    }
    return false;
}

void VariantTableModel::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

VariantField VariantTableModel::fieldAt(int column) const
{
    if (column <= 0)
        return VariantField::Sku;
    if (column < fixedColumnsBefore())
        return VariantField::Option;
    return TrailingFields[qBound(0, column - fixedColumnsBefore(), TrailingCount - 1)];
}

int VariantTableModel::columnOf(VariantField field, int option) const
{
    if (field == VariantField::Sku)
        return 0;
    if (field == VariantField::Option)
        return 1 + option;
    for (int i = 0; i < TrailingCount; ++i) {
        if (TrailingFields[i] == field)
            return fixedColumnsBefore() + i;
    }
    return -1;
}

QString VariantTableModel::checkCell(int column, const QString& text) const
{
    const VariantField field = fieldAt(column);
    const QString optionName = field == VariantField::Option ? m_optionNames.value(column - 1) : QString();
    return VariantCell::check(field, text, m_currency, optionName);
}

QString VariantTableModel::fieldNameOf(int row, int column) const
{
    return u"variants[%1].%2"_s.arg(row).arg(VariantCell::fieldName(fieldAt(column)));
}

int VariantTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VariantTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : fixedColumnsBefore() + TrailingCount;
}

QVariant VariantTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cell& cell = m_rows[index.row()].cells[index.column()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return cell.text;
    case ErrorRole:
        return cell.error;
    case FieldRole:
        return fieldNameOf(index.row(), index.column());
    case Qt::ToolTipRole:
        return cell.error.isEmpty() ? QVariant() : QVariant(cell.error);
    case Qt::BackgroundRole: // the error tint of the palette in use, light or dark
        return cell.error.isEmpty()
                   ? QVariant()
                   : QVariant(QBrush(theme::tint(theme::Tone::Error, theme::applicationPalette()).background));
    case Qt::ForegroundRole:
        return cell.error.isEmpty()
                   ? QVariant()
                   : QVariant(QBrush(theme::tint(theme::Tone::Error, theme::applicationPalette()).text));
    case Qt::TextAlignmentRole: {
        const VariantField field = fieldAt(index.column());
        if (isMoney(field) || field == VariantField::WeightGrams || field == VariantField::LowStockThreshold)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    default:
        return {};
    }
}

bool VariantTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Cell& cell = m_rows[index.row()].cells[index.column()];
    const QString text = value.toString();
    const QString error = checkCell(index.column(), text);
    if (text == cell.text && error == cell.error)
        return true;
    const bool changed = text != cell.text;
    cell.text = text;
    cell.error = error; // kept, not refused: the user sees what they typed and why it is wrong
    emit dataChanged(
        index, index,
        {Qt::DisplayRole, Qt::EditRole, ErrorRole, Qt::ToolTipRole, Qt::BackgroundRole, Qt::ForegroundRole});
    if (changed)
        setModified(true);
    return true;
}

Qt::ItemFlags VariantTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

QVariant VariantTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (fieldAt(section)) {
    case VariantField::Sku:
        return tr("SKU", "variant column");
    case VariantField::Option: {
        const QString name = m_optionNames.value(section - 1).trimmed();
        return name.isEmpty() ? tr("Option %1", "variant column for an unnamed option").arg(section) : name;
    }
    //: %1 is the currency code, e.g. "Price (EUR)"
    case VariantField::Price:
        return tr("Price (%1)", "variant column").arg(m_currency.code);
    case VariantField::CompareAtPrice:
        return tr("Compare-at", "variant column: the former price shown struck out");
    case VariantField::Cost:
        return tr("Cost", "variant column: what the merchant pays");
    case VariantField::Barcode:
        return tr("Barcode", "variant column");
    case VariantField::WeightGrams:
        return tr("Weight (g)", "variant column");
    case VariantField::LowStockThreshold:
        return tr("Low-stock threshold", "variant column");
    }
    return {};
}

} // namespace souk
