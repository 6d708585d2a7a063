#pragma once

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

#include "backend/core/Id.h"
#include "backend/orders/Order.h"
#include "backend/payments/Card.h"

namespace souk::bench {

/// The future's result, with this thread's event loop running meanwhile (RemoteClient needs it).
template <typename T> T settle(const QFuture<T>& future)
{
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.result();
}

/// A store made for the node benchmarks: the demo catalog with deep stock, merchant terms,
/// customers, and an owner of the merchant with a password and an API key.
struct NodeShop
{
    Id merchant;
    QStringList skus;
    QList<Id> customers;
    QString userName;
    QString password;
    QString apiKey; ///< sk_..., the owner's
    int cardYear = 0;
    Id order0; ///< one order checked out and captured while seeding

    /// Order `index` of a run: three lines spread over the catalog, customers in turn.
    orders::NewOrder order(int index) const;
    /// A card the simulated provider approves.
    payments::CardInput card() const;
};

/// Seeds a new store at `path` (qFatal on any error) and closes it, so a node can take its lock.
/// The same arguments give the same catalog, so two stores seeded alike compare.
NodeShop seedNodeShop(const QString& path, int products, int customers);

/// soukd started by a benchmark on a free loopback port with the settings `ini` (an INI text),
/// its stdout read until it prints where it listens and its certificate's fingerprint. The
/// program is SOUKD from the environment, else the one built beside the benchmark. Dies with
/// the benchmark. Lives on the benchmark's thread, which it blocks while it waits.
class SoukdProcess final
{
    Q_DISABLE_COPY_MOVE(SoukdProcess)
public:
    SoukdProcess() = default;
    ~SoukdProcess();

    /// qFatal when it does not start within 30 s; the settings file and log go to `dir`. `args`
    /// go after soukd's own (--cert, --key: a PostgreSQL store keeps no certificate); `port` 0:
    /// a free one.
    void start(const QString& dir, const QString& storePath, const QByteArray& ini, const QStringList& args = {},
               quint16 port = 0);
    /// SIGTERM; true when it exited 0 within 30 s.
    bool stop();
    /// SIGKILL, and waits until it ended.
    void kill();

    quint16 port() const { return m_port; }
    QString fingerprint() const { return m_fingerprint; }
    qint64 pid() const;
    QString url() const;

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_fingerprint;
    QString m_logPath;
};

/// VmRSS of a process in KiB, from /proc/PID/status (0 when it cannot be read).
qint64 residentKib(qint64 pid);
/// User + system CPU time of a process in seconds, from /proc/PID/stat.
double cpuSeconds(qint64 pid);
/// /proc/loadavg's first three fields.
QString loadAverage();
/// Median of the samples (0 when empty).
double median(QList<double> samples);

} // namespace souk::bench
