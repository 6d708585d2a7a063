#include <csignal>
#include <cstring>

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

/// How a soukctl run is set up beyond its arguments.
struct Setup
{
    QString workingDirectory;
    QString stdinFile;
    QString stdoutFile; ///< appended to
    QStringList env;
    qint64 fileSizeMax = 0; ///< RLIMIT_FSIZE of the child, SIGXFSZ ignored: a disk that is full
    int timeoutMs = 60000;
};

/// Runs the real soukctl binary against hostile paths, files and data (issue 11, section 7):
/// output over the store, endless inputs, special files as stores, stale locks, terminal escapes.
class TestSoukctlHostile final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void exportNeverOverwritesStore_data();
    void exportNeverOverwritesStore();
    void backupNeverWritesCompanion_data();
    void backupNeverWritesCompanion();
    void exportRefusesStdoutOnStore();
    void diskFullLeavesNoPartialExport();
    void diskFullLeavesNoPartialBackup();
    void importCapsWhatIsRead_data();
    void importCapsWhatIsRead();
    void specialFileAsStore_data();
    void specialFileAsStore();
    void leftoverLockDoesNotBlock_data();
    void leftoverLockDoesNotBlock();
    void heldStoreNamesHolder();
    void terminalNeverGetsControls();
    void checkJson();
    void optionGivenTwice_data();
    void optionGivenTwice();
    void simulateRateItCannotPace_data();
    void simulateRateItCannotPace();
    void libraryLogsOnlyWhenVerbose();
    void reimportUnchangedChangesNothing();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run soukctl(const QStringList& args, const Setup& setup = {});
    QString store() const { return m_dir->filePath(u"shop.souk"_s); }
    QString path(const QString& name) const { return m_dir->filePath(name); }
    QString write(const QString& name, const QByteArray& data);
    /// A store with `products` products (one variant each).
    void makeStore(int products = 1);
    /// The store still opens, passes every check and holds `products` products.
    void verifyStoreIntact(int products = 1);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSoukctlHostile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

