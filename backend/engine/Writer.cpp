#include "backend/engine/Writer.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlError>

#include <pthread.h>

#include "backend/auth/AuditLog.h"
#include "backend/engine/Engine.h"
#include "backend/store/ChangeFeed.h"
#include "backend/store/Connection.h"
#include "backend/store/LookupCache.h"
#include "backend/store/Sql.h"
#include "backend/store/StoreOptions.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWriter, "souk.engine.writer")

namespace souk::engine {
namespace {

/// How a command ran.
struct Ran
{
    std::optional<Error> lost; ///< the transaction is gone: nothing of the batch may be kept
    bool kept = false;         ///< the command succeeded; its changes joined the batch
};

/// On PostgreSQL, the advisory lock a writer's transaction holds from BEGIN to COMMIT ("Souk", 9).
constexpr qint64 WriteTurnLock = 0x536F756B'00000009;
/// The writer connection's lock timeout (its store options' busy timeout), set as it opens: the
/// writer thread's own, for begin() to put back after waiting for a turn.
thread_local int t_lockTimeoutMs = 5000;

/// Opens the batch's transaction (again, after its first command failed). IMMEDIATE: the
/// write lock is taken at once, where SQLite's busy handler waits out another connection
/// holding it (a backup, sqlite3). A deferred BEGIN would take it at the first write, after
/// the command's reads, and SQLite never waits for an upgrade from a read: the command would
/// fail with "locked" at once, whatever the busy timeout says.
/// On PostgreSQL the nodes' writers take turns the same way, a transaction at a time, under an
/// advisory lock held to COMMIT: a batch takes rows of many kinds in its commands' order (a
/// merchant's order counter, stock levels, the ledger), and two nodes' batches taking them in
/// other orders deadlocked most of their commits when they ran at once (bench_orders, three
/// nodes). The locks the commands take themselves stay: they are what would keep money right if
/// the turns were ever made finer.
std::optional<Error> begin(QSqlDatabase& db, store::StatementCache& statements, store::LookupCache& lookups)
{
    static const QString sqlite = u"BEGIN IMMEDIATE"_s;
    static const QString postgres = u"BEGIN"_s;
    if (auto s = store::exec(db, store::dialect(db, sqlite, postgres)); !s)
        return s.error();
    if (store::isPostgres(db)) {
        // a turn is waited for longer than a row: another node's batch may take seconds (a
        // maintenance pass, a commit waiting for the synchronous standby); the statements after
        // it wait as long as the store's lock timeout says
        static const QString turn = u"SELECT set_config('lock_timeout', '60s', true), pg_advisory_xact_lock(?), "
                                    "set_config('lock_timeout', ?, true)"_s;
        if (auto s = store::exec(db, turn, {WriteTurnLock, QString::number(t_lockTimeoutMs)}); !s) {
            db.rollback();
            return s.error();
        }
    }
    lookups.transactionStarted(statements);
    return std::nullopt;
}

/// Runs one job, then its finishers, in SAVEPOINT cmd, or bare when it is the first of its
/// transaction to run: nothing kept before it can be undone with it, so a failure rolls the
/// transaction back and begins it again. Either way a failed job changed nothing, and a good
/// job's changes join the batch. `lost` is set only when the transaction itself is gone (SQLite
/// rolls the whole transaction back on disk-full or I/O errors): nothing of the batch may then
/// be committed or reported as done.
Ran runJob(QSqlDatabase& db, WriteJob& job, store::UnitOfWork& uow, store::StatementCache& statements,
           store::LookupCache& lookups, ChangeList& batchChanges, bool savepoint)
{
    // cached statements: a command's own work can be a handful of rows, so these count
    if (savepoint) {
        if (auto s = store::exec(uow.statement(u"SAVEPOINT cmd"_s), u"opening a savepoint"_s); !s)
            return {s.error()};
    }
    bool ok = job.run(uow);
    if (ok) {
        if (auto s = uow.runFinishers(); !s) {
            job.failAfterRun(s.error());
            ok = false;
        }
    }
    // PostgreSQL refuses every statement after a failed one until a rollback: a command that met
    // an SQL error and still reported success failed, and only its own work is undone
    if (ok && store::transactionFailed(db)) {
        job.failAfterRun(Error::store(ErrorCode::StoreIo, u"a statement of the command failed"_s));
        ok = false;
    }
    // a command that met a damaged page loses the whole batch: nothing more goes into the file
    // (checked first: SQLite may have rolled the transaction back with it)
    if (const Error* error = ok ? nullptr : job.error(); error && error->code == ErrorCode::StoreCorrupt)
        return {*error};
    if (!store::inTransaction(db))
        return {Error::store(ErrorCode::StoreIo, u"the transaction was rolled back by the database"_s)};
    if (!ok) {
        lookups.clear(); // an entry may have been read from what is undone
        if (!savepoint) {
            statements.finishAll(); // no cursor may outlive the transaction
            if (!db.rollback())
                return {store::sqlError(db.lastError(), u"rolling back a command"_s)};
            return {begin(db, statements, lookups)};
        }
        if (auto s = store::exec(uow.statement(u"ROLLBACK TO cmd"_s), u"rolling back a command"_s); !s)
            return {s.error()};
        if (auto s = store::exec(uow.statement(u"RELEASE cmd"_s), u"releasing a savepoint"_s); !s)
            return {s.error()};
        return {};
    }
    if (savepoint) {
        if (auto s = store::exec(uow.statement(u"RELEASE cmd"_s), u"releasing a savepoint"_s); !s)
            return {s.error()};
    }
    batchChanges.append(uow.changes());
    return {std::nullopt, true};
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

/// The objects an audit row names at most: those the command was given, then what it changed.
constexpr qsizetype AuditObjectsMax = 16;
constexpr qsizetype AuditDetailMax = 500;

/// The merchant an audit row belongs to, so that the merchant's owner sees it: the principal's
/// own, else the one the command named, else the owner of the first object it named (support
/// refunding a payment: one cached lookup, for platform principals only); null for the platform.
Id auditMerchant(QSqlDatabase& db, const auth::Access& access, store::StatementCache& statements)
{
    if (!access.principal.merchantId.isNull())
        return access.principal.merchantId;
    if (!access.merchantId.isNull())
        return access.merchantId;
    for (const auth::ObjectRef& o : access.objects) {
        if (o.id.isNull())
            continue;
        auto owner = auth::merchantOf(db, o.entity, o.id, o.field, &statements);
        return owner ? *owner : Id{}; // a missing object: the row is the platform's
    }
    return {};
}

/// The audit row of a principal's command after it ran (or was refused), made outside its
/// savepoint: the row commits with the command's effect, or alone for a command that failed.
auth::AuditRecord auditRecord(store::UnitOfWork& uow, const WriteJob& job, const auth::Access& access,
                              store::StatementCache& statements)
{
    auth::AuditRecord record = auth::AuditRecord::of(access.principal, auth::operationName(access.op), uow.nowMs());
    record.merchantId = auditMerchant(uow.db(), access, statements);
    record.objects = access.objectNames();
    record.reason = access.reason;
    const std::shared_ptr<auth::AuditNote> note = auth::AuditNote::of(uow);
    if (!note->userId.isNull()) {
        record.userId = note->userId;
        record.role = note->role;
    }
    if (!note->credentialId.isNull())
        record.credentialId = note->credentialId;
    const Error* error = job.error();
    if (!error && note->outcome)
        error = &*note->outcome;
    if (error) {
        record.outcome = errorCodeName(error->code);
        record.detail = (error->field.isEmpty() ? QString() : error->field + u": "_s) + error->message;
        record.detail.truncate(AuditDetailMax);
    }
    if (!job.error()) {
        // what a person looks for first: the money and the order, then the people, then the
        // catalog rows a command touched on the way (stock, products)
        static const QStringList first{u"payment"_s, u"refund"_s, u"dispute"_s, u"payout"_s, u"order"_s,
                                       u"user"_s,    u"api_key"_s};
        ChangeList changed = uow.changes();
        std::stable_sort(changed.begin(), changed.end(), [](const Change& a, const Change& b) {
            const auto rank = [](const QString& e) { return first.contains(e) ? first.indexOf(e) : first.size(); };
            return rank(a.entity) < rank(b.entity);
        });
        for (const Change& c : std::as_const(changed)) {
            if (record.objects.size() >= AuditObjectsMax)
                break;
            const QString name = c.entity + u':' + c.id.toString();
            if (!record.objects.contains(name))
                record.objects.append(name);
        }
    }
    return record;
}

/// Appends the batch's audit rows, in the order their commands ran, as its last work before the
/// feed's: on PostgreSQL the chain's lock is then held from here to COMMIT only, and never
/// before a lock a command takes (a ledger's, a row's), so two nodes' batches cannot wait on
/// each other in a circle.
std::optional<Error> appendAudit(QSqlDatabase& db, QList<auth::AuditRecord>& records, store::StatementCache& statements,
                                 Engine& engine)
{
    if (records.isEmpty())
        return std::nullopt;
    store::UnitOfWork uow(db, statements, engine.ids(), Actor{u"system"_s, u"system"_s}, engine.clock().nowMs());
    auth::AuditLog::Head head;
    for (auth::AuditRecord& record : records) {
        if (auto s = auth::AuditLog::append(uow, record, head); !s)
            return s.error();
    }
    return std::nullopt;
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

/// Runs the batch in one transaction and commits it; the error when nothing of it was kept.
///
/// Each command after the first good one runs in a savepoint of its own: it is the only undo
/// that leaves the commands around a failed one run exactly once (rolling the transaction back
/// would undo the good commands before it, which would then have to run again). Its price is
/// that SQLite copies every page a command touches into the sub-journal; RESULTS.md has the
/// figures (about 10 % of the order pipeline, 15 % of checkouts). Cheaper undos were ruled out:
/// the session extension's inverse changesets skip the FTS5 search table and are refused by the
/// triggers that keep journal entries and postings, and a commit per command gives up group
/// commit. The commands before the first good one need no savepoint (see runJob), which is
/// every command of a batch of one.
/// Whether a command that failed lost a wait to another node's transaction (a deadlock, the lock
/// timeout) and may run again in the next one, where it waits its turn.
bool lostToAnotherNode(QSqlDatabase& db, WriteJob& job)
{
    const Error* error = job.error();
    return error && error->code == ErrorCode::StoreLocked && store::isPostgres(db) && job.mayRunAgain();
}

/// Takes the commands marked to run again out of the batch, in their order.
std::deque<std::unique_ptr<WriteJob>> takeMarked(std::deque<std::unique_ptr<WriteJob>>& batch,
                                                 const std::vector<bool>& marked)
{
    std::deque<std::unique_ptr<WriteJob>> out;
    std::deque<std::unique_ptr<WriteJob>> kept;
    for (size_t i = 0; i < batch.size(); ++i)
        (marked[i] ? out : kept).push_back(std::move(batch[i]));
    batch.swap(kept);
    return out;
}

std::optional<Error> runBatch(QSqlDatabase& db, std::deque<std::unique_ptr<WriteJob>>& batch,
                              store::StatementCache& statements, store::LookupCache& lookups, Engine& engine,
                              ChangeList& batchChanges, std::deque<std::unique_ptr<WriteJob>>& again)
{
    std::optional<Error> failure; // in the transaction the caller began (Writer::beginBatch)
    bool kept = false; // a command of the transaction succeeded: the next ones need savepoints
    QList<auth::AuditRecord> audit; // the principals' commands, kept or failed, written last
    std::vector<bool> runAgain(batch.size(), false);
    for (size_t i = 0; i < batch.size(); ++i) {
        auto& job = batch[i];
        store::UnitOfWork uow(db, statements, engine.ids(), job->actor(), engine.clock().nowMs(), &lookups);
        const auth::Access* access = job->access() && job->access()->enforced ? job->access() : nullptr;
        // a principal's command runs only if its role and merchant allow it; refused, it never
        // ran, and changed nothing
        const std::optional<Error> refused = access ? auth::check(db, *access, &statements) : std::nullopt;
        if (refused)
            job->failAfterRun(*refused);
        const Ran ran = refused ? Ran{} : runJob(db, *job, uow, statements, lookups, batchChanges, kept);
        failure = ran.lost;
        if (failure)
            break; // the transaction is gone: the jobs after it must not run outside it
        if (!refused && !ran.kept && lostToAnotherNode(db, *job)) {
            runAgain[i] = true; // not done yet: neither answered nor audited
            continue;
        }
        if (access)
            audit.append(auditRecord(uow, *job, *access, statements));
        kept = kept || ran.kept;
    }
    // every command's audit row commits with the batch, or none does and no command is
    // acknowledged; then the whole batch's feed rows, one per entity however many commands of
    // the batch changed it
    if (!failure)
        failure = appendAudit(db, audit, statements, engine);
    statements.finishAll(); // no statement keeps a cursor open past the commit
    if (!failure) {
        coalesce(batchChanges);
        if (auto s = store::ChangeFeed::append(db, batchChanges); !s)
            failure = s.error();
    }
    if (!failure)
        failure = engine.leaseLost(); // ids made under a node id another node may hold by now
    if (!failure && !db.commit()) {
        const QSqlError why = db.lastError();
        failure = store::sqlError(why, u"committing"_s);
        failure->outcomeUnknown = store::commitOutcomeUnknown(db, why); // its answer lost, not a refusal
    }
    if (!failure)
        again = takeMarked(batch, runAgain);
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
    if (auto damage = m_engine.damage()) {
        job->complete(*damage);
        return;
    }
    std::unique_lock lock(m_mutex);
    if (m_stopping || int(m_queue.size()) >= m_queueMax) {
        const bool stopping = m_stopping;
        lock.unlock();
        job->complete(Error::store(ErrorCode::Unavailable, stopping ? u"the engine is shutting down"_s
                                                                    : u"too many writes waiting; try again"_s));
        return;
    }
    m_queue.push_back(std::move(job));
    m_queueDepth.store(int(m_queue.size()), std::memory_order_relaxed);
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
    m_queueDepth.store(int(m_queue.size()), std::memory_order_relaxed);
    return batch;
}

void Writer::failAll(const Error& error)
{
    std::deque<std::unique_ptr<WriteJob>> rest;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        rest.swap(m_queue);
        m_queueDepth.store(0, std::memory_order_relaxed);
    }
    for (auto& job : rest)
        job->complete(error);
}

std::optional<Error> Writer::connect()
{
    m_lookups.reset(); // its hook is on the old connection
    m_connection.reset();
    auto conn = store::Connection::open(m_options, u"writer"_s);
    if (!conn)
        return conn.error();
    m_connection = std::move(conn).value();
    m_lookups = std::make_unique<store::LookupCache>(m_connection->db());
    t_lockTimeoutMs = m_options.busyTimeoutMs;
    return std::nullopt;
}

bool Writer::databaseLost()
{
    if (!store::StoreOptions::isPostgresUrl(m_options.path))
        return false;
    return !m_connection || store::connectionBroken(m_connection->db());
}

std::optional<Error> Writer::beginBatch()
{
    if (!m_connection || store::connectionBroken(m_connection->db())) {
        if (auto e = connect())
            return e;
    }
    auto e = begin(m_connection->db(), m_connection->statements(), *m_lookups);
    if (!e || !store::connectionBroken(m_connection->db()))
        return e;
    // PostgreSQL dropped the connection while the writer was idle (a restart, a failover): a new
    // one, which libpq's URL opens on the primary, and BEGIN there; nothing of the batch ran yet
    qCWarning(lcWriter) << "the connection to the database was lost; opening it again";
    if (auto again = connect())
        return again;
    return begin(m_connection->db(), m_connection->statements(), *m_lookups);
}

void Writer::run()
{
    if (auto e = connect()) {
        qCCritical(lcWriter) << "cannot open the writer connection:" << e->toString();
        failAll(*e);
        return;
    }
    if (!store::isPostgres(m_connection->db()) && !m_checkpointer.attach(m_connection->db()))
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
        // queued before the damage was found: refused all the same, and completed in order
        std::optional<Error> commitError = m_engine.damage();
        if (!commitError)
            commitError = m_engine.leaseLost();              // its ids could be another node's
        const auto began = std::chrono::steady_clock::now(); // runBatch's first statement is BEGIN
        std::deque<std::unique_ptr<WriteJob>> again;         // lost a wait to another node: first in the next batch
        if (!commitError)
            commitError = beginBatch();
        if (!commitError)
            commitError = runBatch(m_connection->db(), batch, m_connection->statements(), *m_lookups, m_engine,
                                   batchChanges, again);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
        if (commitError && commitError->code == ErrorCode::StoreIo && databaseLost())
            commitError = store::databaseGone(*commitError); // not committed, or not known: retry under the key
        if (commitError && commitError->code == ErrorCode::StoreCorrupt)
            m_engine.markDamaged(*commitError);
#ifndef NDEBUG
        // after every commit, but at most every DebugCheckIntervalMs: a full check per commit
        // would make a large debug store crawl; a broken invariant stays broken until seen
        if (!commitError && m_engine.m_options.debugCheck
            && (!sinceCheck.isValid() || sinceCheck.elapsed() >= DebugCheckIntervalMs)) {
            checkInvariants(m_connection->db(), m_engine.m_options.debugCheck);
            sinceCheck.start();
        }
#endif
        if (!commitError)
            countCommit(seconds, int(batch.size()));
        handOver(Done{std::move(batch), commitError, std::move(batchChanges)});
        requeueFirst(again);
    }
    {
        std::lock_guard lock(m_doneMutex);
        m_doneClosing = true;
    }
    m_doneWake.notify_one();
    completer.join();
    m_lookups.reset(); // the connection closes on the thread that opened it
    m_connection.reset();
}

void Writer::requeueFirst(std::deque<std::unique_ptr<WriteJob>>& jobs)
{
    if (jobs.empty())
        return;
    std::lock_guard lock(m_mutex);
    m_queue.insert(m_queue.begin(), std::make_move_iterator(jobs.begin()), std::make_move_iterator(jobs.end()));
    m_queueDepth.store(int(m_queue.size()), std::memory_order_relaxed);
}

void Writer::setCommitObserver(CommitObserver observer)
{
    m_commitObserver.store(observer ? std::make_shared<const CommitObserver>(std::move(observer)) : nullptr);
}

void Writer::countCommit(double seconds, int commands)
{
    m_commits.fetch_add(1, std::memory_order_relaxed);
    m_commandsCommitted.fetch_add(commands, std::memory_order_relaxed);
    if (const auto observer = m_commitObserver.load())
        (*observer)(seconds, commands);
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
