#pragma once

#include <QCoreApplication>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

#include <memory>

#include "backend/client/Client.h"
#include "tests/api/NodeFixture.h"

namespace souk::test {

/// How long a contract case waits for one answer: far more than any operation takes, so a
/// timeout means a request that never finished, not a slow one.
inline constexpr int ContractAnswerMs = 30'000;

/// Waits for `future` on the test thread with its event loop running, as a RemoteClient needs
/// (its answers arrive on this thread: waitForFinished() would wait for ever); a LocalClient's
/// finish on the engine's threads. Then lets queued signals (the change feed) arrive.
template <typename T> Result<T> settle(QFuture<Result<T>> future, int timeoutMs = ContractAnswerMs)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<Result<T>> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if (!future.isFinished() || future.resultCount() == 0)
        return Error{ErrorCode::Internal, QStringLiteral("no answer within %1 ms").arg(timeoutMs), {}};
    QCoreApplication::processEvents();
    return future.result();
}

/// What a contract case runs against: a Client acting as the seeded platform admin (by the
/// admin's API key), on a store NodeFixture seeded. One implementation opens the store in
/// process (LocalClient), the other runs soukd on it and speaks HTTPS (RemoteClient); the
/// suite is the same. Owned by the test's main; lives on the test thread.
class ContractHarness
{
    Q_DISABLE_COPY_MOVE(ContractHarness)
public:
    ContractHarness() = default;
    virtual ~ContractHarness() = default;

    /// "local" or "remote", for messages.
    virtual QString name() const = 0;
    /// Seeds the store and opens the admin's client; false (with a warning) when it could not.
    virtual bool start() = 0;
    /// The admin's client; valid after start().
    virtual Client& client() = 0;
    /// A new client of the same store or node, signed in as nobody: for sign-in cases, which
    /// must not change who client() is.
    virtual Result<std::shared_ptr<Client>> anonymousClient() = 0;
    /// A new client of the same store or node acting as the user of `apiKey` (a seeded key:
    /// support, an owner), as the engine or the node makes it of the key.
    virtual Result<std::shared_ptr<Client>> clientFor(const QString& apiKey) = 0;

    NodeFixture& node() { return m_node; }
    const NodeFixture& node() const { return m_node; }
    const NodeFixture::Seed& seed() const { return m_node.seeded(); }

private:
    NodeFixture m_node;
};

} // namespace souk::test
