#include "views/orders/OrderFilterBar.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QStringList>
#include <QTimer>
#include <QVBoxLayout>

#include "backend/core/Clock.h"
#include "backend/core/Money.h"
#include "models/orders/OrderFilter.h"
#include "models/orders/OrderText.h"
#include "views/common/MessageBar.h"

using namespace Qt::StringLiterals;
using souk::orders::OrderStatus;
using souk::orders::PaymentState;

namespace souk {
namespace {

constexpr int CustomRange = -1;    ///< the date choice's data for "Custom range…"
constexpr int CustomRangeDays = 7; ///< what a custom range starts as: the last week
constexpr int AmountWidthMax = 130;

/// The locale's short date with the year in full: a two-digit year typed into a QDateEdit
/// would land in the 1900s.
QString dateFormat()
{
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(u"yyyy"_s))
        format.replace(u"yy"_s, u"yyyy"_s);
    return format;
}

QDateEdit* dateEdit(QWidget* parent, const QString& name, const QString& accessibleName)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(dateFormat());
    return edit;
}

} // namespace

OrderFilterBar::OrderFilterBar(const Clock& clock, Id merchantId, MessageBar& messages, QWidget* parent)
    : QWidget(parent), m_clock(clock), m_merchantId(merchantId), m_messages(messages)
{
    setObjectName(u"orderFilterBar"_s);
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_firstRow = new QHBoxLayout;
    buildFirstRow(m_firstRow);
    layout->addLayout(m_firstRow);
    layout->addWidget(buildDateRange());
    // keyboard order follows the eye: the range's dates come right after the date choice
    setTabOrder(m_dates, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_minAmount);
    setTabOrder(m_minAmount, m_maxAmount);
    connectInputs();
    updateAmounts();
}

void OrderFilterBar::buildFirstRow(QHBoxLayout* layout)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"searchEdit"_s);
    //: what the order search finds; "its end" is the last digits of an order number ("42" finds #1042)
    m_search->setPlaceholderText(tr("Order number or its end, customer name or email, card last 4"));
    m_search->setAccessibleName(tr("Search orders"));
    m_search->setClearButtonEnabled(true);
    m_merchant = new QComboBox(this);
    m_merchant->setObjectName(u"merchantFilter"_s);
    m_merchant->setAccessibleName(tr("Merchant"));
    m_merchant->addItem(tr("All merchants"), qint64(0));
    m_merchant->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_merchant->hide(); // until the merchants are read, and for a store of one merchant
    m_status = new QComboBox(this);
    m_status->setObjectName(u"statusFilter"_s);
    m_status->addItem(tr("All statuses"), -1);
    for (int s = 0; s < orders::OrderStatusCount; ++s)
        m_status->addItem(OrderText::status(OrderStatus(s)), s);
    m_payment = new QComboBox(this);
    m_payment->setObjectName(u"paymentFilter"_s);
    m_payment->addItem(tr("All payments"), -1);
    for (int s = 0; s < orders::PaymentStateCount; ++s)
        m_payment->addItem(OrderText::paymentState(PaymentState(s)), s);
    m_dates = new QComboBox(this);
    m_dates->setObjectName(u"dateFilter"_s);
    //: accessible name of the order date filter: when the orders were placed
    m_dates->setAccessibleName(tr("Placed"));
    m_dates->addItem(tr("Any time"), 0);
    m_dates->addItem(tr("Today"), 1);
    m_dates->addItem(tr("Last 7 days"), 7);
    m_dates->addItem(tr("Last 30 days"), 30);
    //: a choice of the order date filter: shows two date fields, from and to
    m_dates->addItem(tr("Custom range…"), CustomRange);
    m_minAmount = new QLineEdit(this);
    m_minAmount->setObjectName(u"minAmountEdit"_s);
    m_minAmount->setMaximumWidth(AmountWidthMax);
    m_maxAmount = new QLineEdit(this);
    m_maxAmount->setObjectName(u"maxAmountEdit"_s);
    m_maxAmount->setMaximumWidth(AmountWidthMax);
    layout->addWidget(m_search, 2);
    layout->addWidget(m_merchant);
    layout->addWidget(m_status);
    layout->addWidget(m_payment);
    layout->addWidget(m_dates);
    layout->addWidget(m_minAmount);
    layout->addWidget(m_maxAmount);
}

