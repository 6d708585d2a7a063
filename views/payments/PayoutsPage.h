#pragma once

#include <QWidget>

#include <optional>

#include "backend/core/Change.h"
#include "backend/core/Error.h"
#include "backend/core/Id.h"
#include "backend/payments/Payment.h"
#include "backend/payments/Payout.h"

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace souk {

class Client;
class MessageBar;

/// A merchant's money at the marketplace: the balance of each of its ledger accounts, what a
/// payout would pay now, the payout itself (confirmed, sent once however often it is clicked)
/// and the payouts so far. Re-reads itself when payments or payouts change. GUI thread; every
/// read and write goes through the Client.
class PayoutsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayoutsPage)
public:
    PayoutsPage(Client& client, Id merchantId, QWidget* parent = nullptr);
    /// Reads the balances and the payouts again.
    void reload();
    const QList<payments::AccountBalance>& balances() const { return m_balances; }
    const QList<payments::Payout>& history() const { return m_history; }

signals:
    /// Both reads of a reload() are in and shown.
    void loaded();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void present();
    void payOut();
    /// "€12.00 · CN¥3.00": what a payout would pay (`toMerchant`), or what the merchant owes
    /// the marketplace where refunds and lost disputes exceed sales.
    QString owedText(bool toMerchant) const;

    Client& m_client;
    const Id m_merchantId;
    QList<payments::AccountBalance> m_balances;
    QList<payments::Payout> m_history;
    QList<std::pair<QString, qint64>> m_owed;
    QString m_payoutKey;  ///< one per state shown: a second click replays the first payout
    int m_generation = 0; ///< reads of an older reload() are dropped
    int m_readsLeft = 0;
    bool m_paying = false;
    bool m_stale = false;             ///< balances changed while the page was hidden
    bool m_balancesLoaded = false;    ///< once: until then the page cannot say what is owed
    std::optional<Error> m_readError; ///< of the reads of the last reload()
    QLabel* m_owedLabel = nullptr;
    QLabel* m_noPayouts = nullptr; ///< instead of an empty table
    MessageBar* m_messageBar = nullptr;
    QTableWidget* m_accounts = nullptr;
    QTableWidget* m_payouts = nullptr;
    QPushButton* m_payOut = nullptr;
    QTimer* m_reloadSoon = nullptr;
};

} // namespace souk
