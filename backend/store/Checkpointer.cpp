#include "backend/store/Checkpointer.h"

#include <QLoggingCategory>

#include <pthread.h>
#include <sqlite3.h>

#include "backend/store/Connection.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCheckpoint, "souk.store.checkpoint", QtInfoMsg)

namespace souk::store {
namespace {

int onWal(void* checkpointer, sqlite3* writer, const char*, int pages)
{
    if (static_cast<Checkpointer*>(checkpointer)->walGrew(pages)) {
        // the few frames since the background copy, on the writer, so the next commit can
        // start the log over (only a connection that writes can: see the class comment)
        const int rc = sqlite3_wal_checkpoint_v2(writer, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcCheckpoint) << "the writer's checkpoint failed:" << sqlite3_errstr(rc);
    }
    return SQLITE_OK;
}

} // namespace

Checkpointer::Checkpointer(StoreOptions options) : m_options(std::move(options))
{
    m_options.readOnly = false; // a checkpoint writes the store file (never a row)
}

Checkpointer::~Checkpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

bool Checkpointer::attach(QSqlDatabase& writer)
{
    auto* handle = static_cast<sqlite3*>(nativeSqliteHandle(writer));
    if (!handle || m_options.checkpointPages <= 0)
        return false;
    if (!m_thread.joinable()) {
        m_thread = std::thread([this] { run(); });
        pthread_setname_np(m_thread.native_handle(), "souk-checkpoint"); // not the writer's name it inherits
    }
    // replaces the hook sqlite3_wal_autocheckpoint installs: the writer no longer checkpoints
    sqlite3_wal_hook(handle, &onWal, this);
    return true;
}

bool Checkpointer::walGrew(int pages)
{
    if (pages < m_options.checkpointPages)
        return false;
    {
        std::lock_guard lock(m_mutex);
        if (m_caughtUp || m_threadFailed) {
            m_caughtUp = false;
            return true;
        }
        if (m_pending)
            return false;
        m_pending = true;
    }
    m_wake.notify_one();
    return false;
}

qint64 Checkpointer::checkpoints() const
{
    std::lock_guard lock(m_mutex);
    return m_done;
}

void Checkpointer::run()
{
    auto conn = Connection::open(m_options, u"checkpoint"_s);
    if (!conn) {
        // the writer's own commits then checkpoint past the mark, as SQLite's default would:
        // the log must never grow without bound for want of this thread
        qCCritical(lcCheckpoint) << "cannot open the checkpoint connection; the writer checkpoints instead:"
                                 << conn.error().toString();
        std::lock_guard lock(m_mutex);
        m_threadFailed = true;
        return;
    }
    auto* handle = static_cast<sqlite3*>(nativeSqliteHandle((*conn)->db()));
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || m_pending; });
            if (m_stopping)
                return;
        }
        int logPages = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(handle, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logPages, &copied);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcCheckpoint) << "checkpoint failed:" << sqlite3_errstr(rc);
        else
            qCDebug(lcCheckpoint) << "checkpoint copied" << copied << "of" << logPages << "pages";
        std::lock_guard lock(m_mutex);
        ++m_done;
        // a reader still on older frames may have kept some back: the next commit past the
        // mark asks again, as SQLite's own checkpoint would try again at each commit
        m_caughtUp = rc == SQLITE_OK && copied == logPages;
        m_pending = false;
    }
}

} // namespace souk::store
