#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>
#include <vector>

#include "tests/support/PgServer.h"

using namespace Qt::StringLiterals;
using souk::test::PgServer;

namespace {

/// How a writer numbers its change.
enum class Numbering
{
    Sequence,       ///< nextval() mid-transaction: a seq taken early can become visible late
    CommitOrdered,  ///< an advisory lock held from numbering to commit: seqs follow commit order
};

constexpr int Writers = 3;
constexpr int PerWriter = 300;

} // namespace

/// The change feed's ordering problem on PostgreSQL, shown and solved: three writers number their
/// changes while a reader follows `seq > last`. With a sequence drawn mid-transaction the reader
/// skips changes that committed after a higher seq; with the numbering done under a transaction
/// advisory lock held to commit, it sees every change exactly once, in order.
class TestPgFeedOrder final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sequenceNumbersCanBeSkipped();
    void commitOrderedNumbersAreSeenOnceInOrder();
    void cleanupTestCase();

private:
    /// Runs the writers and the follower; the seqs the follower saw, in the order it saw them.
    std::vector<qint64> run(Numbering numbering, const QString& table);
    QSqlDatabase connect(const QString& name);

    std::unique_ptr<PgServer> m_pg;
};

void TestPgFeedOrder::initTestCase()
{
    QVERIFY2(PgServer::available(), "postgresql-15 is not installed (tools/dev.sh installs it)");
    m_pg = std::make_unique<PgServer>();
    QVERIFY2(m_pg->start(), qPrintable(m_pg->error() + u'\n' + m_pg->log()));
    QVERIFY(m_pg->createDatabase(u"feed"_s));
}

void TestPgFeedOrder::cleanupTestCase()
{
    m_pg.reset();
}

QSqlDatabase TestPgFeedOrder::connect(const QString& name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    db.setHostName(u"127.0.0.1"_s);
    db.setPort(m_pg->port());
    db.setUserName(u"souk"_s);
    db.setDatabaseName(u"feed"_s);
    if (!db.open())
        qWarning().noquote() << "connect:" << db.lastError().text();
    return db;
}

std::vector<qint64> TestPgFeedOrder::run(Numbering numbering, const QString& table)
{
    {
        QSqlDatabase setup = connect(u"setup"_s);
        QSqlQuery q(setup);
        q.exec(u"CREATE SEQUENCE %1_seq"_s.arg(table));
        q.exec(u"CREATE TABLE %1 (seq bigint PRIMARY KEY, writer int NOT NULL)"_s.arg(table));
        q.exec(u"CREATE TABLE %1_tail (id int PRIMARY KEY, seq bigint NOT NULL)"_s.arg(table));
        q.exec(u"INSERT INTO %1_tail VALUES (1, 0)"_s.arg(table));
    }
    QSqlDatabase::removeDatabase(u"setup"_s);

    std::atomic<int> running{Writers};
    std::vector<std::thread> writers;
    for (int w = 0; w < Writers; ++w) {
        writers.emplace_back([this, w, numbering, table, &running] {
            const QString name = u"writer%1"_s.arg(w);
            {
                QSqlDatabase db = connect(name);
                QSqlQuery q(db);
                QRandomGenerator random(quint32(w + 1));
                for (int i = 0; i < PerWriter; ++i) {
                    db.transaction();
                    qint64 seq = 0;
                    if (numbering == Numbering::Sequence) {
                        q.exec(u"SELECT nextval('%1_seq')"_s.arg(table));
                        q.next();
                        seq = q.value(0).toLongLong();
                        QThread::usleep(random.bounded(0, 3000)); // the rest of the command's work
                    } else {
                        QThread::usleep(random.bounded(0, 3000)); // the command's work, unlocked
                        q.exec(u"SELECT pg_advisory_xact_lock(7001)"_s);
                        q.exec(u"UPDATE %1_tail SET seq = seq + 1 WHERE id = 1 RETURNING seq"_s.arg(table));
                        q.next();
                        seq = q.value(0).toLongLong();
                    }
                    q.prepare(u"INSERT INTO %1 (seq, writer) VALUES (?, ?)"_s.arg(table));
                    q.addBindValue(seq);
                    q.addBindValue(w);
                    q.exec();
                    db.commit(); // the lock goes with the commit
                }
            }
            QSqlDatabase::removeDatabase(name);
            --running;
        });
    }
    std::vector<qint64> seen;
    {
        QSqlDatabase db = connect(u"reader"_s);
        QSqlQuery q(db);
        qint64 last = 0;
        for (;;) {
            const bool done = running.load() == 0; // one more read after the last writer ended
            q.prepare(u"SELECT seq FROM %1 WHERE seq > ? ORDER BY seq"_s.arg(table));
            q.addBindValue(last);
            q.exec();
            while (q.next()) {
                last = q.value(0).toLongLong();
                seen.push_back(last);
            }
            if (done)
                break;
            QThread::usleep(200);
        }
    }
    QSqlDatabase::removeDatabase(u"reader"_s);
    for (std::thread& t : writers)
        t.join();
    return seen;
}

void TestPgFeedOrder::sequenceNumbersCanBeSkipped()
{
    // the failure the issue names: a follower of seq > last misses what committed late
    const std::vector<qint64> seen = run(Numbering::Sequence, u"naive"_s);
    const qsizetype missed = qsizetype(Writers * PerWriter) - qsizetype(seen.size());
    qInfo("sequence numbering: the follower saw %zu of %d changes", seen.size(), Writers * PerWriter);
    QVERIFY2(missed > 0, "no change was skipped: the test did not reproduce the race (try more writers)");
}

void TestPgFeedOrder::commitOrderedNumbersAreSeenOnceInOrder()
{
    const std::vector<qint64> seen = run(Numbering::CommitOrdered, u"ordered"_s);
    QCOMPARE(qsizetype(seen.size()), qsizetype(Writers * PerWriter));
    for (std::size_t i = 0; i < seen.size(); ++i)
        QCOMPARE(seen[i], qint64(i + 1)); // every seq once, in order, no gap
}

QTEST_GUILESS_MAIN(TestPgFeedOrder)
#include "TestPgFeedOrder.moc"
