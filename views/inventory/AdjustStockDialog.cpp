#include "views/inventory/AdjustStockDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

#include "backend/catalog/Product.h"
#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/ErrorText.h"
#include "models/common/Format.h"
#include "models/inventory/AdjustmentCheck.h"
#include "models/inventory/MovementModel.h"
#include "views/common/MessageBar.h"
#include "views/common/ToneText.h"

using namespace Qt::StringLiterals;

namespace souk {

namespace {

QLabel* makeErrorLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    setToneText(label, theme::Tone::Error);
    label->setWordWrap(true);
    label->hide();
    return label;
}

QLabel* makeValueLabel(const QString& objectName, const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

/// A quantity that may be negative, with a true minus sign (as the history shows it).
QString quantityText(qint64 quantity)
{
    return quantity < 0 ? QChar(0x2212) + formatQuantity(-quantity) : formatQuantity(quantity);
}

} // namespace

AdjustStockDialog::AdjustStockDialog(Client& client, const catalog::StockLevel& level, QWidget* parent)
    : QDialog(parent), m_client(client), m_level(level),
      m_key(u"adjust-stock-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)), m_result(level)
{
    setObjectName(u"adjustStockDialog"_s);
    //: window title; %1 = SKU
    setWindowTitle(tr("Adjust stock – %1").arg(level.sku));
    buildUi();
    onKindChanged();
}

void AdjustStockDialog::buildUi()
{
    m_messageBar = new MessageBar(this);
    auto* buttons = new QDialogButtonBox(this);
    m_applyButton = buttons->addButton(tr("&Apply", "apply a stock adjustment"), QDialogButtonBox::AcceptRole);
    m_applyButton->setObjectName(u"applyButton"_s);
    m_applyButton->setDefault(true);
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    connect(m_applyButton, &QPushButton::clicked, this, &AdjustStockDialog::apply);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(buildForm());
    layout->addStretch(1);
    layout->addSpacing(6);
    layout->addWidget(buttons);
    setMinimumWidth(500);
}

QWidget* AdjustStockDialog::buildForm()
{
    auto* form = new QWidget(this);
    auto* grid = new QFormLayout(form);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    grid->addRow(tr("SKU:"), makeValueLabel(u"skuLabel"_s, m_level.sku, form));
    grid->addRow(tr("Location:", "stock location"), makeValueLabel(u"locationLabel"_s, m_level.locationName, form));
    //: current stock; %1 on hand, %2 reserved, %3 available
    const QString stock =
        tr("%1 on hand · %2 reserved · %3 available")
            .arg(formatQuantity(m_level.onHand), formatQuantity(m_level.reserved), formatQuantity(m_level.available()));
    grid->addRow(tr("Now:", "current stock"), makeValueLabel(u"stockLabel"_s, stock, form));

    auto* line = new QFrame(form);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    grid->addRow(line);

    m_kindCombo = new QComboBox(form);
    m_kindCombo->setObjectName(u"kindCombo"_s);
    for (auto kind :
         {catalog::MovementKind::Received, catalog::MovementKind::Adjusted, catalog::MovementKind::Returned})
        m_kindCombo->addItem(MovementModel::kindText(kind), int(kind));
    grid->addRow(tr("&Kind:", "kind of stock movement"), m_kindCombo);

    m_quantityEdit = new QLineEdit(form);
    m_quantityEdit->setObjectName(u"quantityEdit"_s);
    m_quantityError = makeErrorLabel(u"quantityError"_s, form);
    grid->addRow(tr("&Quantity:"), m_quantityEdit);
    grid->addRow(QString(), m_quantityError);

    m_reasonEdit = new QLineEdit(form);
    m_reasonEdit->setObjectName(u"reasonEdit"_s);
    m_reasonEdit->setMaxLength(catalog::Limits::ShortTextMax);
    m_reasonError = makeErrorLabel(u"reasonError"_s, form);
    m_reasonLabel = new QLabel(tr("&Reason:"), form);
    m_reasonLabel->setBuddy(m_reasonEdit);
    grid->addRow(m_reasonLabel, m_reasonEdit);
    grid->addRow(QString(), m_reasonError);

    m_resultLabel = makeValueLabel(u"resultLabel"_s, QString(), form);
    grid->addRow(tr("After:", "stock after the adjustment"), m_resultLabel);

    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &AdjustStockDialog::onKindChanged);
    connect(m_quantityEdit, &QLineEdit::textEdited, this, [this] {
        m_quantityError->hide();
        updatePreview();
    });
    connect(m_reasonEdit, &QLineEdit::textEdited, m_reasonError, &QWidget::hide);
    return form;
}

catalog::MovementKind AdjustStockDialog::kind() const
{
    return catalog::MovementKind(m_kindCombo->currentData().toInt());
}

void AdjustStockDialog::onKindChanged()
{
    const bool isSigned = AdjustmentCheck::isSigned(kind());
    m_quantityEdit->setPlaceholderText(isSigned ? tr("5 adds, -3 removes", "signed quantity hint")
                                                : tr("Units, e.g. 5", "positive quantity hint"));
    m_reasonEdit->setPlaceholderText(AdjustmentCheck::needsReason(kind())
                                         ? tr("Required, e.g. counted, damaged", "reason hint")
                                         : tr("Optional, e.g. delivery note number", "reason hint"));
    m_quantityError->hide();
    m_reasonError->hide();
    updatePreview();
}

void AdjustStockDialog::updatePreview()
{
    std::optional<qint64> delta = AdjustmentCheck::parseQuantity(m_quantityEdit->text());
    if (!delta || *delta > catalog::Limits::QuantityMax || *delta < -catalog::Limits::QuantityMax) {
        m_resultLabel->setText(tr("–", "no quantity entered yet"));
        clearToneText(m_resultLabel);
        return;
    }
    const bool impossible = m_level.available() + *delta < 0; // the engine would refuse it
    if (impossible)
        setToneText(m_resultLabel, theme::Tone::Error);
    else
        clearToneText(m_resultLabel);
    //: stock after the adjustment; %1 on hand, %2 available
    m_resultLabel->setText(tr("%1 on hand · %2 available")
                               .arg(quantityText(m_level.onHand + *delta), quantityText(m_level.available() + *delta)));
}

void AdjustStockDialog::showFieldError(QLabel* label, QWidget* field, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        field->setFocus(Qt::OtherFocusReason);
}

void AdjustStockDialog::apply()
{
    if (m_pending || m_stale)
        return;
    const AdjustmentCheck::Outcome outcome =
        AdjustmentCheck::check(m_level, kind(), m_quantityEdit->text(), m_reasonEdit->text());
    // reason first, so the quantity field (above it) keeps the focus when both are wrong
    showFieldError(m_reasonError, m_reasonEdit, outcome.reasonError);
    showFieldError(m_quantityError, m_quantityEdit, outcome.quantityError);
    if (!outcome.ok())
        return;
    m_messageBar->clearMessage();
    setPending(true);
    onReady(m_client.adjustStock(*outcome.adjustment, m_key), this,
            [this](const Result<catalog::StockLevel>& result) { onApplied(result); });
}

void AdjustStockDialog::onApplied(const Result<catalog::StockLevel>& result)
{
    setPending(false);
    if (result) {
        m_result = result.value();
        accept();
        return;
    }
    const Error& error = result.error();
    if (error.code == ErrorCode::VersionConflict) {
        m_stale = true;
        m_applyButton->setEnabled(false);
        m_messageBar->showError(tr("The stock changed since you opened this. Close this window and open it "
                                   "again to see the current numbers."),
                                errorDetails(error));
        return;
    }
    m_messageBar->showError(error);
    if (error.field == u"reason"_s)
        m_reasonEdit->setFocus(Qt::OtherFocusReason);
    else
        m_quantityEdit->setFocus(Qt::OtherFocusReason);
}

void AdjustStockDialog::setPending(bool pending)
{
    m_pending = pending;
    m_applyButton->setEnabled(!pending && !m_stale);
    m_applyButton->setText(pending ? tr("Applying…") : tr("&Apply", "apply a stock adjustment"));
    if (pending)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

} // namespace souk
