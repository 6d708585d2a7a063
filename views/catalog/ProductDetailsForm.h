#pragma once

#include <optional>

#include <QStringList>
#include <QWidget>

#include "backend/catalog/Product.h"
#include "backend/core/Error.h"
#include "views/catalog/FieldErrors.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace souk {

/// The product's own fields in the editor (title, handle, description, vendor, category, tags,
/// status, option names), each with its error label ("titleError"). Owned by ProductEditor; GUI thread.
class ProductDetailsForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductDetailsForm)
public:
    explicit ProductDetailsForm(QWidget* parent = nullptr);

    /// Fills the fields without emitting edited().
    void setProduct(const catalog::Product& product);
    /// Writes the fields into `product` (trimmed; tags split at commas; empty option names dropped).
    void apply(catalog::Product& product) const;
    void setCategories(const QStringList& categories);
    QStringList optionNames() const;

    /// The first problem the fields have on their own (translated message, backend field name).
    std::optional<Error> check() const;
    /// Shows `text` beside the field named by the backend ("title", "tags"); false if it is not on this form.
    bool showFieldError(const QString& field, const QString& text, const QString& toolTip = {});
    void clearErrors();
    QLineEdit* titleEdit() const { return m_title; }

signals:
    /// The user changed a field.
    void edited();
    void optionNamesChanged(const QStringList& names);

private:
    QWidget* withError(QWidget* field, const QString& name);
    QWidget* buildOptions();
    void connectEdits();
    static QStringList splitTags(const QString& text);

    FieldErrors m_errors;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_handle = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QLineEdit* m_vendor = nullptr;
    QComboBox* m_category = nullptr;
    QLineEdit* m_tags = nullptr;
    QComboBox* m_status = nullptr;
    QList<QLineEdit*> m_optionNames;
    bool m_filling = false;
};

} // namespace souk
