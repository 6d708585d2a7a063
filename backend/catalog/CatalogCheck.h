#pragma once

#include <QSqlDatabase>
#include <QStringList>

#include "backend/core/Result.h"

namespace souk::catalog {

/// Recomputes what the catalog stores twice and checks its invariants: stock levels equal the
/// sum of the journal, no negative stock, every product has a variant and a search entry,
/// prices in the merchant's currency, foreign keys and page integrity. Read-only; any thread.
class CatalogCheck final
{
public:
    /// The problems found, one English sentence each; empty when the store is sound.
    static Result<QStringList> run(QSqlDatabase& db);
};

} // namespace souk::catalog
