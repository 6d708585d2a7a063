#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QTableWidget;
class QWidget;

namespace souk {

/// Small read-only tables of a page or dialog (an order's lines, a merchant's balances): rows
/// selected whole, no row numbers, alternating colours. GUI thread only.
class Tables final
{
public:
    Tables() = delete;

    /// A table with these column headers, its last column stretched; objectName `name`.
    static QTableWidget* readOnly(QWidget* parent, const QString& name, const QStringList& headers);
    /// Fills row `row` with `cells`; the columns in `amounts` are right-aligned.
    static void setRow(QTableWidget* table, int row, const QStringList& cells, const QList<int>& amounts = {});
};

} // namespace souk