TestSoukctlHostile::Run TestSoukctlHostile::soukctl(const QStringList& args, const Setup& setup)
{
    QProcess p;
    if (!setup.workingDirectory.isEmpty())
        p.setWorkingDirectory(setup.workingDirectory);
    if (!setup.stdinFile.isEmpty())
        p.setStandardInputFile(setup.stdinFile);
    if (!setup.stdoutFile.isEmpty())
        p.setStandardOutputFile(setup.stdoutFile, QIODevice::Append);
    if (!setup.env.isEmpty()) {
        QStringList env = QProcess::systemEnvironment();
        env.append(setup.env);
        p.setEnvironment(env);
    }
    if (setup.fileSizeMax > 0) {
        const rlim_t limit = rlim_t(setup.fileSizeMax);
        p.setChildProcessModifier([limit] {
            const rlimit r{limit, limit};
            ::setrlimit(RLIMIT_FSIZE, &r);
            ::signal(SIGXFSZ, SIG_IGN); // writes past the limit fail with EFBIG, as on a full disk
        });
    }
    p.start(QStringLiteral(SOUKCTL_PATH), args);
    if (!p.waitForFinished(setup.timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, QString::fromUtf8(p.readAllStandardOutput()),
                u"(timed out) "_s + QString::fromUtf8(p.readAllStandardError())};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString TestSoukctlHostile::write(const QString& name, const QByteArray& data)
{
    QFile f(m_dir->filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(data);
    return f.fileName();
}

void TestSoukctlHostile::makeStore(int products)
{
    QByteArray csv = "handle,title,status,sku,price,inventory_qty\n";
    for (int i = 0; i < products; ++i)
        csv += QByteArray("product-") + QByteArray::number(i) + ",Product number " + QByteArray::number(i) +
               " with a longer title to fill the pages,active,SKU-" + QByteArray::number(i) + ",9.99,5\n";
    const QString file = write(u"seed.csv"_s, csv);
    auto r = soukctl({u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"souk"_s, file});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile::remove(file);
}

void TestSoukctlHostile::verifyStoreIntact(int products)
{
    auto check = soukctl({u"--store"_s, store(), u"check"_s});
    QVERIFY2(check.code == 0, qPrintable(check.err));
    auto list = soukctl({u"--store"_s, store(), u"catalog"_s, u"list"_s, u"--json"_s});
    QCOMPARE(list.code, 0);
    QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), products);
}

// ---- item 1: no command writes onto the store or its companions; outputs are whole or absent

void TestSoukctlHostile::exportNeverOverwritesStore_data()
{
    // how the output path is written, and the symlink (if any) the test creates for it first
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("symlinkTo");
    QTest::addColumn<QString>("workingDir");
    QTest::addRow("the store") << u"shop.souk"_s << QString() << QString();
    QTest::addRow("relative path") << u"shop.souk"_s << QString() << u"."_s;
    QTest::addRow("dot-dot path") << u"sub/../shop.souk"_s << QString() << QString();
    QTest::addRow("symlink to store") << u"link.csv"_s << u"shop.souk"_s << QString();
    QTest::addRow("wal") << u"shop.souk-wal"_s << QString() << QString();
    QTest::addRow("shm") << u"shop.souk-shm"_s << QString() << QString();
    QTest::addRow("journal") << u"shop.souk-journal"_s << QString() << QString();
    QTest::addRow("lock") << u"shop.souk.lock"_s << QString() << QString();
    QTest::addRow("symlink to missing journal") << u"j.csv"_s << u"shop.souk-journal"_s << QString();
    QTest::addRow("hard link to store") << u"hard.csv"_s << u"=shop.souk"_s << QString();
}

void TestSoukctlHostile::exportNeverOverwritesStore()
{
    QFETCH(QString, target);
    QFETCH(QString, symlinkTo);
    QFETCH(QString, workingDir);
    makeStore();
    QVERIFY(QDir(m_dir->path()).mkpath(u"sub"_s));
    if (symlinkTo.startsWith(u'='))
        QCOMPARE(
            ::link(QFile::encodeName(path(symlinkTo.mid(1))).constData(), QFile::encodeName(path(target)).constData()),
            0);
    else if (!symlinkTo.isEmpty())
        QVERIFY(QFile::link(symlinkTo, path(target))); // relative link, as a user would make it
    Setup setup;
    QString storeArg = store();
    QString targetArg = path(target);
    if (!workingDir.isEmpty()) {
        setup.workingDirectory = m_dir->path();
        storeArg = u"./shop.souk"_s;
        targetArg = target;
    }
    auto r = soukctl({u"--store"_s, storeArg, u"catalog"_s, u"export"_s, u"--format"_s, u"souk"_s, targetArg}, setup);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(u"[FILE]"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"store"_s), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(path(u"shop.souk-journal"_s))); // a journal here would be replayed into the store
    verifyStoreIntact();
}

void TestSoukctlHostile::backupNeverWritesCompanion_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("symlinkTo");
    QTest::addRow("journal") << u"shop.souk-journal"_s << QString();
    QTest::addRow("lock") << u"shop.souk.lock"_s << QString();
    QTest::addRow("wal") << u"shop.souk-wal"_s << QString();
    QTest::addRow("dangling symlink to journal") << u"copy.souk"_s << u"shop.souk-journal"_s;
}

void TestSoukctlHostile::backupNeverWritesCompanion()
{
    QFETCH(QString, target);
    QFETCH(QString, symlinkTo);
    makeStore();
    if (!symlinkTo.isEmpty())
        QVERIFY(QFile::link(symlinkTo, path(target)));
    auto r = soukctl({u"--store"_s, store(), u"backup"_s, path(target)});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(u"[OUT]"_s), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(path(u"shop.souk-journal"_s)));
    QVERIFY(!QFileInfo::exists(path(u"shop.souk-wal"_s)) || QFileInfo(path(u"shop.souk-wal"_s)).size() == 0);
    verifyStoreIntact();
}

void TestSoukctlHostile::exportRefusesStdoutOnStore()
{
    makeStore();
    Setup setup;
    setup.stdoutFile = store(); // soukctl ... catalog export >> shop.souk
    auto r = soukctl({u"--store"_s, store(), u"catalog"_s, u"export"_s, u"--format"_s, u"souk"_s}, setup);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(u"[FILE]"_s), qPrintable(r.err));
    verifyStoreIntact();
}

