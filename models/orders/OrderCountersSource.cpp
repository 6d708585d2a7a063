#include "models/orders/OrderCountersSource.h"

#include <QDateTime>

#include "backend/client/Client.h"
#include "backend/core/Async.h"

using namespace Qt::StringLiterals;

namespace souk {

OrderCountersSource::OrderCountersSource(Client& client, Id merchantId, QObject* parent)
    : QObject(parent), m_client(client), m_merchantId(merchantId)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(1000);
    connect(&m_debounce, &QTimer::timeout, this, &OrderCountersSource::refresh);
    m_tick.setInterval(5000); // "per minute" slides even when nothing happens
    connect(&m_tick, &QTimer::timeout, this, &OrderCountersSource::refresh);
    m_tick.start();
    connect(&m_client, &Client::changed, this, &OrderCountersSource::onChanges);
}

void OrderCountersSource::onChanges(const souk::ChangeList& changes)
{
    for (const Change& c : changes) {
        if (c.entity == u"order"_s) {
            if (!m_debounce.isActive())
                m_debounce.start();
            return;
        }
    }
}

void OrderCountersSource::setMerchant(Id merchantId)
{
    if (merchantId == m_merchantId)
        return;
    m_merchantId = merchantId;
    refresh(); // one in flight for the old merchant is followed by one for the new
}

void OrderCountersSource::refresh()
{
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    // "today" is the user's day: local midnight
    const qint64 dayStart = QDateTime(QDate::currentDate(), QTime(0, 0)).toMSecsSinceEpoch();
    const Id asked = m_merchantId;
    onReady(m_client.orderCounters(asked, dayStart), this, [this, asked](const Result<orders::OrderCounters>& c) {
        m_inFlight = false;
        if (c && asked == m_merchantId) { // counts for a merchant no longer chosen are dropped
            m_counters = *c;
            emit countersChanged(m_counters);
        }
        if (m_again) {
            m_again = false;
            refresh();
        }
    });
}

} // namespace souk
