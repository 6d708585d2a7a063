#pragma once

#include <QObject>
#include <QString>

#include "backend/core/Error.h"

namespace souk {

/// Simulated shop traffic the console can start and stop (`souk --demo`). The app provides the
/// implementation (it owns the simulator); views only see this. GUI thread.
class DemoTrafficSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~DemoTrafficSource() override = default;
    virtual void start(int ordersPerSecond) = 0;
    /// Stops after the orders already in flight (within a few seconds).
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;

signals:
    void runningChanged(bool running);
    /// Orders placed since the console started.
    void ordersPlaced(qint64 total);
    void failed(const souk::Error& error);
};

} // namespace souk
