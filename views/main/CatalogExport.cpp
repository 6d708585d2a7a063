#include "views/main/CatalogExport.h"

#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

#include "backend/client/Client.h"

using namespace Qt::StringLiterals;

namespace souk {

QFuture<Result<qint64>> CatalogExport::run(Client& client, Id merchantId, catalog::CsvFormat format,
                                           const QString& path)
{
    // The file is written on the global pool, never on the GUI thread; the pool task waits
    // for the export (which runs on the engine's readers). Not QFuture::then(): in Qt 6.4 a
    // continuation attached while its future finishes on another thread can run twice.
    QFuture<Result<QByteArray>> exported = client.exportCatalog(merchantId, format);
    return QtConcurrent::run([exported, path]() mutable -> Result<qint64> {
        exported.waitForFinished();
        if (exported.isCanceled() || exported.resultCount() == 0)
            return Error{ErrorCode::Unavailable, u"the export was cancelled"_s, u"path"_s};
        const Result<QByteArray> data = exported.result();
        if (!data)
            return data.error();
        return write(data.value(), path);
    });
}

Result<qint64> CatalogExport::write(const QByteArray& data, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::StoreIo, u"cannot write %1: %2"_s.arg(path, file.errorString()), u"path"_s};
    if (file.write(data) != data.size() || !file.commit())
        return Error{ErrorCode::StoreIo, u"cannot write %1: %2"_s.arg(path, file.errorString()), u"path"_s};
    return qint64(data.size());
}

} // namespace souk
