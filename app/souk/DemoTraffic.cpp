#include "app/souk/DemoTraffic.h"

#include <QLoggingCategory>

#include <algorithm>

#include "backend/client/Client.h"
#include "backend/sim/OrderTraffic.h"

Q_LOGGING_CATEGORY(lcDemo, "souk.app.demo")

namespace souk::app {

DemoTraffic::DemoTraffic(Client& client, Id merchantId, QObject* parent)
    : DemoTrafficSource(parent), m_client(client), m_merchantId(merchantId)
{
}

DemoTraffic::~DemoTraffic()
{
    if (m_thread) {
        m_stop = true;
        m_thread->wait(); // a run ends within its few seconds
        delete m_thread;
    }
}

void DemoTraffic::start(int ordersPerSecond)
{
    if (m_thread)
        return;
    m_stop = false;
    m_thread = QThread::create([this, ordersPerSecond] { runLoop(ordersPerSecond); });
    m_thread->setObjectName(QStringLiteral("demo traffic"));
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        emit runningChanged(false);
    });
    m_thread->start();
    emit runningChanged(true);
}

void DemoTraffic::stop()
{
    m_stop = true;
}

void DemoTraffic::runLoop(int ordersPerSecond)
{
    while (!m_stop) {
        sim::TrafficOptions options;
        options.merchantId = m_merchantId;
        options.ratePerSecond = ordersPerSecond;
        options.orders = std::max(2, ordersPerSecond * 2); // about two seconds per run
        options.seed = m_seed++;
        options.concurrency = std::clamp(ordersPerSecond / 4, 4, 64);
        sim::OrderTraffic traffic(m_client, options);
        auto summary = traffic.run();
        if (!summary) {
            qCWarning(lcDemo).noquote() << "demo traffic stopped:" << summary.error().toString();
            emit failed(summary.error());
            return;
        }
        emit ordersPlaced(m_placed += summary->ordersCreated);
    }
}

} // namespace souk::app
