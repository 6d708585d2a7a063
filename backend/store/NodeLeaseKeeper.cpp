#include "backend/store/NodeLeaseKeeper.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSysInfo>

#include <pthread.h>

#include "backend/store/Connection.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLease, "souk.store.lease")

namespace souk::store {

NodeLeaseKeeper::NodeLeaseKeeper(StoreOptions options, int nodeMax, qint64 ttlMs)
    : m_options(std::move(options)), m_nodeMax(nodeMax), m_ttlMs(ttlMs),
      // unique per process start: a restarted node is a new holder, and waits out its old lease
      // like anyone else unless it was given back
      m_holder(u"%1 %2 %3"_s.arg(QSysInfo::machineHostName())
                   .arg(QCoreApplication::applicationPid())
                   .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0')))
{}

Result<std::unique_ptr<NodeLeaseKeeper>> NodeLeaseKeeper::start(const StoreOptions& options, int nodeMax, qint64 ttlMs)
{
    std::unique_ptr<NodeLeaseKeeper> keeper(new NodeLeaseKeeper(options, nodeMax, ttlMs));
    keeper->m_thread = std::thread([k = keeper.get()] { k->run(); });
    pthread_setname_np(keeper->m_thread.native_handle(), "souk-lease");
    std::unique_lock lock(keeper->m_mutex);
    keeper->m_wake.wait(lock, [&] { return keeper->m_started; });
    if (keeper->m_startError) {
        const Error error = *keeper->m_startError;
        lock.unlock();
        return error; // the thread has ended; the destructor joins it
    }
    lock.unlock();
    qCInfo(lcLease) << "node id" << keeper->nodeId() << "leased for" << ttlMs << "ms";
    return keeper;
}

NodeLeaseKeeper::~NodeLeaseKeeper()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::optional<Error> NodeLeaseKeeper::lost() const
{
    if (m_takenOver.load())
        return Error::store(ErrorCode::Unavailable,
                            u"node id %1 was taken over by another node; this node writes no more"_s.arg(nodeId()));
    if (QDeadlineTimer::current().deadlineNSecs() >= m_validUntilNs.load())
        return Error::store(ErrorCode::Unavailable, u"this node could not renew its node id in time (is the "
                                                    "database reachable?); writes wait until it does"_s);
    return std::nullopt;
}

void NodeLeaseKeeper::publishValidFor(qint64 remainingMs)
{
    m_validUntilNs.store(QDeadlineTimer::current().deadlineNSecs() + remainingMs * 1'000'000);
}

void NodeLeaseKeeper::run()
{
    std::unique_ptr<Connection> connection;
    NodeLease::Held held;
    {
        auto opened = Connection::open(m_options, u"lease"_s);
        Result<NodeLease::Held> taken = opened ? NodeLease::take((*opened)->db(), m_holder, m_ttlMs, m_nodeMax)
                                               : Result<NodeLease::Held>(opened.error());
        std::lock_guard lock(m_mutex);
        m_started = true;
        if (!taken) {
            m_startError = taken.error();
            m_wake.notify_all();
            return;
        }
        connection = std::move(opened).value();
        held = *taken;
        m_nodeId.store(held.nodeId);
        publishValidFor(held.validFor.remainingTime());
    }
    m_wake.notify_all();
    std::unique_lock lock(m_mutex);
    while (!m_takenOver.load()) {
        if (m_wake.wait_for(lock, std::chrono::milliseconds(m_ttlMs / 3), [this] { return m_stopping; }))
            break;
        lock.unlock();
        renew(connection, held);
        lock.lock();
    }
    lock.unlock();
    if (!m_takenOver.load() && connection) {
        if (auto s = NodeLease::release(connection->db(), held); !s)
            qCWarning(lcLease) << "node id" << held.nodeId
                               << "not given back (it frees itself when the lease runs out):" << s.error().toString();
    }
}

void NodeLeaseKeeper::renew(std::unique_ptr<Connection>& connection, NodeLease::Held& held)
{
    if (!connection) {
        auto opened = Connection::open(m_options, u"lease"_s);
        if (!opened) {
            qCWarning(lcLease) << "cannot reach the database to renew node id" << held.nodeId << ":"
                               << opened.error().toString();
            return;
        }
        connection = std::move(opened).value();
    }
    auto renewed = NodeLease::renew(connection->db(), held, m_ttlMs);
    if (renewed) {
        held = *renewed;
        publishValidFor(held.validFor.remainingTime());
        return;
    }
    if (renewed.error().code == ErrorCode::Conflict) {
        m_takenOver.store(true);
        qCCritical(lcLease) << renewed.error().toString();
        return;
    }
    // the connection may be broken (a failover, a restart): a new one next time
    qCWarning(lcLease) << "node id" << held.nodeId << "not renewed:" << renewed.error().toString();
    connection.reset();
}

} // namespace souk::store
