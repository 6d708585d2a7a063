#pragma once

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <thread>

namespace souk::store {

/// PostgreSQL only: tells a node that another node committed changes. A writer that appends to
/// the change feed notifies the channel `souk_feed` in the same transaction with its last seq and
/// the kinds of entity it changed, "SEQ kind,kind" (PostgreSQL delivers it at COMMIT, never for a
/// rollback). This listens on a libpq connection of its own, on a thread of its own, and calls
/// `notified` with them; several that arrive together as one (the highest seq, every kind). A
/// lost connection is opened again, every second until it succeeds; then `notified` is called
/// with -1 and no kinds, since notifications sent meanwhile were missed: the node reads its feed
/// again and forgets what it caches. `notified` runs on the listener's thread. Made and destroyed
/// on one thread; the destructor stops and joins.
class FeedListener final
{
public:
    static constexpr const char* Channel = "souk_feed";

    using Notified = std::function<void(qint64 seq, const QStringList& kinds)>;

    FeedListener(QString url, Notified notified);
    /// The payload a writer sends: "SEQ kind,kind" for these changes' distinct kinds.
    static QString payloadKinds(const QStringList& kinds) { return u' ' + kinds.join(u','); }
    ~FeedListener();
    FeedListener(const FeedListener&) = delete;
    FeedListener& operator=(const FeedListener&) = delete;

    /// Whether it listens now (connected, LISTEN done). Any thread.
    bool listening() const { return m_listening.load(); }

private:
    void run();
    /// Waits on the connection (or the wake pipe) and hands notifications on; returns when the
    /// connection is lost or the listener stops.
    void listen(void* connection);
    /// Hands on the notifications read so far, as one; whether there were any.
    bool handOn(void* connection);

    const QString m_url;
    const Notified m_notified;
    std::atomic<bool> m_stopping = false;
    std::atomic<bool> m_listening = false;
    int m_wake[2] = {-1, -1}; ///< a pipe: the destructor writes to end the wait at once
    std::thread m_thread;
};

} // namespace souk::store
