#include "views/catalog/ProductDetailsForm.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "backend/catalog/ProductValidator.h"
#include "models/catalog/CatalogText.h"

using namespace Qt::StringLiterals;

namespace souk {

ProductDetailsForm::ProductDetailsForm(QWidget* parent) : QWidget(parent)
{
    m_title = new QLineEdit(this);
    m_title->setObjectName(u"titleEdit"_s);
    m_title->setMaxLength(catalog::Limits::TitleMax);
    m_handle = new QLineEdit(this);
    m_handle->setObjectName(u"handleEdit"_s);
    m_handle->setPlaceholderText(tr("Made from the title when left empty"));
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"descriptionEdit"_s);
    m_description->setTabChangesFocus(true);
    m_vendor = new QLineEdit(this);
    m_vendor->setObjectName(u"vendorEdit"_s);
    m_category = new QComboBox(this);
    m_category->setObjectName(u"categoryEdit"_s);
    m_category->setEditable(true);
    m_category->setInsertPolicy(QComboBox::NoInsert);
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(u"tagsEdit"_s);
    m_tags->setPlaceholderText(tr("Comma separated, e.g. summer, cotton"));
    m_status = new QComboBox(this);
    m_status->setObjectName(u"statusCombo"_s);
    for (const catalog::ProductStatus status : CatalogText::statuses())
        m_status->addItem(CatalogText::status(status), int(status));

    auto* left = new QFormLayout;
    left->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    left->addRow(tr("&Title:"), withError(m_title, u"title"_s));
    left->addRow(tr("&Handle:"), withError(m_handle, u"handle"_s));
    left->addRow(tr("St&atus:"), withError(m_status, u"status"_s));
    left->addRow(tr("&Vendor:"), withError(m_vendor, u"vendor"_s));
    left->addRow(tr("&Category:"), withError(m_category, u"category"_s));
    left->addRow(tr("Ta&gs:"), withError(m_tags, u"tags"_s));
    left->addRow(tr("&Options:"), buildOptions());

    auto* descriptionLabel = new QLabel(tr("&Description:"), this);
    descriptionLabel->setBuddy(m_description);
    auto* right = new QVBoxLayout;
    right->addWidget(descriptionLabel);
    right->addWidget(withError(m_description, u"description"_s), 1);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 3);
    layout->addSpacing(12);
    layout->addLayout(right, 2);
    connectEdits();
}

QWidget* ProductDetailsForm::withError(QWidget* field, const QString& name)
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field, 1);
    layout->addWidget(m_errors.add(name, field));
    return box;
}

QWidget* ProductDetailsForm::buildOptions()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < catalog::Limits::OptionsMax; ++i) {
        auto* edit = new QLineEdit(row);
        edit->setObjectName(u"optionName%1Edit"_s.arg(i + 1));
        //: placeholder of the option name fields, e.g. "Option 1 (e.g. Size)"
        edit->setPlaceholderText(i == 0 ? tr("e.g. Size") : i == 1 ? tr("e.g. Colour") : tr("e.g. Material"));
        edit->setAccessibleName(tr("Option name %1").arg(i + 1));
        layout->addWidget(edit);
        m_optionNames.append(edit);
    }
    auto* box = new QWidget(this);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    boxLayout->setSpacing(2);
    boxLayout->addWidget(row);
    auto* error = m_errors.add(u"optionNames"_s, m_optionNames.first());
    error->setParent(box);
    boxLayout->addWidget(error);
    return box;
}

void ProductDetailsForm::connectEdits()
{
    auto edited = [this] {
        if (!m_filling)
            emit this->edited();
    };
    for (QLineEdit* edit : {m_title, m_handle, m_vendor, m_tags})
        connect(edit, &QLineEdit::textChanged, this, edited);
    connect(m_description, &QPlainTextEdit::textChanged, this, edited);
    connect(m_category, &QComboBox::currentTextChanged, this, edited);
    connect(m_status, &QComboBox::currentIndexChanged, this, edited);
    for (QLineEdit* edit : m_optionNames) {
        connect(edit, &QLineEdit::textChanged, this, [this, edited] {
            edited();
            if (!m_filling)
                emit optionNamesChanged(optionNames());
        });
    }
}