QWidget* OrderFilterBar::buildDateRange()
{
    m_range = new QWidget(this);
    m_range->setObjectName(u"dateRange"_s);
    auto* layout = new QHBoxLayout(m_range);
    layout->setContentsMargins(0, 0, 0, 0);
    m_from = dateEdit(m_range, u"dateFromEdit"_s, tr("Placed from", "first day of the order date range"));
    m_to = dateEdit(m_range, u"dateToEdit"_s, tr("Placed to", "last day of the order date range"));
    //: the first day of a custom order date range; & marks the Alt key (File has Alt+F)
    auto* fromLabel = new QLabel(tr("Fro&m", "date range"), m_range);
    fromLabel->setBuddy(m_from);
    //: the last day of a custom order date range (orders of that whole day count)
    auto* toLabel = new QLabel(tr("&To", "date range"), m_range);
    toLabel->setBuddy(m_to);
    layout->addWidget(fromLabel);
    layout->addWidget(m_from);
    layout->addSpacing(layout->spacing() * 2); // "To" belongs to the field after it, not before
    layout->addWidget(toLabel);
    layout->addWidget(m_to);
    for (QLabel* error : {m_errors.add(u"dateFrom"_s, m_from), m_errors.add(u"dateTo"_s, m_to)}) {
        error->setWordWrap(false);
        layout->addWidget(error);
    }
    layout->addStretch(1);
    m_range->hide();
    return m_range;
}

void OrderFilterBar::connectInputs()
{
    // typing waits a moment; choices apply at once
    connect(m_typing, &QTimer::timeout, this, &OrderFilterBar::changed);
    for (QLineEdit* e : {m_search, m_minAmount, m_maxAmount})
        connect(e, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_from, &QDateEdit::dateChanged, this, [this] {
        m_toEditedLast = false;
        m_typing->start();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this] {
        m_toEditedLast = true;
        m_typing->start();
    });
    connect(m_merchant, &QComboBox::currentIndexChanged, this, &OrderFilterBar::updateAmounts);
    connect(m_dates, &QComboBox::currentIndexChanged, this, &OrderFilterBar::showDateRange);
    for (QComboBox* c : {m_merchant, m_status, m_payment, m_dates})
        connect(c, &QComboBox::currentIndexChanged, this, &OrderFilterBar::changed);
}

void OrderFilterBar::setMerchants(const QList<catalog::Merchant>& merchants)
{
    // currencies first: choosing the page's merchant below reads them
    for (const auto& m : merchants)
        m_currencies.insert(m.id.value, m.currency);
    for (const auto& m : merchants) {
        m_merchant->addItem(m.name, m.id.value);
        if (m.id == m_merchantId)
            m_merchant->setCurrentIndex(m_merchant->count() - 1);
    }
    m_merchant->setVisible(merchants.size() > 1);
    updateAmounts();
}

void OrderFilterBar::addTrailingWidget(QWidget* widget)
{
    widget->setParent(this);
    m_firstRow->addWidget(widget);
}

void OrderFilterBar::clearSearch()
{
    m_search->clear();
    m_typing->stop(); // nothing to wait for: the table shows every order at once
    emit changed();
    m_search->setFocus();
}

void OrderFilterBar::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

Id OrderFilterBar::chosenMerchant() const
{
    // until the merchants are read the bar keeps the merchant the page was opened for
    return m_merchant->count() > 1 ? Id{m_merchant->currentData().toLongLong()} : m_merchantId;
}

bool OrderFilterBar::showsEveryMerchant() const
{
    return m_merchant->count() > 2 && m_merchant->currentData().toLongLong() == 0;
}

void OrderFilterBar::showDateRange()
{
    const bool custom = m_dates->currentData().toInt() == CustomRange;
    if (custom && m_range->isHidden()) {
        // opens on the last week, the preset before it, ready to be widened or narrowed
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).date();
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker toBlocker(m_to);
        m_from->setDate(today.addDays(1 - CustomRangeDays));
        m_to->setDate(today);
    }
    m_range->setVisible(custom);
    if (!custom)
        m_errors.clear();
}

