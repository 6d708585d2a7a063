// Catalog search on PostgreSQL against SQLite, same catalog, same queries, same run.
//
// A demo catalog of PRODUCTS products (English and Chinese titles) is imported into a SQLite
// store through LocalClient, as the console does. Its merchants, products and search text are then
// copied (COPY) into a throwaway PostgreSQL 15 whose schema PgMigrations made, and ANALYZEd.
// Each query then runs ROUNDS times on both:
//   - SQLite: ProductQueries' own statements (the FTS5 trigram table for 3+ characters, instr() over
//     the narrow text table for 1-2), on a QSQLITE connection of this thread;
//   - PostgreSQL: LIKE '%text%' on the same narrow table, which the trigram GIN index answers for
//     3+ characters, and strpos() for 1-2; libpq, one round trip per query over loopback TCP.
// Both ask for 1,000 results at most, ordered by id, as the console does.
//
// Usage: bench_pg_search [PRODUCTS] [ROUNDS]   (default 100000 60). Build in Release.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <libpq-fe.h>

#include "backend/core/Currency.h"
#include "backend/client/LocalClient.h"
#include "backend/sim/DemoCatalog.h"
#include "backend/store/PgMigrations.h"
#include "tests/bench/BenchSupport.h"
#include "tests/support/PgServer.h"

using namespace Qt::StringLiterals;
using namespace souk;
using souk::bench::percentile;
using souk::bench::report;

namespace {

template <typename T> T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

/// Copies one table's rows (the columns named) from SQLite into PostgreSQL with COPY ... FROM STDIN.
qint64 copyTable(QSqlDatabase& sqlite, PGconn* pg, const QString& table, const QString& columns)
{
    PGresult* r = PQexec(pg, u"COPY %1 (%2) FROM STDIN"_s.arg(table, columns).toUtf8().constData());
    if (PQresultStatus(r) != PGRES_COPY_IN)
        qFatal("COPY %s: %s", qPrintable(table), PQerrorMessage(pg));
    PQclear(r);
    QSqlQuery q(sqlite);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT %1 FROM %2"_s.arg(columns, table)))
        qFatal("%s", qPrintable(q.lastError().text()));
    const int n = int(columns.count(u',') + 1);
    qint64 rows = 0;
    QByteArray buffer;
    while (q.next()) {
        for (int i = 0; i < n; ++i) {
            QByteArray v = q.value(i).toString().toUtf8();
            v.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n").replace('\r', "\\r");
            buffer += v;
            buffer += i + 1 < n ? '\t' : '\n';
        }
        ++rows;
        if (buffer.size() > (1 << 20)) {
            PQputCopyData(pg, buffer.constData(), int(buffer.size()));
            buffer.clear();
        }
    }
    PQputCopyData(pg, buffer.constData(), int(buffer.size()));
    PQputCopyEnd(pg, nullptr);
    r = PQgetResult(pg);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        qFatal("COPY %s: %s", qPrintable(table), PQerrorMessage(pg));
    PQclear(r);
    return rows;
}

int searchSqlite(QSqlDatabase& db, qint64 merchant, const QString& text)
{
    const QString needle = text.toLower();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (needle.size() >= 3) {
        q.prepare(u"SELECT p.id FROM product_search s CROSS JOIN products p ON p.id = s.rowid "
                  "WHERE product_search MATCH ? AND p.merchant_id = ? ORDER BY p.id LIMIT 1000"_s);
        q.addBindValue(QString(u'"' + needle + u'"'));
    } else {
        q.prepare(u"SELECT id FROM product_text WHERE instr(text, ?) > 0 AND merchant_id = ? ORDER BY id LIMIT 1000"_s);
        q.addBindValue(needle);
    }
    q.addBindValue(merchant);
    if (!q.exec())
        qFatal("%s", qPrintable(q.lastError().text()));
    int n = 0;
    while (q.next())
        ++n;
    return n;
}

int searchPg(PGconn* pg, qint64 merchant, const QString& text)
{
    QString needle = text.toLower();
    const bool trigrams = needle.size() >= 3;
    if (trigrams) // LIKE's own characters stand for themselves
        needle = u'%' + needle.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s) + u'%';
    const QByteArray needleUtf8 = needle.toUtf8();
    const QByteArray merchantText = QByteArray::number(merchant);
    const char* values[] = {needleUtf8.constData(), merchantText.constData()};
    PGresult* r = PQexecParams(pg,
                               trigrams ? "SELECT id FROM product_text WHERE text LIKE $1 AND merchant_id = $2 "
                                          "ORDER BY id LIMIT 1000"
                                        : "SELECT id FROM product_text WHERE strpos(text, $1) > 0 AND merchant_id = $2 "
                                          "ORDER BY id LIMIT 1000",
                               2, nullptr, values, nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        qFatal("search: %s", PQerrorMessage(pg));
    const int n = PQntuples(r);
    PQclear(r);
    return n;
}

struct Timed
{
    QList<double> sqliteMs, pgMs;
};

Timed timeBoth(QSqlDatabase& sqlite, PGconn* pg, qint64 merchant, const QStringList& queries, int rounds)
{
    Timed t;
    QElapsedTimer clock;
    for (int r = 0; r < rounds; ++r) {
        for (const QString& q : queries) {
            // alternate which goes first, so neither always finds the caches warmed by the other
            for (int side = 0; side < 2; ++side) {
                const bool pgFirst = (r % 2 == 0) == (side == 0);
                clock.start();
                const int n = pgFirst ? searchPg(pg, merchant, q) : searchSqlite(sqlite, merchant, q);
                (pgFirst ? t.pgMs : t.sqliteMs).append(clock.nsecsElapsed() / 1e6);
                if (r == 0 && side == 1)
                    QTextStream(stdout) << "  \"" << q << "\": " << n << " results" << Qt::endl;
            }
        }
    }
    return t;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int productCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100'000;
    const int rounds = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 60;
    QTemporaryDir dir;
    const Currency eur = *Currency::find(u"EUR"_s);

    LocalClient::Options options;
    options.store.path = dir.filePath(u"bench.souk"_s);
    auto client = LocalClient::open(options);
    if (!client)
        qFatal("%s", qPrintable(client.error().toString()));
    const Id merchant = wait((*client)->merchants())->first().id;
    const catalog::ImportPlan plan = sim::demoCatalog(eur, productCount, 7);
    if (auto done = wait((*client)->runImport(merchant, plan, {})); !done)
        qFatal("import: %s", qPrintable(done.error().toString()));
    client->reset();

    souk::test::PgServer server;
    if (!server.start() || !server.createDatabase(u"bench"_s))
        qFatal("PostgreSQL: %s", qPrintable(server.error()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"migrate"_s);
        db.setHostName(u"127.0.0.1"_s);
        db.setPort(server.port());
        db.setUserName(u"souk"_s);
        db.setDatabaseName(u"bench"_s);
        if (!db.open())
            qFatal("%s", qPrintable(db.lastError().text()));
        if (auto s = store::PgMigrations::migrate(db); !s)
            qFatal("%s", qPrintable(s.error().toString()));
    }
    QSqlDatabase::removeDatabase(u"migrate"_s);

    QSqlDatabase sqlite = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"sqlite"_s);
    sqlite.setDatabaseName(options.store.path);
    if (!sqlite.open())
        qFatal("%s", qPrintable(sqlite.lastError().text()));
    PGconn* pg = PQconnectdb(server.url(u"bench"_s).toUtf8().constData());
    if (PQstatus(pg) != CONNECTION_OK)
        qFatal("libpq: %s", PQerrorMessage(pg));
    copyTable(sqlite, pg, u"merchants"_s, u"id, name, currency, version, created_ms, updated_ms"_s);
    const qint64 products = copyTable(sqlite, pg, u"products"_s,
                                      u"id, merchant_id, handle, title, status, version, created_ms, updated_ms"_s);
    copyTable(sqlite, pg, u"product_text"_s, u"id, merchant_id, text"_s);
    PQclear(PQexec(pg, "ANALYZE"));
    QTextStream(stdout) << "bench_pg_search: " << products << " products in both stores" << Qt::endl;

