#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "backend/store/Connection.h"
#include "backend/store/RowBatch.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::store;

class TestRowBatch final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void writesEveryKindOfValue();
    void failedRowLeavesBatchEmpty();
    void emptyFlushIsNoOp();
    void spansSeveralStatements();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Connection> m_conn;
};

void TestRowBatch::init()
{
    auto conn = Connection::open(StoreOptions{m_dir.filePath(u"rows.db"_s)}, u"test"_s);
    QVERIFY(conn);
    m_conn = std::move(conn).value();
    QVERIFY(exec(m_conn->db(), u"DROP TABLE IF EXISTS t"_s));
    QVERIFY(exec(m_conn->db(), u"CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT NOT NULL, o INTEGER)"_s));
}

void TestRowBatch::cleanup()
{
    m_conn.reset();
}

void TestRowBatch::writesEveryKindOfValue()
{
    RowBatch batch(u"t"_s, {u"id"_s, u"n"_s, u"s"_s, u"o"_s});
    const QString tricky = u"quote \" back\\slash, 逗号, tab\t and 🚀"_s;
    batch.row().integer(1).integer(std::numeric_limits<qint64>::max()).text(tricky).optionalInteger(std::nullopt);
    batch.row().integer(2).integer(-7).text(QString()).optionalInteger(42);
    QCOMPARE(batch.pending(), 2);
    QVERIFY(batch.flush(m_conn->db()));
    QCOMPARE(batch.pending(), 0);
    QCOMPARE(batch.lastRowId(), 2);
    QSqlQuery q(m_conn->db());
    QVERIFY(q.exec(u"SELECT n, s, o FROM t ORDER BY id"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), std::numeric_limits<qint64>::max());
    QCOMPARE(q.value(1).toString(), tricky);
    QVERIFY(q.value(2).isNull());
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toString(), QString()); // a null QString is stored as '', never NULL
    QCOMPARE(q.value(2).toLongLong(), 42);
}

void TestRowBatch::failedRowLeavesBatchEmpty()
{
    RowBatch batch(u"t"_s, {u"id"_s, u"n"_s, u"s"_s, u"o"_s});
    batch.row().integer(1).integer(1).text(u"a"_s).optionalInteger(1);
    batch.row().integer(1).integer(2).text(u"b"_s).optionalInteger(2); // duplicate primary key
    auto s = batch.flush(m_conn->db());
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::StoreIo);
    QCOMPARE(batch.pending(), 0);
}

void TestRowBatch::emptyFlushIsNoOp()
{
    RowBatch batch(u"t"_s, {u"id"_s});
    QVERIFY(batch.flush(m_conn->db()));
}

void TestRowBatch::spansSeveralStatements()
{
    // more rows than one statement takes, and a remainder: every row lands once, in order
    const int rows = RowBatch::RowsPerStatementMax * 3 + 5;
    RowBatch batch(u"t"_s, {u"id"_s, u"n"_s, u"s"_s, u"o"_s});
    for (int i = 1; i <= rows; ++i)
        batch.row().integer(i).integer(i * 10).text(QString::number(i)).optionalInteger(std::nullopt);
    QVERIFY(batch.flush(m_conn->db()));
    QCOMPARE(batch.lastRowId(), rows);
    auto sum = scalar(m_conn->db(), u"SELECT sum(n) - 10 * sum(id) + count(*) FROM t WHERE s = CAST(id AS TEXT)"_s);
    QVERIFY(sum);
    QCOMPARE(sum->toLongLong(), rows);
}

QTEST_GUILESS_MAIN(TestRowBatch)
#include "TestRowBatch.moc"
