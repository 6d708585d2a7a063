#include <sys/stat.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include "backend/core/Clock.h"
#include "backend/store/StoreFile.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::store;

/// The store lock is a kernel lock held for the StoreFile's life (it dies with its process, so a
/// lock file left behind never blocks), and checkStorePath() refuses special files without opening
/// them (issue 11, section 7, items 4 and 5).
class TestStoreFileLock final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void leftoverLockFileDoesNotBlock_data();
    void leftoverLockFileDoesNotBlock();
    void secondOpenerNamesHolder();
    void symlinkedPathSharesLock();
    void releaseRemovesLockFile();
    void specialFilesRefusedWithoutWaiting();

private:
    QString storePath() const { return m_dir->filePath(u"shop.souk"_s); }
    StoreOptions options() const { return StoreOptions{storePath()}; }
    std::unique_ptr<QTemporaryDir> m_dir;
    MockClock m_clock;
};

void TestStoreFileLock::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestStoreFileLock::leftoverLockFileDoesNotBlock_data()
{
    QTest::addColumn<QByteArray>("pid");
    QTest::addColumn<QByteArray>("app");
    // this process is alive and has this name: a pid-and-name liveness check (QLockFile) says held
    QTest::addRow("live pid, same program name")
        << QByteArray::number(QCoreApplication::applicationPid())
        << QFile::encodeName(QFileInfo(QCoreApplication::applicationFilePath()).fileName());
    QTest::addRow("pid 1") << QByteArray("1") << QByteArray("soukctl");
    QTest::addRow("garbage") << QByteArray("not a pid") << QByteArray();
}

void TestStoreFileLock::leftoverLockFileDoesNotBlock()
{
    QFETCH(QByteArray, pid);
    QFETCH(QByteArray, app);
    QVERIFY(StoreFile::prepare(options(), m_clock)); // create the store
    QFile lock(storePath() + u".lock"_s);
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.write(pid + '\n' + app + '\n' + QSysInfo::machineHostName().toUtf8() + '\n' + QSysInfo::machineUniqueId() +
               '\n' + QSysInfo::bootUniqueId() + '\n');
    lock.close(); // a file, but no process holds a kernel lock on it
    auto store = StoreFile::prepare(options(), m_clock);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
}

void TestStoreFileLock::secondOpenerNamesHolder()
{
    auto first = StoreFile::prepare(options(), m_clock);
    QVERIFY(first);
    auto second = StoreFile::prepare(options(), m_clock);
    QVERIFY(!second);
    QCOMPARE(second.error().code, ErrorCode::StoreLocked);
    const QString pid = QString::number(QCoreApplication::applicationPid());
    QVERIFY2(second.error().message.contains(u"process "_s + pid), qPrintable(second.error().message));
    QVERIFY2(second.error().message.contains(u"TestStoreFileLock"_s), qPrintable(second.error().message));
    StoreOptions readOnly = options();
    readOnly.readOnly = true;
    QVERIFY(StoreFile::prepare(readOnly, m_clock)); // readers never take the lock
}

void TestStoreFileLock::symlinkedPathSharesLock()
{
    auto first = StoreFile::prepare(options(), m_clock);
    QVERIFY(first);
    QVERIFY(QDir(m_dir->path()).mkdir(u"other"_s));
    const QString link = m_dir->filePath(u"other/alias.souk"_s);
    QVERIFY(QFile::link(storePath(), link));
    auto viaLink = StoreFile::prepare(StoreOptions{link}, m_clock);
    QVERIFY(!viaLink);
    QCOMPARE(viaLink.error().code, ErrorCode::StoreLocked);
    auto viaDotDot = StoreFile::prepare(StoreOptions{m_dir->filePath(u"other/../shop.souk"_s)}, m_clock);
    QVERIFY(!viaDotDot);
}

void TestStoreFileLock::releaseRemovesLockFile()
{
    auto first = StoreFile::prepare(options(), m_clock);
    QVERIFY(first);
    QVERIFY(QFileInfo::exists(storePath() + u".lock"_s));
    first->reset();
    QVERIFY(!QFileInfo::exists(storePath() + u".lock"_s));
    QVERIFY(StoreFile::prepare(options(), m_clock));
}

void TestStoreFileLock::specialFilesRefusedWithoutWaiting()
{
    const QString fifo = m_dir->filePath(u"pipe.souk"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QElapsedTimer timer;
    timer.start();
    for (const bool needWrite : {false, true}) {
        const Status s = checkStorePath(fifo, needWrite); // opening a FIFO would wait for a writer
        QVERIFY(!s);
        QCOMPARE(s.error().field, u"store"_s);
        QVERIFY2(s.error().message.contains(u"named pipe"_s), qPrintable(s.error().message));
    }
    QVERIFY(!StoreFile::prepare(StoreOptions{fifo}, m_clock));
    QVERIFY(timer.elapsed() < 5000);
    const Status device = checkStorePath(u"/dev/null"_s, false);
    QVERIFY(!device);
    QVERIFY2(device.error().message.contains(u"character device"_s), qPrintable(device.error().message));
    const Status folder = checkStorePath(m_dir->path(), true);
    QVERIFY(!folder);
    QVERIFY2(folder.error().message.contains(u"folder"_s), qPrintable(folder.error().message));
}

QTEST_GUILESS_MAIN(TestStoreFileLock)
#include "TestStoreFileLock.moc"
