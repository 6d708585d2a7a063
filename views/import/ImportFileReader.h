#pragma once

#include <QByteArray>
#include <QFuture>
#include <QString>

namespace souk {

/// Reads an import file on a pool thread so a slow disk or a large file never blocks the GUI.
/// Stateless; the result arrives as a future (use souk::onReady).
class ImportFileReader final
{
public:
    ImportFileReader() = delete;

    /// Files larger than this are refused before reading: a catalog that big should be split.
    static constexpr qint64 DefaultMaxBytes = 200LL * 1024 * 1024;

    enum class Status
    {
        Ok,
        NotFound,
        NotAFile,
        TooLarge,
        Empty,
        Unreadable,
    };
    struct Outcome
    {
        Status status = Status::Unreadable;
        QByteArray data;
        qint64 sizeBytes = 0;
        QString detail; ///< the system's English reason when unreadable, for "Details"
    };

    /// Reads `path` whole, refusing files over `maxBytes`.
    static QFuture<Outcome> read(const QString& path, qint64 maxBytes = DefaultMaxBytes);
    /// The same, on the calling thread (what the pool thread runs).
    static Outcome readNow(const QString& path, qint64 maxBytes);
};

} // namespace souk
