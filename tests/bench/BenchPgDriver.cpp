// Which way to talk to PostgreSQL (issue 15 §1: "choose the driver for speed"): the same command
// shape, one transaction of ROWS small inserts as an order's write makes them, sent three ways to
// a throwaway local PostgreSQL 15 in the same run:
//   1. Qt's QPSQL driver, one prepared statement executed per row (a round trip each);
//   2. libpq, PQexecPrepared per row (the same round trips, without QtSql's per-call cost);
//   3. libpq in pipeline mode: every row's statement sent, then one sync, then the answers read.
// Loopback TCP, so the round trip is the smallest it will ever be; across a network it only grows.
// Usage: bench_pg_driver [ROWS [TRANSACTIONS]] (default 20 500). Build in Release.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <libpq-fe.h>

#include "tests/bench/BenchSupport.h"
#include "tests/support/PgServer.h"

using namespace Qt::StringLiterals;
using souk::bench::percentile;
using souk::bench::report;

namespace {

PGconn* connectPq(const souk::test::PgServer& pg)
{
    PGconn* c = PQconnectdb(pg.url(u"bench"_s).toUtf8().constData());
    if (PQstatus(c) != CONNECTION_OK)
        qFatal("libpq: %s", PQerrorMessage(c));
    return c;
}

void exec(PGconn* c, const char* sql)
{
    PGresult* r = PQexec(c, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
        qFatal("libpq: %s", PQerrorMessage(c));
    PQclear(r);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int rows = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 20;
    const int transactions = app.arguments().size() > 2 ? app.arguments().at(2).toInt() : 500;
    souk::test::PgServer pg;
    if (!pg.start() || !pg.createDatabase(u"bench"_s))
        qFatal("no PostgreSQL: %s", qPrintable(pg.error()));
    QTextStream out(stdout);
    out << "One transaction of " << rows << " inserts, " << transactions << " times, each way" << Qt::endl;

    PGconn* setup = connectPq(pg);
    exec(setup, "CREATE TABLE t (id bigint PRIMARY KEY, order_id bigint NOT NULL, sku text NOT NULL, "
                "qty int NOT NULL)");
    PQfinish(setup);
    qint64 nextId = 1;

    QList<double> qt, plain, piped;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"bench"_s);
        db.setHostName(u"127.0.0.1"_s);
        db.setPort(pg.port());
        db.setUserName(u"souk"_s);
        db.setDatabaseName(u"bench"_s);
        if (!db.open())
            qFatal("QPSQL: %s", qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        q.prepare(u"INSERT INTO t (id, order_id, sku, qty) VALUES (?, ?, ?, ?)"_s);
        for (int t = 0; t < transactions; ++t) {
            QElapsedTimer timer;
            timer.start();
            db.transaction();
            for (int r = 0; r < rows; ++r) {
                q.bindValue(0, nextId++);
                q.bindValue(1, qint64(t));
                q.bindValue(2, u"SKU-%1"_s.arg(r));
                q.bindValue(3, r + 1);
                if (!q.exec())
                    qFatal("QPSQL insert: %s", qPrintable(q.lastError().text()));
            }
            db.commit();
            qt << double(timer.nsecsElapsed()) / 1e3;
        }
    }
    QSqlDatabase::removeDatabase(u"bench"_s);

    PGconn* c = connectPq(pg);
    PGresult* prepared =
        PQprepare(c, "ins", "INSERT INTO t (id, order_id, sku, qty) VALUES ($1, $2, $3, $4)", 4, nullptr);
    if (PQresultStatus(prepared) != PGRES_COMMAND_OK)
        qFatal("prepare: %s", PQerrorMessage(c));
    PQclear(prepared);
    const auto params = [&](int t, int r, QByteArray (&text)[4], const char* (&values)[4]) {
        text[0] = QByteArray::number(nextId++);
        text[1] = QByteArray::number(t);
        text[2] = "SKU-" + QByteArray::number(r);
        text[3] = QByteArray::number(r + 1);
        for (int i = 0; i < 4; ++i)
            values[i] = text[i].constData();
    };
    for (int t = 0; t < transactions; ++t) {
        QElapsedTimer timer;
        timer.start();
        exec(c, "BEGIN");
        for (int r = 0; r < rows; ++r) {
            QByteArray text[4];
            const char* values[4];
            params(t, r, text, values);
            PGresult* res = PQexecPrepared(c, "ins", 4, values, nullptr, nullptr, 0);
            if (PQresultStatus(res) != PGRES_COMMAND_OK)
                qFatal("insert: %s", PQerrorMessage(c));
            PQclear(res);
        }
        exec(c, "COMMIT");
        plain << double(timer.nsecsElapsed()) / 1e3;
    }
    if (PQenterPipelineMode(c) != 1)
        qFatal("pipeline mode: %s", PQerrorMessage(c));
    for (int t = 0; t < transactions; ++t) {
        QElapsedTimer timer;
        timer.start();
        PQsendQueryParams(c, "BEGIN", 0, nullptr, nullptr, nullptr, nullptr, 0);
        for (int r = 0; r < rows; ++r) {
            QByteArray text[4];
            const char* values[4];
            params(t, r, text, values);
            if (PQsendQueryPrepared(c, "ins", 4, values, nullptr, nullptr, 0) != 1)
                qFatal("send: %s", PQerrorMessage(c));
        }
        PQsendQueryParams(c, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0);
        PQpipelineSync(c);
        // one answer per statement, each followed by a null; then the sync's
        for (int answers = 0; answers < rows + 2;) {
            PGresult* res = PQgetResult(c);
            if (!res) {
                ++answers;
                continue;
            }
            if (PQresultStatus(res) != PGRES_COMMAND_OK)
                qFatal("pipelined: %s", PQerrorMessage(c));
            PQclear(res);
        }
        PGresult* sync = PQgetResult(c);
        if (PQresultStatus(sync) != PGRES_PIPELINE_SYNC)
            qFatal("no sync");
        PQclear(sync);
        piped << double(timer.nsecsElapsed()) / 1e3;
    }
    PQfinish(c);

    for (const auto& [name, samples] : {std::pair{u"QPSQL, a round trip per row"_s, qt},
                                        std::pair{u"libpq, a round trip per row"_s, plain},
                                        std::pair{u"libpq pipeline, one round trip"_s, piped}}) {
        report(name + u", p50"_s, percentile(samples, 50), u"us"_s);
        report(name + u", p99"_s, percentile(samples, 99), u"us"_s);
    }
    report(u"QPSQL / pipeline, p50"_s, percentile(qt, 50) / percentile(piped, 50), u"x"_s);
    report(u"libpq per row / pipeline, p50"_s, percentile(plain, 50) / percentile(piped, 50), u"x"_s);
    return 0;
}
