#include "backend/api/schema/Problem.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace souk::api {
namespace {

constexpr ErrorCode AllCodes[] = {
    ErrorCode::Invalid,         ErrorCode::NotFound,          ErrorCode::Conflict,
    ErrorCode::Duplicate,       ErrorCode::VersionConflict,   ErrorCode::Overflow,
    ErrorCode::StoreLocked,     ErrorCode::StoreCorrupt,      ErrorCode::StoreNewer,
    ErrorCode::StoreReadOnly,   ErrorCode::StoreIo,           ErrorCode::Cancelled,
    ErrorCode::Unavailable,     ErrorCode::Internal,          ErrorCode::IllegalTransition,
    ErrorCode::IdempotencyConflict, ErrorCode::InsufficientStock, ErrorCode::CardInvalid,
    ErrorCode::InProgress,      ErrorCode::Unauthenticated,   ErrorCode::Forbidden,
    ErrorCode::AccountLocked,
};

QString titleOf(int status)
{
    switch (status) {
    case 400: return u"Bad request"_s;
    case 401: return u"Not signed in"_s;
    case 402: return u"Card refused"_s;
    case 403: return u"Not allowed"_s;
    case 404: return u"Not found"_s;
    case 409: return u"Conflict"_s;
    case 412: return u"Changed since read"_s;
    case 413: return u"Body too large"_s;
    case 423: return u"Account locked"_s;
    case 428: return u"Precondition required"_s;
    case 429: return u"Too many requests"_s;
    case 431: return u"Header too large"_s;
    case 503: return u"Unavailable"_s;
    default: return status >= 500 ? u"Internal error"_s : u"Request failed"_s;
    }
}

} // namespace

int httpStatusOf(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Invalid:
    case ErrorCode::Overflow: return 400;
    case ErrorCode::CardInvalid: return 402;
    case ErrorCode::Unauthenticated: return 401;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::Conflict:
    case ErrorCode::Duplicate:
    case ErrorCode::VersionConflict:
    case ErrorCode::IllegalTransition:
    case ErrorCode::IdempotencyConflict:
    case ErrorCode::InsufficientStock:
    case ErrorCode::InProgress:
    case ErrorCode::Cancelled: return 409;
    case ErrorCode::AccountLocked: return 423;
    case ErrorCode::StoreLocked:
    case ErrorCode::StoreCorrupt:
    case ErrorCode::StoreNewer:
    case ErrorCode::StoreReadOnly:
    case ErrorCode::StoreIo:
    case ErrorCode::Unavailable: return 503;
    case ErrorCode::Internal: return 500;
    }
    return 500;
}

QJsonObject problem(const Error& error, int status, const QString& instance)
{
    QJsonObject out{{u"type"_s, QString(u"urn:souk:problem:"_s + errorCodeName(error.code))},
                    {u"title"_s, titleOf(status)},
                    {u"status"_s, status},
                    {u"detail"_s, error.message},
                    {u"code"_s, errorCodeName(error.code)}};
    if (!error.field.isEmpty())
        out.insert(u"field"_s, error.field);
    if (!instance.isEmpty())
        out.insert(u"instance"_s, instance);
    if (error.outcomeUnknown)
        out.insert(u"outcome"_s, u"unknown"_s);
    return out;
}

QByteArray problemBytes(const Error& error, int status, const QString& instance)
{
    return QJsonDocument(problem(error, status, instance)).toJson(QJsonDocument::Compact);
}

QJsonObject problemSchema()
{
    QJsonArray codes;
    for (ErrorCode c : AllCodes)
        codes.append(errorCodeName(c));
    const auto string = [](const QString& description) {
        return QJsonObject{{u"type"_s, u"string"_s}, {u"description"_s, description}};
    };
    const QJsonObject outcome{{u"type"_s, u"string"_s},
                              {u"enum"_s, QJsonArray{u"unknown"_s}},
                              {u"description"_s, u"Present on a 503 whose write may have committed (the database went "
                                                 "away during its commit): send it again only under the same "
                                                 "Idempotency-Key, which replays it if it did"_s}};
    return {
        {u"type"_s, u"object"_s},
        {u"description"_s, u"An RFC 9457 problem: what went wrong, with a stable code and the field"_s},
        {u"properties"_s,
         QJsonObject{{u"type"_s, string(u"urn:souk:problem:<code>"_s)},
                     {u"title"_s, string(u"A short summary of the status"_s)},
                     {u"status"_s, QJsonObject{{u"type"_s, u"integer"_s}, {u"description"_s, u"The HTTP status"_s}}},
                     {u"detail"_s, string(u"What went wrong, in English"_s)},
                     {u"code"_s, QJsonObject{{u"type"_s, u"string"_s},
                                             {u"enum"_s, codes},
                                             {u"description"_s, u"Stable: branch on this"_s}}},
                     {u"field"_s, string(u"The field or header it is about: \"order.lines[0].quantity\""_s)},
                     {u"instance"_s, string(u"The request's path"_s)},
                     {u"outcome"_s, outcome}}},
        {u"required"_s, QJsonArray{u"type"_s, u"title"_s, u"status"_s, u"code"_s}}};
}

Error errorFromProblem(const QJsonObject& p, int status)
{
    Error e;
    e.code = ErrorCode::Internal;
    const QString name = p.value(u"code"_s).toString();
    bool known = false;
    for (ErrorCode c : AllCodes)
        if (errorCodeName(c) == name) {
            e.code = c;
            known = true;
        }
    if (!known)
        e.code = status == 429 || status == 503 ? ErrorCode::Unavailable : ErrorCode::Internal;
    e.message = p.value(u"detail"_s).toString();
    e.field = p.value(u"field"_s).toString();
    e.outcomeUnknown = p.value(u"outcome"_s).toString() == u"unknown"_s;
    return e;
}

} // namespace souk::api
