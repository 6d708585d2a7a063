// The store's schema on PostgreSQL: an empty database migrates to the same tables, columns and
// indexes a SQLite store has (so a step added for one dialect only fails here), every number is
// 64-bit, two nodes starting at once migrate once, the ledger and the audit log refuse changes
// as they do in SQLite, and a database of something else, or of a newer Souk, is refused.
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

#include "backend/core/Clock.h"
#include "backend/store/Migrations.h"
#include "backend/store/PgMigrations.h"
#include "backend/store/PgSchema.h"
#include "tests/support/PgServer.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::store;
using souk::test::PgServer;

namespace {

/// A column as both dialects can say it: its name, a portable type, and whether it takes NULL.
struct Column
{
    QString name;
    QString type; ///< "int64", "text", "bytes", or the database's own word
    bool nullable = true;
    bool operator==(const Column&) const = default;
};

QString describe(const QList<Column>& columns)
{
    QStringList out;
    for (const Column& c : columns)
        out << c.name + u' ' + c.type + (c.nullable ? u""_s : u" not null"_s);
    return out.join(u", "_s);
}

QStringList strings(QSqlQuery& q)
{
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace

class TestPgSchema : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void migratesAnEmptyDatabaseToSQLitesSchema();
    void everyNumberIs64Bit();
    void userNamesAreCaseFreeAsInSQLite();
    void theFeedsSeqIsNeverTakenFromASequence();
    void migratingAgainChangesNothing();
    void twoNodesStartingTogetherMigrateOnce();
    void theLedgerAndTheAuditLogRefuseChanges();
    void rowsWithoutAnIdGetOneAndBigIdsFit();
    void searchFindsSubstringsInAnyScript();
    void refusesADatabaseOfSomethingElse();
    void refusesAStoreOfANewerSouk();
    void refusesADatabaseWithoutUtf8Characters();
    void refusesADatabaseThatSortsByLanguage();
    void cleanupTestCase();

private:
    QSqlDatabase open(const QString& connection, const QString& database);
    QMap<QString, QList<Column>> sqliteTables(QStringList* indexes);
    QMap<QString, QList<Column>> pgTables(QSqlDatabase& db, QStringList* indexes);
    QMap<QString, int> sqliteConstraints();

    std::unique_ptr<PgServer> m_pg;
    QTemporaryDir m_dir;
};

void TestPgSchema::initTestCase()
{
    QVERIFY2(PgServer::available(), "postgresql-15 is not installed (tools/dev.sh installs it)");
    m_pg = std::make_unique<PgServer>();
    QVERIFY2(m_pg->start(), qPrintable(m_pg->error() + u'\n' + m_pg->log()));
    QVERIFY(m_pg->createDatabase(u"souk"_s));
}

void TestPgSchema::cleanupTestCase()
{
    for (const QString& name : QSqlDatabase::connectionNames())
        QSqlDatabase::removeDatabase(name);
    m_pg.reset();
}

QSqlDatabase TestPgSchema::open(const QString& connection, const QString& database)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
    db.setHostName(u"127.0.0.1"_s);
    db.setPort(m_pg->port());
    db.setUserName(u"souk"_s);
    db.setDatabaseName(database);
    if (!db.open())
        qWarning().noquote() << "cannot open" << database << db.lastError().text();
    return db;
}

QMap<QString, QList<Column>> TestPgSchema::sqliteTables(QStringList* indexes)
{
    QMap<QString, QList<Column>> tables;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"sqlite"_s);
        db.setDatabaseName(m_dir.filePath(u"fresh.souk"_s));
        if (!db.open())
            return {};
        MockClock clock;
        if (auto s = Migrations::migrate(db, db.databaseName(), clock, nullptr); !s) {
            qWarning().noquote() << s.error().toString();
            return {};
        }
        QSqlQuery q(db);
        // SQLite's own tables and the FTS5 table with its shadows have no PostgreSQL counterpart
        q.exec(u"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
               "AND name NOT LIKE 'product_search%' ORDER BY name"_s);
        const QStringList names = strings(q);
        for (const QString& table : names) {
            q.exec(u"SELECT name, type, \"notnull\", pk FROM pragma_table_info('%1') ORDER BY cid"_s.arg(table));
            while (q.next()) {
                // SQLite keeps an idempotency key's answer (bytes, or a JSON text's UTF-8) in a
                // column declared TEXT: its types are the values', and PostgreSQL's are the columns'
                const bool bytesInText = table == u"idempotency_keys"_s && q.value(0).toString() == u"response"_s;
                const QString type = bytesInText ? u"BLOB"_s : q.value(1).toString();
                const QString portable = type == u"INTEGER"_s ? u"int64"_s
                                         : type == u"TEXT"_s  ? u"text"_s
                                         : type == u"BLOB"_s  ? u"bytes"_s
                                         : type == u"REAL"_s  ? u"float64"_s
                                                              : type;
                // a primary key's columns never hold NULL in PostgreSQL (nor, by Souk's use, in SQLite)
                tables[table].append({q.value(0).toString(), portable, !q.value(2).toBool() && !q.value(3).toBool()});
            }
        }
        q.exec(u"SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"_s);
        *indexes = strings(q);
    }
    QSqlDatabase::removeDatabase(u"sqlite"_s);
    return tables;
}

