#pragma once

#include <QObject>
#include <QTimer>

#include "backend/core/Change.h"
#include "backend/orders/OrderQuery.h"

namespace souk {

class Client;

/// Keeps the monitor's counters (orders per minute, GMV today, awaiting payment, awaiting
/// capture) current: re-read at most once a second after the feed reports order changes, and
/// every few seconds as the minute window slides. Owned by its page; GUI thread.
class OrderCountersSource final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderCountersSource)
public:
    OrderCountersSource(Client& client, Id merchantId, QObject* parent = nullptr);
    void refresh();
    /// Counts for another merchant (null: every merchant) from now on.
    void setMerchant(Id merchantId);
    Id merchantId() const { return m_merchantId; }
    const orders::OrderCounters& counters() const { return m_counters; }

signals:
    void countersChanged(const orders::OrderCounters& counters);

private:
    void onChanges(const souk::ChangeList& changes);
    Client& m_client;
    Id m_merchantId;
    orders::OrderCounters m_counters;
    QTimer m_debounce;
    QTimer m_tick;
    bool m_inFlight = false;
    bool m_again = false;
};

} // namespace souk
