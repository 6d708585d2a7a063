#include "backend/store/StoreFile.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSysInfo>

#include "backend/store/Connection.h"
#include "backend/store/Migrations.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStore, "souk.store")

namespace souk::store {
namespace {

Status checkIntegrity(QSqlDatabase& db)
{
    auto result = scalar(db, u"PRAGMA quick_check"_s);
    if (!result)
        return result.error();
    if (result->toString() != u"ok") {
        qCWarning(lcStore).noquote() << "quick_check:" << result->toString();
        return Error::store(ErrorCode::StoreCorrupt, u"the store failed its integrity check"_s);
    }
    return {};
}

constexpr int LockAttemptsMax = 8; ///< tries when the lock file is swapped under us (bounded)
constexpr qint64 LockInfoBytesMax = 4096;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

/// A path that exists but holds no regular file, in words (stat() follows symlinks and opens
/// nothing, so a FIFO cannot make the caller wait); empty for a regular file or no file.
QString specialKind(const struct stat& st)
{
    if (S_ISREG(st.st_mode))
        return {};
    if (S_ISDIR(st.st_mode))
        return u"a folder"_s;
    if (S_ISFIFO(st.st_mode))
        return u"a named pipe (FIFO)"_s;
    if (S_ISCHR(st.st_mode))
        return u"a character device"_s;
    if (S_ISBLK(st.st_mode))
        return u"a block device"_s;
    if (S_ISSOCK(st.st_mode))
        return u"a socket"_s;
    return u"not a regular file"_s;
}

/// The lock file beside the file SQLite opens (SQLite follows a symlinked store), so every path
/// to one store - relative, through "..", through a symlink - takes the same lock.
QString lockPathFor(const QString& storePath)
{
    const QFileInfo info(storePath);
    if (const QString canonical = info.canonicalFilePath(); !canonical.isEmpty())
        return canonical + u".lock"_s;
    const QString folder = QDir(info.absolutePath()).canonicalPath();
    return (folder.isEmpty() ? info.absolutePath() : folder) + u'/' + info.fileName() + u".lock"_s;
}

/// What the lock file says about its holder, in QLockFile's layout (pid, program, host, host id,
/// boot id; one a line), so that an older Souk, which used QLockFile, sees a live holder too.
QByteArray holderInfo()
{
    const qint64 pid = QCoreApplication::applicationPid();
    const QString app =
        QCoreApplication::instance() ? QFileInfo(QCoreApplication::applicationFilePath()).fileName() : u"souk"_s;
    return QByteArray::number(pid) + '\n' + app.toUtf8() + '\n' + QSysInfo::machineHostName().toUtf8() + '\n' +
           QSysInfo::machineUniqueId() + '\n' + QSysInfo::bootUniqueId() + '\n';
}

/// The error a second opener sees: the holder's process named when the file says who it is.
Error lockedError(int fd, const QString& path)
{
    QByteArray text(LockInfoBytesMax, Qt::Uninitialized);
    const ssize_t got = ::pread(fd, text.data(), size_t(text.size()), 0);
    text.resize(got > 0 ? qsizetype(got) : 0);
    const QList<QByteArray> lines = text.split('\n');
    bool ok = false;
    const qint64 pid = lines.value(0).toLongLong(&ok);
    if (!ok || pid <= 0) // the holder has not written its name yet, or is not a Souk
        return Error::store(ErrorCode::StoreLocked, path + u" is locked by another program"_s);
    return Error::store(ErrorCode::StoreLocked, u"%1 is open in another program (%2, process %3 on %4)"_s.arg(
                                                    path, QString::fromUtf8(lines.value(1)), QString::number(pid),
                                                    QString::fromUtf8(lines.value(2))));
}

Error lockOpenError(int error, const QString& lockPath, const QString& path)
{
    if (error == EACCES || error == EROFS || error == EPERM)
        return Error::store(ErrorCode::StoreReadOnly, u"cannot create the lock file beside "_s + path);
    if (error == ELOOP) // never write through a symlink someone put in place of the lock
        return Error::store(ErrorCode::StoreLocked, lockPath + u" is a symbolic link, not a lock file"_s);
    return Error::store(ErrorCode::StoreIo, u"cannot open the lock file "_s + lockPath + u": "_s + errnoText(error));
}

/// Opens and flock()s the lock file; the descriptor holds the lock until it is closed, which the
/// kernel does when the process dies. A holder that is alive is named in the error.
Result<int> acquireLock(const QString& lockPath, const QString& path)
{
    const QByteArray name = QFile::encodeName(lockPath);
    for (int attempt = 0; attempt < LockAttemptsMax; ++attempt) {
        const int fd = ::open(name.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
        if (fd < 0)
            return lockOpenError(errno, lockPath, path);
        struct stat opened;
        if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
            ::close(fd);
            return Error::store(ErrorCode::StoreLocked, lockPath + u" is not a regular file"_s);
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            Error e = error == EWOULDBLOCK
                          ? lockedError(fd, path)
                          : Error::store(ErrorCode::StoreIo, u"cannot lock "_s + lockPath + u": "_s + errnoText(error));
            ::close(fd);
            return e;
        }
        // the previous holder removes the file as it lets go: a lock on a removed file guards
        // nothing, so start again with the file the name holds now
        struct stat named;
        if (::stat(name.constData(), &named) != 0 || named.st_ino != opened.st_ino || named.st_dev != opened.st_dev) {
            ::close(fd);
            continue;
        }
        const QByteArray info = holderInfo();
        // a holder that cannot write its name still holds the lock; a second opener then says less
        if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, info.constData(), size_t(info.size()), 0) != info.size())
            qCWarning(lcStore).noquote() << "cannot write the lock file" << lockPath << errnoText(errno);
        return fd;
    }
    return Error::store(ErrorCode::StoreLocked, path + u" is locked by another program"_s);
}

} // namespace