QMap<QString, QList<Column>> TestPgSchema::pgTables(QSqlDatabase& db, QStringList* indexes)
{
    QMap<QString, QList<Column>> tables;
    QSqlQuery q(db);
    q.exec(u"SELECT table_name, column_name, CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END, "
           "is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'souk_schema' "
           "ORDER BY table_name, ordinal_position"_s);
    while (q.next()) {
        QString type = q.value(2).toString();
        if (type == u"citext"_s) // SQLite's TEXT COLLATE NOCASE
            type = u"text"_s;
        const QString portable = type == u"bigint"_s ? u"int64"_s
                                 : type == u"text"_s ? u"text"_s
                                 : type == u"bytea"_s ? u"bytes"_s
                                 : type == u"double precision"_s ? u"float64"_s
                                                      : type;
        tables[q.value(0).toString()].append({q.value(1).toString(), portable, q.value(3).toString() == u"YES"_s});
    }
    q.exec(u"SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"_s);
    *indexes = strings(q);
    return tables;
}

void TestPgSchema::migratesAnEmptyDatabaseToSQLitesSchema()
{
    QSqlDatabase db = open(u"main"_s, u"souk"_s);
    QVERIFY(db.isOpen());
    QCOMPARE(*PgMigrations::versionOf(db), 0);
    const Status migrated = PgMigrations::migrate(db);
    QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().toString()));
    QCOMPARE(*PgMigrations::versionOf(db), Migrations::currentVersion());

    QStringList sqliteIndexes, pgIndexes;
    const auto sqlite = sqliteTables(&sqliteIndexes);
    const auto pg = pgTables(db, &pgIndexes);
    QVERIFY(sqlite.size() > 30);
    QStringList pgShared = pg.keys();
    for (const char16_t* own : pgschema::PgOnlyTables)
        QVERIFY2(pgShared.removeOne(QString::fromUtf16(own)), "a PostgreSQL-only table is missing");
    QCOMPARE(pgShared, sqlite.keys());
    for (auto it = sqlite.cbegin(); it != sqlite.cend(); ++it) {
        const QList<Column> other = pg.value(it.key());
        QVERIFY2(other == it.value(), qPrintable(u"%1\n  SQLite:     %2\n  PostgreSQL: %3"_s.arg(
                                          it.key(), describe(it.value()), describe(other))));
    }
    for (const QString& index : std::as_const(sqliteIndexes))
        QVERIFY2(pgIndexes.contains(index), qPrintable(u"no index " + index + u" on PostgreSQL"_s));
    QVERIFY(pgIndexes.contains(u"product_text_trigrams"_s));

    // the constraints: as many CHECKs and references per table (their texts are the same rules)
    const auto sqliteCounts = sqliteConstraints();
    QSqlQuery q(db);
    QVERIFY(q.exec(u"SELECT conrelid::regclass::text, contype, count(*) FROM pg_constraint "
                   "WHERE connamespace = 'public'::regnamespace AND contype IN ('c', 'f') "
                   "AND conrelid::regclass::text NOT IN ('souk_schema', 'node_leases') GROUP BY 1, 2"_s));
    QMap<QString, int> pgCounts;
    while (q.next())
        pgCounts[q.value(0).toString() + u' ' + q.value(1).toString()] = q.value(2).toInt();
    QCOMPARE(pgCounts, sqliteCounts);
}

QMap<QString, int> TestPgSchema::sqliteConstraints()
{
    QMap<QString, int> counts;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"sqlite-constraints"_s);
        db.setDatabaseName(m_dir.filePath(u"fresh.souk"_s));
        if (!db.open())
            return {};
        QSqlQuery q(db);
        q.exec(u"SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
               "AND name NOT LIKE 'product_search%'"_s);
        while (q.next()) {
            const QString sql = q.value(1).toString();
            if (const int checks = int(sql.count(u"CHECK ("_s) + sql.count(u"CHECK("_s)); checks > 0)
                counts[q.value(0).toString() + u" c"_s] = checks;
            if (const int refs = int(sql.count(u"REFERENCES "_s)); refs > 0)
                counts[q.value(0).toString() + u" f"_s] = refs;
        }
    }
    QSqlDatabase::removeDatabase(u"sqlite-constraints"_s);
    return counts;
}