void TestSoukctlHostile::diskFullLeavesNoPartialExport()
{
    makeStore(1000); // an export of about 100 KB
    const QString target = write(u"out.csv"_s, "the previous export\n");
    Setup setup;
    setup.fileSizeMax = 48 * 1024; // room for the store's -shm (32 KB), not for the export
    auto r = soukctl({u"--store"_s, store(), u"catalog"_s, u"export"_s, u"--format"_s, u"souk"_s, target}, setup);
    QVERIFY2(r.code != 0, qPrintable(r.out.left(200)));
    QVERIFY2(r.err.contains(u"[FILE]"_s), qPrintable(r.err));
    QFile f(target);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("the previous export\n")); // the old file, not half a new one
    const QStringList left = QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden);
    QVERIFY2(left.filter(u"out.csv"_s).size() == 1, qPrintable(left.join(u' ')));
    auto whole = soukctl({u"--store"_s, store(), u"catalog"_s, u"export"_s, u"--format"_s, u"souk"_s, target});
    QCOMPARE(whole.code, 0);
    QVERIFY(QFileInfo(target).size() > 48 * 1024);
}

void TestSoukctlHostile::diskFullLeavesNoPartialBackup()
{
    makeStore(600);
    QVERIFY(QFileInfo(store()).size() > 64 * 1024);
    const QString target = path(u"backup.souk"_s);
    Setup setup;
    setup.fileSizeMax = 48 * 1024; // room for the store's -shm (32 KB), not for the copy
    auto r = soukctl({u"--store"_s, store(), u"backup"_s, target}, setup);
    QVERIFY2(r.code != 0, qPrintable(r.out));
    QVERIFY(!QFileInfo::exists(target));
    const QStringList left = QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden);
    QVERIFY2(left.filter(u"backup.souk"_s).isEmpty(), qPrintable(left.join(u' ')));
    QCOMPARE(soukctl({u"--store"_s, store(), u"backup"_s, target}).code, 0);
    verifyStoreIntact(600);
}

// ---- item 3: the import cap counts bytes read

void TestSoukctlHostile::importCapsWhatIsRead_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("stdinFile");
    QTest::addRow("/dev/zero") << u"/dev/zero"_s << QString();
    QTest::addRow("/dev/stdin from /dev/zero") << u"/dev/stdin"_s << u"/dev/zero"_s;
}

void TestSoukctlHostile::importCapsWhatIsRead()
{
    QFETCH(QString, file);
    QFETCH(QString, stdinFile);
    Setup setup;
    setup.stdinFile = stdinFile;
    setup.timeoutMs = 120000;
    auto r = soukctl({u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"souk"_s, file}, setup);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(u"[FILE]"_s) && r.err.contains(u"512 MB"_s), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(store())); // refused before the store was even opened
}

// ---- item 4: a FIFO, device, socket or folder is no store, and is refused without waiting

void TestSoukctlHostile::specialFileAsStore_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::addRow("fifo") << u"fifo"_s << u"named pipe"_s;
    QTest::addRow("character device") << u"/dev/null"_s << u"character device"_s;
    QTest::addRow("symlink to /dev/zero") << u"zero-link"_s << u"character device"_s;
    QTest::addRow("socket") << u"socket"_s << u"socket"_s;
    QTest::addRow("folder") << u"folder"_s << u"folder"_s;
}

void TestSoukctlHostile::specialFileAsStore()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QString target = kind.startsWith(u'/') ? kind : path(kind);
    int sock = -1;
    if (kind == u"fifo") {
        QCOMPARE(::mkfifo(QFile::encodeName(target).constData(), 0600), 0);
    } else if (kind == u"zero-link") {
        QVERIFY(QFile::link(u"/dev/zero"_s, target));
    } else if (kind == u"socket") {
        sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray name = QFile::encodeName(target);
        QVERIFY(size_t(name.size()) < sizeof(address.sun_path));
        std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
        QCOMPARE(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    } else if (kind == u"folder") {
        QVERIFY(QDir(m_dir->path()).mkdir(kind));
    }
    Setup setup;
    setup.timeoutMs = 15000; // the old check opened a FIFO and waited for a writer forever
    for (const QStringList& command : {QStringList{u"check"_s}, QStringList{u"maintain"_s}}) {
        auto r = soukctl(QStringList{u"--store"_s, target} + command, setup);
        QVERIFY2(r.code == 3, qPrintable(command.join(u' ') + u": "_s + QString::number(r.code) + u' ' + r.err));
        QVERIFY2(r.err.contains(u"[store]"_s) && r.err.contains(expected), qPrintable(r.err));
    }
    if (sock >= 0)
        ::close(sock);
}

