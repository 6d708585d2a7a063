#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include "backend/catalog/Product.h"
#include "backend/core/Currency.h"
#include "backend/core/Result.h"
#include "models/catalog/VariantCell.h"

namespace souk {

/// The editable variant grid of the product editor: SKU, one column per option name, Price,
/// Compare-at, Cost, Barcode, Weight (g), Low-stock threshold. Cells keep exactly what was typed;
/// a bad value is kept with an error (ErrorRole, red background, tooltip) instead of being refused,
/// and variants() reports the first one. Owned by the editor; GUI thread.
class VariantTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariantTableModel)
public:
    enum Role
    {
        ErrorRole = Qt::UserRole + 1, ///< the cell's translated error, or an empty string
        FieldRole,                    ///< the backend field name, e.g. "variants[2].price"
    };

    explicit VariantTableModel(const Currency& currency, QObject* parent = nullptr);

    const Currency& currency() const { return m_currency; }
    /// Loads a product's variants (a reset: not a modification).
    void setVariants(const QStringList& optionNames, const QList<catalog::Variant>& variants);
    /// Adds or removes option columns (keeping the values of the options that stay).
    void setOptionNames(const QStringList& optionNames);
    QStringList optionNames() const { return m_optionNames; }

    /// Appends an empty variant; returns its row.
    int addVariant();
    void removeVariant(int row);

    /// The variants as typed, or the first cell error (row by row, left to right) as an
    /// Error::invalid whose field is "variants[i].price" and whose message is the translated text.
    Result<QList<catalog::Variant>> variants() const;
    /// Checks every cell and shows each error in its cell; returns how many there are.
    int validateAll();
    /// Shows a server error in its cell ("variants[2].sku"); returns the cell, or an invalid index.
    QModelIndex setFieldError(const QString& field, const QString& message);
    /// The cell a field name points at, or an invalid index.
    QModelIndex indexOfField(const QString& field) const;
    bool hasErrors() const;

    bool isModified() const { return m_modified; }
    void setModified(bool modified);

    VariantField fieldAt(int column) const;
    int columnOf(VariantField field, int option = 0) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void modifiedChanged(bool modified);

private:
    struct Cell
    {
        QString text;
        QString error;
    };
    struct Row
    {
        catalog::Variant original; ///< id, version and anything the grid does not show
        QList<Cell> cells;         ///< one per column
    };

    Row rowOf(const catalog::Variant& variant) const;
    QString checkCell(int column, const QString& text) const;
    QString fieldNameOf(int row, int column) const;
    Result<catalog::Variant> variantOf(int row) const;
    int fixedColumnsBefore() const { return 1 + int(m_optionNames.size()); }

    Currency m_currency;
    QStringList m_optionNames;
    QList<Row> m_rows;
    bool m_modified = false;
};

} // namespace souk
