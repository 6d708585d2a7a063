#pragma once

#include <QByteArray>
#include <QJsonObject>

#include "backend/core/Error.h"

namespace souk::api {

/// The HTTP status an engine error is answered with (400 invalid, 404 not found, 409 conflicts,
/// 401, 403, 503 ...). Stable: clients branch on the problem's `code`, people on the status.
int httpStatusOf(ErrorCode code);

/// An RFC 9457 problem document: type (urn:souk:problem:<code>), title, status, detail, and the
/// engine's stable `code` and the `field` it is about. Pure; any thread.
QJsonObject problem(const Error& error, int status, const QString& instance = {});
QByteArray problemBytes(const Error& error, int status, const QString& instance = {});

/// The problem document's schema, for the OpenAPI document.
QJsonObject problemSchema();

/// An error read back from a problem document (RemoteClient).
Error errorFromProblem(const QJsonObject& problem, int status);

} // namespace souk::api