// ---- item 5: the store lock is a kernel lock: it dies with its process and names a live holder

void TestSoukctlHostile::leftoverLockDoesNotBlock_data()
{
    // a lock file a dead soukctl left, naming a pid that is now an unrelated live process
    QTest::addColumn<bool>("pidOne");
    QTest::addRow("pid of a live process with the same program name") << false;
    QTest::addRow("pid 1") << true;
}

void TestSoukctlHostile::leftoverLockDoesNotBlock()
{
    QFETCH(bool, pidOne);
    makeStore();
    // QLockFile's layout: pid, program, host, host id, boot id. The test process is alive and has
    // this name, so a pid-and-name liveness check (the old QLockFile) takes the lock as held.
    const QByteArray pid = pidOne ? "1" : QByteArray::number(QCoreApplication::applicationPid());
    const QByteArray app =
        pidOne ? "init" : QFile::encodeName(QFileInfo(QCoreApplication::applicationFilePath()).fileName());
    write(u"shop.souk.lock"_s, pid + '\n' + app + '\n' + QSysInfo::machineHostName().toUtf8() + '\n' +
                                   QSysInfo::machineUniqueId() + '\n' + QSysInfo::bootUniqueId() + '\n');
    const QString csv = write(u"more.csv"_s, "handle,title,sku,price\nmore,More,MORE-1,1.00\n");
    auto r = soukctl({u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"souk"_s, csv});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    verifyStoreIntact(2);
}

void TestSoukctlHostile::heldStoreNamesHolder()
{
    makeStore();
    QProcess holder; // a slow simulation holds the store open for writing
    holder.start(QStringLiteral(SOUKCTL_PATH),
                 {u"--store"_s, store(), u"simulate"_s, u"--orders"_s, u"40"_s, u"--rate"_s, u"2"_s});
    QVERIFY(holder.waitForStarted());
    const qint64 holderPid = holder.processId();
    QTRY_VERIFY_WITH_TIMEOUT(QFile(store() + u".lock"_s).size() > 0, 15000);
    const QString csv = write(u"more.csv"_s, "handle,title,sku,price\nmore,More,MORE-1,1.00\n");
    auto r = soukctl({u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"souk"_s, csv});
    // maintenance from cron while the store is held: the holder runs it, so this is no failure
    const auto maintain = soukctl({u"--store"_s, store(), u"maintain"_s});
    const bool stillRunning = holder.state() == QProcess::Running;
    holder.kill(); // SIGKILL: the kernel drops its lock, as it would after a crash
    holder.waitForFinished();
    QVERIFY(stillRunning);
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(u"store_locked"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"soukctl, process %1 "_s.arg(holderPid)), qPrintable(r.err));
    QCOMPARE(maintain.code, 0);
    QVERIFY2(maintain.out.startsWith(u"nothing to do: "_s) && maintain.out.contains(QString::number(holderPid)),
             qPrintable(maintain.out + maintain.err));
    // the killed holder left its lock file behind; it must not block the next writer
    QVERIFY(QFileInfo::exists(store() + u".lock"_s));
    auto after = soukctl({u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"souk"_s, csv});
    QVERIFY2(after.code == 0, qPrintable(after.err));
}

// ---- item 6: human output shows control and bidi characters from data as visible escapes