void TestPgSchema::userNamesAreCaseFreeAsInSQLite()
{
    QSqlDatabase db = QSqlDatabase::database(u"main"_s);
    QSqlQuery q(db);
    QVERIFY2(q.exec(u"INSERT INTO users (id, name, role, password_hash, created_ms, version) "
                    "VALUES (1, 'Ana', 'admin', 'x', 1, 1)"_s),
             qPrintable(q.lastError().text()));
    QVERIFY(!q.exec(u"INSERT INTO users (id, name, role, password_hash, created_ms, version) "
                    "VALUES (2, 'ANA', 'admin', 'x', 1, 1)"_s)); // the same name, whatever its case
    QVERIFY(q.exec(u"SELECT id FROM users WHERE name = 'ana'"_s) && q.next()); // and found so
    QCOMPARE(q.value(0).toLongLong(), 1);
    QVERIFY(q.exec(u"INSERT INTO users (id, name, role, password_hash, created_ms, version) "
                    "VALUES (3, 'Ärger', 'admin', 'x', 1, 1)"_s));
    QVERIFY(!q.exec(u"INSERT INTO users (id, name, role, password_hash, created_ms, version) "
                    "VALUES (4, 'ärger', 'admin', 'x', 1, 1)"_s)); // beyond ASCII too (UTF-8 character type)
}

void TestPgSchema::theFeedsSeqIsNeverTakenFromASequence()
{
    // a writer that forgot to number its changes in commit order fails, rather than take a number
    // before commit that a follower could skip
    QSqlDatabase db = QSqlDatabase::database(u"main"_s);
    QSqlQuery q(db);
    QVERIFY(!q.exec(u"INSERT INTO changes (entity, entity_id, version, op, actor, at_ms) "
                    "VALUES ('order', 1, 1, 0, 'a/b', 1)"_s));
    QVERIFY(q.lastError().text().contains(u"seq"_s));
}

void TestPgSchema::everyNumberIs64Bit()
{
    QSqlDatabase db = QSqlDatabase::database(u"main"_s);
    QSqlQuery q(db);
    QVERIFY(q.exec(u"SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns "
                   "WHERE table_schema = 'public' AND table_name <> 'souk_schema' "
                   "AND data_type NOT IN ('bigint', 'text', 'bytea') AND udt_name <> 'citext'"_s));
    QStringList narrow = strings(q);
    // a model's measured quality, never money: the only floating point in the store
    narrow.removeAll(u"risk_models.auc double precision"_s);
    narrow.removeAll(u"risk_models.recall_at_1pct double precision"_s);
    QVERIFY2(narrow.isEmpty(), qPrintable(narrow.join(u", "_s)));
}

void TestPgSchema::migratingAgainChangesNothing()
{
    QSqlDatabase db = QSqlDatabase::database(u"main"_s);
    const QString storeId = m_pg->psql(u"SELECT value FROM settings WHERE key = 'store_id'"_s, u"souk"_s);
    QCOMPARE(storeId.size(), 32);
    QVERIFY(PgMigrations::migrate(db));
    QCOMPARE(*PgMigrations::versionOf(db), Migrations::currentVersion());
    QCOMPARE(m_pg->psql(u"SELECT value FROM settings WHERE key = 'store_id'"_s, u"souk"_s), storeId);
    QCOMPARE(m_pg->psql(u"SELECT count(*) FROM risk_policy"_s, u"souk"_s), u"1"_s);
}

