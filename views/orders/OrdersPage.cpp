#include "views/orders/OrdersPage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "backend/core/Currency.h"
#include "models/common/Format.h"
#include "models/common/Prefs.h"
#include "models/orders/OrderCountersSource.h"
#include "models/orders/OrderListModel.h"
#include "views/common/MessageBar.h"
#include "views/orders/OrderDetailDialog.h"
#include "views/orders/OrderFilterBar.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// How long the rows hold still after the pointer last moved over them: from seeing a row to
/// clicking it, with room to spare.
constexpr int AimingMs = 1500;

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
    caption->setObjectName(value->objectName() + u"Caption"_s);
    caption->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(caption);
    layout->addWidget(value);
    return card;
}

} // namespace

OrdersPage::OrdersPage(Client& client, Prefs& prefs, Id merchantId, QWidget* parent, const Clock& clock)
    : QWidget(parent), m_client(client), m_prefs(prefs), m_clock(clock), m_merchantId(merchantId)
{
    setObjectName(u"ordersPage"_s);
    m_model = new OrderListModel(client, merchantId, this);
    m_model->setPageRows(prefs.get(prefkeys::OrdersPageRows));
    m_counters = new OrderCountersSource(client, merchantId, this);
    buildUi();
    showMerchantColumn();
    connect(m_counters, &OrderCountersSource::countersChanged, this, &OrdersPage::showCounters);
    connect(m_model, &OrderListModel::loadFailed, m_messageBar, qOverload<const Error&>(&MessageBar::showError));
    // "no orders match" once the search's first page is in and empty, and while nothing arrives
    connect(m_model, &OrderListModel::pageLoaded, this, &OrdersPage::updateNoMatch);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OrdersPage::updateNoMatch);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &OrdersPage::updateNoMatch);
    connect(m_model, &QAbstractItemModel::modelReset, m_noMatch, &QWidget::hide); // a new search: not yet
    connect(m_model, &OrderListModel::loadFailed, m_noMatch, &QWidget::hide);     // the message bar says why
    connect(m_model, &OrderListModel::heldChangesChanged, this, &OrdersPage::updateLiveButton);
    connect(m_model, &OrderListModel::newRowsWaitingChanged, this, &OrdersPage::updateNewOrdersButton);
    connect(m_model, &OrderListModel::orderChanged, this, [this](Id id) {
        if (m_detail && m_detail->orderId() == id)
            m_detail->reload();
    });
    // the merchant filter lists the store's merchants; their currencies say what typed amounts mean
    onReady(client.merchants(), this, [this](const Result<QList<catalog::Merchant>>& merchants) {
        if (!merchants)
            return;
        QHash<qint64, QString> names;
        for (const auto& m : *merchants)
            names.insert(m.id.value, m.name);
        m_model->setMerchantNames(names);
        m_filters->setMerchants(*merchants);
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
        m_table->setColumnWidth(OrderListModel::Number, 100); // "#1042"; the long id is its tooltip
        m_table->setColumnWidth(OrderListModel::Created, 150);
        m_table->setColumnWidth(OrderListModel::Merchant, 160);
        m_table->setColumnWidth(OrderListModel::Customer, 250);
        m_table->setColumnWidth(OrderListModel::Status, 130);
        m_table->setColumnWidth(OrderListModel::Payment, 130);
        m_table->setColumnWidth(OrderListModel::Total, 120);
    }
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between rows
    m_noMatch = buildNoMatch();
    // the order of the row activated (Enter, double click), by its id: rows may have moved since
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (index.isValid())
            openOrder(Id{index.data(OrderListModel::IdRole).toLongLong()});
    });
    // rows hold still while someone reads or picks one; newer orders wait behind m_newOrders
    m_aiming = new QTimer(this);
    m_aiming->setSingleShot(true);
    m_aiming->setInterval(AimingMs);
    connect(m_aiming, &QTimer::timeout, this, &OrdersPage::updateRowsHeld);
    m_table->viewport()->setMouseTracking(true);
    m_table->viewport()->installEventFilter(this);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OrdersPage::updateRowsHeld);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, &OrdersPage::updateRowsHeld);
    // a new filter clears the selection without selectionChanged: nothing may be left to hold for
    connect(m_model, &QAbstractItemModel::modelReset, this, &OrdersPage::updateRowsHeld);
    m_newOrders = new QPushButton(this);
    m_newOrders->setObjectName(u"newOrdersButton"_s);
    m_newOrders->setToolTip(tr("The table holds still while you read it or pick an order. Click to show the "
                               "newest orders."));
    m_newOrders->hide();
    connect(m_newOrders, &QPushButton::clicked, this, &OrdersPage::showNewest);
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
    // in the bottom row, not above the table: appearing there would move the rows being read
    bottom->addWidget(m_newOrders);
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
    m_netSales = counterValue(row, u"netSalesToday"_s);
    m_awaitingPayment = counterValue(row, u"awaitingPayment"_s);
    m_awaitingCapture = counterValue(row, u"awaitingCapture"_s);
    layout->addWidget(counterCard(row, tr("Orders per minute"), m_perMinute));
    // not "GMV": refunds are taken off, so gross would be the wrong word
    //: money captured minus money refunded, for the orders placed today
    QWidget* netSales = counterCard(row, tr("Net sales today"), m_netSales);
    netSales->setToolTip(tr("Captured minus refunded, for the orders placed since midnight; one amount per currency"));
    layout->addWidget(netSales);
    layout->addWidget(counterCard(row, tr("Awaiting payment"), m_awaitingPayment));
    layout->addWidget(counterCard(row, tr("Awaiting capture"), m_awaitingCapture));
    return row;
}

