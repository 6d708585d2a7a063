#include "views/orders/OrderDetailDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "backend/auth/Operation.h"
#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "backend/orders/OrderStateMachine.h"
#include "models/common/Format.h"
#include "models/orders/OrderText.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/common/Tables.h"
#include "views/orders/RefundDialog.h"

using namespace Qt::StringLiterals;
using souk::orders::OrderStatus;
using souk::payments::PaymentStatus;

namespace souk {
namespace {

/// Columns as wide as their contents plus some air, so neighbouring cells do not touch.
void fitColumns(QTableWidget* table)
{
    table->resizeColumnsToContents();
    for (int c = 0; c + 1 < table->columnCount(); ++c) // the last one stretches
        table->setColumnWidth(c, table->columnWidth(c) + 2 * table->fontMetrics().averageCharWidth());
}

} // namespace

OrderDetailDialog::OrderDetailDialog(Client& client, Id orderId, QWidget* parent)
    : QDialog(parent), m_client(client), m_orderId(orderId)
{
    setObjectName(u"orderDetailDialog"_s);
    //: %1 is the order number ("#1042")
    setWindowTitle(tr("Order %1").arg(u"…"_s)); // its number once it is read
    resize(860, 620);
    m_header = new QLabel(tr("Loading…"), this);
    m_header->setObjectName(u"orderHeader"_s);
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    buildCustomer();
    m_totals = new QLabel(this);
    m_totals->setObjectName(u"orderTotals"_s);
    m_messageBar = new MessageBar(this);
    m_tabs = new QTabWidget(this);
    m_lines = Tables::readOnly(this, u"linesTable"_s,
                               {tr("SKU"), tr("Item"), tr("Quantity"), tr("Unit price"), tr("Line total")});
    m_payments = Tables::readOnly(this, u"paymentsTable"_s,
                                  {tr("Kind"), tr("Status"), tr("Amount"), tr("Card"), tr("Details"), tr("When")});
    m_ledger =
        Tables::readOnly(this, u"ledgerTable"_s, {tr("Entry"), tr("Account"), tr("Debit"), tr("Credit"), tr("When")});
    m_timeline =
        Tables::readOnly(this, u"timelineTable"_s, {tr("When"), tr("Event"), tr("Amount"), tr("By"), tr("Details")});
    m_tabs->addTab(m_lines, tr("Items"));
    m_tabs->addTab(m_payments, tr("Payments"));
    m_tabs->addTab(m_ledger, tr("Ledger"));
    m_tabs->addTab(m_timeline, tr("Timeline"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_capture = buttons->addButton(tr("&Capture"), QDialogButtonBox::ActionRole);
    m_capture->setObjectName(u"captureButton"_s);
    m_refund = buttons->addButton(tr("&Refund…"), QDialogButtonBox::ActionRole);
    m_refund->setObjectName(u"refundButton"_s);
    m_cancel = buttons->addButton(tr("Cancel &order"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(u"cancelOrderButton"_s);
    m_evidence = buttons->addButton(tr("Send &evidence…"), QDialogButtonBox::ActionRole);
    m_evidence->setObjectName(u"sendEvidenceButton"_s);
    m_evidence->setToolTip(tr("Answer the customer's dispute: the card network reviews the evidence and decides"));
    for (QPushButton* b : {m_capture, m_refund, m_cancel, m_evidence})
        b->setEnabled(false);
    // actions follow the role: a button the role may not use is not there (the engine refuses anyway)
    const auth::Role role = client.principal().role;
    m_capture->setVisible(auth::allowed(role, auth::Operation::CapturePayment));
    m_refund->setVisible(auth::allowed(role, auth::Operation::RefundPayment));
    m_cancel->setVisible(auth::allowed(role, auth::Operation::CancelOrder));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_capture, &QPushButton::clicked, this, &OrderDetailDialog::capture);
    connect(m_refund, &QPushButton::clicked, this, &OrderDetailDialog::refund);
    connect(m_cancel, &QPushButton::clicked, this, &OrderDetailDialog::cancelOrder);
    connect(m_evidence, &QPushButton::clicked, this, &OrderDetailDialog::sendEvidence);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(m_customer);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_totals);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    reload();
}

void OrderDetailDialog::reload()
{
    onReady(m_client.orderDetail(m_orderId), this, [this](const Result<payments::OrderDetail>& detail) {
        if (!detail) {
            m_messageBar->showError(detail.error());
            return;
        }
        present(*detail);
    });
}

QString OrderDetailDialog::money(qint64 minor) const
{
    return formatMoney(minor, m_currency);
}

void OrderDetailDialog::present(const payments::OrderDetail& d)
{
    m_detail = d;
    auto found = Currency::find(d.order.currency);
    m_currency = found ? *found : Currency{};
    const auto& o = d.order;
    setWindowTitle(tr("Order %1").arg(OrderText::number(o)));
    //: %1 order number, %2 status, %3 payment state, %4 customer name, %5 email, %6 date
    m_header->setText(tr("<b>Order %1</b> · %2 · %3<br>%4 &lt;%5&gt; · placed %6")
                          .arg(OrderText::number(o).toHtmlEscaped(), OrderText::status(o.status),
                               OrderText::paymentState(o.paymentState), d.customer.name.toHtmlEscaped(),
                               d.customer.email.toHtmlEscaped(), formatDateTime(o.createdMs)));
    // the long id stays what support and the API name the order by
    m_header->setToolTip(tr("Order ID %1").arg(o.id.toString()));
    for (const auto& p : d.payments) {
        if (!p.attention.isEmpty()) { // what a person must act on is said first, in the message bar
            m_messageBar->showError(tr("This order needs attention"), OrderText::attention(p.attention));
            break;
        }
    }
    //: order totals line
    m_totals->setText(tr("Subtotal %1 − discount %2 + tax %3 + delivery %4 = <b>%5</b> · captured %6 · refunded %7")
                          .arg(money(o.subtotalMinor), money(o.discountMinor), money(o.taxMinor),
                               money(o.deliveryFeeMinor), money(o.totalMinor), money(o.capturedMinor),
                               money(o.refundedMinor)));
    fillCustomer();
    fillLines();
    fillPayments();
    fillLedger();
    fillTimeline();
    m_capture->setEnabled(paymentIn(PaymentStatus::Authorized) != nullptr);
    const payments::Payment* captured = paymentIn(PaymentStatus::Captured);
    // a capture the provider refused took no money: there is nothing to give back
    m_refund->setEnabled(captured && captured->refundableMinor() > 0
                         && !captured->attention.startsWith(u"capture_refused"_s));
    m_cancel->setEnabled(orders::OrderStateMachine::allows(o.status, OrderStatus::Cancelled));
    m_evidence->setVisible(!d.disputes.isEmpty() // most orders never see a dispute
                           && auth::allowed(m_client.principal().role, auth::Operation::SubmitDisputeEvidence));
    m_evidence->setEnabled(disputeAwaitingEvidence() != nullptr);
    m_loaded = true;
    emit loaded();
}

void OrderDetailDialog::buildCustomer()
{
    m_customer = new QFormLayout;
    m_customer->setContentsMargins(0, 0, 0, 0);
    m_phone = new QLabel(this);
    m_phone->setObjectName(u"customerPhone"_s);
    m_addresses = new QLabel(this);
    m_addresses->setObjectName(u"customerAddresses"_s);
    m_addresses->setWordWrap(true);
    for (QLabel* l : {m_phone, m_addresses})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse); // copied into a courier's app
    //: the customer's phone number in the order detail
    m_customer->addRow(tr("Phone:"), m_phone);
    //: the customer's delivery addresses in the order detail, one a line
    m_customer->addRow(tr("Deliver to:"), m_addresses);
    m_customer->setRowVisible(m_phone, false);
    m_customer->setRowVisible(m_addresses, false);
}

void OrderDetailDialog::fillCustomer()
{
    const auto& c = m_detail.customer;
    m_phone->setText(c.phone);
    QStringList addresses;
    for (const auto& a : c.addresses)
        addresses.append(OrderText::address(a));
    m_addresses->setText(addresses.join(u'\n'));
    // a customer who gave no phone or address gets no empty rows
    m_customer->setRowVisible(m_phone, !c.phone.trimmed().isEmpty());
    m_customer->setRowVisible(m_addresses, !addresses.isEmpty());
}

void OrderDetailDialog::fillLines()
{
    m_lines->setRowCount(int(m_detail.order.lines.size()));
    for (int r = 0; r < m_detail.order.lines.size(); ++r) {
        const auto& l = m_detail.order.lines[r];
        Tables::setRow(m_lines, r,
                       {l.sku, l.title, formatQuantity(l.quantity), money(l.unitPriceMinor), money(l.lineTotalMinor)},
                       {2, 3, 4});
    }
    fitColumns(m_lines);
}

void OrderDetailDialog::fillPayments()
{
    const auto& d = m_detail;
    m_payments->setRowCount(int(d.payments.size() + d.refunds.size() + d.disputes.size()));
    int r = 0;
    for (const auto& p : d.payments) {
        QString details = p.status == PaymentStatus::Failed ? OrderText::declineReason(p.declineCode)
                                                            : tr("captured %1").arg(money(p.capturedMinor));
        if (!p.attention.isEmpty())
            //: %1 why a person must look at the payment, e.g. "The provider refused the capture: …"
            details = tr("Needs attention: %1").arg(OrderText::attention(p.attention));
        Tables::setRow(m_payments, r,
                       {tr("Payment"), OrderText::paymentStatus(p.status), money(p.amountMinor),
                        tr("%1 •••• %2").arg(p.card.brand, p.card.last4), details, formatDateTime(p.authorizedMs)},
                       {2});
        m_payments->item(r++, 4)->setToolTip(details); // long reasons stay readable in a narrow window
    }
    for (const auto& f : d.refunds)
        Tables::setRow(m_payments, r++,
                       {tr("Refund"), QString(), money(f.amountMinor), QString(), f.reason, formatDateTime(f.atMs)},
                       {2});
    for (const auto& x : d.disputes) {
        //: %1 is the dispute's reason, %2 the date by which evidence must be sent
        const QString due =
            tr("%1; evidence due %2").arg(OrderText::disputeReason(x.reason), formatDateTime(x.evidenceDueMs));
        Tables::setRow(m_payments, r++,
                       {tr("Dispute"), OrderText::disputeStatus(x.status), money(x.amountMinor), QString(), due,
                        formatDateTime(x.openedMs)},
                       {2});
    }
    fitColumns(m_payments);
}

void OrderDetailDialog::fillLedger()
{
    m_ledger->setRowCount(int(m_detail.postings.size()));
    for (int r = 0; r < m_detail.postings.size(); ++r) {
        const auto& p = m_detail.postings[r];
        Tables::setRow(m_ledger, r,
                       {OrderText::ledgerEntry(p.entryKind), OrderText::account(p.account),
                        p.amountMinor > 0 ? money(p.amountMinor) : QString(),
                        p.amountMinor < 0 ? money(-p.amountMinor) : QString(), formatDateTime(p.atMs)},
                       {2, 3});
    }
    fitColumns(m_ledger);
}

void OrderDetailDialog::fillTimeline()
{
    m_timeline->setRowCount(int(m_detail.events.size()));
    for (int r = 0; r < m_detail.events.size(); ++r) {
        const auto& e = m_detail.events[r];
        QString what = OrderText::eventKind(e.kind);
        if (e.toStatus) {
            const QString change = e.fromStatus
                                       ? tr("%1 → %2").arg(OrderText::status(*e.fromStatus), OrderText::status(*e.toStatus))
                                       : OrderText::status(*e.toStatus);
            //: %1 a payment event ("Payment captured"), %2 the status change it made ("Authorized → Paid")
            what = e.kind == u"status"_s ? change : tr("%1: %2").arg(what, change);
        }
        Tables::setRow(m_timeline, r,
                       // the free text last, where the column stretches: the short columns stay in view
                       {formatDateTime(e.atMs), what, e.amountMinor ? money(*e.amountMinor) : QString(),
                        OrderText::actor(e.actor), OrderText::eventDetail(e.kind, e.detail)},
                       {2});
    }
    fitColumns(m_timeline);
}

const payments::Payment* OrderDetailDialog::paymentIn(PaymentStatus status) const
{
    for (const auto& p : m_detail.payments) {
        if (p.status == status)
            return &p;
    }
    return nullptr;
}

const payments::Dispute* OrderDetailDialog::disputeAwaitingEvidence() const
{
    for (const auto& x : m_detail.disputes) {
        if (x.status == payments::DisputeStatus::NeedsResponse)
            return &x;
    }
    return nullptr;
}

void OrderDetailDialog::capture()
{
    const payments::Payment* found = paymentIn(PaymentStatus::Authorized);
    if (!found)
        return;
    // a copy: the question runs an event loop, and a reload meanwhile replaces the detail
    const payments::Payment p = *found;
    if (!Dialogs::confirm(this, tr("Capture payment"),
                          tr("Capture %1 from the card •••• %2?").arg(money(p.amountMinor), p.card.last4),
                          tr("Capture")))
        return;
    m_capture->setEnabled(false);
    // one key per authorization: however often this is clicked, it is captured once
    onReady(m_client.capturePayment(p.id, std::nullopt, u"capture-"_s + p.id.toString()), this,
            [this](const Result<payments::Payment>& r) {
                if (!r) {
                    m_messageBar->showError(r.error());
                    m_capture->setEnabled(true);
                    return;
                }
                m_messageBar->showSuccess(tr("Captured %1.").arg(money(r->capturedMinor)));
                reload();
            });
}

void OrderDetailDialog::refund()
{
    const payments::Payment* p = paymentIn(PaymentStatus::Captured);
    if (!p)
        return;
    auto* dialog = new RefundDialog(m_client, m_detail.order, *p, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RefundDialog::refunded, this, [this](const payments::Refund& r) {
        m_messageBar->showSuccess(tr("Refunded %1.").arg(money(r.amountMinor)));
        reload();
    });
    dialog->open();
}

void OrderDetailDialog::cancelOrder()
{
    const orders::Order o = m_detail.order; // a copy, as in capture()
    const QString question = o.capturedMinor > o.refundedMinor
                                 ? tr("Cancel this order and refund %1 to the customer? The items go back into stock.")
                                       .arg(money(o.capturedMinor - o.refundedMinor))
                                 : tr("Cancel this order? Its reserved items are released.");
    if (!Dialogs::confirm(this, tr("Cancel order"), question, tr("Cancel order")))
        return;
    m_cancel->setEnabled(false);
    // stored as the engine's own note (translated when shown), not in this user's language
    onReady(m_client.cancelOrder(o.id, u"cancelled by staff"_s, u"cancel-"_s + o.id.toString()), this,
            [this](const Result<orders::Order>& r) {
                if (!r) {
                    m_messageBar->showError(r.error());
                    m_cancel->setEnabled(true);
                    return;
                }
                m_messageBar->showSuccess(tr("The order was cancelled."));
                reload();
            });
}

void OrderDetailDialog::sendEvidence()
{
    const payments::Dispute* found = disputeAwaitingEvidence();
    if (!found)
        return;
    const payments::Dispute dispute = *found; // a copy, as in capture()
    const payments::Dispute* x = &dispute;
    //: %1 the disputed amount, %2 the customer's reason, %3 the date the evidence is due by
    const QString question =
        tr("Send the evidence for the dispute of %1 (%2)? The card network then reviews it and "
           "decides; the evidence cannot be changed afterwards. It is due by %3.")
            .arg(money(x->amountMinor), OrderText::disputeReason(x->reason), formatDateTime(x->evidenceDueMs));
    if (!Dialogs::confirm(this, tr("Send evidence"), question, tr("Send evidence")))
        return;
    m_evidence->setEnabled(false);
    // one key per dispute: however often this is clicked, the evidence goes once
    onReady(m_client.submitDisputeEvidence(x->id, u"evidence-"_s + x->id.toString()), this,
            [this](const Result<payments::Dispute>& r) {
                if (!r) {
                    m_messageBar->showError(r.error());
                    m_evidence->setEnabled(disputeAwaitingEvidence() != nullptr);
                    return;
                }
                m_messageBar->showSuccess(tr("Evidence sent. The dispute is under review."));
                reload();
            });
}

} // namespace souk
