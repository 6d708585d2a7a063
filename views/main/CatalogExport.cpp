#include "views/main/CatalogExport.h"

#include <QSaveFile>

#include "backend/client/Client.h"

using namespace Qt::StringLiterals;

namespace souk {

QFuture<Result<qint64>> CatalogExport::run(Client& client, Id merchantId, catalog::CsvFormat format,
                                           const QString& path)
{
    // chain without a context object: the write runs on the pool, never on the GUI thread
    return client.exportCatalog(merchantId, format)
        .then(QtFuture::Launch::Async, [path](const Result<QByteArray>& data) -> Result<qint64> {
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
