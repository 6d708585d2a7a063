#include "views/payments/PayoutsPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

#include "backend/auth/Operation.h"
#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "backend/core/Currency.h"
#include "models/common/Format.h"
#include "models/orders/OrderText.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"
#include "views/common/Tables.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr int ReloadDelayMs = 300; ///< a burst of captures costs one re-read

/// A statement: labels and amounts at their own width, not one column stretched across.
QTableWidget* statement(QWidget* parent, const QString& name, const QStringList& headers)
{
    QTableWidget* t = Tables::readOnly(parent, name, headers);
    t->horizontalHeader()->setStretchLastSection(false);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setMinimumSectionSize(110);
    // as wide as its columns: a frame stretched past them reads as a blank, unfinished column
    t->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    t->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Expanding);
    return t;
}

} // namespace

PayoutsPage::PayoutsPage(Client& client, Id merchantId, QWidget* parent)
    : QWidget(parent), m_client(client), m_merchantId(merchantId)
{
    setObjectName(u"payoutsPage"_s);
    auto* intro = new QLabel(tr("What the marketplace holds for you, and what it has paid out. A payout moves "
                                "everything owed to you, in each currency, to your bank account."),
                             this);
    intro->setWordWrap(true);
    m_messageBar = new MessageBar(this);
    m_owedLabel = new QLabel(tr("Loading…"), this);
    m_owedLabel->setObjectName(u"owedLabel"_s);
    m_owedLabel->setTextFormat(Qt::RichText);
    m_payOut = new QPushButton(tr("&Pay out…"), this);
    m_payOut->setObjectName(u"payOutButton"_s);
    m_payOut->setVisible(auth::allowed(m_client.principal().role, auth::Operation::Payout)); // operators read only
    m_payOut->setEnabled(false);
    connect(m_payOut, &QPushButton::clicked, this, &PayoutsPage::payOut);
    auto* owedRow = new QHBoxLayout;
    owedRow->addWidget(m_owedLabel);
    owedRow->addSpacing(12);
    owedRow->addWidget(m_payOut);
    owedRow->addStretch(1);
    m_accounts = statement(this, u"accountsTable"_s, {tr("Account"), tr("Currency"), tr("Debit"), tr("Credit")});
    m_payouts = statement(this, u"payoutsTable"_s, {tr("When"), tr("Currency"), tr("Amount")});
    auto* accountsTitle = new QLabel(tr("<b>Balances</b>"), this);
    auto* payoutsTitle = new QLabel(tr("<b>Payouts</b>"), this);
    m_noPayouts = new QLabel(tr("No payouts yet."), this);
    m_noPayouts->setObjectName(u"noPayoutsLabel"_s);
    m_noPayouts->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_messageBar);
    layout->addLayout(owedRow);
    // a merchant has a handful of accounts: their table takes the rows it needs, payouts the rest
    m_accounts->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Maximum);
    m_accounts->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // no room kept for bars it never needs
    m_accounts->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(accountsTitle);
    layout->addWidget(m_accounts, 0, Qt::AlignLeft);
    layout->addWidget(payoutsTitle);
    layout->addWidget(m_noPayouts);
    layout->addWidget(m_payouts, 1, Qt::AlignLeft);
    layout->addStretch(0); // keeps the page at the top while there is no payout table

    m_reloadSoon = new QTimer(this);
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(ReloadDelayMs);
    connect(m_reloadSoon, &QTimer::timeout, this, [this] {
        if (!isVisible()) {
            m_stale = true; // hidden since the change: read when shown
            return;
        }
        reload();
    });
    connect(&m_client, &Client::changed, this, [this](const ChangeList& changes) {
        // captures, refunds, lost disputes and payouts move the balances
        for (const Change& c : changes) {
            if (c.entity == u"payment"_s || c.entity == u"payout"_s || c.entity == u"dispute"_s) {
                if (!isVisible())
                    m_stale = true; // read when shown, not for every capture while hidden
                else if (!m_reloadSoon->isActive())
                    m_reloadSoon->start(); // not restarted: steady traffic must not put it off for ever
                return;
            }
        }
    });
    reload();
}

void PayoutsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        reload();
    }
}

void PayoutsPage::reload()
{
    const int generation = ++m_generation;
    m_readsLeft = 2;
    m_readError.reset();
    // both reads land in members of this page (a failed one keeps what was there), and the
    // page is shown once both are in
    const auto read = [this, generation](auto future, auto& into, bool* loaded) {
        onReady(future, this, [this, generation, &into, loaded](const auto& r) {
            if (generation != m_generation)
                return; // a newer reload() asked again
            if (r) {
                into = *r;
                if (loaded)
                    *loaded = true;
            } else {
                m_readError = r.error();
            }
            if (--m_readsLeft > 0)
                return;
            if (m_readError) {
                m_messageBar->showError(*m_readError);
                m_messageBar->setAction(tr("Read again"), [this] { reload(); });
            }
            present();
        });
    };
    read(m_client.ledgerBalances(m_merchantId), m_balances, &m_balancesLoaded);
    read(m_client.payouts(m_merchantId), m_history, nullptr);
}