void TestSoukctlHostile::terminalNeverGetsControls()
{
    const QString hidden = u"\x1b\x07\x7f\u0085\u009b\u202e\u2066\u200b\ufeff"_s;
    const auto clean = [&](const QString& text) {
        for (const QChar c : hidden) {
            if (text.contains(c))
                return false;
        }
        return true;
    };
    // a value the validator refuses is quoted back in the error line
    const QString bad = write(u"bad.csv"_s, "handle,title,sku,price,weight_grams\n"
                                            "mug,Mug,MUG-1,1.00,\x1b[2J\x1b]0;pwned\x07\n");
    auto refused = soukctl({u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"souk"_s, bad});
    QCOMPARE(refused.code, 1);
    QVERIFY2(clean(refused.err), refused.err.toUtf8().toPercentEncoding(" :,\n").constData());
    QVERIFY2(refused.err.contains(u"\\x1b[2J"_s), qPrintable(refused.err));
    // a bidi override in a title is refused (the title would read unlike what is stored), and
    // the refusal does not echo it either
    const QString spoof =
        write(u"spoof.csv"_s, (u"handle,title,sku,price\nmug,Mug \u202egnp.exe\u2066,MUG-1,1.00\n"_s).toUtf8());
    auto spoofed = soukctl({u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"souk"_s, spoof});
    QCOMPARE(spoofed.code, 1);
    QVERIFY2(clean(spoofed.err) && spoofed.err.contains(u"(U+202E)"_s), qPrintable(spoofed.err));
    // text the catalog accepts (invisible format characters are not controls) is listed escaped
    const QString title = u"Mug \u200bfree\ufeff"_s;
    const QString good =
        write(u"good.csv"_s, (u"handle,title,sku,price\nmug,"_s + title + u",MUG-1,1.00\n"_s).toUtf8());
    auto imported = soukctl({u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"souk"_s, good});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    auto list = soukctl({u"--store"_s, store(), u"catalog"_s, u"list"_s});
    QCOMPARE(list.code, 0);
    QVERIFY2(clean(list.out), qPrintable(list.out));
    QVERIFY2(list.out.contains(u"Mug \\u200bfree\\ufeff"_s), qPrintable(list.out));
    auto json = soukctl({u"--store"_s, store(), u"catalog"_s, u"list"_s, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().at(0).toObject().value(u"title"_s).toString(), title);
    // a path from the command line is data too
    auto missing = soukctl(
        {u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s, u"souk"_s, path(u"no\x1b[31mfile.csv"_s)});
    QCOMPARE(missing.code, 1);
    QVERIFY2(clean(missing.err) && missing.err.contains(u"no\\x1b[31mfile.csv"_s), qPrintable(missing.err));
}

// ---- item 7: check --json, options given twice, paceable rates, quiet libraries

void TestSoukctlHostile::checkJson()
{
    makeStore();
    auto r = soukctl({u"--store"_s, store(), u"check"_s, u"--json"_s});
    QCOMPARE(r.code, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(r.out));
    QCOMPARE(doc.object().value(u"ok"_s), QJsonValue(true));
    QVERIFY(doc.object().value(u"problems"_s).isArray());
    QCOMPARE(doc.object().value(u"problems"_s).toArray().size(), 0);
}

void TestSoukctlHostile::optionGivenTwice_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("option");
    QTest::addRow("--store") << QStringList{u"--store"_s, u"a.souk"_s, u"--store"_s, u"b.souk"_s, u"check"_s}
                             << u"--store"_s;
    QTest::addRow("--json") << QStringList{u"check"_s, u"--json"_s, u"--json"_s} << u"--json"_s;
    QTest::addRow("--rate with =") << QStringList{u"simulate"_s, u"--orders"_s, u"1"_s,
                                                  u"--rate=1"_s, u"--rate"_s,   u"2"_s}
                                   << u"--rate"_s;
}

void TestSoukctlHostile::optionGivenTwice()
{
    QFETCH(QStringList, args);
    QFETCH(QString, option);
    auto r = soukctl(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(option + u" is given twice"_s), qPrintable(r.err));
}

void TestSoukctlHostile::simulateRateItCannotPace_data()
{
    QTest::addColumn<QString>("rate");
    QTest::addRow("one order in 11 days") << u"0.000001"_s;
    QTest::addRow("subnormal") << u"1e-320"_s;
    QTest::addRow("not a number") << u"nan"_s;
    QTest::addRow("infinite") << u"inf"_s;
    QTest::addRow("negative") << u"-1"_s;
    QTest::addRow("too fast") << u"1e9"_s;
}

