#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "backend/catalog/CatalogImport.h"

namespace souk {

/// The problems of an import plan, one row per RowError (Line, Column, Problem), plus the plan's
/// translated summary and headline. Holds a copy of the errors only. Owned by its view; GUI thread.
class ImportPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewModel)
public:
    enum Column
    {
        Line,
        ColumnName,
        Problem,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, ///< line as int, column and message as text
    };

    explicit ImportPreviewModel(QObject* parent = nullptr);

    /// Shows `plan` (replaces what was shown: a reset).
    void setPlan(const catalog::ImportPlan& plan);
    void clear();
    bool hasPlan() const { return m_hasPlan; }

    /// "3 products, 5 variants in 5 rows"; empty before a plan is set.
    QString summary() const;
    /// "12 rows have problems. Fix the file and choose it again; nothing has been imported."
    /// Empty when the plan has no errors.
    QString headline() const;
    /// What Souk made of the file that it had to decide itself (SKUs it made, stock below zero);
    /// empty when nothing.
    QString notes() const;
    /// Every problem as UTF-8 CSV with a BOM (so spreadsheets read it as UTF-8): Line, Column and
    /// Problem in the user's language; cells a spreadsheet would run as formulas are quoted.
    QByteArray problemsCsv() const;
    int errorCount() const { return int(m_errors.size()); }
    /// Distinct lines with at least one error.
    int problemRowCount() const;
    catalog::RowError error(int row) const;

    static QString summaryText(int products, int variants, int rows);
    static QString headlineText(int problemRows);
    /// `error`'s sentence in the user's language ("expected 21 columns, found 4").
    static QString problemText(const catalog::RowError& error);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<catalog::RowError> m_errors;
    int m_products = 0;
    int m_variants = 0;
    int m_rows = 0;
    int m_derivedSkus = 0;
    QString m_derivedSkuExample;
    int m_negativeStock = 0;
    bool m_hasPlan = false;
};

} // namespace souk