QString PayoutsPage::owedText(bool toMerchant) const
{
    QStringList amounts;
    for (const auto& [currency, minor] : m_owed) {
        if (toMerchant ? minor > 0 : minor < 0)
            amounts.append(formatMoneyIn(toMerchant ? minor : -minor, currency));
    }
    return amounts.join(u" · "_s);
}

void PayoutsPage::present()
{
    m_owed = payments::owedOf(m_balances);
    const QString owed = owedText(true);
    const QString due = owedText(false);
    QString text;
    if (!m_balancesLoaded)
        text = tr("The balances could not be read.");
    else if (owed.isEmpty())
        text = tr("Nothing is owed to you now.");
    else
        //: %1 one amount per currency, "€12.00 · CN¥3.00"
        text = tr("Owed to you now: <b>%1</b>").arg(owed);
    if (!due.isEmpty())
        //: %1 one amount per currency; refunds and lost disputes exceed the merchant's sales there
        text +=
            u"<br>"_s + tr("You owe the marketplace <b>%1</b>: refunds and lost disputes exceed your sales.").arg(due);
    m_owedLabel->setText(text);
    m_payOut->setEnabled(!owed.isEmpty() && !m_paying);
    m_payoutKey = u"payout-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);

    m_accounts->setRowCount(int(m_balances.size()));
    for (int r = 0; r < m_balances.size(); ++r) {
        const payments::AccountBalance& b = m_balances[r];
        const QString none = b.balanceMinor == 0 ? u"—"_s : QString(); // settled to zero
        Tables::setRow(m_accounts, r,
                       {OrderText::account(b.account), b.currency,
                        b.balanceMinor > 0 ? formatMoneyIn(b.balanceMinor, b.currency) : none,
                        b.balanceMinor < 0 ? formatMoneyIn(-b.balanceMinor, b.currency) : none},
                       {2, 3});
    }
    m_noPayouts->setVisible(m_history.isEmpty());
    m_payouts->setVisible(!m_history.isEmpty());
    m_payouts->setRowCount(int(m_history.size()));
    for (int r = 0; r < m_history.size(); ++r) {
        const payments::Payout& p = m_history[r];
        Tables::setRow(m_payouts, r, {formatDateTime(p.atMs), p.currency, formatMoneyIn(p.amountMinor, p.currency)}, {2});
    }
    emit loaded();
}

void PayoutsPage::payOut()
{
    const QString owed = owedText(true);
    if (owed.isEmpty() || m_paying)
        return;
    // the key of the state the user confirms: a second click, or a retry after a lost answer,
    // pays nothing more
    const QString key = m_payoutKey;
    // exactly what the question shows is paid, even if more is captured before the command
    // runs; the store refuses it if less is owed by then
    QMap<QString, qint64> confirmed;
    for (const auto& [currency, minor] : m_owed) {
        if (minor > 0)
            confirmed.insert(currency, minor);
    }
    const QString question =
        //: %1 one amount per currency, "€12.00 · CN¥3.00"
        tr("Pay out %1 to your bank account? What is owed to you moves to paid out.").arg(owed);
    if (!Dialogs::confirm(this, tr("Pay out"), question, tr("Pay out")))
        return;
    m_paying = true;
    m_payOut->setEnabled(false);
    onReady(m_client.payout(m_merchantId, confirmed, key), this, [this](const Result<QList<payments::Payout>>& r) {
        m_paying = false;
        if (!r) {
            if (r.error().code == ErrorCode::Conflict) {
                // another console or soukctl paid out first, or refunds came in: less is owed
                // than was confirmed, so nothing was paid; show where things stand now
                m_messageBar->showError(
                    tr("Nothing was paid out: less is owed to you now than you confirmed. Check the balance "
                       "and pay out again."),
                    r.error().message);
                return reload();
            }
            m_messageBar->showError(r.error());
            m_payOut->setEnabled(!owedText(true).isEmpty());
            return;
        }
        QStringList paid;
        for (const payments::Payout& p : *r)
            paid.append(formatMoneyIn(p.amountMinor, p.currency));
        m_messageBar->showSuccess(tr("Paid out %1.").arg(paid.join(u" · "_s)));
        reload();
    });
}

} // namespace souk
