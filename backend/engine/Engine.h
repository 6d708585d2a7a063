#pragma once

#include <QFuture>
#include <QObject>
#include <QSqlDatabase>
#include <QThreadPool>
#include <QThreadStorage>
#include <QPromise>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <memory>

#include "backend/auth/Access.h"
#include "backend/core/Clock.h"
#include "backend/core/Id.h"
#include "backend/engine/WriteJob.h"
#include "backend/core/Change.h"
#include "backend/store/Connection.h"
#include "backend/store/FeedListener.h"
#include "backend/store/NodeLeaseKeeper.h"
#include "backend/store/Sql.h"
#include "backend/store/StoreFile.h"

namespace souk::engine {

class Writer;

/// How a read sees the store: Snapshot runs all its statements in one read transaction;
/// Autocommit is for the few statements SQLite refuses inside one (VACUUM INTO).
enum class ReadMode
{
    Snapshot,
    Autocommit,
};

struct EngineOptions
{
    store::StoreOptions store;
    /// The node part of the ids this engine makes. A writer on PostgreSQL leases one from the
    /// store instead (NodeLeaseKeeper), so nodes sharing it never make the same id.
    int nodeId = 1;
    int readThreads = 2;
    int batchMax = 512;     ///< commands grouped into one transaction at most
    int queueMax = 100'000; ///< writes waiting at most; beyond it a write fails at once (back-pressure)
    /// Debug builds only: run on the writer connection after commits (at most every 200 ms:
    /// it reads the whole store); any problem it
    /// returns is a bug and stops the process (the ledger and stock invariants, say).
    std::function<Result<QStringList>(QSqlDatabase&)> debugCheck;
};

/// The transaction engine: one writer thread that runs every write command, grouped into
/// transactions (group commit), and a bounded pool of reader connections. Publishes the change
/// feed after each commit. Created and destroyed on one thread (the GUI or main thread);
/// write() and read() may be called from any thread.
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)
public:
    static Result<std::unique_ptr<Engine>> open(const EngineOptions& options, const Clock& clock);
    ~Engine() override;

    /// Queues a command for the writer thread, where it runs exactly once, in its batch's
    /// transaction. A failed command rolls back alone and changes nothing, even when it failed
    /// after writing: the other commands of its batch do not run again, and the good ones
    /// commit. Only when the transaction itself is lost (disk full, I/O error) does the whole
    /// batch fail. The future finishes after the commit on the writer's completion thread, where
    /// continuations attached without a context run: they must be short, or hop to a pool of
    /// their own.
    template <typename T>
    QFuture<Result<T>> write(Actor actor, std::function<Result<T>(store::UnitOfWork&)> command)
    {
        return write<T>(std::move(actor), std::move(command), {});
    }
    /// As write(), and `done` runs once with the result, on the completion thread, before the
    /// future finishes. Chains inside Souk continue this way, never with QFuture::then(): in
    /// Qt 6.4 a continuation attached while its future finishes on another thread can run
    /// twice, and its second run crashes (QFutureInterfaceBase::setContinuation stores the
    /// continuation back after running it, where the finishing thread runs it again).
    template <typename T>
    QFuture<Result<T>> write(Actor actor, std::function<Result<T>(store::UnitOfWork&)> command,
                             std::function<void(const Result<T>&)> done)
    {
        auto job = std::make_unique<TypedWriteJob<T>>(std::move(actor), std::move(command), std::move(done));
        auto future = job->future();
        enqueue(std::move(job));
        return future;
    }

    /// As write(), for a principal: before the command runs, in its transaction, the writer
    /// checks the role against the permission table and the objects against the principal's
    /// merchant (auth::check); a refused command does not run. After it, the outcome is appended
    /// to the audit log in the same transaction, refused and failed commands included.
    template <typename T>
    QFuture<Result<T>> write(const auth::Access& access, std::function<Result<T>(store::UnitOfWork&)> command,
                             std::function<void(const Result<T>&)> done = {})
    {
        auto job = std::make_unique<TypedWriteJob<T>>(access.principal.actor(), std::move(command), std::move(done),
                                                      access);
        auto future = job->future();
        enqueue(std::move(job));
        return future;
    }
    /// As read(), for a principal: refused at once (and audited) when the role may not run the
    /// operation; otherwise the objects it names are checked against the principal's merchant
    /// in the query's snapshot (another merchant's answers NotFound), then `query` runs.
    template <typename T>
    QFuture<Result<T>> read(const auth::Access& access, std::function<Result<T>(QSqlDatabase&)> query,
                            ReadMode mode = ReadMode::Snapshot)
    {
        if (auto refused = admit(access))
            return readyError<T>(*refused);
        return read<T>(
            [this, access, query = std::move(query)](QSqlDatabase& db) -> Result<T> {
                // the reader's cached statements: a scope check comes before every read
                if (auto e = auth::checkScope(db, access, &m_readers.localData()->statements()))
                    return *e;
                return query(db);
            },
            mode);
    }
    /// The permission table's answer for `access`; a refusal is appended to the audit log.
    std::optional<Error> admit(const auth::Access& access);
    /// Appends to the audit log that `access` failed with `error` before it reached the store
    /// (malformed input found up front).
    void recordFailure(const auth::Access& access, const Error& error);
    template <typename T>
    static QFuture<Result<T>> readyError(const Error& error)
    {
        QPromise<Result<T>> promise;
        promise.start();
        promise.addResult(Result<T>(error));
        promise.finish();
        return promise.future();
    }
    template <typename T>
    static QFuture<Result<T>> readyValue(T value)
    {
        QPromise<Result<T>> promise;
        promise.start();
        promise.addResult(Result<T>(std::move(value)));
        promise.finish();
        return promise.future();
    }

    /// Runs a query on a reader connection of the pool. Always on a pool thread: a promise,
    /// not QtConcurrent, so a waiting caller cannot pull the query onto its own thread.
    /// `done`, when given, runs once with the result on that thread before the future finishes
    /// (see write() for why not QFuture::then()).
    template <typename T>
    QFuture<Result<T>> read(std::function<Result<T>(QSqlDatabase&)> query, ReadMode mode = ReadMode::Snapshot,
                            std::function<void(const Result<T>&)> done = {})
    {
        auto promise = std::make_shared<QPromise<Result<T>>>();
        auto future = promise->future();
        promise->start();
        m_readPool.start([this, promise, mode, query = std::move(query), done = std::move(done)]() {
            if (!done) {
                promise->addResult(runRead<T>(query, mode));
            } else {
                const Result<T> result = runRead<T>(query, mode);
                done(result);
                promise->addResult(result);
            }
            promise->finish();
        });
        return future;
    }

    const Clock& clock() const { return m_clock; }
    /// Where the store is (a file, or a PostgreSQL URL) and how it was opened.
    const store::StoreOptions& storeOptions() const { return m_options.store; }
    IdGenerator& ids() { return m_ids; }
    /// The newest seq published so far.
    qint64 lastPublishedSeq() const { return m_lastSeq.load(); }
    /// Log checkpoints run by the background thread so far.
    qint64 checkpoints() const;
    /// Transactions the writer committed so far (each holds one batch of commands).
    qint64 commits() const;
    /// Commands in those transactions (each ran once: kept, or rolled back alone).
    qint64 commandsCommitted() const;
    /// Commands waiting for the writer now. Any thread; an atomic read, no lock.
    int writerQueueDepth() const;
    /// `observer` is called on the writer thread after each commit with the seconds from the
    /// batch's BEGIN to its COMMIT's return and the batch's commands (for a node's metrics): it
    /// must be quick and never block. Replaces the last one; empty clears it. A call under way
    /// may finish after it is replaced: what it uses must outlive the engine. Any thread.
    void setCommitObserver(std::function<void(double seconds, int commands)> observer);

    /// Why the store takes no more writes, or nothing. Set once and for good when a statement
    /// reports corruption (SQLite's CORRUPT or NOTADB, on the writer or a reader) or a health
    /// check fails: writing on into a damaged file spreads the damage and buries what a repair
    /// needs. From then on every write fails at once with this error (StoreCorrupt); reads go
    /// on, so what is still readable can be seen and exported. Any thread.
    std::optional<Error> damage() const;
    /// Why this node may make no ids now, so writes no more: its node id lease on a PostgreSQL
    /// store was lost (taken over, or not renewed in time). Nothing on SQLite. Any thread.
    std::optional<Error> leaseLost() const { return m_lease ? m_lease->lost() : std::nullopt; }
    /// The node part of this engine's ids (leased on PostgreSQL).
    int nodeId() const { return m_ids.nodeId(); }
    /// Runs SQLite's quick check of every page on a reader (seconds on a large store: never
    /// on the GUI thread's behalf in a loop); a store that fails it is marked damaged. The
    /// problems found, empty when the store is sound.
    QFuture<Result<QStringList>> checkHealth();
    /// Marks the store damaged by `cause` (the first cause is kept) and emits damaged() once.
    void markDamaged(const Error& cause);

