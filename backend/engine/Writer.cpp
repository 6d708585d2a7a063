#include "backend/engine/Writer.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlError>

#include <pthread.h>

#include "backend/engine/Engine.h"
#include "backend/store/ChangeFeed.h"
#include "backend/store/Connection.h"
#include "backend/store/LookupCache.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWriter, "souk.engine.writer")

namespace souk::engine {
namespace {

/// Runs one job inside SAVEPOINT cmd, then its finishers; on failure the savepoint is rolled
/// back and the job changed nothing. The changes of a good job join the batch. Returns an error
/// only when the batch's transaction itself is gone (SQLite rolls the whole transaction back on
/// disk-full or I/O errors): nothing of the batch may then be committed or reported as done.
std::optional<Error> runInSavepoint(QSqlDatabase& db, WriteJob& job, store::UnitOfWork& uow, ChangeList& batchChanges,
                                   store::LookupCache& lookups)
{
    // cached statements: a command's own work can be a handful of rows, so these count
    if (auto s = store::exec(uow.statement(u"SAVEPOINT cmd"_s), u"opening a savepoint"_s); !s)
        return s.error();
    bool ok = job.run(uow);
    if (ok) {
        if (auto s = uow.runFinishers(); !s) {
            job.failAfterRun(s.error());
            ok = false;
        }
    }
    if (!ok) {
        if (!store::inTransaction(db))
            return Error::store(ErrorCode::StoreIo, u"the transaction was rolled back by the database"_s);
        lookups.clear(); // an entry may have been read from what is undone
        if (auto s = store::exec(uow.statement(u"ROLLBACK TO cmd"_s), u"rolling back a command"_s); !s)
            return s.error();
        if (auto s = store::exec(uow.statement(u"RELEASE cmd"_s), u"releasing a savepoint"_s); !s)
            return s.error();
        return std::nullopt;
    }
    if (auto s = store::exec(uow.statement(u"RELEASE cmd"_s), u"releasing a savepoint"_s); !s)
        return s.error();
    batchChanges.append(uow.changes());
    return std::nullopt;
}

/// One change row per entity for the whole batch, where its first change was, with its newest
/// version, actor and time. A reader of the feed re-reads the entity, so the rows between tell
/// it nothing; Created and Deleted are kept over Updated. Stock and product rows touched by
/// many orders of one commit shrink to one each.
void coalesce(ChangeList& changes)
{
    QHash<std::pair<QString, qint64>, qsizetype> first;
    first.reserve(changes.size());
    qsizetype kept = 0;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        Change& c = changes[i];
        const auto key = std::pair(c.entity, c.id.value);
        const auto it = first.constFind(key);
        if (it == first.cend()) {
            first.insert(key, kept);
            if (kept != i)
                changes[kept] = std::move(c);
            ++kept;
            continue;
        }
        Change& into = changes[*it];
        if (c.version >= into.version) {
            into.version = c.version;
            into.actor = c.actor;
            into.atMs = c.atMs;
        }
        if (c.op != ChangeOp::Updated)
            into.op = c.op;
    }
    changes.resize(kept);
}

constexpr qint64 DebugCheckIntervalMs = 200;

/// Debug builds: a commit that broke an invariant is a bug; stop where it happened.
[[maybe_unused]] void checkInvariants(QSqlDatabase& db, const std::function<Result<QStringList>(QSqlDatabase&)>& check)
{
    const Result<QStringList> problems = check(db);
    if (!problems)
        qCCritical(lcWriter) << "invariant check failed to run:" << problems.error().toString();
    else if (!problems->isEmpty())
        qFatal("a commit broke the store's invariants:\n%s", qPrintable(problems->join(u'\n')));
}

/// How one pass over a batch ended.
struct Pass
{
    std::optional<Error> lost; ///< the transaction is gone: nothing of the batch may be kept
    bool needsSavepoints = false; ///< a command failed after writing: only a rollback undoes it
};

/// Runs one job without a savepoint of its own. A job that fails without having changed a row
/// (nearly every refusal: bad input, a conflict, an illegal step, not enough stock for the
/// first line) leaves nothing to undo. One that did change rows can only be undone by rolling
/// the whole transaction back.
Pass runBare(QSqlDatabase& db, WriteJob& job, store::UnitOfWork& uow, ChangeList& batchChanges, qint64 changesBefore)
{
    bool ok = job.run(uow);
    if (ok) {
        if (auto s = uow.runFinishers(); !s) {
            job.failAfterRun(s.error());
            ok = false;
        }
    }
    if (!store::inTransaction(db))
        return {Error::store(ErrorCode::StoreIo, u"the transaction was rolled back by the database"_s), false};
    if (ok) {
        batchChanges.append(uow.changes());
        return {};
    }
    return {std::nullopt, store::totalChanges(db) != changesBefore};
}

/// Runs the batch's jobs in the open transaction, each bare or each in its savepoint.
Pass runJobs(QSqlDatabase& db, std::deque<std::unique_ptr<WriteJob>>& batch, store::StatementCache& statements,
             store::LookupCache& lookups, Engine& engine, ChangeList& batchChanges, bool savepoints)
{
    for (auto& job : batch) {
        store::UnitOfWork uow(db, statements, engine.ids(), job->actor(), engine.clock().nowMs(), &lookups);
        if (savepoints) {
            if (auto lost = runInSavepoint(db, *job, uow, batchChanges, lookups))
                return {lost, false};
            continue;
        }
        const Pass pass = runBare(db, *job, uow, batchChanges, *store::totalChanges(db));
        if (pass.lost || pass.needsSavepoints)
            return pass;
    }
    return {};
}

/// Runs the batch in one transaction and commits it; the error when nothing of it was kept.
///
/// Commands first run without savepoints: a savepoint makes SQLite copy every page its command
/// touches into a sub-journal, a fifth of the order pipeline's time, and is only needed to undo
/// a command that failed after writing. When one does, the whole transaction is rolled back and
/// the batch runs again with a savepoint per command, so the commands before it run twice (a
/// command's result and side effects are those of its last run: see Engine::write).
std::optional<Error> runBatch(QSqlDatabase& db, std::deque<std::unique_ptr<WriteJob>>& batch,
                              store::StatementCache& statements, store::LookupCache& lookups, Engine& engine,
                              ChangeList& batchChanges)
{
    // without the native handle the engine cannot tell whether a failed command wrote
    bool savepoints = !store::totalChanges(db).has_value();
    std::optional<Error> failure;
    for (;;) {
        if (!db.transaction())
            return store::sqlError(db.lastError(), u"starting a transaction"_s);
        lookups.transactionStarted(statements);
        const Pass pass = runJobs(db, batch, statements, lookups, engine, batchChanges, savepoints);
        statements.finishAll(); // no statement keeps a cursor open past the commit
        if (!pass.needsSavepoints) {
            failure = pass.lost;
            break;
        }
        db.rollback();
        lookups.clear();
        batchChanges.clear();
        savepoints = true;
    }
    // the whole batch's feed rows together, in the same transaction as the changes, one row
    // per entity however many commands of the batch changed it
    if (!failure) {
        coalesce(batchChanges);
        if (auto s = store::ChangeFeed::append(db, batchChanges); !s)
            failure = s.error();
    }
    if (!failure && !db.commit())
        failure = store::sqlError(db.lastError(), u"committing"_s);
    if (failure) {
        qCWarning(lcWriter) << "batch of" << batch.size() << "commands not committed:" << failure->toString();
        if (store::inTransaction(db))
            db.rollback();
        lookups.clear();
        batchChanges.clear();
    }
    return failure;
}

} // namespace

