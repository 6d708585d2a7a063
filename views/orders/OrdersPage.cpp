#include "views/orders/OrdersPage.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/Format.h"
#include "models/common/Prefs.h"
#include "models/orders/OrderCountersSource.h"
#include "models/orders/OrderListModel.h"
#include "models/orders/OrderText.h"
#include "views/common/MessageBar.h"
#include "views/orders/OrderDetailDialog.h"

using namespace Qt::StringLiterals;
using souk::orders::OrderStatus;
using souk::orders::PaymentState;

namespace souk {
namespace {

QLabel* counterValue(QWidget* parent, const QString& name)
{
    auto* value = new QLabel(u"–"_s, parent);
    value->setObjectName(name);
    QFont f = value->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    value->setFont(f);
    return value;
}

QWidget* counterCard(QWidget* parent, const QString& title, QLabel* value)
{
    auto* card = new QFrame(parent);
    card->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(card);
    auto* caption = new QLabel(title, card);
    caption->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(caption);
    layout->addWidget(value);
    return card;
}

} // namespace

OrdersPage::OrdersPage(Client& client, Prefs& prefs, Id merchantId, QWidget* parent)
    : QWidget(parent), m_client(client), m_prefs(prefs), m_merchantId(merchantId)
{
    setObjectName(u"ordersPage"_s);
    m_model = new OrderListModel(client, merchantId, this);
    m_model->setPageRows(prefs.get(prefkeys::OrdersPageRows));
    m_counters = new OrderCountersSource(client, merchantId, this);
    buildUi();
    showMerchantColumn();
    connect(m_counters, &OrderCountersSource::countersChanged, this, &OrdersPage::showCounters);
    connect(m_model, &OrderListModel::loadFailed, m_messageBar, qOverload<const Error&>(&MessageBar::showError));
    connect(m_model, &OrderListModel::heldChangesChanged, this, &OrdersPage::updateLiveButton);
    connect(m_model, &OrderListModel::orderChanged, this, [this](Id id) {
        if (m_detail && m_detail->orderId() == id)
            m_detail->reload();
    });
    // the merchant filter lists the store's merchants; amounts typed in the filter are in the
    // chosen merchant's currency
    onReady(client.merchants(), this, [this](const Result<QList<catalog::Merchant>>& merchants) {
        if (!merchants)
            return;
        QHash<qint64, QString> names;
        for (const auto& m : *merchants) {
            names.insert(m.id.value, m.name);
            m_currencies.insert(m.id.value, m.currency);
            m_merchant->addItem(m.name, m.id.value);
            if (m.id == m_merchantId)
                m_merchant->setCurrentIndex(m_merchant->count() - 1);
        }
        if (!merchants->isEmpty())
            m_currency = m_currencies.value(m_merchantId.isNull() ? merchants->first().id.value : m_merchantId.value);
        m_merchant->setVisible(merchants->size() > 1);
        m_model->setMerchantNames(names);
        showMerchantColumn();
    });
    m_model->load();
    m_counters->refresh();
}

OrdersPage::~OrdersPage() = default;

void OrdersPage::buildUi()
{
    m_messageBar = new MessageBar(this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"ordersTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setTextElideMode(Qt::ElideMiddle); // emails differ at both ends
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Orders"));
    if (!m_table->horizontalHeader()->restoreState(m_prefs.get(prefkeys::OrdersHeaderState))) {
        m_table->setColumnWidth(OrderListModel::Number, 170);
        m_table->setColumnWidth(OrderListModel::Created, 150);
        m_table->setColumnWidth(OrderListModel::Merchant, 160);
        m_table->setColumnWidth(OrderListModel::Customer, 250);
        m_table->setColumnWidth(OrderListModel::Status, 130);
        m_table->setColumnWidth(OrderListModel::Payment, 130);
        m_table->setColumnWidth(OrderListModel::Total, 120);
    }
    connect(m_table, &QTableView::activated, this, &OrdersPage::openSelected);
    auto* details = new QPushButton(tr("&Details…"), this);
    details->setObjectName(u"detailsButton"_s);
    connect(details, &QPushButton::clicked, this, &OrdersPage::openSelected);
    m_demoSlot = new QWidget(this);
    auto* demoLayout = new QHBoxLayout(m_demoSlot);
    demoLayout->setContentsMargins(0, 0, 0, 0);
    m_demoSlot->hide();
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_demoSlot);
    bottom->addStretch(1);
    bottom->addWidget(details);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildCounters());
    layout->addWidget(buildFilters());
    layout->addWidget(m_messageBar);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    auto* find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, &OrdersPage::focusSearch);
}