void TestSoukctlHostile::simulateRateItCannotPace()
{
    QFETCH(QString, rate);
    makeStore();
    Setup setup;
    setup.timeoutMs = 20000; // the old check accepted tiny rates, and the run then waited for days
    auto r = soukctl({u"--store"_s, store(), u"simulate"_s, u"--orders"_s, u"2"_s, u"--rate"_s, rate}, setup);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(u"[--rate]"_s) && r.err.contains(u"0.001"_s), qPrintable(r.err));
}

void TestSoukctlHostile::libraryLogsOnlyWhenVerbose()
{
    makeStore();
    Setup setup;
    setup.env = {u"QT_LOGGING_RULES=*.debug=true;*.info=true"_s}; // every Qt and Souk category talks
    auto quiet = soukctl({u"--store"_s, store(), u"check"_s}, setup);
    QCOMPARE(quiet.code, 0);
    QVERIFY2(quiet.err.isEmpty(), qPrintable(quiet.err.left(500)));
    QVERIFY(quiet.out.startsWith(u"ok:"_s));
    auto verbose = soukctl({u"--store"_s, store(), u"check"_s, u"--verbose"_s}, setup);
    QCOMPARE(verbose.code, 0);
    QVERIFY(!verbose.err.isEmpty());
    // soukctl's own error lines are not log lines: they stay
    auto failed = soukctl({u"--store"_s, path(u"missing/x.souk"_s), u"check"_s}, setup);
    QCOMPARE(failed.code, 3);
    QVERIFY2(failed.err.startsWith(u"soukctl: "_s), qPrintable(failed.err.left(500)));
}

// ---- item 8: re-importing an unchanged export writes nothing and says so

void TestSoukctlHostile::reimportUnchangedChangesNothing()
{
    const QString csv =
        write(u"in.csv"_s, "Handle,Title,Tags,Status,Option1 Name,Option1 Value,Variant SKU,"
                           "Variant Price,Variant Compare At Price,Variant Inventory Qty\n"
                           "tee,\"T-shirt, organic\",\"cotton, =sale\",active,Size,S,TEE-S,10.00,12.00,5\n"
                           "tee,,,,Size,M,TEE-M,10.50,,6\n"
                           "mug,=Mug,,draft,,,MUG-1,4.00,,\n");
    const QStringList import{u"--store"_s, store(), u"catalog"_s, u"import"_s, u"--format"_s};
    auto first = soukctl(import + QStringList{u"shopify"_s, csv});
    QVERIFY2(first.code == 0 && first.out.contains(u"2 products created"_s), qPrintable(first.out + first.err));
    const auto versions = [this] {
        auto list = soukctl({u"--store"_s, store(), u"catalog"_s, u"list"_s, u"--json"_s});
        QStringList out;
        for (const QJsonValue& row : QJsonDocument::fromJson(list.out.toUtf8()).array())
            out.append(row[u"handle"_s].toString() + u'@' + row[u"version"_s].toString());
        return out;
    };
    const QStringList before = versions();
    QCOMPARE(before.size(), 2);
    for (const QString& format : {u"souk"_s, u"shopify"_s}) {
        const QString out = path(u"export-"_s + format + u".csv"_s);
        QCOMPARE(soukctl({u"--store"_s, store(), u"catalog"_s, u"export"_s, u"--format"_s, format, out}).code, 0);
        auto again = soukctl(import + QStringList{format, out});
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.contains(u"nothing to change: 2 products already match"_s), qPrintable(again.out));
        QCOMPARE(versions(), before);
    }
    auto original = soukctl(import + QStringList{u"shopify"_s, csv}); // the first file, once more
    QVERIFY2(original.out.contains(u"nothing to change"_s), qPrintable(original.out));
    // one real change: only that product is written
    const QString changed = write(u"changed.csv"_s, "handle,title,sku,price\nmug,=Mug,MUG-1,4.50\n");
    auto update = soukctl(import + QStringList{u"souk"_s, changed});
    QCOMPARE(update.code, 0);
    QVERIFY2(update.out.contains(u"0 products created, 1 updated"_s), qPrintable(update.out));
    QCOMPARE(versions().filter(u"tee@"_s), before.filter(u"tee@"_s));
    QVERIFY(versions().filter(u"mug@"_s) != before.filter(u"mug@"_s));
}

QTEST_GUILESS_MAIN(TestSoukctlHostile)
#include "TestSoukctlHostile.moc"
