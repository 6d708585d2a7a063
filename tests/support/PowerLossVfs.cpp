#include "tests/support/PowerLossVfs.h"

#include <QByteArray>
#include <QFile>

#include <atomic>
#include <cstring>
#include <map>
#include <mutex>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace souk::test {
namespace {

/// What one write or truncate replaced: restoring these newest first gives the file as it was
/// at its last sync.
struct Undo
{
    qint64 offset = 0;
    QByteArray old;        ///< the bytes the call overwrote or cut off
    qint64 sizeBefore = 0; ///< the file's size before the call
};

struct State
{
    std::mutex mutex;
    std::map<std::string, std::vector<Undo>> unsynced; ///< by file path
    std::atomic<qint64> ops{0};
    std::atomic<qint64> cutAt{-1};
    std::atomic<bool> off{false};
    sqlite3_vfs* real = nullptr;
    sqlite3_vfs vfs{};
};

State& state()
{
    static State s;
    return s;
}

struct ShimFile
{
    sqlite3_file base;
    sqlite3_file* real; ///< the default VFS's file, in the memory right after this struct
    std::string* path;  ///< null for files the cut does not concern (temporary files)
};

sqlite3_file* realOf(sqlite3_file* f)
{
    return reinterpret_cast<ShimFile*>(f)->real;
}

/// Counts a write, sync or truncate; false once the machine is off (this call included).
bool powerHolds()
{
    State& s = state();
    if (s.off.load())
        return false;
    const qint64 n = s.ops.fetch_add(1) + 1;
    const qint64 cut = s.cutAt.load();
    if (cut >= 0 && n >= cut) {
        s.off.store(true);
        return false;
    }
    return true;
}

qint64 sizeOf(sqlite3_file* real)
{
    sqlite3_int64 size = 0;
    real->pMethods->xFileSize(real, &size);
    return size;
}

/// Remembers what [offset, offset + length) holds now, before a write or truncate changes it.
void remember(ShimFile* f, qint64 offset, qint64 length)
{
    if (!f->path)
        return;
    const qint64 size = sizeOf(f->real);
    Undo u;
    u.offset = offset;
    u.sizeBefore = size;
    const qint64 present = qBound<qint64>(0, size - offset, length);
    if (present > 0) {
        u.old.resize(present);
        f->real->pMethods->xRead(f->real, u.old.data(), int(present), offset);
    }
    std::lock_guard lock(state().mutex);
    state().unsynced[*f->path].push_back(std::move(u));
}

int shimClose(sqlite3_file* file)
{
    auto* f = reinterpret_cast<ShimFile*>(file);
    const int rc = f->real->pMethods->xClose(f->real);
    delete f->path; // closing syncs nothing: what was not synced stays undoable
    f->path = nullptr;
    return rc;
}

int shimRead(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset)
{
    return realOf(f)->pMethods->xRead(realOf(f), buf, amount, offset);
}

int shimWrite(sqlite3_file* file, const void* buf, int amount, sqlite3_int64 offset)
{
    if (!powerHolds())
        return SQLITE_IOERR_WRITE;
    auto* f = reinterpret_cast<ShimFile*>(file);
    remember(f, offset, amount);
    return f->real->pMethods->xWrite(f->real, buf, amount, offset);
}

int shimTruncate(sqlite3_file* file, sqlite3_int64 size)
{
    if (!powerHolds())
        return SQLITE_IOERR_TRUNCATE;
    auto* f = reinterpret_cast<ShimFile*>(file);
    const qint64 before = sizeOf(f->real);
    if (size < before)
        remember(f, size, before - size);
    else
        remember(f, before, 0);
    return f->real->pMethods->xTruncate(f->real, size);
}

int shimSync(sqlite3_file* file, int flags)
{
    if (!powerHolds())
        return SQLITE_IOERR_FSYNC;
    auto* f = reinterpret_cast<ShimFile*>(file);
    const int rc = f->real->pMethods->xSync(f->real, flags);
    if (rc == SQLITE_OK && f->path) {
        std::lock_guard lock(state().mutex);
        state().unsynced.erase(*f->path); // on the platter now
    }
    return rc;
}

int shimFileSize(sqlite3_file* f, sqlite3_int64* size)
{
    return realOf(f)->pMethods->xFileSize(realOf(f), size);
}
int shimLock(sqlite3_file* f, int level)
{
    return realOf(f)->pMethods->xLock(realOf(f), level);
}
int shimUnlock(sqlite3_file* f, int level)
{
    return realOf(f)->pMethods->xUnlock(realOf(f), level);
}
int shimCheckReservedLock(sqlite3_file* f, int* out)
{
    return realOf(f)->pMethods->xCheckReservedLock(realOf(f), out);
}
int shimFileControl(sqlite3_file* f, int op, void* arg)
{
    return realOf(f)->pMethods->xFileControl(realOf(f), op, arg);
}
int shimSectorSize(sqlite3_file* f)
{
    return realOf(f)->pMethods->xSectorSize(realOf(f));
}
int shimDeviceCharacteristics(sqlite3_file* f)
{
    return realOf(f)->pMethods->xDeviceCharacteristics(realOf(f));
}
int shimShmMap(sqlite3_file* f, int page, int pageSize, int extend, void volatile** out)
{
    return realOf(f)->pMethods->xShmMap(realOf(f), page, pageSize, extend, out);
}
int shimShmLock(sqlite3_file* f, int offset, int n, int flags)
{
    return realOf(f)->pMethods->xShmLock(realOf(f), offset, n, flags);
}
void shimShmBarrier(sqlite3_file* f)
{
    realOf(f)->pMethods->xShmBarrier(realOf(f));
}
int shimShmUnmap(sqlite3_file* f, int deleteFlag)
{
    return realOf(f)->pMethods->xShmUnmap(realOf(f), deleteFlag);
}

// version 2: shared memory for WAL, but no memory-mapped reads (xFetch), so every write to the
// database file goes through shimWrite
const sqlite3_io_methods ShimMethods = {
    2,
    shimClose,
    shimRead,
    shimWrite,
    shimTruncate,
    shimSync,
    shimFileSize,
    shimLock,
    shimUnlock,
    shimCheckReservedLock,
    shimFileControl,
    shimSectorSize,
    shimDeviceCharacteristics,
    shimShmMap,
    shimShmLock,
    shimShmBarrier,
    shimShmUnmap,
    nullptr,
    nullptr,
};

int shimOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags)
{
    sqlite3_vfs* real = state().real;
    auto* f = reinterpret_cast<ShimFile*>(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    f->path = nullptr;
    f->base.pMethods = nullptr;
    const int rc = real->xOpen(real, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK)
        return rc;
    const bool durable = flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL);
    if (name && durable)
        f->path = new std::string(name);
    f->base.pMethods = &ShimMethods;
    return SQLITE_OK;
}

int shimDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    if (!powerHolds())
        return SQLITE_IOERR_DELETE;
    sqlite3_vfs* real = state().real;
    const int rc = real->xDelete(real, name, syncDir);
    if (rc == SQLITE_OK) {
        std::lock_guard lock(state().mutex);
        state().unsynced.erase(name);
    }
    return rc;
}

int shimAccess(sqlite3_vfs*, const char* name, int flags, int* out)
{
    return state().real->xAccess(state().real, name, flags, out);
}
int shimFullPathname(sqlite3_vfs*, const char* name, int n, char* out)
{
    return state().real->xFullPathname(state().real, name, n, out);
}
void* shimDlOpen(sqlite3_vfs*, const char* name)
{
    return state().real->xDlOpen(state().real, name);
}
void shimDlError(sqlite3_vfs*, int n, char* out)
{
    state().real->xDlError(state().real, n, out);
}
void (*shimDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void)
{
    return state().real->xDlSym(state().real, handle, symbol);
}
void shimDlClose(sqlite3_vfs*, void* handle)
{
    state().real->xDlClose(state().real, handle);
}
int shimRandomness(sqlite3_vfs*, int n, char* out)
{
    return state().real->xRandomness(state().real, n, out);
}
int shimSleep(sqlite3_vfs*, int us)
{
    return state().real->xSleep(state().real, us);
}
int shimCurrentTime(sqlite3_vfs*, double* out)
{
    return state().real->xCurrentTime(state().real, out);
}
int shimGetLastError(sqlite3_vfs*, int n, char* out)
{
    return state().real->xGetLastError(state().real, n, out);
}
int shimCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out)
{
    return state().real->xCurrentTimeInt64(state().real, out);
}