QWidget* OrdersPage::buildCounters()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_perMinute = counterValue(row, u"ordersPerMinute"_s);
    m_gmv = counterValue(row, u"gmvToday"_s);
    m_awaitingPayment = counterValue(row, u"awaitingPayment"_s);
    m_awaitingCapture = counterValue(row, u"awaitingCapture"_s);
    layout->addWidget(counterCard(row, tr("Orders per minute"), m_perMinute));
    //: gross merchandise value captured today, net of refunds
    QWidget* gmv = counterCard(row, tr("GMV today"), m_gmv);
    gmv->setToolTip(tr("Captured minus refunded, for the orders placed since midnight; one amount per currency"));
    layout->addWidget(gmv);
    layout->addWidget(counterCard(row, tr("Awaiting payment"), m_awaitingPayment));
    layout->addWidget(counterCard(row, tr("Awaiting capture"), m_awaitingCapture));
    return row;
}

QWidget* OrdersPage::buildFilters()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(row);
    m_search->setObjectName(u"searchEdit"_s);
    m_search->setPlaceholderText(tr("Order number, customer email or card last 4"));
    m_search->setClearButtonEnabled(true);
    m_merchant = new QComboBox(row);
    m_merchant->setObjectName(u"merchantFilter"_s);
    m_merchant->setAccessibleName(tr("Merchant"));
    m_merchant->addItem(tr("All merchants"), qint64(0));
    m_merchant->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_merchant->hide(); // until the merchants are read, and for a store of one merchant
    m_status = new QComboBox(row);
    m_status->setObjectName(u"statusFilter"_s);
    m_status->addItem(tr("All statuses"), -1);
    for (int s = 0; s < orders::OrderStatusCount; ++s)
        m_status->addItem(OrderText::status(OrderStatus(s)), s);
    m_payment = new QComboBox(row);
    m_payment->setObjectName(u"paymentFilter"_s);
    m_payment->addItem(tr("All payments"), -1);
    for (int s = 0; s < orders::PaymentStateCount; ++s)
        m_payment->addItem(OrderText::paymentState(PaymentState(s)), s);
    m_dates = new QComboBox(row);
    m_dates->setObjectName(u"dateFilter"_s);
    m_dates->addItem(tr("Any time"), 0);
    m_dates->addItem(tr("Today"), 1);
    m_dates->addItem(tr("Last 7 days"), 7);
    m_dates->addItem(tr("Last 30 days"), 30);
    m_minAmount = new QLineEdit(row);
    m_minAmount->setObjectName(u"minAmountEdit"_s);
    m_minAmount->setPlaceholderText(tr("Min total"));
    m_minAmount->setMaximumWidth(110);
    m_maxAmount = new QLineEdit(row);
    m_maxAmount->setObjectName(u"maxAmountEdit"_s);
    m_maxAmount->setPlaceholderText(tr("Max total"));
    m_maxAmount->setMaximumWidth(110);
    m_live = new QPushButton(row);
    m_live->setObjectName(u"liveButton"_s);
    m_live->setCheckable(true);
    m_live->setChecked(true);
    m_live->setToolTip(tr("Pause to read the table while new orders keep arriving"));
    connect(m_live, &QPushButton::toggled, this, [this](bool live) {
        m_model->setLive(live);
        updateLiveButton();
    });
    updateLiveButton();
    layout->addWidget(m_search, 2);
    layout->addWidget(m_merchant);
    layout->addWidget(m_status);
    layout->addWidget(m_payment);
    layout->addWidget(m_dates);
    layout->addWidget(m_minAmount);
    layout->addWidget(m_maxAmount);
    layout->addWidget(m_live);
    // typing waits a moment; choices apply at once
    auto* typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(250);
    connect(typing, &QTimer::timeout, this, &OrdersPage::applyFilter);
    for (QLineEdit* e : {m_search, m_minAmount, m_maxAmount})
        connect(e, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    for (QComboBox* c : {m_merchant, m_status, m_payment, m_dates})
        connect(c, &QComboBox::currentIndexChanged, this, &OrdersPage::applyFilter);
    return row;
}

