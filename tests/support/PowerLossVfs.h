#pragma once

#include <QRandomGenerator>
#include <QtGlobal>

namespace souk::test {

/// A power cut for SQLite, the way SQLite tests itself: a VFS over the default one that keeps,
/// for every database, log and journal file, what each write since that file's last sync
/// overwrote. At a chosen write, sync or truncate (the cut) that call and every later one fail,
/// as if the machine had stopped; restore() then puts back what the disk may have lost: every
/// write not followed by its file's sync, or, at random, all but the first few of them (a disk
/// that wrote in order and stopped). What was synced stays.
///
/// Installed once as the process's default VFS (so QtSql's SQLite uses it too, since both
/// share the system libsqlite3). Thread-safe; tests only.
class PowerLossVfs final
{
public:
    /// Registers the shim as SQLite's default VFS on the first call; the same instance after.
    static PowerLossVfs& install();

    /// The `opsFromNow`-th write, sync or truncate from now on fails, and every one after it.
    void armCut(qint64 opsFromNow);
    /// True once the cut has happened: the "machine" is off until restore().
    bool isCut() const;
    /// Writes, syncs and truncates seen so far.
    qint64 ops() const;
    /// Call with no connection open: throws away what was not synced (at random, keeps a
    /// prefix of it when `rng` is given), removes the shared-memory index files (they do not
    /// survive a power cut), and powers on again. Returns the writes thrown away.
    qint64 restore(QRandomGenerator* rng);

private:
    PowerLossVfs() = default;
};

} // namespace souk::test
