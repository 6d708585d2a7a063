#pragma once

#include <QJsonObject>

namespace souk::api {

/// The OpenAPI 3.1 document of API v1, written from the table of operations (apiOperations())
/// and the types' JSON descriptions: nothing in it is written by hand but the session routes
/// and the conventions. Served at /v1/openapi.json without sign-in. Pure; any thread.
QJsonObject openApiDocument(const QString& version);

} // namespace souk::api
