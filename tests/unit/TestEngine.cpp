#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

#include "backend/engine/Engine.h"
#include "backend/store/ChangeFeed.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::engine;

namespace {
const Actor Tester{u"tester"_s, u"owner"_s};

/// A command that adds one row to a scratch table and records a change; fails when told to.
std::function<Result<qint64>(store::UnitOfWork&)> addRow(qint64 value, bool fail = false)
{
    return [value, fail](store::UnitOfWork& uow) -> Result<qint64> {
        if (auto s = store::exec(uow.db(), u"INSERT INTO settings (key, value) VALUES (?, ?)"_s,
                                 {u"k%1"_s.arg(value), QString::number(value)});
            !s)
            return s.error();
        uow.recordChange(u"setting"_s, Id{value}, 1, ChangeOp::Created);
        if (fail)
            return Error::invalid(u"value"_s, u"refused after writing"_s);
        return value;
    };
}
/// A command that holds the writer for a while, so the commands queued meanwhile share a batch.
std::function<Result<qint64>(store::UnitOfWork&)> holdWriter()
{
    return [](store::UnitOfWork&) -> Result<qint64> {
        QThread::msleep(150);
        return 0;
    };
}

/// addRow, counting its runs.
std::function<Result<qint64>(store::UnitOfWork&)> countedRow(qint64 value, std::shared_ptr<std::atomic<int>> runs,
                                                               bool fail = false)
{
    return [value, fail, runs, add = addRow(value, fail)](store::UnitOfWork& uow) {
        runs->fetch_add(1);
        return add(uow);
    };
}

} // namespace

class TestEngine final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void writeThenRead();
    void failedCommandRollsBackAlone();
    void groupCommitPublishesInOrder();
    void feedSurvivesReopen();
    void readOnlyRefusesWrites();
    void exceptionBecomesInternalError();
    void lostTransactionFailsWholeBatch();
    void aRefusedCommitIsKnownNotDone();
    void logStaysShortUnderSteadyWrites();
    void refusalWithoutWritesKeepsTheBatch();
    void failureAfterWritesRollsBackAlone();
    void twoFailuresAfterWritesInOneBatch();
    void firstCommandsFailingAfterWritesRollBackAlone();
    void futuresFinishAfterTheirChangesArePublished();
    void idsGrowWhenTheClockStepsBackAcrossRestarts();
    void cleanCloseLeavesNothingInTheLog();
    void writeWaitsOutABusyStore();

private:
    std::unique_ptr<Engine> open(bool readOnly = false);
    void runOneBatch(Engine& engine, const QList<bool>& failing, QList<std::shared_ptr<std::atomic<int>>>& runs,
                     QList<QFuture<Result<qint64>>>& futures);
    std::pair<QList<qint64>, QString> committedRows(Engine& engine);
    std::unique_ptr<QTemporaryDir> m_dir;
    MockClock m_clock;
};

void TestEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestEngine::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Engine> TestEngine::open(bool readOnly)
{
    EngineOptions o;
    o.store.path = m_dir->filePath(u"engine.souk"_s);
    o.store.readOnly = readOnly;
    auto engine = Engine::open(o, m_clock);
    if (!engine) {
        qWarning() << engine.error().toString();
        return nullptr;
    }
    return std::move(engine).value();
}

void TestEngine::writeThenRead()
{
    auto engine = open();
    QVERIFY(engine);
    auto w = engine->write<qint64>(Tester, addRow(7));
    w.waitForFinished();
    QVERIFY(w.result());
    auto r = engine->read<QVariant>(
        [](QSqlDatabase& db) { return store::scalar(db, u"SELECT value FROM settings WHERE key = 'k7'"_s); });
    r.waitForFinished();
    QVERIFY(r.result());
    QCOMPARE(r.result()->toString(), u"7"_s);
}