signals:
    /// Once, when the store is found damaged (see damage()), on the thread that found it.
    void damaged(const souk::Error& error);

    /// After each commit that changed anything, in seq order, before that commit's futures
    /// finish. Emitted on the writer's completion thread: connect with the default (queued)
    /// connection from other threads.
    void committed(const souk::ChangeList& changes);
    /// PostgreSQL: a node committed changes of these `kinds` ("order", "api_key") up to `seq`
    /// (this node's own commits are told too); -1 and no kinds: some may have been missed while
    /// the listener reconnected. `newer`: past every seq published so far (or -1), so readers of
    /// the feed have something new. Emitted on the listener's thread: connect queued, or direct
    /// to thread-safe code.
    void othersCommitted(qint64 seq, const QStringList& kinds, bool newer);

private:
    friend class Writer;
    Engine(const EngineOptions& options, const Clock& clock, std::unique_ptr<store::StoreFile> store);
    void enqueue(std::unique_ptr<WriteJob> job);
    /// The newest seq known to be committed, raised (never lowered) by this node's commits and
    /// other nodes' notifications.
    bool notePublished(qint64 seq); ///< whether it raised the newest seq
    /// This reader thread's connection, opened on first use, and again when the last query found
    /// it broken (PostgreSQL restarted or failed over: libpq's URL finds the primary).
    QSqlDatabase* readerDatabase();
    /// On PostgreSQL: whether this reader thread has no connection, or a broken one.
    bool readerGone();
    template <typename T>
    Result<T> runRead(const std::function<Result<T>(QSqlDatabase&)>& query, ReadMode mode)
    {
        Result<T> result = runReadOnce(query, mode);
        // a read changes nothing: one that met a lost connection runs once more on a new one
        // (not one whose connection could not even open: that would wait out a second timeout)
        if (!result && result.error().code == ErrorCode::StoreIo && m_readers.hasLocalData() && m_readers.localData() &&
            store::connectionBroken(m_readers.localData()->db()))
            result = runReadOnce(query, mode);
        if (!result && result.error().code == ErrorCode::StoreIo && readerGone())
            return store::databaseGone(result.error());
        return result;
    }
    template <typename T> Result<T> runReadOnce(const std::function<Result<T>(QSqlDatabase&)>& query, ReadMode mode)
    {
        QSqlDatabase* db = readerDatabase();
        if (!db)
            return Error::store(ErrorCode::StoreIo, QStringLiteral("no reader connection"));
        // one snapshot for every statement of the query (a product and its variants, an export)
        const bool snapshot = mode == ReadMode::Snapshot && db->transaction();
        std::optional<Result<T>> result;
        try {
            result.emplace(query(*db));
        } catch (const std::exception& e) {
            result.emplace(Error::internal(QString::fromUtf8(e.what())));
        }
        m_readers.localData()->statements().finishAll(); // no cursor may outlive the snapshot
        if (snapshot)
            db->rollback(); // nothing to keep: ends the read transaction
        if (!result->ok() && result->error().code == ErrorCode::StoreCorrupt)
            markDamaged(result->error());
        return std::move(*result);
    }
    void published(const ChangeList& changes);
    void checkpointOnClose();

    EngineOptions m_options;
    const Clock& m_clock;
    std::unique_ptr<store::StoreFile> m_store;       ///< null for a PostgreSQL store (no file to lock)
    std::unique_ptr<store::FeedListener> m_listener; ///< a PostgreSQL writer's: other nodes' commits
    std::unique_ptr<store::NodeLeaseKeeper> m_lease; ///< a PostgreSQL writer's node id; released after the writer
    IdGenerator m_ids;
    std::atomic<qint64> m_lastSeq{0};
    std::atomic<bool> m_isDamaged{false};
    mutable std::mutex m_damageMutex;
    std::optional<Error> m_damage; ///< guarded by m_damageMutex
    QThreadStorage<store::Connection*> m_readers; // destroyed after the pool's threads have exited
    QThreadPool m_readPool;
    std::unique_ptr<Writer> m_writer;
};

} // namespace souk::engine