void TestPgSchema::twoNodesStartingTogetherMigrateOnce()
{
    QVERIFY(m_pg->createDatabase(u"together"_s));
    std::atomic<int> ok{0};
    QStringList failures;
    QMutex lock;
    auto node = [&](const QString& name) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            db.setHostName(u"127.0.0.1"_s);
            db.setPort(m_pg->port());
            db.setUserName(u"souk"_s);
            db.setDatabaseName(u"together"_s);
            const Status s = db.open() ? PgMigrations::migrate(db) : Status(Error::internal(db.lastError().text()));
            if (s) {
                ++ok;
            } else {
                QMutexLocker locked(&lock);
                failures << s.error().toString();
            }
        }
        QSqlDatabase::removeDatabase(name);
    };
    std::unique_ptr<QThread> a(QThread::create(node, u"node-a"_s));
    std::unique_ptr<QThread> b(QThread::create(node, u"node-b"_s));
    std::unique_ptr<QThread> c(QThread::create(node, u"node-c"_s));
    a->start();
    b->start();
    c->start();
    QVERIFY(a->wait(60'000) && b->wait(60'000) && c->wait(60'000));
    QVERIFY2(ok == 3, qPrintable(failures.join(u'\n')));
    QCOMPARE(m_pg->psql(u"SELECT version FROM souk_schema"_s, u"together"_s),
             QString::number(Migrations::currentVersion()));
    QCOMPARE(m_pg->psql(u"SELECT count(*) FROM settings WHERE key = 'store_id'"_s, u"together"_s), u"1"_s);
}

void TestPgSchema::theLedgerAndTheAuditLogRefuseChanges()
{
    QSqlDatabase db = QSqlDatabase::database(u"main"_s);
    QSqlQuery q(db);
    QVERIFY2(q.exec(u"INSERT INTO journal_entries (id, kind, actor, at_ms, hash) VALUES (1, 'capture', 'a/b', 1, "
                    "'\\x01'::bytea)"_s),
             qPrintable(q.lastError().text()));
    const auto refused = [&q](const QString& sql, const QString& says) {
        const bool ran = q.exec(sql);
        return !ran && q.lastError().text().contains(says);
    };
    QVERIFY(refused(u"UPDATE journal_entries SET memo = 'changed' WHERE id = 1"_s, u"immutable"_s));
    QVERIFY(refused(u"UPDATE journal_entries SET hash = NULL WHERE id = 1"_s, u"immutable"_s));
    QVERIFY(refused(u"DELETE FROM journal_entries"_s, u"immutable"_s));
    QVERIFY(refused(u"TRUNCATE journal_entries CASCADE"_s, u"immutable"_s));
    QVERIFY(refused(u"INSERT INTO journal_entries (id, kind, actor, at_ms) VALUES (2, 'x', 'a/b', 1)"_s,
                    u"chained"_s));
    QVERIFY2(q.exec(u"INSERT INTO audit_log (seq, at_ms, user_name, role, via, origin, operation, objects, reason, "
                    "outcome, detail, hash) VALUES (1, 1, 'ana', 'admin', 'session', '', 'sign_in', '', '', 'ok', '', "
                    "'\\x01'::bytea)"_s),
             qPrintable(q.lastError().text()));
    QVERIFY(refused(u"UPDATE audit_log SET at_ms = 2"_s, u"append-only"_s));
    QVERIFY(refused(u"DELETE FROM audit_log"_s, u"append-only"_s));
    QVERIFY(refused(u"TRUNCATE audit_log"_s, u"append-only"_s));
    QCOMPARE(m_pg->psql(u"SELECT memo FROM journal_entries WHERE id = 1"_s, u"souk"_s), QString());
    QCOMPARE(m_pg->psql(u"SELECT count(*) FROM journal_entries"_s, u"souk"_s), u"1"_s);
}

void TestPgSchema::rowsWithoutAnIdGetOneAndBigIdsFit()
{
    QSqlDatabase db = QSqlDatabase::database(u"main"_s);
    QSqlQuery q(db);
    QVERIFY2(q.exec(u"INSERT INTO merchants (id, name, currency, version, created_ms, updated_ms) "
                    "VALUES (9007199254740993, 'Big', 'EUR', 1, 1, 1)"_s),
             qPrintable(q.lastError().text()));
    QVERIFY2(q.exec(u"INSERT INTO ledger_accounts (merchant_id, kind, currency) VALUES (9007199254740993, 1, 'EUR') "
                    "RETURNING id"_s),
             qPrintable(q.lastError().text()));
    QVERIFY(q.next());
    QVERIFY(q.value(0).toLongLong() > 0);
    QVERIFY(q.exec(u"SELECT id FROM merchants WHERE name = 'Big'"_s) && q.next());
    QCOMPARE(q.value(0).toLongLong(), 9007199254740993LL); // past 2^53: a double would have rounded it
}

void TestPgSchema::searchFindsSubstringsInAnyScript()
{
    QSqlDatabase db = QSqlDatabase::database(u"main"_s);
    QSqlQuery q(db);
    QVERIFY(q.exec(u"INSERT INTO merchants (id, name, currency, version, created_ms, updated_ms) "
                   "VALUES (77, 'Search', 'CNY', 1, 1, 1)"_s));
    QVERIFY(q.exec(u"INSERT INTO products (id, merchant_id, handle, title, status, version, created_ms, updated_ms) "
                   "VALUES (10, 77, 'h', '蓝牙耳机 Pro', 1, 1, 1, 1)"_s));
    QVERIFY(q.exec(u"INSERT INTO product_text (id, merchant_id, text) VALUES (10, 77, lower('蓝牙耳机 Pro Bluetooth'))"_s));
    // the index holds Chinese trigrams (a C character type would give only the ASCII ones)
    // (two padded ends and two inner trigrams of four characters, shown hashed): none under a C type
    QVERIFY(q.exec(u"SELECT coalesce(array_length(show_trgm('蓝牙耳机'), 1), 0)"_s) && q.next());
    QVERIFY2(q.value(0).toInt() == 5, "no trigrams of Chinese text: the database's character type is not UTF-8");
    for (const QString& needle : {u"牙耳机"_s, u"bluetooth"_s, u"o b"_s}) {
        q.prepare(u"SELECT id FROM product_text WHERE text LIKE ?"_s);
        q.addBindValue(QString(u'%' + needle + u'%'));
        QVERIFY(q.exec());
        QVERIFY2(q.next() && q.value(0).toLongLong() == 10, qPrintable(needle));
    }
}

void TestPgSchema::refusesADatabaseOfSomethingElse()
{
    QVERIFY(m_pg->createDatabase(u"other"_s));
    QVERIFY(!m_pg->psql(u"CREATE TABLE invoices (id bigint)"_s, u"other"_s).isNull());
    QSqlDatabase db = open(u"other"_s, u"other"_s);
    const auto version = PgMigrations::versionOf(db);
    QVERIFY(!version);
    QCOMPARE(version.error().code, ErrorCode::StoreCorrupt);
    const Status migrated = PgMigrations::migrate(db);
    QVERIFY(!migrated);
    QCOMPARE(migrated.error().code, ErrorCode::StoreCorrupt);
    QCOMPARE(m_pg->psql(u"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"_s, u"other"_s),
             u"1"_s); // nothing was added beside it
}

void TestPgSchema::refusesAStoreOfANewerSouk()
{
    QVERIFY(m_pg->createDatabase(u"newer"_s));
    QSqlDatabase db = open(u"newer"_s, u"newer"_s);
    QVERIFY(PgMigrations::migrate(db));
    QVERIFY(!m_pg->psql(u"UPDATE souk_schema SET version = 99"_s, u"newer"_s).isNull());
    const Status migrated = PgMigrations::migrate(db);
    QVERIFY(!migrated);
    QCOMPARE(migrated.error().code, ErrorCode::StoreNewer);
    QVERIFY(migrated.error().message.contains(u"99"_s));
}

void TestPgSchema::refusesADatabaseThatSortsByLanguage()
{
    // ICU's English order puts "b" before "C" and matches prefixes otherwise than code points do
    QVERIFY(!m_pg->psql(u"CREATE DATABASE english LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LC_COLLATE 'C.UTF-8' "
                        "LC_CTYPE 'C.UTF-8' TEMPLATE template0"_s)
                 .isNull());
    QSqlDatabase db = open(u"english"_s, u"english"_s);
    const Status migrated = PgMigrations::migrate(db);
    QVERIFY(!migrated);
    QCOMPARE(migrated.error().code, ErrorCode::Invalid);
    QCOMPARE(migrated.error().field, u"store"_s);
    QVERIFY2(migrated.error().message.contains(u"ICU en-US"_s), qPrintable(migrated.error().message));
    QCOMPARE(
        m_pg->psql(u"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"_s, u"english"_s),
        u"0"_s);
}

void TestPgSchema::refusesADatabaseWithoutUtf8Characters()
{
    QVERIFY(!m_pg->psql(u"CREATE DATABASE plain LC_CTYPE 'C' LC_COLLATE 'C' TEMPLATE template0"_s).isNull());
    QSqlDatabase db = open(u"plain"_s, u"plain"_s);
    const Status migrated = PgMigrations::migrate(db);
    QVERIFY(!migrated);
    QCOMPARE(migrated.error().code, ErrorCode::Invalid);
    QCOMPARE(migrated.error().field, u"store"_s);
    QVERIFY(migrated.error().message.contains(u"C.UTF-8"_s));
    QCOMPARE(m_pg->psql(u"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"_s, u"plain"_s),
             u"0"_s);
}

QTEST_GUILESS_MAIN(TestPgSchema)
#include "TestPgSchema.moc"