    const QStringList english = {u"mug"_s, u"premium"_s, u"earbuds 1"_s, u"p00123"_s, u"lamp"_s, u"tea"_s, u"xyzzy"_s};
    const QStringList chinese = {u"蓝牙"_s, u"耳机"_s, u"马克杯"_s, u"无线蓝牙耳机"_s, u"茶"_s};
    const Timed en = timeBoth(sqlite, pg, merchant.value, english, rounds);
    const Timed zh = timeBoth(sqlite, pg, merchant.value, chinese, rounds);
    report(u"search English, SQLite p50"_s, percentile(en.sqliteMs, 50), u"ms"_s);
    report(u"search English, SQLite p95"_s, percentile(en.sqliteMs, 95), u"ms"_s);
    report(u"search English, PostgreSQL p50"_s, percentile(en.pgMs, 50), u"ms"_s);
    report(u"search English, PostgreSQL p95"_s, percentile(en.pgMs, 95), u"ms"_s);
    report(u"search Chinese, SQLite p50"_s, percentile(zh.sqliteMs, 50), u"ms"_s);
    report(u"search Chinese, SQLite p95"_s, percentile(zh.sqliteMs, 95), u"ms"_s);
    report(u"search Chinese, PostgreSQL p50"_s, percentile(zh.pgMs, 50), u"ms"_s);
    report(u"search Chinese, PostgreSQL p95"_s, percentile(zh.pgMs, 95), u"ms"_s);
    report(u"PostgreSQL / SQLite p95, English"_s,
           percentile(en.pgMs, 95) / percentile(en.sqliteMs, 95), u"x"_s);
    report(u"PostgreSQL / SQLite p95, Chinese"_s,
           percentile(zh.pgMs, 95) / percentile(zh.sqliteMs, 95), u"x"_s);
    // the slowest query on PostgreSQL, by itself: where the p95 comes from
    for (const QStringList* set : {&english, &chinese}) {
        for (const QString& q : *set) {
            QList<double> ms;
            QElapsedTimer clock;
            for (int r = 0; r < 10; ++r) {
                clock.start();
                searchPg(pg, merchant.value, q);
                ms.append(clock.nsecsElapsed() / 1e6);
            }
            QTextStream(stdout) << "  PostgreSQL \"" << q << "\" p50 " << QString::number(percentile(ms, 50), 'f', 2)
                                << " ms" << Qt::endl;
        }
    }
    PQfinish(pg);
    return 0;
}
