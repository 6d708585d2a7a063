#include "backend/engine/Writer.h"

#include <QLoggingCategory>
#include <QSqlError>

#include "backend/engine/Engine.h"
#include "backend/store/ChangeFeed.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWriter, "souk.engine.writer")

namespace souk::engine {
namespace {

/// Runs one job inside SAVEPOINT cmd, then its finishers; on any failure the savepoint is
/// rolled back and the job changed nothing. The changes of a good job join the batch.
bool runInSavepoint(QSqlDatabase& db, WriteJob& job, store::UnitOfWork& uow, ChangeList& batchChanges)
{
    if (auto s = store::exec(db, u"SAVEPOINT cmd"_s); !s) {
        job.failAfterRun(s.error());
        return false;
    }
    bool ok = job.run(uow);
    if (ok) {
        if (auto s = uow.runFinishers(); !s) {
            job.failAfterRun(s.error());
            ok = false;
        }
    }
    if (!ok) {
        (void)store::exec(db, u"ROLLBACK TO cmd"_s);
        (void)store::exec(db, u"RELEASE cmd"_s);
        return false;
    }
    (void)store::exec(db, u"RELEASE cmd"_s);
    batchChanges.append(uow.changes());
    return true;
}

} // namespace

Writer::Writer(Engine& engine, store::StoreOptions options, int batchMax, int queueMax)
    : m_engine(engine), m_options(std::move(options)), m_batchMax(batchMax), m_queueMax(queueMax)
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
    store::StatementCache statements;
    for (;;) {
        auto batch = takeBatch();
        if (batch.empty())
            break; // stopping and drained
        std::optional<Error> commitError;
        ChangeList batchChanges;
        if (!db.transaction()) {
            commitError = store::sqlError(db.lastError(), u"starting a transaction"_s);
        } else {
            for (auto& job : batch) {
                store::UnitOfWork uow(db, statements, m_engine.ids(), job->actor(), m_engine.clock().nowMs());
                runInSavepoint(db, *job, uow, batchChanges);
            }
            // the whole batch's feed rows in one statement, in the same transaction as the changes
            if (auto s = store::ChangeFeed::append(db, batchChanges); !s) {
                commitError = s.error();
                db.rollback();
                batchChanges.clear();
            } else if (!db.commit()) {
                commitError = store::sqlError(db.lastError(), u"committing"_s);
                db.rollback();
                batchChanges.clear();
            }
        }
        if (!batchChanges.isEmpty())
            m_engine.published(batchChanges);
        for (auto& job : batch)
            job->complete(commitError);
    }
    statements.clear();
}

} // namespace souk::engine