QWidget* OrdersPage::buildFilters()
{
    m_filters = new OrderFilterBar(m_clock, m_merchantId, *m_messageBar, this);
    m_live = new QPushButton(m_filters);
    m_live->setObjectName(u"liveButton"_s);
    m_live->setCheckable(true);
    m_live->setChecked(true);
    m_live->setToolTip(tr("Pause to read the table while new orders keep arriving"));
    connect(m_live, &QPushButton::toggled, this, [this](bool live) {
        m_model->setLive(live);
        updateLiveButton();
        updateNewOrdersButton();
    });
    updateLiveButton();
    m_filters->addTrailingWidget(m_live);
    connect(m_filters, &OrderFilterBar::changed, this, &OrdersPage::applyFilter);
    return m_filters;
}

QWidget* OrdersPage::buildNoMatch()
{
    auto* panel = new QWidget(m_table->viewport());
    panel->setObjectName(u"noMatchPanel"_s);
    panel->setAutoFillBackground(true);
    panel->setBackgroundRole(QPalette::Base);
    m_noMatchText = new QLabel(panel);
    m_noMatchText->setObjectName(u"noMatchLabel"_s);
    m_noMatchText->setTextFormat(Qt::PlainText); // what was typed is shown, never read as markup
    m_noMatchText->setAlignment(Qt::AlignCenter);
    m_noMatchText->setWordWrap(true);
    QFont f = m_noMatchText->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    m_noMatchText->setFont(f);
    auto* hint = new QLabel(tr("Search finds an order number or its last digits, a customer's name or email, or "
                               "the last 4 digits of a card."),
                            panel);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto* clear = new QPushButton(tr("&Clear search"), panel);
    clear->setObjectName(u"clearSearchButton"_s);
    connect(clear, &QPushButton::clicked, this, [this] { m_filters->clearSearch(); });
    auto* layout = new QVBoxLayout(panel);
    layout->addStretch(1);
    layout->addWidget(m_noMatchText);
    layout->addWidget(hint);
    layout->addSpacing(layout->spacing());
    layout->addWidget(clear, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    panel->hide();
    return panel;
}

void OrdersPage::updateNoMatch()
{
    const QString search = m_model->filter().search.trimmed();
    const bool none = !search.isEmpty() && m_model->rowCount() == 0 && !m_model->isLoading();
    if (none) {
        //: shown over the empty orders table; %1 is what was searched for
        m_noMatchText->setText(tr("No orders match “%1”.").arg(search));
        m_noMatch->setGeometry(m_table->viewport()->rect());
        m_noMatch->raise();
    }
    m_noMatch->setVisible(none);
}

void OrdersPage::showMerchantColumn()
{
    m_table->setColumnHidden(OrderListModel::Merchant, !m_filters->showsEveryMerchant());
}

void OrdersPage::applyFilter()
{
    m_messageBar->hide();
    OrderFilter f;
    if (!m_filters->read(f))
        return; // the bar says what is wrong, beside the field; the table keeps what it shows
    m_counters->setMerchant(f.merchantId);
    showMerchantColumn();
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
    m_netSales->setText(amounts.isEmpty() ? money(c.currency, 0) : amounts.join(u" · "_s));
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

void OrdersPage::updateRowsHeld()
{
    const bool reading =
        m_table->selectionModel()->hasSelection() || m_table->verticalScrollBar()->value() > 0 || m_aiming->isActive();
    m_model->setRowsHeld(reading);
}

void OrdersPage::updateNewOrdersButton()
{
    const int waiting = m_model->newRowsWaiting();
    // paused, the live button says what waits
    m_newOrders->setVisible(waiting > 0 && m_model->isLive());
    //: the live orders table holds still while the user reads it; %n newer orders wait above
    m_newOrders->setText(tr("↑ %n new order(s)", nullptr, waiting));
}

void OrdersPage::showNewest()
{
    m_table->selectionModel()->clear(); // selection and current row: nothing left to hold still for
    m_aiming->stop();
    m_table->scrollToTop();
    updateRowsHeld();
}

bool OrdersPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->viewport()) {
        switch (event->type()) {
        case QEvent::Enter:
        case QEvent::MouseMove:
        case QEvent::MouseButtonPress:
        case QEvent::Wheel:
            m_aiming->start(); // restarts: the rows hold still until the pointer rests a while
            updateRowsHeld();
            break;
        case QEvent::Leave:
            m_aiming->stop();
            updateRowsHeld();
            break;
        case QEvent::Resize:
            m_noMatch->setGeometry(m_table->viewport()->rect());
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void OrdersPage::setDemoControls(QWidget* controls)
{
    controls->setParent(m_demoSlot);
    m_demoSlot->layout()->addWidget(controls);
    m_demoSlot->show();
}

void OrdersPage::focusSearch()
{
    m_filters->focusSearch();
}

void OrdersPage::openSelected()
{
    // by id through the selection's persistent index: the row number may have changed since
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    const QModelIndex chosen = selected.isEmpty() ? m_table->currentIndex() : selected.first();
    if (chosen.isValid())
        openOrder(Id{chosen.data(OrderListModel::IdRole).toLongLong()});
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
