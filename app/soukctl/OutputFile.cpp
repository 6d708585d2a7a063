// soukctl's output files: never onto the store, never half written.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <optional>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "app/soukctl/Cli.h"

using namespace Qt::StringLiterals;

namespace souk::cli {
namespace {

/// What SQLite and StoreFile keep beside a store: losing any of them loses or corrupts orders
/// (a file written as "-journal" is even replayed into the store as a hot journal).
constexpr std::array<QStringView, 5> CompanionSuffixes{u"", u"-wal", u"-shm", u"-journal", u".lock"};
constexpr int SymlinkDepthMax = 64;

/// Where writing `path` lands: symlinks followed to their end even when it does not exist yet (as
/// QSaveFile and open() do), the folder made canonical ("..", symlinked folders, relative paths).
QString landingPath(const QString& path)
{
    QFileInfo info(QFileInfo(path).absoluteFilePath());
    for (int depth = 0; depth < SymlinkDepthMax && info.isSymLink(); ++depth)
        info.setFile(info.symLinkTarget());
    const QString folder = QDir(info.absolutePath()).canonicalPath();
    return (folder.isEmpty() ? info.absolutePath() : folder) + u'/' + info.fileName();
}

struct FileId
{
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileId&) const = default;
};

std::optional<FileId> fileId(const QString& path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
}

/// The names of the store and its companions: beside the path given and beside the file it
/// resolves to (SQLite follows a symlinked store; older Souk put the lock beside the link).
QList<std::pair<QString, QStringView>> storeNames(const QString& store)
{
    const QString given = QFileInfo(store).absoluteFilePath();
    const QString resolved = landingPath(store);
    QList<std::pair<QString, QStringView>> names;
    for (const QStringView suffix : CompanionSuffixes) {
        names.append({given + suffix, suffix});
        if (resolved != given)
            names.append({resolved + suffix, suffix});
    }
    return names;
}

QString describe(QStringView suffix)
{
    return suffix.isEmpty() ? u"the store file"_s : u"the store's %1 file"_s.arg(suffix);
}

Error refusal(const QString& field, const QString& path, const QString& store, QStringView suffix)
{
    return Error::invalid(field, u"%1 is %2 (%3); writing it would destroy the store, choose another file"_s.arg(
                                     path, describe(suffix), store));
}

} // namespace

Status checkNotStoreFile(const QString& path, const QString& store, const QString& field)
{
    if (store.isEmpty())
        return {};
    const QString target = landingPath(path);
    const std::optional<FileId> targetId = fileId(target);
    for (const auto& [name, suffix] : storeNames(store)) {
        if (landingPath(name) == target)
            return refusal(field, path, store, suffix);
        if (targetId && fileId(name) == targetId) // a hard link, or a path this check did not foresee
            return refusal(field, path, store, suffix);
    }
    return {};
}

Status checkStdoutNotStoreFile(const QString& store, const QString& field)
{
    struct stat st;
    if (store.isEmpty() || ::fstat(STDOUT_FILENO, &st) != 0 || !S_ISREG(st.st_mode))
        return {};
    const FileId out{st.st_dev, st.st_ino};
    for (const auto& [name, suffix] : storeNames(store)) {
        if (fileId(name) == out)
            return refusal(field, u"standard output"_s, store, suffix);
    }
    return {};
}

Status writeWholeFile(const QString& path, const QByteArray& data, const QString& field)
{
    const QFileInfo target(landingPath(path));
    if (target.exists() && !target.isFile() && !target.isDir()) {
        // a device or a pipe (/dev/stdout, a FIFO) cannot be replaced by a rename; a reader of
        // a stream sees where it ended anyway
        QFile device(target.filePath());
        if (!device.open(QIODevice::WriteOnly) || device.write(data) != data.size())
            return Error::invalid(field, u"cannot write "_s + path + u": "_s + device.errorString());
        return {};
    }
    QSaveFile file(path); // follows a symlink to its target; commit() syncs, then renames
    if (!file.open(QIODevice::WriteOnly))
        return Error::invalid(field, u"cannot write "_s + path + u": "_s + file.errorString());
    if (file.write(data) != data.size() || !file.commit()) // without commit() the temporary file goes
        return Error::invalid(field, u"cannot write "_s + path + u": "_s + file.errorString());
    return {};
}

Status renameNoReplace(const QString& from, const QString& to, const QString& field)
{
    const QByteArray source = QFile::encodeName(from);
    const QByteArray dest = QFile::encodeName(to);
    if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, dest.constData(), RENAME_NOREPLACE) == 0)
        return {};
    if (errno == EINVAL || errno == ENOSYS) { // a file system without RENAME_NOREPLACE: link() never replaces either
        if (::link(source.constData(), dest.constData()) == 0) {
            ::unlink(source.constData());
            return {};
        }
    }
    if (errno == EEXIST)
        return Error::invalid(field, to + u" already exists; choose a new file"_s);
    return Error::invalid(field, u"cannot create "_s + to + u": "_s + QString::fromLocal8Bit(std::strerror(errno)));
}

} // namespace souk::cli
