#include "backend/store/FeedListener.h"

#include <QLoggingCategory>

#include <cerrno>

#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcFeedListener, "souk.store.feedlistener")

namespace souk::store {
namespace {

constexpr int ReconnectMs = 1'000;
constexpr int IdleCheckMs = 5'000;

} // namespace

FeedListener::FeedListener(QString url, Notified notified) : m_url(std::move(url)), m_notified(std::move(notified))
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
    const QByteArray url = m_url.toUtf8();
    // the URL's own settings, then the listener's: a host that does not answer fails in seconds
    // (a stop waits for no more), and a link that died without a word is found in about ten
    const char* keys[] = {"dbname",           "connect_timeout",     "keepalives",
                          "keepalives_idle",  "keepalives_interval", "keepalives_count",
                          "tcp_user_timeout", "application_name",    nullptr};
    const char* values[] = {url.constData(), "3", "1", "5", "2", "3", "10000", "souk-feed-listener", nullptr};
    for (int attempt = 0; !m_stopping; ++attempt) {
        PGconn* conn = PQconnectdbParams(keys, values, 1);
        PGresult* listened = nullptr;
        if (PQstatus(conn) == CONNECTION_OK) {
            listened = PQexec(conn, QByteArray(QByteArray("LISTEN ") + Channel).constData());
            if (PQresultStatus(listened) == PGRES_COMMAND_OK) {
                m_listening = true;
                if (attempt > 0) // what was sent while no one listened is read from the feed itself
                    m_notified(-1, {});
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

bool FeedListener::handOn(void* connection)
{
    auto* conn = static_cast<PGconn*>(connection);
    qint64 highest = 0;
    QStringList kinds;
    bool any = false;
    while (PGnotify* n = PQnotifies(conn)) {
        any = true;
        // "SEQ kind,kind"
        const QString payload = QString::fromUtf8(n->extra);
        highest = std::max(highest, payload.section(u' ', 0, 0).toLongLong());
        for (const QString& kind : payload.section(u' ', 1).split(u',', Qt::SkipEmptyParts)) {
            if (!kinds.contains(kind))
                kinds.append(kind);
        }
        PQfreemem(n);
    }
    if (any)
        m_notified(highest, kinds);
    return any;
}

void FeedListener::listen(void* connection)
{
    auto* conn = static_cast<PGconn*>(connection);
    handOn(conn); // any that came with LISTEN's answer
    while (!m_stopping) {
        pollfd fds[2] = {{PQsocket(conn), POLLIN, 0}, {m_wake[0], POLLIN, 0}};
        const int ready = ::poll(fds, m_wake[0] >= 0 ? 2 : 1, IdleCheckMs);
        if (m_stopping)
            return;
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (ready == 0) {
            // quiet for a while: ask, so a link that died without a word is found (keepalives and
            // tcp_user_timeout bound the wait)
            PGresult* alive = PQexec(conn, "SELECT 1");
            const bool ok = PQresultStatus(alive) == PGRES_TUPLES_OK;
            PQclear(alive);
            if (!ok)
                return;
        } else if (PQconsumeInput(conn) == 0) {
            return;
        }
        if (PQstatus(conn) != CONNECTION_OK)
            return;
        handOn(conn);
    }
}

} // namespace souk::store