Status checkStorePath(const QString& path, bool needWrite)
{
    if (path.trimmed().isEmpty())
        return Error::invalid(u"store"_s, u"no store file given"_s);
    const QByteArray native = QFile::encodeName(path);
    struct stat st;
    const bool exists = ::stat(native.constData(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode))
        return Error::invalid(u"store"_s, path + u" is "_s + specialKind(st) + u", not a store file"_s);
    const QFileInfo info(path);
    if (!exists) {
        if (!needWrite)
            return Error::notFound(u"store"_s, u"no store file at "_s + path);
        const QFileInfo dir(info.absolutePath());
        if (!dir.exists())
            return Error::notFound(u"store"_s, u"the folder does not exist: "_s + info.absolutePath());
        if (!dir.isWritable())
            return Error::store(ErrorCode::StoreReadOnly, u"cannot create a store in "_s + info.absolutePath());
        return {};
    }
    // O_NONBLOCK and a second look: a FIFO swapped in after stat() must not make this wait
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return Error::store(ErrorCode::StoreIo, u"cannot read "_s + path + u": "_s + errnoText(errno));
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Error::invalid(u"store"_s, path + u" is "_s + specialKind(st) + u", not a store file"_s);
    }
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return Error::store(ErrorCode::StoreIo, u"cannot read "_s + path + u": "_s + file.errorString());
    }
    const QByteArray header = file.read(16);
    if (!header.isEmpty() && header != QByteArray("SQLite format 3\0", 16))
        return Error::store(ErrorCode::StoreCorrupt, path + u" is not a Souk store (not an SQLite database)"_s);
    if (needWrite) {
        // WAL mode writes -wal and -shm files beside the store, so the folder must be writable too
        // permission bits as well as access(): root may write anything, but a file marked
        // read-only was marked so on purpose
        const bool markedReadOnly = !(info.permissions() & QFileDevice::WriteOwner);
        if (markedReadOnly || !info.isWritable() || !QFileInfo(info.absolutePath()).isWritable())
            return Error::store(ErrorCode::StoreReadOnly, path + u" is read-only"_s);
    }
    return {};
}

StoreFile::StoreFile(StoreOptions options) : m_options(std::move(options)) {}

StoreFile::~StoreFile()
{
    if (m_lockFd < 0)
        return;
    // remove the file while still holding it, and only if the name still holds our file; an
    // opener waiting on it notices the swap (acquireLock) and starts again
    const QByteArray name = QFile::encodeName(m_lockPath);
    struct stat held;
    struct stat named;
    if (::fstat(m_lockFd, &held) == 0 && ::stat(name.constData(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev)
        ::unlink(name.constData());
    ::close(m_lockFd); // releases the flock
}

Result<std::unique_ptr<StoreFile>> StoreFile::prepare(const StoreOptions& options, const Clock& clock)
{
    if (auto s = checkStorePath(options.path, !options.readOnly); !s)
        return s.error();
    std::unique_ptr<StoreFile> store(new StoreFile(options));
    store->m_options.path = QFileInfo(options.path).absoluteFilePath();
    const QString& path = store->m_options.path;
    store->m_created = !QFileInfo::exists(path) || QFileInfo(path).size() == 0;

    if (!options.readOnly) {
        store->m_lockPath = lockPathFor(path);
        auto fd = acquireLock(store->m_lockPath, path);
        if (!fd)
            return fd.error();
        store->m_lockFd = *fd;
    }

    auto conn = Connection::open(store->m_options, u"setup"_s);
    if (!conn)
        return conn.error();
    QSqlDatabase& db = (*conn)->db();
    if (!store->m_created) {
        if (auto s = checkIntegrity(db); !s)
            return s.error();
    }
    if (options.readOnly) {
        auto version = Migrations::versionOf(db);
        if (!version)
            return version.error();
        if (*version != Migrations::currentVersion()) {
            return Error::store(*version > Migrations::currentVersion() ? ErrorCode::StoreNewer : ErrorCode::StoreIo,
                                u"the store is at schema %1; this Souk needs %2 (open it once read-write to migrate)"_s
                                    .arg(*version)
                                    .arg(Migrations::currentVersion()));
        }
        return store;
    }
    if (auto s = exec(db, u"PRAGMA journal_mode = WAL"_s); !s)
        return s.error();
    if (auto s = Migrations::migrate(db, path, clock, options.backupBeforeMigration ? &store->m_backupPath : nullptr);
        !s)
        return s.error();
    return store;
}

} // namespace souk::store
