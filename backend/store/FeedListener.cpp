#include "backend/store/FeedListener.h"

#include <QLoggingCategory>

#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcFeedListener, "souk.store.feedlistener")

namespace souk::store {
namespace {

constexpr int ReconnectMs = 1'000;

} // namespace

FeedListener::FeedListener(QString url, std::function<void(qint64 seq)> notified)
    : m_url(std::move(url)), m_notified(std::move(notified))
{
    if (::pipe2(m_wake, O_CLOEXEC | O_NONBLOCK) != 0)
        qCWarning(lcFeedListener) << "no wake pipe: stopping waits up to" << ReconnectMs << "ms";
    m_thread = std::thread([this] { run(); });
}

FeedListener::~FeedListener()
{
    m_stopping = true;
    if (m_wake[1] >= 0) {
        const char byte = 1;
        [[maybe_unused]] const auto n = ::write(m_wake[1], &byte, 1);
    }
    m_thread.join();
    for (int fd : m_wake) {
        if (fd >= 0)
            ::close(fd);
    }
}

void FeedListener::run()
{
    bool first = true;
    while (!m_stopping) {
        PGconn* conn = PQconnectdb(m_url.toUtf8().constData());
        PGresult* listened = nullptr;
        if (PQstatus(conn) == CONNECTION_OK) {
            listened = PQexec(conn, QByteArray(QByteArray("LISTEN ") + Channel).constData());
            if (PQresultStatus(listened) == PGRES_COMMAND_OK) {
                m_listening = true;
                if (!first) // what was sent while no one listened is read from the feed itself
                    m_notified(-1);
                first = false;
                PQclear(listened);
                listened = nullptr;
                listen(conn);
                m_listening = false;
            }
        }
        if (!m_stopping)
            qCInfo(lcFeedListener).noquote()
                << "not listening to other nodes' commits:" << QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQclear(listened);
        PQfinish(conn);
        if (m_stopping)
            break;
        pollfd wake{m_wake[0], POLLIN, 0};
        ::poll(&wake, m_wake[0] >= 0 ? 1 : 0, ReconnectMs);
    }
}

void FeedListener::listen(void* connection)
{
    auto* conn = static_cast<PGconn*>(connection);
    while (!m_stopping) {
        pollfd fds[2] = {{PQsocket(conn), POLLIN, 0}, {m_wake[0], POLLIN, 0}};
        // the wait is bounded: a link that died without a word is found by the next round's
        // status check (the server's keepalives, or its end, make the socket readable)
        const int ready = ::poll(fds, m_wake[0] >= 0 ? 2 : 1, ReconnectMs * 5);
        if (m_stopping || ready < 0)
            return;
        if (PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK)
            return;
        qint64 highest = 0;
        bool any = false;
        while (PGnotify* n = PQnotifies(conn)) {
            any = true;
            highest = std::max(highest, QByteArray(n->extra).toLongLong());
            PQfreemem(n);
        }
        if (any)
            m_notified(highest);
    }
}

} // namespace souk::store
