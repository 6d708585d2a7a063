#pragma once

#include <functional>

#include <QByteArray>
#include <QSqlDatabase>

#include "backend/catalog/CatalogCsv.h"
#include "backend/catalog/CatalogImport.h"
#include "backend/store/UnitOfWork.h"

namespace souk::catalog {

/// Checks an import file against the store (plan), then writes the checked plan in the caller's
/// transaction (run): products matched by handle are updated (variants matched by SKU in NFC,
/// others kept), the rest created; given inventory quantities become journalled movements at the
/// merchant's first location. All or nothing: any error or a cancel returns an Error, and the
/// engine rolls the whole command back. Stateless; plan on any thread, run on the writer thread.
class CatalogImporter final
{
public:
    using Progress = std::function<bool(qint64 done, qint64 total)>; ///< false = cancel

    /// Checks a file without writing: planCatalogCsv() in the merchant's currency, then every SKU the
    /// store already gives to a product with another handle (which run() would refuse) is reported on
    /// its line too, so every problem shows before anything is written. Read-only; any thread with
    /// its own connection.
    static Result<ImportPlan> plan(QSqlDatabase& db, Id merchantId, const QByteArray& csv, CsvFormat format,
                                   const ImportProgress& progress);
    /// Writes `plan` (which plan() found free of problems). Writer thread only.
    static Result<ImportSummary> run(store::UnitOfWork& uow, Id merchantId, const ImportPlan& plan,
                                     const Progress& progress);
};

} // namespace souk::catalog
