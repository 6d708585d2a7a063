#pragma once

#include <QThread>

#include <atomic>

#include "backend/core/Id.h"
#include "models/orders/DemoTrafficSource.h"

namespace souk {
class Client;
}

namespace souk::app {

/// The console's demo traffic: the order simulator on a thread of its own, in runs of a few
/// seconds so that stop() takes effect quickly. Lives on the GUI thread; the simulator's thread
/// only calls the Client (thread-safe) and emits queued signals.
class DemoTraffic final : public DemoTrafficSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoTraffic)
public:
    DemoTraffic(Client& client, Id merchantId, QObject* parent = nullptr);
    ~DemoTraffic() override;
    void start(int ordersPerSecond) override;
    void stop() override;
    bool isRunning() const override { return m_thread != nullptr; }

private:
    void runLoop(int ordersPerSecond);

    Client& m_client;
    const Id m_merchantId;
    QThread* m_thread = nullptr;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_placed{0};
    quint64 m_seed = 1;
};

} // namespace souk::app
