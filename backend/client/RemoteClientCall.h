#pragma once
// RemoteClient's one way of calling an operation of the API's table, shared by the files that
// define its methods (RemoteClientOperations.cpp, RemoteClientRisk.cpp). Not for other callers.

#include <QPromise>

#include <memory>

#include "backend/api/schema/Types.h"
#include "backend/client/RemoteClient.h"

namespace souk {

/// Sends operation `id` with `args` (encoded as the table's parameters, in its order) and decodes
/// the answer as an R, with the same JSON descriptions the node encoded it with.
template <typename R, typename... A>
QFuture<Result<R>> RemoteClient::call(const QString& id, const QString& key, const A&... args)
{
    auto promise = std::make_shared<QPromise<Result<R>>>();
    promise->start();
    QFuture<Result<R>> future = promise->future();
    send(id, QList<QJsonValue>{api::Json<A>::encode(args)...}, key, [promise](const Result<QJsonValue>& answer) {
        if (!answer) {
            promise->addResult(Result<R>(answer.error()));
        } else {
            R value{};
            if (auto s = api::Json<R>::decode(*answer, value, {}, api::Source::Answer); !s)
                promise->addResult(Result<R>(
                    Error::internal(QStringLiteral("the node's answer could not be read: ") + s.error().toString())));
            else
                promise->addResult(Result<R>(std::move(value)));
        }
        promise->finish();
    });
    return future;
}

} // namespace souk
