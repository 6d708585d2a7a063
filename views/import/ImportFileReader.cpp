#include "views/import/ImportFileReader.h"

#include <memory>

#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <QThreadPool>

namespace souk {

namespace {
constexpr qint64 ChunkBytes = 1024 * 1024;
} // namespace

QFuture<ImportFileReader::Outcome> ImportFileReader::read(const QString& path, qint64 maxBytes)
{
    // QThreadPool::start takes a copyable callable, and QPromise is move-only: share it.
    auto promise = std::make_shared<QPromise<Outcome>>();
    QFuture<Outcome> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, path, maxBytes] {
        promise->addResult(readNow(path, maxBytes));
        promise->finish();
    });
    return future;
}

ImportFileReader::Outcome ImportFileReader::readNow(const QString& path, qint64 maxBytes)
{
    Outcome outcome;
    const QFileInfo info(path);
    if (!info.exists()) {
        outcome.status = Status::NotFound;
        return outcome;
    }
    if (!info.isFile()) {
        outcome.status = Status::NotAFile;
        return outcome;
    }
    outcome.sizeBytes = info.size();
    if (outcome.sizeBytes > maxBytes) {
        outcome.status = Status::TooLarge;
        return outcome;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        outcome.detail = file.errorString();
        return outcome;
    }
    // read in chunks up to the limit: the file may have grown since it was measured
    outcome.data.reserve(outcome.sizeBytes);
    while (!file.atEnd() && outcome.data.size() <= maxBytes) {
        const QByteArray chunk = file.read(ChunkBytes);
        if (chunk.isEmpty())
            break;
        outcome.data += chunk;
    }
    if (file.error() != QFileDevice::NoError) {
        outcome.data.clear();
        outcome.detail = file.errorString();
        return outcome;
    }
    if (outcome.data.size() > maxBytes) {
        outcome.data.clear();
        outcome.status = Status::TooLarge;
        return outcome;
    }
    outcome.sizeBytes = outcome.data.size();
    outcome.status = outcome.data.isEmpty() ? Status::Empty : Status::Ok;
    return outcome;
}

} // namespace souk
