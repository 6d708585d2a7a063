#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "backend/catalog/CatalogImport.h"

namespace souk {

/// The first ProductsMax products an import plan would write (Handle, Title, Variants, Price of
/// the first variant): what the user checks before importing. Owned by its view; GUI thread.
class ImportProductPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportProductPreviewModel)
public:
    enum Column
    {
        Handle,
        Title,
        Variants,
        Price,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, ///< texts, variant count as int, price in minor units
    };
    static constexpr int ProductsMax = 200;

    explicit ImportProductPreviewModel(QObject* parent = nullptr);

    /// Shows the first ProductsMax products of `plan` (a reset).
    void setPlan(const catalog::ImportPlan& plan);
    void clear();
    /// Products in the plan, shown or not.
    int totalProducts() const { return m_total; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString handle;
        QString title;
        int variants = 0;
        bool hasPrice = false;
        Money price;
    };
    QList<Row> m_rows;
    int m_total = 0;
};

} // namespace souk
