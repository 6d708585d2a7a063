#include "backend/engine/Engine.h"

#include <QLoggingCategory>

#include "backend/engine/Writer.h"
#include "backend/store/ChangeFeed.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEngine, "souk.engine")

namespace souk::engine {

Result<std::unique_ptr<Engine>> Engine::open(const EngineOptions& options, const Clock& clock)
{
    if (options.nodeId < 0 || options.nodeId > IdGenerator::NodeMax)
        return Error::invalid(u"nodeId"_s, u"node id must be 0..%1"_s.arg(IdGenerator::NodeMax));
    auto store = store::StoreFile::prepare(options.store, clock);
    if (!store)
        return store.error();
    std::unique_ptr<Engine> engine(new Engine(options, clock, std::move(store).value()));
    auto last = engine->read<qint64>([](QSqlDatabase& db) { return store::ChangeFeed::lastSeq(db); });
    last.waitForFinished(); // startup, before any window exists
    if (!last.result())
        return last.result().error();
    engine->m_lastSeq = *last.result();
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
    m_options.store.path = m_store->options().path;
    m_readPool.setMaxThreadCount(std::max(1, options.readThreads));
    m_readPool.setExpiryTimeout(-1); // reader threads keep their connections until the engine goes
    m_writer = std::make_unique<Writer>(*this, m_options.store, options.batchMax, options.queueMax);
}

Engine::~Engine()
{
    m_writer.reset(); // drains the queue, then joins
    m_readPool.waitForDone();
}

qint64 Engine::commits() const
{
    return m_writer->commits();
}

qint64 Engine::checkpoints() const
{
    return m_writer->checkpoints();
}

void Engine::enqueue(std::unique_ptr<WriteJob> job)
{
    m_writer->enqueue(std::move(job));
}

QSqlDatabase* Engine::readerDatabase()
{
    if (!m_readers.hasLocalData()) {
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

void Engine::published(const ChangeList& changes)
{
    m_lastSeq = changes.last().seq;
    emit committed(changes);
}

} // namespace souk::engine
