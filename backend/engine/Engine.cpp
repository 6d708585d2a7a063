#include "backend/engine/Engine.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include "backend/engine/Writer.h"
#include "backend/store/ChangeFeed.h"
#include "backend/store/PgMigrations.h"
#include "backend/store/Sql.h"
#include "backend/store/StoreOptions.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEngine, "souk.engine")

namespace souk::engine {
namespace {

/// The tables whose primary key is an integer `id`, from the store's own catalogue.
Result<QStringList> tablesWithIds(QSqlDatabase& db)
{
    static const QString sqlite = u"SELECT m.name FROM sqlite_schema m JOIN pragma_table_info(m.name) c "
                                  "WHERE m.type = 'table' AND c.name = 'id' AND c.pk = 1 AND c.type = 'INTEGER'"_s;
    static const QString postgres =
        u"SELECT c.table_name FROM information_schema.table_constraints t "
        "JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name "
        "AND k.table_schema = t.table_schema JOIN information_schema.columns c ON c.table_schema = k.table_schema "
        "AND c.table_name = k.table_name AND c.column_name = k.column_name WHERE t.constraint_type = 'PRIMARY KEY' "
        "AND t.table_schema = current_schema() AND k.column_name = 'id' AND c.data_type = 'bigint' "
        "AND (SELECT count(*) FROM information_schema.key_column_usage o WHERE o.constraint_name = t.constraint_name "
        "AND o.table_schema = t.table_schema) = 1"_s;
    QSqlQuery tables(db);
    tables.setForwardOnly(true);
    if (!tables.exec(store::dialect(db, sqlite, postgres)))
        return store::sqlError(tables.lastError(), u"listing the tables with ids"_s);
    QStringList names;
    while (tables.next())
        names.append(tables.value(0).toString());
    return names;
}

/// The newest id in the store: the largest `id` primary key of any table. Each is the last
/// entry of its table's primary key, so this reads one page per table.
Result<Id> highestId(QSqlDatabase& db)
{
    auto names = tablesWithIds(db);
    if (!names)
        return names.error();
    qint64 highest = 0;
    for (const QString& table : *names) {
        auto max = store::scalar(db, u"SELECT coalesce(max(id), 0) FROM \"%1\""_s.arg(table));
        if (!max)
            return max.error();
        highest = std::max(highest, max->toLongLong());
    }
    return Id{highest};
}

/// The file made ready (checked, locked, migrated), or null for a PostgreSQL store, which is
/// migrated under an advisory lock instead and has no file to lock.
Result<std::unique_ptr<store::StoreFile>> prepareStore(const store::StoreOptions& options, const Clock& clock)
{
    if (!options.isPostgres())
        return store::StoreFile::prepare(options, clock);
    if (auto s = store::PgMigrations::prepare(options); !s)
        return s.error();
    return std::unique_ptr<store::StoreFile>();
}

} // namespace

Result<std::unique_ptr<Engine>> Engine::open(const EngineOptions& options, const Clock& clock)
{
    if (options.nodeId < 0 || options.nodeId > IdGenerator::NodeMax)
        return Error::invalid(u"nodeId"_s, u"node id must be 0..%1"_s.arg(IdGenerator::NodeMax));
    auto store = prepareStore(options.store, clock);
    if (!store)
        return store.error();
    // several nodes write a PostgreSQL store: each makes its ids under a node id of its own
    EngineOptions opened = options;
    std::unique_ptr<store::NodeLeaseKeeper> lease;
    if (options.store.isPostgres() && !options.store.readOnly) {
        auto kept = store::NodeLeaseKeeper::start(options.store, IdGenerator::NodeMax);
        if (!kept)
            return kept.error();
        lease = std::move(kept).value();
        opened.nodeId = lease->nodeId();
    }
    std::unique_ptr<Engine> engine(new Engine(opened, clock, std::move(store).value()));
    engine->m_lease = std::move(lease);
    auto last = engine->read<qint64>([](QSqlDatabase& db) { return store::ChangeFeed::lastSeq(db); });
    last.waitForFinished(); // startup, before any window exists
    if (!last.result())
        return last.result().error();
    engine->m_lastSeq = *last.result();
    if (engine->m_lease) {
        // other nodes' commits wake this node's feed readers, as its own do
        Engine* self = engine.get();
        engine->m_listener =
            std::make_unique<store::FeedListener>(options.store.path, [self](qint64 seq, const QStringList& kinds) {
                const bool newer = self->notePublished(seq) || seq < 0;
                emit self->othersCommitted(seq, kinds, newer);
            });
    }
    // ids go on from the newest in the store, not from the clock alone: a clock set back
    // while the store was closed must not issue an id twice
    auto highest = engine->read<Id>([](QSqlDatabase& db) { return highestId(db); });
    highest.waitForFinished();
    if (!highest.result())
        return highest.result().error();
    engine->m_ids.advancePast(*highest.result());
    if (options.store.readOnly)
        engine->m_writer->stop(); // writes fail at once with Unavailable
    else
        engine->m_writer->start();
    return engine;
}

Engine::Engine(const EngineOptions& options, const Clock& clock, std::unique_ptr<store::StoreFile> store)
    : m_options(options), m_clock(clock), m_store(std::move(store)), m_ids(options.nodeId, clock)
{
    qRegisterMetaType<souk::ChangeList>();
    qRegisterMetaType<souk::Error>();
    if (m_store)
        m_options.store.path = m_store->options().path;
    m_readPool.setMaxThreadCount(std::max(1, options.readThreads));
    m_readPool.setExpiryTimeout(-1); // reader threads keep their connections until the engine goes
    m_writer = std::make_unique<Writer>(*this, m_options.store, options.batchMax, options.queueMax);
}

Engine::~Engine()
{
    m_listener.reset(); // no more notifications into an engine going away
    m_writer.reset();   // drains the queue, then joins
    m_readPool.waitForDone();
    // a damaged file takes nothing more, not even the log; PostgreSQL keeps its own log
    if (!m_options.store.readOnly && !damage() && !m_options.store.isPostgres())
        checkpointOnClose();
}

void Engine::checkpointOnClose()
{
    // A clean close leaves everything in the store file: the log is copied back and emptied,
    // so the file alone (a copy, a backup of it) holds every commit. SQLite does this itself
    // only when the last connection to close can write, and a reader of the pool may be last.
    auto conn = store::Connection::open(m_options.store, u"close"_s);
    if (!conn) {
        qCWarning(lcEngine) << "cannot checkpoint the log at close:" << conn.error().toString();
        return;
    }
    auto busy = store::scalar((*conn)->db(), u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    if (!busy)
        qCWarning(lcEngine) << "the log was not checkpointed at close:" << busy.error().toString();
    else if (busy->toInt() != 0)
        qCWarning(lcEngine) << "the log was not checkpointed at close: another connection is reading";
}

qint64 Engine::commits() const
{
    return m_writer->commits();
}

qint64 Engine::commandsCommitted() const
{
    return m_writer->commandsCommitted();
}

int Engine::writerQueueDepth() const
{
    return m_writer->queueDepth();
}

void Engine::setCommitObserver(std::function<void(double seconds, int commands)> observer)
{
    m_writer->setCommitObserver(std::move(observer));
}

qint64 Engine::checkpoints() const
{
    return m_writer->checkpoints();
}

void Engine::enqueue(std::unique_ptr<WriteJob> job)
{
    m_writer->enqueue(std::move(job));
}

bool Engine::readerGone()
{
    if (!store::StoreOptions::isPostgresUrl(m_options.store.path))
        return false; // a SQLite reader that cannot open has a file problem, not a passing one
    return !m_readers.hasLocalData() || !m_readers.localData() || store::connectionBroken(m_readers.localData()->db());
}

QSqlDatabase* Engine::readerDatabase()
{
    if (m_readers.hasLocalData() && store::connectionBroken(m_readers.localData()->db())) {
        qCWarning(lcEngine) << "a reader's connection to the database was lost; opening it again";
        m_readers.setLocalData(nullptr); // deletes it, on its own thread
    }
    if (!m_readers.hasLocalData() || !m_readers.localData()) {
        store::StoreOptions options = m_options.store;
        options.readOnly = true;
        auto conn = store::Connection::open(options, u"reader"_s);
        if (!conn) {
            qCWarning(lcEngine) << "cannot open a reader connection:" << conn.error().toString();
            return nullptr;
        }
        m_readers.setLocalData(std::move(conn).value().release());
    }
    return &m_readers.localData()->db();
}

std::optional<Error> Engine::damage() const
{
    if (!m_isDamaged.load(std::memory_order_acquire))
        return std::nullopt;
    std::lock_guard lock(m_damageMutex);
    return m_damage;
}

void Engine::markDamaged(const Error& cause)
{
    {
        std::lock_guard lock(m_damageMutex);
        if (m_damage)
            return;
        m_damage = Error::store(ErrorCode::StoreCorrupt,
                                u"the store reported damage (%1) and takes no more changes; what it holds can "
                                "still be read and exported. Run `soukctl check`, then restore the newest backup"_s
                                    .arg(cause.message));
        m_isDamaged.store(true, std::memory_order_release);
    }
    qCCritical(lcEngine).noquote() << "store damaged, writes stopped:" << cause.toString();
    emit damaged(*damage());
}

QFuture<Result<QStringList>> Engine::checkHealth()
{
    return read<QStringList>([this](QSqlDatabase& db) -> Result<QStringList> {
        // PostgreSQL checks its own pages (checksums) and reports damage on the statement that
        // meets it; here the round trip shows only that the database answers
        if (store::isPostgres(db)) {
            if (auto alive = store::scalar(db, u"SELECT 1"_s); !alive)
                return alive.error();
            return QStringList();
        }
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(u"PRAGMA quick_check"_s))
            return store::sqlError(q.lastError(), u"checking the store's pages"_s);
        QStringList problems;
        while (q.next()) {
            if (const QString line = q.value(0).toString(); line != u"ok")
                problems.append(line);
        }
        if (!problems.isEmpty())
            markDamaged(Error::store(ErrorCode::StoreCorrupt, u"failed its quick check: "_s + problems.first()));
        return problems;
    });
}

void Engine::published(const ChangeList& changes)
{
    notePublished(changes.last().seq);
    emit committed(changes);
}

bool Engine::notePublished(qint64 seq)
{
    // never back: another node's notification may have told of a later seq already
    qint64 known = m_lastSeq.load();
    while (seq > known) {
        if (m_lastSeq.compare_exchange_weak(known, seq))
            return true;
    }
    return false;
}

std::optional<Error> Engine::admit(const auth::Access& access)
{
    if (!access.enforced)
        return std::nullopt;
    auto refused = auth::checkRole(access.principal, access.op);
    if (refused)
        recordFailure(access, *refused);
    return refused;
}

void Engine::recordFailure(const auth::Access& access, const Error& error)
{
    // a command of its own that fails as the original did: the writer audits it like any other
    write<bool>(access, [error](store::UnitOfWork&) -> Result<bool> { return error; });
}

} // namespace souk::engine
