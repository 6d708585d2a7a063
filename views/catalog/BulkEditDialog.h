#pragma once

#include <QDialog>
#include <QStringList>

#include "backend/catalog/BulkEdit.h"
#include "backend/core/Currency.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace souk {

/// Asks what to change in the selected products: status, category, or the price by an amount or a
/// percentage. Checks the value inline and accepts only a valid edit; the caller confirms and runs
/// it. objectName "bulkEditDialog". Owned by the catalog page; GUI thread.
class BulkEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkEditDialog)
public:
    BulkEditDialog(const Currency& currency, const QStringList& categories, int productCount, qint64 variantCount,
                   QWidget* parent = nullptr);

    /// The edit chosen (kind and value; merchant and product ids are the caller's). Valid after accept().
    catalog::BulkEdit edit() const { return m_edit; }

private:
    void buildUi(int productCount, qint64 variantCount);
    QWidget* buildValueStack();
    void onKindChanged();
    /// Reads the value into m_edit; shows the error beside the field when `showError`.
    bool readValue(bool showError);
    void apply();
    /// Grows a shown dialog to fit the word-wrapped hint and error (a shown window does not follow
    /// its height-for-width layout on its own).
    void fitHeight();
    catalog::BulkEdit::Kind kind() const;

    Currency m_currency;
    QStringList m_categories;
    catalog::BulkEdit m_edit;
    QComboBox* m_action = nullptr;
    QStackedWidget* m_valueStack = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_category = nullptr;
    QLineEdit* m_value = nullptr;
    QLabel* m_valueLabel = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_valueError = nullptr;
    QPushButton* m_apply = nullptr;
};

} // namespace souk
