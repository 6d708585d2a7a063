// Other nodes' commits told to a node: FeedListener on a throwaway PostgreSQL server hears each
// notification on the feed's channel with its seq (several at once as the highest), never one of
// a transaction rolled back, and after the server ended its session it connects again, says
// that it may have missed some (-1), and hears the next ones.
#include <QMutex>
#include <QTest>

#include <memory>

#include "backend/store/FeedListener.h"
#include "tests/support/PgServer.h"

using namespace Qt::StringLiterals;
using souk::store::FeedListener;
using souk::test::PgServer;

namespace {

constexpr int WaitMs = 10'000;

class TestPgFeedListener final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hearsCommitsNotRollbacks();
    void connectsAgainAfterItsSessionEnds();

private:
    QList<qint64> heard();
    QStringList takeKinds()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_kinds, {});
    }
    /// What was heard so far, without taking it.
    QList<qint64> peek()
    {
        QMutexLocker lock(&m_mutex);
        return m_heard;
    }
    bool notify(const QString& sql) { return !m_pg->psql(sql, u"souk"_s).isNull(); }

    std::unique_ptr<PgServer> m_pg;
    QMutex m_mutex;
    QList<qint64> m_heard;
    QStringList m_kinds; ///< every kind heard, in order
    std::unique_ptr<FeedListener> m_listener;
};

void TestPgFeedListener::initTestCase()
{
    QVERIFY2(PgServer::available(), "postgresql-15 is not installed (tools/dev.sh installs it)");
    m_pg = std::make_unique<PgServer>();
    QVERIFY2(m_pg->start(), qPrintable(m_pg->error()));
    QVERIFY(m_pg->createDatabase(u"souk"_s));
    m_listener = std::make_unique<FeedListener>(m_pg->url(u"souk"_s), [this](qint64 seq, const QStringList& kinds) {
        QMutexLocker lock(&m_mutex);
        m_heard << seq;
        m_kinds << kinds;
    });
    QVERIFY(QTest::qWaitFor([this] { return m_listener->listening(); }, WaitMs));
}

QList<qint64> TestPgFeedListener::heard()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_heard, {});
}

void TestPgFeedListener::hearsCommitsNotRollbacks()
{
    QVERIFY(notify(u"SELECT pg_notify('souk_feed', '41 order,stock')"_s));
    QVERIFY(QTest::qWaitFor([this] { return !peek().isEmpty(); }, WaitMs));
    QCOMPARE(heard(), QList<qint64>{41});
    QCOMPARE(takeKinds(), (QStringList{u"order"_s, u"stock"_s}));
    // a transaction rolled back tells nothing; one committed, its notification once
    QVERIFY(notify(u"BEGIN; SELECT pg_notify('souk_feed', '50'); ROLLBACK"_s));
    QVERIFY(notify(u"BEGIN; SELECT pg_notify('souk_feed', '60 api_key'); SELECT pg_notify('souk_feed', '60 api_key'); "
                   "COMMIT"_s));
    QVERIFY(QTest::qWaitFor([this] { return !peek().isEmpty(); }, WaitMs));
    QTest::qWait(200);
    QCOMPARE(heard(), QList<qint64>{60});
    QCOMPARE(takeKinds(), QStringList{u"api_key"_s});
    // another channel is not the feed's
    QVERIFY(notify(u"SELECT pg_notify('other', '70')"_s));
    QTest::qWait(300);
    QVERIFY(heard().isEmpty());
}

void TestPgFeedListener::connectsAgainAfterItsSessionEnds()
{
    QVERIFY(notify(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'souk' "
                   "AND pid <> pg_backend_pid()"_s));
    // back within its reconnect delay, saying it may have missed some
    QVERIFY(QTest::qWaitFor([this] { return peek().contains(-1); }, WaitMs));
    QVERIFY(m_listener->listening());
    heard();
    QVERIFY(notify(u"SELECT pg_notify('souk_feed', '80')"_s));
    QVERIFY(QTest::qWaitFor([this] { return !peek().isEmpty(); }, WaitMs));
    QCOMPARE(heard(), QList<qint64>{80});
}

} // namespace

QTEST_GUILESS_MAIN(TestPgFeedListener)
#include "TestPgFeedListener.moc"