Writer::Writer(Engine& engine, store::StoreOptions options, int batchMax, int queueMax)
    : m_engine(engine), m_options(options), m_batchMax(batchMax), m_queueMax(queueMax),
      m_checkpointer(std::move(options))
{
    setObjectName(u"souk-writer"_s);
}

Writer::~Writer()
{
    stop();
    wait();
}

void Writer::enqueue(std::unique_ptr<WriteJob> job)
{
    std::unique_lock lock(m_mutex);
    if (m_stopping || int(m_queue.size()) >= m_queueMax) {
        const bool stopping = m_stopping;
        lock.unlock();
        job->complete(Error::store(ErrorCode::Unavailable, stopping ? u"the engine is shutting down"_s
                                                                    : u"too many writes waiting; try again"_s));
        return;
    }
    m_queue.push_back(std::move(job));
    lock.unlock();
    m_wake.notify_one();
}

void Writer::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
}

std::deque<std::unique_ptr<WriteJob>> Writer::takeBatch()
{
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
    std::deque<std::unique_ptr<WriteJob>> batch;
    while (!m_queue.empty() && int(batch.size()) < m_batchMax) {
        batch.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
    }
    return batch;
}

void Writer::failAll(const Error& error)
{
    std::deque<std::unique_ptr<WriteJob>> rest;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        rest.swap(m_queue);
    }
    for (auto& job : rest)
        job->complete(error);
}