/// Puts one file back as its last sync left it, keeping its first `keep` unsynced calls.
void undo(const std::string& path, const std::vector<Undo>& calls, size_t keep)
{
    if (keep >= calls.size())
        return;
    QFile file(QString::fromStdString(path));
    if (!file.exists() || !file.open(QIODevice::ReadWrite))
        return; // deleted since: SQLite deletes only what it no longer needs
    for (size_t i = calls.size(); i-- > keep;) {
        const Undo& u = calls[i];
        if (!u.old.isEmpty() && file.seek(u.offset))
            file.write(u.old);
    }
    file.resize(calls[keep].sizeBefore);
}

} // namespace

PowerLossVfs& PowerLossVfs::install()
{
    static PowerLossVfs instance;
    static std::once_flag once;
    std::call_once(once, [] {
        State& s = state();
        sqlite3_initialize();
        s.real = sqlite3_vfs_find(nullptr);
        Q_ASSERT(s.real);
        s.vfs.iVersion = 2;
        s.vfs.szOsFile = int(sizeof(ShimFile)) + s.real->szOsFile;
        s.vfs.mxPathname = s.real->mxPathname;
        s.vfs.zName = "souk-powerloss";
        s.vfs.xOpen = shimOpen;
        s.vfs.xDelete = shimDelete;
        s.vfs.xAccess = shimAccess;
        s.vfs.xFullPathname = shimFullPathname;
        s.vfs.xDlOpen = shimDlOpen;
        s.vfs.xDlError = shimDlError;
        s.vfs.xDlSym = shimDlSym;
        s.vfs.xDlClose = shimDlClose;
        s.vfs.xRandomness = shimRandomness;
        s.vfs.xSleep = shimSleep;
        s.vfs.xCurrentTime = shimCurrentTime;
        s.vfs.xGetLastError = shimGetLastError;
        s.vfs.xCurrentTimeInt64 = shimCurrentTimeInt64;
        sqlite3_vfs_register(&s.vfs, 1);
    });
    return instance;
}

void PowerLossVfs::armCut(qint64 opsFromNow)
{
    state().cutAt.store(state().ops.load() + qMax<qint64>(1, opsFromNow));
}

bool PowerLossVfs::isCut() const
{
    return state().off.load();
}

qint64 PowerLossVfs::ops() const
{
    return state().ops.load();
}

qint64 PowerLossVfs::restore(QRandomGenerator* rng)
{
    State& s = state();
    std::map<std::string, std::vector<Undo>> unsynced;
    {
        std::lock_guard lock(s.mutex);
        unsynced.swap(s.unsynced);
    }
    qint64 dropped = 0;
    for (const auto& [path, calls] : unsynced) {
        // a disk that writes in order and stops keeps a prefix of what it was given
        const size_t keep = rng && rng->bounded(2) ? size_t(rng->bounded(int(calls.size()) + 1)) : 0;
        undo(path, calls, keep);
        dropped += qint64(calls.size() - keep);
        // the index in shared memory is rebuilt from the log by the first connection after a cut
        QString base = QString::fromStdString(path);
        for (const QString& suffix : {QStringLiteral("-wal"), QStringLiteral("-journal")}) {
            if (base.endsWith(suffix))
                base.chop(suffix.size());
        }
        QFile::remove(base + QStringLiteral("-shm"));
    }
    s.cutAt.store(-1);
    s.off.store(false);
    return dropped;
}

} // namespace souk::test
