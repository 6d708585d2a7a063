#include "backend/store/StoreFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

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

Status lockError(QLockFile& lock, const QString& path)
{
    qint64 pid = 0;
    QString host;
    QString app;
    if (lock.error() == QLockFile::LockFailedError && lock.getLockInfo(&pid, &host, &app)) {
        return Error::store(ErrorCode::StoreLocked,
                            u"%1 is open in another program (%2, process %3 on %4)"_s.arg(path, app).arg(pid).arg(host));
    }
    if (lock.error() == QLockFile::PermissionError)
        return Error::store(ErrorCode::StoreReadOnly, u"cannot create the lock file beside "_s + path);
    return Error::store(ErrorCode::StoreLocked, path + u" is locked by another program"_s);
}

} // namespace

Status checkStorePath(const QString& path, bool needWrite)
{
    if (path.trimmed().isEmpty())
        return Error::invalid(u"store"_s, u"no store file given"_s);
    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        return Error::invalid(u"store"_s, path + u" is a folder, not a store file"_s);
    if (!info.exists()) {
        if (!needWrite)
            return Error::notFound(u"store"_s, u"no store file at "_s + path);
        const QFileInfo dir(info.absolutePath());
        if (!dir.exists())
            return Error::notFound(u"store"_s, u"the folder does not exist: "_s + info.absolutePath());
        if (!dir.isWritable())
            return Error::store(ErrorCode::StoreReadOnly, u"cannot create a store in "_s + info.absolutePath());
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::store(ErrorCode::StoreIo, u"cannot read "_s + path + u": "_s + file.errorString());
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

StoreFile::~StoreFile() = default;

Result<std::unique_ptr<StoreFile>> StoreFile::prepare(const StoreOptions& options, const Clock& clock)
{
    if (auto s = checkStorePath(options.path, !options.readOnly); !s)
        return s.error();
    std::unique_ptr<StoreFile> store(new StoreFile(options));
    store->m_options.path = QFileInfo(options.path).absoluteFilePath();
    const QString& path = store->m_options.path;
    store->m_created = !QFileInfo::exists(path) || QFileInfo(path).size() == 0;

    if (!options.readOnly) {
        store->m_lock = std::make_unique<QLockFile>(path + u".lock"_s);
        store->m_lock->setStaleLockTime(0); // a lock whose process is gone is removed, a live one never
        if (!store->m_lock->tryLock(0))
            return lockError(*store->m_lock, path).error();
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