void Writer::run()
{
    auto conn = store::Connection::open(m_options, u"writer"_s);
    if (!conn) {
        qCCritical(lcWriter) << "cannot open the writer connection:" << conn.error().toString();
        failAll(conn.error());
        return;
    }
    QSqlDatabase& db = (*conn)->db();
    store::StatementCache& statements = (*conn)->statements();
    store::LookupCache lookups(db); // before the loop, after the connection: its hook is on it
    if (!m_checkpointer.attach(db))
        qCInfo(lcWriter) << "the writer checkpoints the log itself (no background checkpoints)";
    QElapsedTimer sinceCheck; // debug builds: the invariant check reads the whole store
    // Batches are completed in commit order on a thread of their own: publishing changes and
    // finishing futures (with the continuations that run inline) would otherwise hold up the
    // next batch. Joined before the writer's thread ends, so no job outlives it unfinished.
    std::thread completer([this] { completeLoop(); });
    pthread_setname_np(completer.native_handle(), "souk-complete"); // not the writer's name it inherits
    for (;;) {
        auto batch = takeBatch();
        if (batch.empty())
            break; // stopping and drained
        ChangeList batchChanges;
        const std::optional<Error> commitError = runBatch(db, batch, statements, lookups, m_engine, batchChanges);
#ifndef NDEBUG
        // after every commit, but at most every DebugCheckIntervalMs: a full check per commit
        // would make a large debug store crawl; a broken invariant stays broken until seen
        if (!commitError && m_engine.m_options.debugCheck
            && (!sinceCheck.isValid() || sinceCheck.elapsed() >= DebugCheckIntervalMs)) {
            checkInvariants(db, m_engine.m_options.debugCheck);
            sinceCheck.start();
        }
#endif
        if (!commitError)
            m_commits.fetch_add(1, std::memory_order_relaxed);
        handOver(Done{std::move(batch), commitError, std::move(batchChanges)});
    }
    {
        std::lock_guard lock(m_doneMutex);
        m_doneClosing = true;
    }
    m_doneWake.notify_one();
    completer.join();
}

void Writer::handOver(Done done)
{
    {
        std::lock_guard lock(m_doneMutex);
        m_done.push_back(std::move(done));
    }
    m_doneWake.notify_one();
}

void Writer::completeLoop()
{
    for (;;) {
        std::deque<Done> ready;
        {
            std::unique_lock lock(m_doneMutex);
            m_doneWake.wait(lock, [this] { return m_doneClosing || !m_done.empty(); });
            if (m_done.empty())
                return; // closing and drained
            ready.swap(m_done);
        }
        for (Done& done : ready) {
            if (!done.changes.isEmpty())
                m_engine.published(done.changes);
            for (auto& job : done.jobs)
                job->complete(done.commitError);
        }
    }
}

} // namespace souk::engine
