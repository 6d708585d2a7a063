#pragma once
// The table of operations' own helpers, shared by its parts (OperationsCatalog.cpp,
// OperationsCommerce.cpp, OperationsPeople.cpp, OperationsRisk.cpp); Operations.cpp puts the table together.

#include <QPromise>

#include "backend/api/schema/Operations.h"
#include "backend/api/schema/Types.h"

namespace souk::api::operations {

using Op = souk::auth::Operation;

template <typename R> using Def = OperationBuilder<R>;

/// The most ids a RemoteClient decodes from one answer (Json<QList>): a search answers no more.
inline constexpr int SearchAtMost = Json<QList<Id>>::MaxItems;
/// The newest movements a variant's history reads (InventoryService::MovementsLimitMax); the
/// node pages them.
inline constexpr int MovementsAtMost = 5000;

/// An answer known before asking the engine (a parameter out of range).
template <typename T> QFuture<Result<T>> failed(const Error& error)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(Result<T>(error));
    promise.finish();
    return promise.future();
}

/// An optional limit parameter within [1, max], or the error naming it.
inline std::optional<Error> outOfRange(const std::optional<int>& limit, int max)
{
    if (limit && (*limit < 1 || *limit > max))
        return Error::invalid(QStringLiteral("limit"), QStringLiteral("must be between 1 and %1").arg(max));
    return std::nullopt;
}

/// The id a body's object carries must be the path's (or absent): the path names what changes.
inline std::optional<Error> notThePath(Id inBody, Id inPath, const QString& field)
{
    if (!inBody.isNull() && inBody != inPath)
        return Error::invalid(field, QStringLiteral("must be the id of the path, or absent"));
    return std::nullopt;
}

/// Each part of the table, in the order the document lists them.
QList<ApiOperation> merchants();
QList<ApiOperation> products();
QList<ApiOperation> stockAndImports();
QList<ApiOperation> orders();
QList<ApiOperation> payments();
QList<ApiOperation> ledger();
QList<ApiOperation> riskRules();
QList<ApiOperation> riskModels();
QList<ApiOperation> riskLists();
QList<ApiOperation> reviews();
QList<ApiOperation> people();
QList<ApiOperation> keysAndAudit();

} // namespace souk::api::operations
