#include "views/risk/ReviewRelatedView.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "backend/core/Currency.h"
#include "models/common/Format.h"
#include "views/common/Tables.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

QString outcomeText(const QString& outcome)
{
    if (outcome == u"approved"_s)
        return ReviewRelatedView::tr("Approved", "payment outcome");
    if (outcome == u"declined"_s)
        return ReviewRelatedView::tr("Declined", "payment outcome");
    if (outcome == u"blocked"_s)
        return ReviewRelatedView::tr("Blocked", "payment outcome");
    return ReviewRelatedView::tr("Pending", "payment outcome");
}

QString sharedText(const QStringList& by)
{
    QStringList words;
    for (const QString& b : by) {
        if (b == u"card"_s)
            words << ReviewRelatedView::tr("card", "shared with the reviewed payment");
        else if (b == u"email"_s)
            words << ReviewRelatedView::tr("email", "shared with the reviewed payment");
        else if (b == u"device"_s)
            words << ReviewRelatedView::tr("device", "shared with the reviewed payment");
        else if (b == u"ip"_s)
            words << ReviewRelatedView::tr("IP", "shared with the reviewed payment");
        else
            words << b;
    }
    //: separator between the things two payments share
    return words.join(ReviewRelatedView::tr(", "));
}

} // namespace

ReviewRelatedView::ReviewRelatedView(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"reviewRelated"_s);
    m_customer = new QLabel(this);
    m_customer->setObjectName(u"customerHistory"_s);
    m_customer->setWordWrap(true);
    m_customer->setTextFormat(Qt::RichText);
    m_linkedTitle = new QLabel(this);
    m_linkedTitle->setTextFormat(Qt::RichText);
    m_linked = Tables::readOnly(this, u"linkedPayments"_s,
                                {tr("When"), tr("Amount"), tr("Outcome"), tr("Shares"), tr("Marks")});
    m_linked->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_linked->horizontalHeader()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_customer);
    layout->addWidget(m_linkedTitle);
    layout->addWidget(m_linked, 1);
}

void ReviewRelatedView::showReading()
{
    m_customer->setText(tr("<b>The customer</b><br>Reading the customer's history…"));
    m_linkedTitle->clear();
    m_linked->setRowCount(0);
    m_linked->hide();
}

void ReviewRelatedView::showReview(const risk::Review& r)
{
    const risk::CustomerHistory& c = r.customer;
    if (c.payments == 0) {
        m_customer->setText(tr("<b>The customer</b><br>No other payment with this email at this merchant: a first "
                               "purchase, or a new email."));
    } else {
        //: %1 email; %n other payments; %2 the date of the first
        const QString head = tr("<b>The customer</b><br>%1: %n other payment(s) since %2", nullptr, int(c.payments))
                                 .arg(r.email.toHtmlEscaped(), formatDateTime(c.firstMs));
        //: counts of the customer's other payments
        const QString counts = tr("%1 approved, %2 declined, %3 refunded, %4 disputed, %5 fraud")
                                   .arg(c.approved)
                                   .arg(c.declined)
                                   .arg(c.refunded)
                                   .arg(c.disputed)
                                   .arg(c.fraud);
        m_customer->setText(head + u"<br>"_s + (c.fraud > 0 || c.disputed > 0 ? u"<b>"_s + counts + u"</b>"_s : counts));
    }
    m_linkedTitle->setText(r.linked.isEmpty()
                               ? tr("<b>Linked payments</b><br>None shares the card, email, device or IP.")
                               //: %n linked payments (at most 20 are listed)
                               : tr("<b>Linked payments</b> (%n sharing the card, email, device or IP)", nullptr,
                                    int(r.linked.size())));
    m_linked->setVisible(!r.linked.isEmpty());
    m_linked->setRowCount(int(r.linked.size()));
    for (int i = 0; i < r.linked.size(); ++i) {
        const risk::LinkedPayment& l = r.linked[i];
        QStringList marks;
        if (l.fraud)
            marks << tr("fraud");
        if (l.disputed)
            marks << tr("disputed");
        if (l.refundedMinor > 0)
            //: %1 amount refunded
            marks << tr("refunded %1").arg(formatMoneyIn(l.refundedMinor, l.currency));
        if (l.paymentId.isNull())
            marks << tr("imported");
        Tables::setRow(m_linked, i,
                       {formatDateTime(l.createdMs), formatMoneyIn(l.amountMinor, l.currency), outcomeText(l.outcome),
                        sharedText(l.sharedBy), marks.join(tr(", "))},
                       {1});
    }
}

} // namespace souk
