#pragma once

#include <QFuture>
#include <QString>

#include "backend/catalog/CatalogImport.h"
#include "backend/core/Id.h"
#include "backend/core/Result.h"

namespace souk {

class Client;

/// Exports the merchant's catalog and writes it to a file, off the GUI thread. Any thread.
class CatalogExport final
{
public:
    CatalogExport() = delete;

    /// The future's value is the number of bytes written. The file is replaced atomically (QSaveFile).
    static QFuture<Result<qint64>> run(Client& client, Id merchantId, catalog::CsvFormat format, const QString& path);
    /// Writes `data` to `path` atomically; a failure is a StoreIo error with the field "path".
    static Result<qint64> write(const QByteArray& data, const QString& path);
};

} // namespace souk