void ProductDetailsForm::setProduct(const catalog::Product& product)
{
    m_filling = true;
    m_title->setText(product.title);
    m_handle->setText(product.handle);
    m_description->setPlainText(product.description);
    m_vendor->setText(product.vendor);
    m_category->setCurrentText(product.category);
    m_tags->setText(product.tags.join(u", "_s));
    m_status->setCurrentIndex(qMax(0, m_status->findData(int(product.status))));
    for (int i = 0; i < m_optionNames.size(); ++i)
        m_optionNames[i]->setText(product.optionNames.value(i));
    m_filling = false;
    clearErrors();
}

void ProductDetailsForm::apply(catalog::Product& product) const
{
    product.title = m_title->text().trimmed();
    product.handle = m_handle->text().trimmed();
    product.description = m_description->toPlainText();
    product.vendor = m_vendor->text().trimmed();
    product.category = m_category->currentText().trimmed();
    product.tags = splitTags(m_tags->text());
    product.status = catalog::ProductStatus(m_status->currentData().toInt());
    product.optionNames = optionNames();
}

void ProductDetailsForm::setCategories(const QStringList& categories)
{
    m_filling = true;
    const QString current = m_category->currentText();
    m_category->clear();
    m_category->addItems(categories);
    m_category->setCurrentText(current);
    m_filling = false;
}

QStringList ProductDetailsForm::optionNames() const
{
    QStringList names;
    for (const QLineEdit* edit : m_optionNames) {
        if (const QString name = edit->text().trimmed(); !name.isEmpty())
            names.append(name);
    }
    return names;
}

QStringList ProductDetailsForm::splitTags(const QString& text)
{
    QStringList tags;
    for (const QString& tag : text.split(u',', Qt::SkipEmptyParts)) {
        if (const QString trimmed = tag.trimmed(); !trimmed.isEmpty())
            tags.append(trimmed);
    }
    return tags;
}

std::optional<Error> ProductDetailsForm::check() const
{
    const QString title = m_title->text().trimmed();
    if (title.isEmpty())
        return Error::invalid(u"title"_s, tr("Enter a title."));
    const QString handle = m_handle->text().trimmed();
    if (!handle.isEmpty() && !catalog::isValidHandle(handle)) {
        //: %1 is an example handle made from the title
        return Error::invalid(u"handle"_s,
                              tr("Use lower-case letters and digits joined by dashes, e.g. \u201c%1\u201d.")
                                  .arg(catalog::makeHandle(title)));
    }
    const QStringList tags = splitTags(m_tags->text());
    if (tags.size() > catalog::Limits::TagsMax)
        return Error::invalid(u"tags"_s, tr("At most %1 tags.").arg(catalog::Limits::TagsMax));
    for (const QString& tag : tags) {
        if (tag.size() > catalog::Limits::TagMax)
            return Error::invalid(u"tags"_s, tr("A tag can have at most %1 characters.").arg(catalog::Limits::TagMax));
    }
    const QStringList names = optionNames();
    for (int i = 0; i < names.size(); ++i) {
        for (int j = 0; j < i; ++j) {
            if (names[i].compare(names[j], Qt::CaseInsensitive) == 0)
                return Error::duplicate(u"optionNames"_s,
                                        tr("Two options are both called \u201c%1\u201d.").arg(names[i]));
        }
    }
    return std::nullopt;
}

bool ProductDetailsForm::showFieldError(const QString& field, const QString& text, const QString& toolTip)
{
    return m_errors.show(field, text, toolTip);
}

void ProductDetailsForm::clearErrors()
{
    m_errors.clear();
}

} // namespace souk
