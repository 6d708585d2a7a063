#pragma once

#include <QByteArray>
#include <QString>

#include "backend/catalog/CatalogImport.h"
#include "backend/core/Id.h"
#include "views/import/ImportFileReader.h"

namespace souk {

class Client;

/// What the import wizard's pages share: the file read, the plan checked, the summary written.
/// Owned by the ImportWizard; its pages hold a reference. GUI thread.
struct ImportSession
{
    ImportSession(Client& c, Id merchant) : client(c), merchantId(merchant) {}
    Q_DISABLE_COPY_MOVE(ImportSession)

    Client& client;
    const Id merchantId;
    qint64 maxFileBytes = ImportFileReader::DefaultMaxBytes;
    QString filePath;
    QByteArray data;
    catalog::CsvFormat format = catalog::CsvFormat::Souk;
    catalog::ImportPlan plan;
    catalog::ImportSummary summary;
};

} // namespace souk