void OrdersPage::showMerchantColumn()
{
    // only where the rows can belong to different merchants: the all-merchants view of a
    // store with more than one
    const bool all = m_merchant->count() > 2 && m_merchant->currentData().toLongLong() == 0;
    m_table->setColumnHidden(OrderListModel::Merchant, !all);
}

void OrdersPage::applyFilter()
{
    OrderFilter f;
    // until the merchants are read the page keeps the merchant it was opened for
    f.merchantId = m_merchant->count() > 1 ? Id{m_merchant->currentData().toLongLong()} : m_merchantId;
    if (!f.merchantId.isNull())
        m_currency = m_currencies.value(f.merchantId.value, m_currency);
    m_counters->setMerchant(f.merchantId);
    showMerchantColumn();
    if (const int s = m_status->currentData().toInt(); s >= 0)
        f.status = OrderStatus(s);
    if (const int p = m_payment->currentData().toInt(); p >= 0)
        f.paymentState = PaymentState(p);
    if (const int days = m_dates->currentData().toInt(); days > 0)
        f.fromMs = QDateTime(QDate::currentDate().addDays(1 - days), QTime(0, 0)).toMSecsSinceEpoch();
    f.search = m_search->text().trimmed();
    m_messageBar->hide();
    const auto amount = [this](QLineEdit* edit, const QString& field) -> std::optional<qint64> {
        const QString text = edit->text().trimmed();
        if (text.isEmpty())
            return std::nullopt;
        auto money = Money::parse(text, m_currency, field);
        if (!money) {
            //: %1 is what the user typed in an amount filter
            m_messageBar->showError(tr("\"%1\" is not an amount.").arg(text));
            return std::nullopt;
        }
        return money->minor();
    };
    f.minTotalMinor = amount(m_minAmount, u"minTotal"_s);
    f.maxTotalMinor = amount(m_maxAmount, u"maxTotal"_s);
    if (f == m_model->filter())
        return;
    m_model->setFilter(f);
}

void OrdersPage::showCounters(const orders::OrderCounters& c)
{
    m_perMinute->setText(formatQuantity(c.ordersLastMinute));
    // one amount per currency: a EUR shop's and a CNY shop's sales do not add up
    const auto money = [](const QString& code, qint64 minor) {
        auto found = Currency::find(code);
        return found ? formatMoney(minor, *found) : u"%1 %2"_s.arg(formatQuantity(minor), code);
    };
    QStringList amounts;
    for (const auto& [code, minor] : c.gmvToday)
        amounts.append(money(code, minor));
    m_gmv->setText(amounts.isEmpty() ? money(c.currency, 0) : amounts.join(u" · "_s));
    m_awaitingPayment->setText(formatQuantity(c.awaitingPayment));
    m_awaitingCapture->setText(formatQuantity(c.awaitingCapture));
}

void OrdersPage::updateLiveButton()
{
    if (m_model->isLive()) {
        m_live->setText(tr("● Live"));
        return;
    }
    const int held = m_model->heldChanges();
    if (held == 0) {
        m_live->setText(tr("Paused"));
        return;
    }
    //: the live table is paused; %n orders changed meanwhile
    m_live->setText(tr("Paused (%n changed)", nullptr, held));
}

void OrdersPage::setDemoControls(QWidget* controls)
{
    controls->setParent(m_demoSlot);
    m_demoSlot->layout()->addWidget(controls);
    m_demoSlot->show();
}

void OrdersPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void OrdersPage::openSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (const orders::Order* o = m_model->orderAt(current.row()))
        openOrder(o->id);
}

OrderDetailDialog* OrdersPage::openOrder(Id orderId)
{
    if (m_detail)
        m_detail->close();
    m_detail = new OrderDetailDialog(m_client, orderId, this);
    m_detail->setAttribute(Qt::WA_DeleteOnClose);
    m_detail->show();
    return m_detail;
}

void OrdersPage::saveState()
{
    m_prefs.set(prefkeys::OrdersHeaderState, m_table->horizontalHeader()->saveState());
}

} // namespace souk
