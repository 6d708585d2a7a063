#include "views/orders/RefundDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/ErrorText.h"
#include "models/common/Format.h"
#include "models/orders/OrderText.h"
#include "views/common/Dialogs.h"
#include "views/common/ToneText.h"

using namespace Qt::StringLiterals;

namespace souk {

RefundDialog::RefundDialog(Client& client, const payments::Payment& payment, QWidget* parent)
    : QDialog(parent), m_client(client), m_payment(payment),
      m_key(u"refund-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    setObjectName(u"refundDialog"_s);
    setWindowTitle(tr("Refund payment"));
    auto found = Currency::find(payment.currency);
    m_currency = found ? *found : Currency{};
    auto* form = new QFormLayout;
    auto* refundable = new QLabel(formatMoney(payment.refundableMinor(), m_currency), this);
    refundable->setObjectName(u"refundableLabel"_s);
    form->addRow(tr("Refundable:"), refundable);
    m_amount = new QLineEdit(moneyEditText(payment.refundableMinor(), m_currency), this);
    m_amount->setObjectName(u"amountEdit"_s);
    m_amountError = new QLabel(this);
    m_amountError->setObjectName(u"amountError"_s);
    m_amountError->hide();
    //: %1 is a currency symbol such as € or ¥
    form->addRow(tr("Amount (%1):").arg(currencySymbol(m_currency)), m_amount);
    form->addRow(QString(), m_amountError);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"reasonEdit"_s);
    m_reason->setPlaceholderText(tr("Why is the money returned? (customers see this on their receipt)"));
    m_reason->setMaxLength(255);
    m_reasonError = new QLabel(this);
    m_reasonError->setObjectName(u"reasonError"_s);
    m_reasonError->hide();
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(QString(), m_reasonError);
    m_failure = new QLabel(this);
    m_failure->setObjectName(u"failureLabel"_s);
    m_failure->setWordWrap(true);
    m_failure->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_refund = buttons->addButton(tr("Refund"), QDialogButtonBox::AcceptRole);
    m_refund->setObjectName(u"refundButton"_s);
    m_refund->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refund, &QPushButton::clicked, this, &RefundDialog::submit);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_failure);
    layout->addWidget(buttons);
    m_amount->selectAll();
    m_amount->setFocus();
}

RefundDialog::RefundDialog(Client& client, const orders::Order& order, const payments::Payment& payment,
                           QWidget* parent)
    : RefundDialog(client, payment, parent)
{
    m_orderNumber = OrderText::number(order);
    //: title of the refund dialog; %1 is the order number ("#1042")
    setWindowTitle(tr("Refund payment of order %1").arg(m_orderNumber));
}

void RefundDialog::showFieldError(QLabel* label, QLineEdit* edit, const QString& text)
{
    label->setText(text);
    setToneText(label, theme::Tone::Error);
    label->show();
    edit->setFocus();
}

void RefundDialog::submit()
{
    if (m_inFlight)
        return; // a second click while the first is on its way
    m_amountError->hide();
    m_reasonError->hide();
    m_failure->hide();
    auto amount = Money::parse(m_amount->text().trimmed(), m_currency, u"amount"_s);
    if (!amount)
        return showFieldError(m_amountError, m_amount, tr("Enter an amount such as %1.").arg(moneyEditText(1250, m_currency)));
    if (amount->minor() <= 0)
        return showFieldError(m_amountError, m_amount, tr("The amount must be more than zero."));
    if (amount->minor() > m_payment.refundableMinor())
        return showFieldError(m_amountError, m_amount,
                              tr("At most %1 can be refunded.").arg(formatMoney(m_payment.refundableMinor(), m_currency)));
    if (m_reason->text().trimmed().isEmpty())
        return showFieldError(m_reasonError, m_reason, tr("Say why the money is returned."));
    const QString card = tr("•••• %1").arg(m_payment.card.last4);
    const QString captured = formatMoney(m_payment.capturedMinor, m_currency);
    const QString question =
        m_orderNumber.isEmpty()
            //: %1 amount to refund, %2 what was captured, %3 the card, e.g. "•••• 4242"
            ? tr("Refund %1 of %2 to the card %3?").arg(formatMoney(*amount), captured, card)
            //: %1 amount to refund, %2 what was captured, %3 the order number ("#1042"), %4 the card ("•••• 4242")
            : tr("Refund %1 of %2 for order %3 to the card %4?")
                  .arg(formatMoney(*amount), captured, m_orderNumber, card);
    if (!Dialogs::confirm(this, tr("Refund payment"), question, tr("Refund")))
        return;
    m_inFlight = true;
    m_refund->setEnabled(false);
    onReady(m_client.refundPayment(m_payment.id, amount->minor(), m_reason->text().trimmed(), m_key), this,
            [this](const Result<payments::Refund>& result) {
                m_inFlight = false;
                m_refund->setEnabled(true);
                if (!result) {
                    m_failure->setText(errorTextWithField(result.error()));
                    m_failure->setToolTip(errorDetails(result.error()));
                    m_failure->show();
                    return;
                }
                emit refunded(*result);
                accept();
            });
}

} // namespace souk
