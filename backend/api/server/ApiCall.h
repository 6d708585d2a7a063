#pragma once

#include <QMap>

#include <memory>

#include "backend/api/server/ApiService.h"
#include "backend/auth/Principal.h"
#include "backend/client/LocalClient.h"

namespace souk::api {

/// One request on its way through the service.
struct ApiService::Call
{
    HttpRequest request;
    HttpServer::Responder respond;
    QString route; ///< the template, for /metrics; the path itself is not (cardinality)
    const ApiOperation* op = nullptr;
    QMap<QString, QString> pathParams;
    auth::Principal principal;
    std::unique_ptr<LocalClient> client; ///< acting as the principal, until the answer
    bool answered = false;
};

} // namespace souk::api
