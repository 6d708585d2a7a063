#include "views/catalog/BulkEditDialog.h"

#include <limits>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "models/catalog/BulkEditInput.h"
#include "models/catalog/CatalogText.h"
#include "views/catalog/BulkEditController.h"
#include "views/common/ToneText.h"

using namespace Qt::StringLiterals;

namespace souk {

using Kind = catalog::BulkEdit::Kind;

BulkEditDialog::BulkEditDialog(const Currency& currency, const QStringList& categories, int productCount,
                               qint64 variantCount, QWidget* parent)
    : QDialog(parent), m_currency(currency), m_categories(categories)
{
    setObjectName(u"bulkEditDialog"_s);
    setWindowTitle(tr("Bulk edit"));
    buildUi(productCount, variantCount);
    onKindChanged();
}

void BulkEditDialog::buildUi(int productCount, qint64 variantCount)
{
    //: %1 = "120 products", %2 = "1,234 variants"
    auto* summary = new QLabel(
        tr("%1 selected (%2).")
            .arg(BulkEditController::productsText(productCount),
                 BulkEditController::variantsText(int(qMin<qint64>(variantCount, std::numeric_limits<int>::max())))),
        this);
    summary->setObjectName(u"selectionSummary"_s);
    m_action = new QComboBox(this);
    m_action->setObjectName(u"actionCombo"_s);
    m_action->addItem(tr("Set status"), int(Kind::SetStatus));
    m_action->addItem(tr("Set category"), int(Kind::SetCategory));
    m_action->addItem(tr("Change price by amount"), int(Kind::AdjustPriceByAmount));
    m_action->addItem(tr("Change price by percent"), int(Kind::AdjustPriceByPercent));
    m_valueError = new QLabel(this);
    m_valueError->setObjectName(u"valueError"_s);
    setToneText(m_valueError, theme::Tone::Error);
    m_valueError->setWordWrap(true);
    m_valueError->hide();
    m_hint = new QLabel(this);
    m_hint->setObjectName(u"valueHint"_s);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    auto* actionLabel = new QLabel(tr("&Action:"), this);
    actionLabel->setBuddy(m_action);
    form->addRow(actionLabel, m_action);
    m_valueLabel = new QLabel(tr("&Value:"), this);
    form->addRow(m_valueLabel, buildValueStack());
    form->addRow(QString(), m_valueError);
    form->addRow(QString(), m_hint);

    auto* buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(tr("&Apply", "apply a bulk edit"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(u"applyButton"_s);
    m_apply->setDefault(true);
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    connect(m_apply, &QPushButton::clicked, this, &BulkEditDialog::apply);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_action, &QComboBox::currentIndexChanged, this, &BulkEditDialog::onKindChanged);
    connect(m_value, &QLineEdit::textEdited, this, [this] { readValue(!m_value->text().trimmed().isEmpty()); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

QWidget* BulkEditDialog::buildValueStack()
{
    m_valueStack = new QStackedWidget(this);
    m_status = new QComboBox(m_valueStack);
    m_status->setObjectName(u"statusValue"_s);
    for (const catalog::ProductStatus status : CatalogText::statuses())
        m_status->addItem(CatalogText::status(status), int(status));
    m_category = new QComboBox(m_valueStack);
    m_category->setObjectName(u"categoryValue"_s);
    m_category->setEditable(true);
    m_category->addItems(m_categories);
    m_category->setCurrentText({});
    m_category->lineEdit()->setPlaceholderText(tr("Empty removes the category"));
    m_value = new QLineEdit(m_valueStack);
    m_value->setObjectName(u"valueEdit"_s);
    m_valueStack->addWidget(m_status);
    m_valueStack->addWidget(m_category);
    m_valueStack->addWidget(m_value);
    return m_valueStack;
}

Kind BulkEditDialog::kind() const
{
    return Kind(m_action->currentData().toInt());
}

void BulkEditDialog::onKindChanged()
{
    m_valueError->hide();
    switch (kind()) {
    case Kind::SetStatus:
        m_valueStack->setCurrentWidget(m_status);
        m_hint->setText(tr("Only the status changes; prices and stock stay as they are."));
        break;
    case Kind::SetCategory:
        m_valueStack->setCurrentWidget(m_category);
        m_hint->setText(tr("Pick a category or type a new one."));
        break;
    case Kind::AdjustPriceByAmount:
        m_valueStack->setCurrentWidget(m_value);
        m_value->setPlaceholderText(tr("e.g. 2.50 or -1.00"));
        //: %1 is a currency code
        m_hint->setText(
            tr("Added to every variant's price, in %1. Use a minus sign to lower prices.").arg(m_currency.code));
        break;
    case Kind::AdjustPriceByPercent:
        m_valueStack->setCurrentWidget(m_value);
        m_value->setPlaceholderText(tr("e.g. 10 or -2.5"));
        m_hint->setText(tr("10 raises every price by 10 %, -25 lowers it by 25 %. Results are rounded half up "
                           "to the nearest minor unit."));
        break;
    }
    m_valueLabel->setBuddy(m_valueStack->currentWidget());
    readValue(false);
    fitHeight();
}

bool BulkEditDialog::readValue(bool showError)
{
    m_edit = {};
    m_edit.kind = kind();
    m_edit.rounding = Rounding::HalfUp;
    Result<qint64> value = qint64(0);
    switch (m_edit.kind) {
    case Kind::SetStatus:
        m_edit.status = catalog::ProductStatus(m_status->currentData().toInt());
        break;
    case Kind::SetCategory:
        m_edit.category = m_category->currentText().trimmed();
        break;
    case Kind::AdjustPriceByAmount:
        value = BulkEditInput::amountMinor(m_value->text(), m_currency);
        m_edit.amountMinor = value ? *value : 0;
        break;
    case Kind::AdjustPriceByPercent:
        value = BulkEditInput::percentBasisPoints(m_value->text());
        m_edit.basisPoints = value ? *value : 0;
        break;
    }
    if (value) {
        m_valueError->hide();
        return true;
    }
    if (showError) {
        m_valueError->setText(value.error().message);
        m_valueError->show();
        fitHeight();
    }
    return false;
}

void BulkEditDialog::fitHeight()
{
    if (!isVisible())
        return; // show() sizes the dialog from its layout
    layout()->activate();
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void BulkEditDialog::apply()
{
    if (!readValue(true)) {
        m_value->setFocus(Qt::OtherFocusReason);
        m_value->selectAll();
        return;
    }
    accept();
}

} // namespace souk