void TestEngine::failedCommandRollsBackAlone()
{
    auto engine = open();
    QVERIFY(engine);
    QSignalSpy committed(engine.get(), &Engine::committed);
    auto a = engine->write<qint64>(Tester, addRow(1));
    auto b = engine->write<qint64>(Tester, addRow(2, true));
    auto c = engine->write<qint64>(Tester, addRow(3));
    c.waitForFinished();
    b.waitForFinished();
    QVERIFY(a.result());
    QVERIFY(!b.result());
    QCOMPARE(b.result().error().field, u"value"_s);
    QVERIFY(c.result());
    auto count = engine->read<QVariant>([](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM settings WHERE key LIKE 'k%'"_s); });
    count.waitForFinished();
    QCOMPARE(count.result()->toInt(), 2);
    auto feed = engine->read<ChangeList>([](QSqlDatabase& db) { return store::ChangeFeed::readAfter(db, 0, 100); });
    feed.waitForFinished();
    const ChangeList changes = *feed.result(); // a copy: result() returns a temporary
    QCOMPARE(changes.size(), 2); // the failed command's change never reached the feed
    for (const Change& ch : changes)
        QVERIFY(ch.id.value != 2);
}

void TestEngine::groupCommitPublishesInOrder()
{
    auto engine = open();
    QVERIFY(engine);
    QSignalSpy committed(engine.get(), &Engine::committed);
    QList<QFuture<Result<qint64>>> futures;
    for (int i = 1; i <= 2000; ++i)
        futures.append(engine->write<qint64>(Tester, addRow(i)));
    for (auto& f : futures) {
        f.waitForFinished();
        QVERIFY(f.result());
    }
    QTRY_VERIFY(!committed.isEmpty());
    qint64 lastSeq = 0;
    int changes = 0;
    QTRY_COMPARE_WITH_TIMEOUT(([&] {
                                  changes = 0;
                                  for (const auto& args : committed)
                                      changes += int(args.at(0).value<ChangeList>().size());
                                  return changes;
                              }()),
                              2000, 5000);
    for (const auto& args : committed) {
        for (const Change& ch : args.at(0).value<ChangeList>()) {
            QVERIFY(ch.seq > lastSeq);
            lastSeq = ch.seq;
            QCOMPARE(ch.actor, u"tester/owner"_s);
        }
    }
    QVERIFY2(committed.size() < 2000, "commands were not grouped into shared transactions");
    QCOMPARE(engine->lastPublishedSeq(), lastSeq);
}

void TestEngine::futuresFinishAfterTheirChangesArePublished()
{
    // A completion callback (where a write's future finishes) sees its change published
    // already, and runs off the writer: a slow one must not hold up the next transaction.
    auto engine = open();
    QVERIFY(engine);
    std::atomic<QThread*> writerThread{nullptr};
    std::atomic<qint64> seenSeq{-1};
    std::atomic<bool> onWriter{true};
    std::atomic<bool> started{false};
    QElapsedTimer held;
    held.start();
    auto first = engine->write<qint64>(
        Tester,
        [&writerThread, add = addRow(1)](store::UnitOfWork& uow) {
            writerThread = QThread::currentThread();
            return add(uow);
        },
        [&](const Result<qint64>&) { // a slow completion callback
            seenSeq = engine->lastPublishedSeq();
            onWriter = QThread::currentThread() == writerThread.load();
            held.start();
            started = true;
            QThread::msleep(800);
        });
    QTRY_VERIFY(started.load());
    auto next = engine->write<qint64>(Tester, addRow(2));
    // the second command commits while the callback still runs (its own future finishes
    // after it: completions keep commit order)
    const auto rows = [&engine] {
        auto n = engine->read<QVariant>([](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM settings WHERE key LIKE 'k%'"_s); });
        n.waitForFinished();
        return n.result() ? n.result()->toInt() : -1;
    };
    while (rows() < 2 && held.elapsed() < 700)
        QThread::msleep(5);
    QVERIFY2(held.elapsed() < 700, "the writer waited for a completion callback");
    QCOMPARE(rows(), 2);
    next.waitForFinished();
    QVERIFY(next.result());
    first.waitForFinished();
    QVERIFY(first.result());
    QCOMPARE(seenSeq.load(), 1);
    QVERIFY(!onWriter.load());
}

void TestEngine::feedSurvivesReopen()
{
    {
        auto engine = open();
        QVERIFY(engine);
        auto f = engine->write<qint64>(Tester, addRow(9));
        f.waitForFinished();
    }
    auto engine = open();
    QVERIFY(engine);
    QCOMPARE(engine->lastPublishedSeq(), 1);
}

void TestEngine::readOnlyRefusesWrites()
{
    QVERIFY(open()); // create
    auto engine = open(true);
    QVERIFY(engine);
    auto f = engine->write<qint64>(Tester, addRow(1));
    f.waitForFinished();
    QVERIFY(!f.result());
    QCOMPARE(f.result().error().code, ErrorCode::Unavailable);
}

void TestEngine::exceptionBecomesInternalError()
{
    auto engine = open();
    QVERIFY(engine);
    auto f = engine->write<qint64>(Tester, [](store::UnitOfWork&) -> Result<qint64> {
        throw std::runtime_error("boom");
    });
    f.waitForFinished();
    QVERIFY(!f.result());
    QCOMPARE(f.result().error().code, ErrorCode::Internal);
    auto ok = engine->write<qint64>(Tester, addRow(5));
    ok.waitForFinished();
    QVERIFY(ok.result()); // the writer thread survived
}

void TestEngine::lostTransactionFailsWholeBatch()
{
    auto engine = open();
    QVERIFY(engine);
    QSignalSpy committed(engine.get(), &Engine::committed);
    // hold the writer so that the next three commands queue up and run as one batch
    std::atomic<bool> holding{false};
    auto hold = engine->write<qint64>(Tester, [&holding](store::UnitOfWork&) -> Result<qint64> {
        holding = true;
        QThread::msleep(200);
        return 0;
    });
    QTRY_VERIFY(holding.load());
    auto a = engine->write<qint64>(Tester, addRow(1));
    auto b = engine->write<qint64>(Tester, [](store::UnitOfWork& uow) -> Result<qint64> {
        // a full disk: SQLite then rolls back the whole transaction, not just this savepoint
        auto pages = store::scalar(uow.db(), u"PRAGMA page_count"_s);
        if (auto s = store::exec(uow.db(), u"PRAGMA max_page_count = %1"_s.arg(pages->toLongLong())); !s)
            return s.error();
        if (auto s = store::exec(uow.db(), u"INSERT INTO settings (key, value) VALUES ('big', ?)"_s,
                                 {QString(200000, u'x')});
            !s)
            return s.error();
        return 2;
    });
    auto c = engine->write<qint64>(Tester, addRow(3));
    c.waitForFinished();
    QVERIFY(hold.result());
    QVERIFY2(!a.result(), "a command of a lost batch was reported as done");
    QVERIFY(!b.result());
    QVERIFY2(!c.result(), "a command after the loss ran outside the batch's transaction");
    // lift the limit (connection state, not transactional) and check nothing of the batch stuck
    auto lift = engine->write<qint64>(Tester, [](store::UnitOfWork& uow) -> Result<qint64> {
        if (auto s = store::exec(uow.db(), u"PRAGMA max_page_count = 1073741823"_s); !s)
            return s.error();
        return 0;
    });
    lift.waitForFinished();
    QVERIFY(lift.result());
    auto rows = engine->read<QVariant>([](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM settings WHERE key LIKE 'k%'"_s); });
    rows.waitForFinished();
    QCOMPARE(rows.result()->toInt(), 0);
    auto feed = engine->read<ChangeList>([](QSqlDatabase& db) { return store::ChangeFeed::readAfter(db, 0, 100); });
    feed.waitForFinished();
    QCOMPARE(feed.result()->size(), 0);
    auto after = engine->write<qint64>(Tester, addRow(4));
    after.waitForFinished();
    QVERIFY(after.result()); // the writer goes on
}

void TestEngine::aRefusedCommitIsKnownNotDone()
{
    auto engine = open();
    QVERIFY(engine);
    // a COMMIT refused outright (here a deferred foreign key, checked only then) is known not to
    // have taken effect: not an unknown outcome, which only a COMMIT whose answer was lost has
    // (TestPgStore::aCommitWhoseAnswerIsLostHasAnUnknownOutcome)
    auto committing = engine->write<qint64>(Tester, [](store::UnitOfWork& uow) -> Result<qint64> {
        if (auto s = store::exec(uow.db(), u"PRAGMA defer_foreign_keys = ON"_s); !s)
            return s.error();
        if (auto s =
                store::exec(uow.db(), u"INSERT INTO merchant_terms (merchant_id, version) VALUES (987654321, 1)"_s);
            !s)
            return s.error();
        return 1;
    });
    committing.waitForFinished();
    QVERIFY2(!committing.result(), "a commit refused by a foreign key was reported as done");
    QCOMPARE(committing.result().error().code, ErrorCode::StoreIo);
    QVERIFY(!committing.result().error().outcomeUnknown);
    auto rows = engine->read<QVariant>([](QSqlDatabase& db) {
        return store::scalar(db, u"SELECT count(*) FROM merchant_terms WHERE merchant_id = 987654321"_s);
    });
    rows.waitForFinished();
    QCOMPARE(rows.result()->toInt(), 0);
    auto after = engine->write<qint64>(Tester, addRow(4));
    after.waitForFinished();
    QVERIFY(after.result()); // the writer goes on
}

/// The log's salt-1 (bytes 16..19 of its header): SQLite changes it each time the log is started
/// over from its beginning, and only then.
QByteArray logSalt(const QString& path)
{
    QFile log(path);
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return log.read(32).mid(16, 4);
}

/// Checkpoints run off the writer, yet the log is still started over from its beginning again
/// and again under steady writes and reads, instead of growing with everything written.
void TestEngine::logStaysShortUnderSteadyWrites()
{
    constexpr int MarkPages = 20;
    constexpr int Commands = 400;
    EngineOptions o;
    o.store.path = m_dir->filePath(u"engine.souk"_s);
    o.store.checkpointPages = MarkPages;
    auto opened = Engine::open(o, m_clock);
    QVERIFY(opened);
    auto engine = std::move(opened).value();
    const QString big(6000, u'x'); // about two pages per row with its index entry
    QSet<QByteArray> salts;
    for (int i = 0; i < Commands; i += 4) {
        QList<QFuture<Result<qint64>>> writes;
        for (int k = i; k < i + 4; ++k) {
            writes.append(engine->write<qint64>(Tester, [k, big](store::UnitOfWork& uow) -> Result<qint64> {
                if (auto s = store::exec(uow.db(), u"INSERT INTO settings (key, value) VALUES (?, ?)"_s,
                                         {u"big%1"_s.arg(k), big});
                    !s)
                    return s.error();
                return k;
            }));
        }
        auto read = engine->read<QVariant>(
            [](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM settings WHERE key LIKE 'k%'"_s); });
        for (auto& w : writes) {
            w.waitForFinished();
            QVERIFY(w.result());
        }
        read.waitForFinished();
        QVERIFY(read.result());
        salts.insert(logSalt(o.store.path + u"-wal"_s));
    }
    QVERIFY(engine->checkpoints() > 0);
    // everything written is some 800 pages, 40 marks; a log never started over keeps one salt
    QVERIFY2(salts.size() >= 5, qPrintable(u"the log was started over %1 times"_s.arg(salts.size() - 1)));
    auto rows = engine->read<QVariant>(
        [](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM settings WHERE key LIKE 'big%'"_s); });
    rows.waitForFinished();
    QCOMPARE(rows.result()->toInt(), Commands);
}

/// A command refused before it wrote (most refusals) costs its batch nothing: the commands
/// around it run once and commit.
void TestEngine::refusalWithoutWritesKeepsTheBatch()
{
    auto engine = open();
    QVERIFY(engine);
    auto first = std::make_shared<std::atomic<int>>(0);
    auto last = std::make_shared<std::atomic<int>>(0);
    auto hold = engine->write<qint64>(Tester, holdWriter());
    auto a = engine->write<qint64>(Tester, countedRow(1, first));
    auto refused = engine->write<qint64>(Tester, [](store::UnitOfWork&) -> Result<qint64> {
        return Error::invalid(u"value"_s, u"refused before writing"_s);
    });
    auto c = engine->write<qint64>(Tester, countedRow(3, last));
    c.waitForFinished();
    QVERIFY(hold.result() && a.result() && c.result());
    QCOMPARE(refused.result().error().field, u"value"_s);
    QCOMPARE(first->load(), 1);
    QCOMPARE(last->load(), 1);
    auto count = engine->read<QVariant>([](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM settings WHERE key LIKE 'k%'"_s); });
    count.waitForFinished();
    QCOMPARE(count.result()->toInt(), 2);
}

/// Queues the commands while holding the writer, so that they run as one batch; waits for all.
/// `failing` says which of them (by position) fail after writing; `runs` counts their runs.
void TestEngine::runOneBatch(Engine& engine, const QList<bool>& failing, QList<std::shared_ptr<std::atomic<int>>>& runs,
                             QList<QFuture<Result<qint64>>>& futures)
{
    std::atomic<bool> holding{false};
    auto hold = engine.write<qint64>(Tester, [&holding, held = holdWriter()](store::UnitOfWork& uow) {
        holding = true;
        return held(uow);
    });
    QTRY_VERIFY(holding.load()); // the writer runs the hold alone; what follows queues behind it
    for (qsizetype i = 0; i < failing.size(); ++i) {
        runs.append(std::make_shared<std::atomic<int>>(0));
        futures.append(engine.write<qint64>(Tester, countedRow(i + 1, runs.last(), failing[i])));
    }
    for (auto& f : futures)
        f.waitForFinished();
    hold.waitForFinished();
    QVERIFY(hold.result());
}

/// The ids in the store's change feed, and the keys of the scratch rows, in order.
std::pair<QList<qint64>, QString> TestEngine::committedRows(Engine& engine)
{
    auto feed = engine.read<ChangeList>([](QSqlDatabase& db) { return store::ChangeFeed::readAfter(db, 0, 100); });
    auto rows = engine.read<QVariant>([](QSqlDatabase& db) {
        return store::scalar(
            db, u"SELECT group_concat(key) FROM (SELECT key FROM settings WHERE key LIKE 'k%' ORDER BY key)"_s);
    });
    feed.waitForFinished();
    rows.waitForFinished();
    QList<qint64> ids;
    if (feed.result()) {
        const ChangeList changes = *feed.result(); // a copy: result() returns a temporary
        for (const Change& ch : changes)
            ids.append(ch.id.value);
    }
    return {ids, rows.result() ? rows.result()->toString() : QString()};
}

/// A command that fails after writing, in the middle of a batch, rolls back alone: it and every
/// neighbour before and after it run exactly once, the neighbours commit together in the same
/// transaction, and the feed holds their changes only.
void TestEngine::failureAfterWritesRollsBackAlone()
{
    auto engine = open();
    QVERIFY(engine);
    QSignalSpy committed(engine.get(), &Engine::committed);
    QList<std::shared_ptr<std::atomic<int>>> runs;
    QList<QFuture<Result<qint64>>> futures;
    const qint64 commitsBefore = engine->commits();
    runOneBatch(*engine, {false, false, true, false, false}, runs, futures);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(engine->commits() - commitsBefore, 2); // the hold, then the five together
    for (qsizetype i = 0; i < runs.size(); ++i)
        QCOMPARE(runs[i]->load(), 1);
    for (qsizetype i : {0, 1, 3, 4}) {
        QVERIFY(futures[i].result());
        QCOMPARE(*futures[i].result(), i + 1);
    }
    QVERIFY(!futures[2].result());
    QCOMPARE(futures[2].result().error().field, u"value"_s);
    const auto [feedIds, keys] = committedRows(*engine);
    QCOMPARE(keys, u"k1,k2,k4,k5"_s);
    QCOMPARE(feedIds, (QList<qint64>{1, 2, 4, 5}));
    // published once, as one commit's changes
    QTRY_COMPARE(committed.size(), 1);
    QList<qint64> published;
    for (const Change& ch : committed.at(0).at(0).value<ChangeList>())
        published.append(ch.id.value);
    QCOMPARE(published, (QList<qint64>{1, 2, 4, 5}));
}

/// Two commands of one batch fail after writing, one of them last: each rolls back alone, and
/// nothing runs twice.
void TestEngine::twoFailuresAfterWritesInOneBatch()
{
    auto engine = open();
    QVERIFY(engine);
    QList<std::shared_ptr<std::atomic<int>>> runs;
    QList<QFuture<Result<qint64>>> futures;
    const qint64 commitsBefore = engine->commits();
    runOneBatch(*engine, {false, true, false, false, true}, runs, futures);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(engine->commits() - commitsBefore, 2);
    for (qsizetype i = 0; i < runs.size(); ++i)
        QCOMPARE(runs[i]->load(), 1);
    QVERIFY(futures[0].result() && futures[2].result() && futures[3].result());
    QVERIFY(!futures[1].result());
    QVERIFY(!futures[4].result());
    const auto [feedIds, keys] = committedRows(*engine);
    QCOMPARE(keys, u"k1,k3,k4"_s);
    QCOMPARE(feedIds, (QList<qint64>{1, 3, 4}));
    // the writer goes on, and the failed keys are free again
    auto again = engine->write<qint64>(Tester, addRow(2));
    again.waitForFinished();
    QVERIFY(again.result());
}

/// The commands before a batch's first good one run without a savepoint: when they fail after
/// writing, the transaction is rolled back and begun again, and the rest run once in it.
void TestEngine::firstCommandsFailingAfterWritesRollBackAlone()
{
    auto engine = open();
    QVERIFY(engine);
    QList<std::shared_ptr<std::atomic<int>>> runs;
    QList<QFuture<Result<qint64>>> futures;
    const qint64 commitsBefore = engine->commits();
    runOneBatch(*engine, {true, true, false, true, false}, runs, futures);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(engine->commits() - commitsBefore, 2);
    for (qsizetype i = 0; i < runs.size(); ++i)
        QCOMPARE(runs[i]->load(), 1);
    QVERIFY(!futures[0].result() && !futures[1].result() && !futures[3].result());
    QVERIFY(futures[2].result() && futures[4].result());
    const auto [feedIds, keys] = committedRows(*engine);
    QCOMPARE(keys, u"k3,k5"_s);
    QCOMPARE(feedIds, (QList<qint64>{3, 5}));
}

void TestEngine::idsGrowWhenTheClockStepsBackAcrossRestarts()
{
    const auto newIds = [](Engine& engine, int count) {
        auto f = engine.write<QList<qint64>>(Tester, [count](store::UnitOfWork& uow) -> Result<QList<qint64>> {
            QList<qint64> ids;
            for (int i = 0; i < count; ++i)
                ids.append(uow.newId().value);
            // a row that keeps the newest id in the store, as every entity row does
            if (auto s = store::exec(uow.db(), u"INSERT INTO merchants (id, name, currency, version, created_ms, "
                                               "updated_ms) VALUES (?, 'Shop', 'EUR', 1, 0, 0)"_s,
                                     {ids.last()});
                !s)
                return s.error();
            return ids;
        });
        f.waitForFinished();
        return f.result() ? *f.result() : QList<qint64>{};
    };
    auto engine = open();
    QVERIFY(engine);
    const QList<qint64> before = newIds(*engine, 50);
    QCOMPARE(before.size(), 50);
    engine.reset();

    m_clock.advanceMs(-3'600'000); // NTP steps the clock back an hour while the store is closed
    engine = open();
    QVERIFY(engine);
    const QList<qint64> after = newIds(*engine, 50);
    QCOMPARE(after.size(), 50);
    QVERIFY2(after.first() > before.last(), "an id issued after the restart is not above the store's newest");
    for (qsizetype i = 1; i < after.size(); ++i)
        QVERIFY(after[i] > after[i - 1]);

    m_clock.advanceMs(-60'000); // and back again while it runs
    const QList<qint64> running = newIds(*engine, 5);
    QVERIFY(running.first() > after.last());
}

void TestEngine::cleanCloseLeavesNothingInTheLog()
{
    auto engine = open();
    QVERIFY(engine);
    for (int i = 1; i <= 20; ++i)
        engine->write<qint64>(Tester, addRow(i));
    auto last = engine->write<qint64>(Tester, addRow(21));
    last.waitForFinished();
    QVERIFY(last.result());
    // a reader that stays open while the writer closes must not keep commits in the log
    auto read = engine->read<QVariant>([](QSqlDatabase& db) { return store::scalar(db, u"SELECT 1"_s); });
    read.waitForFinished();
    engine.reset();

    const QString wal = m_dir->filePath(u"engine.souk-wal"_s);
    QVERIFY2(!QFile::exists(wal) || QFileInfo(wal).size() == 0, "the log still holds commits after a clean close");
    // the store file alone holds every commit
    QTemporaryDir elsewhere;
    QVERIFY(QFile::copy(m_dir->filePath(u"engine.souk"_s), elsewhere.filePath(u"copy.souk"_s)));
    EngineOptions o;
    o.store.path = elsewhere.filePath(u"copy.souk"_s);
    auto copy = Engine::open(o, m_clock);
    QVERIFY(copy);
    auto rows = (*copy)->read<QVariant>(
        [](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM settings WHERE key LIKE 'k%'"_s); });
    rows.waitForFinished();
    QVERIFY(rows.result());
    QCOMPARE(rows.result()->toInt(), 21);
}

void TestEngine::writeWaitsOutABusyStore()
{
    // another connection (a backup tool, sqlite3) holds the write lock for a while: the engine's
    // write waits for it within the busy timeout instead of failing with "locked" at once
    auto engine = open();
    QVERIFY(engine);
    QVERIFY(engine->write<qint64>(Tester, addRow(1)).result()); // the schema exists
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
        other.setDatabaseName(m_dir->filePath(u"engine.souk"_s));
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY(q.exec(u"BEGIN IMMEDIATE"_s));
        QVERIFY(q.exec(u"INSERT INTO settings (key, value) VALUES ('other', '1')"_s));
        auto w = engine->write<qint64>(Tester, addRow(2));
        QTest::qWait(400); // well inside the default 5 s
        QVERIFY2(!w.isFinished(), qPrintable(w.isFinished() && !w.result() ? w.result().error().toString() : u"done"_s));
        QVERIFY(q.exec(u"COMMIT"_s));
        w.waitForFinished();
        QVERIFY2(w.result(), qPrintable(w.result() ? QString() : w.result().error().toString()));
        q.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(u"other"_s);
    auto r = engine->read<QVariant>(
        [](QSqlDatabase& db) { return store::scalar(db, u"SELECT count(*) FROM settings WHERE key IN ('k2', 'other')"_s); });
    r.waitForFinished();
    QVERIFY(r.result());
    QCOMPARE(r.result()->toInt(), 2);
}

QTEST_GUILESS_MAIN(TestEngine)
#include "TestEngine.moc"
