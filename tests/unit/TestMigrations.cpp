#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "backend/core/Clock.h"
#include "backend/store/Connection.h"
#include "backend/store/Migrations.h"
#include "backend/store/Sql.h"
#include "backend/store/StoreFile.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::store;

class TestMigrations final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createsFreshStore();
    void reopensWithoutBackup();
    void refusesNewerStore();
    void backsUpBeforeUpgrade();
    void failedStepChangesNothing();
    void refusesSecondProcessLock();
    void refusesGarbageFile();
    void refusesForeignSqliteFile();
    void refusesDamagedStore();
    void refusesReadOnlyFile();
    void refusesMissingFolder();

private:
    StoreOptions options() const { return StoreOptions{m_dir->filePath(u"shop.souk"_s)}; }
    int userVersion(const QString& path);
    std::unique_ptr<QTemporaryDir> m_dir;
    MockClock m_clock;
};

void TestMigrations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMigrations::cleanup()
{
    m_dir.reset();
}

int TestMigrations::userVersion(const QString& path)
{
    StoreOptions o{path};
    o.readOnly = true;
    auto conn = Connection::open(o, u"probe"_s);
    if (!conn)
        return -1;
    return scalar((*conn)->db(), u"PRAGMA user_version"_s)->toInt();
}

void TestMigrations::createsFreshStore()
{
    auto store = StoreFile::prepare(options(), m_clock);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
    QVERIFY((*store)->created());
    QVERIFY((*store)->backupPath().isEmpty());
    store->reset();
    QCOMPARE(userVersion(options().path), Migrations::currentVersion());
}

void TestMigrations::reopensWithoutBackup()
{
    QVERIFY(StoreFile::prepare(options(), m_clock));
    auto again = StoreFile::prepare(options(), m_clock);
    QVERIFY(again);
    QVERIFY(!(*again)->created());
    QVERIFY((*again)->backupPath().isEmpty());
}

void TestMigrations::refusesNewerStore()
{
    QVERIFY(StoreFile::prepare(options(), m_clock));
    {
        auto conn = Connection::open(options(), u"tamper"_s);
        QVERIFY(conn);
        QVERIFY(exec((*conn)->db(), u"PRAGMA user_version = %1"_s.arg(Migrations::currentVersion() + 1)));
    }
    const QByteArray before = [&] { QFile f(options().path); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    auto store = StoreFile::prepare(options(), m_clock);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::StoreNewer);
    QVERIFY(store.error().message.contains(u"newer"_s));
    const QByteArray after = [&] { QFile f(options().path); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    QCOMPARE(after, before);
}

void TestMigrations::backsUpBeforeUpgrade()
{
    QVERIFY(StoreFile::prepare(options(), m_clock));
    auto conn = Connection::open(options(), u"upgrade"_s);
    QVERIFY(conn);
    // a future step on top of the shipped ones
    QList<QStringList> steps;
    for (int v = 0; v < Migrations::currentVersion(); ++v)
        steps.append(QStringList{u"SELECT 1"_s});
    steps.append(QStringList{u"CREATE TABLE future_things (id INTEGER PRIMARY KEY)"_s});
    QString backup;
    QVERIFY(Migrations::migrateWith(steps, (*conn)->db(), options().path, m_clock, &backup));
    QVERIFY(!backup.isEmpty());
    QVERIFY(QFile::exists(backup));
    QVERIFY(backup.contains(u".v%1-"_s.arg(Migrations::currentVersion())));
    QCOMPARE(scalar((*conn)->db(), u"PRAGMA user_version"_s)->toInt(), Migrations::currentVersion() + 1);
    conn->reset();
    QCOMPARE(userVersion(backup), Migrations::currentVersion());
}

void TestMigrations::failedStepChangesNothing()
{
    QVERIFY(StoreFile::prepare(options(), m_clock));
    auto conn = Connection::open(options(), u"upgrade"_s);
    QVERIFY(conn);
    QList<QStringList> steps(Migrations::currentVersion(), QStringList{u"SELECT 1"_s});
    steps.append(QStringList{u"CREATE TABLE half_done (id INTEGER)"_s, u"THIS IS NOT SQL"_s});
    QVERIFY(!Migrations::migrateWith(steps, (*conn)->db(), options().path, m_clock, nullptr));
    QCOMPARE(scalar((*conn)->db(), u"PRAGMA user_version"_s)->toInt(), Migrations::currentVersion());
    QCOMPARE(scalar((*conn)->db(), u"SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"_s)->toInt(), 0);
}

void TestMigrations::refusesSecondProcessLock()
{
    auto first = StoreFile::prepare(options(), m_clock);
    QVERIFY(first);
    auto second = StoreFile::prepare(options(), m_clock);
    QVERIFY(!second);
    QCOMPARE(second.error().code, ErrorCode::StoreLocked);
    QVERIFY2(second.error().message.contains(u"process"_s), qPrintable(second.error().message));
    first->reset();
    QVERIFY(StoreFile::prepare(options(), m_clock)); // free again once the holder is gone
}

void TestMigrations::refusesGarbageFile()
{
    QFile f(options().path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("handle,title\nthis is a csv file, not a store\n");
    f.close();
    auto store = StoreFile::prepare(options(), m_clock);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::StoreCorrupt);
}

void TestMigrations::refusesForeignSqliteFile()
{
    {
        StoreOptions o = options();
        auto conn = Connection::open(o, u"foreign"_s);
        QVERIFY(conn);
        QVERIFY(exec((*conn)->db(), u"CREATE TABLE notes (body TEXT)"_s));
    }
    auto store = StoreFile::prepare(options(), m_clock);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::StoreCorrupt);
    QVERIFY(store.error().message.contains(u"not a Souk store"_s));
}

void TestMigrations::refusesDamagedStore()
{
    {
        auto store = StoreFile::prepare(options(), m_clock);
        QVERIFY(store);
        auto conn = Connection::open(options(), u"fill"_s);
        QVERIFY(conn);
        QVERIFY(exec((*conn)->db(), u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
    }
    QFile f(options().path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.size() > 8192);
    f.seek(4096); // leave the header, wreck the pages after it
    f.write(QByteArray(f.size() - 4096, '\xA5'));
    f.close();
    auto store = StoreFile::prepare(options(), m_clock);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::StoreCorrupt);
}

void TestMigrations::refusesReadOnlyFile()
{
    QVERIFY(StoreFile::prepare(options(), m_clock));
    QFile::setPermissions(options().path, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
    auto store = StoreFile::prepare(options(), m_clock);
    QFile::setPermissions(options().path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::StoreReadOnly);
}

void TestMigrations::refusesMissingFolder()
{
    StoreOptions o{m_dir->filePath(u"no/such/folder/shop.souk"_s)};
    auto store = StoreFile::prepare(o, m_clock);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::NotFound);
    QCOMPARE(store.error().field, u"store"_s);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