void OrderFilterBar::updateAmounts()
{
    const std::optional<Currency> currency = OrderFilter::amountCurrency(m_currencies, chosenMerchant());
    if (currency != m_amountCurrency) {
        // "30" meant 30 of the old currency: it means nothing in the new one, or in none
        const QSignalBlocker minBlocker(m_minAmount);
        const QSignalBlocker maxBlocker(m_maxAmount);
        m_minAmount->clear();
        m_maxAmount->clear();
        m_amountCurrency = currency;
    }
    const bool known = !m_currencies.isEmpty();
    const QString tip = currency || !known ? QString() : mixedCurrenciesText();
    const QString code = currency ? currency->code : QString();
    //: placeholder of the order filter's lowest total; %1 is the currency code ("EUR")
    m_minAmount->setPlaceholderText(currency ? tr("Min total (%1)").arg(code) : tr("Min total"));
    //: placeholder of the order filter's highest total; %1 is the currency code ("EUR")
    m_maxAmount->setPlaceholderText(currency ? tr("Max total (%1)").arg(code) : tr("Max total"));
    for (QLineEdit* edit : {m_minAmount, m_maxAmount}) {
        edit->setEnabled(currency.has_value());
        edit->setToolTip(tip);
    }
    m_minAmount->setAccessibleName(m_minAmount->placeholderText());
    m_maxAmount->setAccessibleName(m_maxAmount->placeholderText());
}

QString OrderFilterBar::mixedCurrenciesText() const
{
    QStringList codes;
    for (const Currency& c : m_currencies) {
        if (!codes.contains(c.code))
            codes.append(c.code);
    }
    codes.sort();
    //: tooltip of the disabled total filters; %1 lists the currency codes ("CNY, EUR")
    return tr("The merchants shown sell in different currencies (%1), and totals in different currencies "
              "cannot be compared. Choose one merchant to filter by total.")
        .arg(codes.join(u", "_s));
}

bool OrderFilterBar::read(OrderFilter& f)
{
    f.merchantId = chosenMerchant();
    if (const int s = m_status->currentData().toInt(); s >= 0)
        f.status = OrderStatus(s);
    if (const int p = m_payment->currentData().toInt(); p >= 0)
        f.paymentState = PaymentState(p);
    f.search = m_search->text().trimmed();
    if (!readDates(f))
        return false;
    if (m_amountCurrency) {
        f.minTotalMinor = readAmount(m_minAmount, u"minTotal"_s);
        f.maxTotalMinor = readAmount(m_maxAmount, u"maxTotal"_s);
    }
    return true;
}

bool OrderFilterBar::readDates(OrderFilter& f)
{
    const int days = m_dates->currentData().toInt();
    if (days != CustomRange) {
        f.setLastDays(days, QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).date());
        return true;
    }
    m_errors.clear();
    if (f.setDateRange(m_from->date(), m_to->date()))
        return true;
    const QString from = QLocale().toString(m_from->date(), dateFormat()); // as the field shows it
    const QString to = QLocale().toString(m_to->date(), dateFormat());
    if (m_toEditedLast) {
        //: %1 is the date in the From field; the orders are not filtered until this is fixed
        m_errors.show(u"dateTo"_s, tr("“To” is before “From” (%1): choose a day on or after it.").arg(from));
    } else {
        //: %1 is the date in the To field; the orders are not filtered until this is fixed
        m_errors.show(u"dateFrom"_s, tr("“From” is after “To” (%1): choose a day on or before it.").arg(to));
    }
    return false;
}

std::optional<qint64> OrderFilterBar::readAmount(QLineEdit* edit, const QString& field)
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    auto money = Money::parse(text, *m_amountCurrency, field);
    if (!money) {
        //: %1 is what the user typed in an amount filter
        m_messages.showError(tr("\"%1\" is not an amount.").arg(text));
        return std::nullopt;
    }
    return money->minor();
}

} // namespace souk
