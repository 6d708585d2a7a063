#include "backend/api/schema/OpenApi.h"

#include <QJsonArray>
#include <QMap>

#include "backend/api/schema/FeedTypes.h"
#include "backend/api/schema/Operations.h"
#include "backend/api/schema/Problem.h"
#include "backend/api/schema/Types.h"

using namespace Qt::StringLiterals;

namespace souk::api {
namespace {

/// Paths in the document are relative to the server URL "/v1".
QString documentPath(const QString& path)
{
    return path.startsWith(u"/v1/"_s) ? path.mid(3) : path;
}

QJsonObject json(const QJsonObject& schema)
{
    return {{u"application/json"_s, QJsonObject{{u"schema"_s, schema}}}};
}

QJsonObject errors(const QString& what)
{
    const QJsonObject problemContent{
        {u"application/problem+json"_s,
         QJsonObject{{u"schema"_s, QJsonObject{{u"$ref"_s, u"#/components/schemas/Problem"_s}}}}}};
    return {{u"4XX"_s, QJsonObject{{u"description"_s, what}, {u"content"_s, problemContent}}},
            {u"5XX"_s, QJsonObject{{u"description"_s, u"The node or its store cannot answer now; retry later"_s},
                                   {u"content"_s, problemContent}}}};
}

QJsonObject parameter(const QString& name, const QString& in, const QString& description, bool required,
                      const QJsonObject& schema)
{
    return {{u"name"_s, name}, {u"in"_s, in}, {u"description"_s, description}, {u"required"_s, required},
            {u"schema"_s, schema}};
}

QJsonObject listOf(const QJsonObject& arraySchema)
{
    return {{u"type"_s, u"object"_s},
            {u"properties"_s, QJsonObject{{u"object"_s, QJsonObject{{u"const"_s, u"list"_s}}},
                                          {u"data"_s, arraySchema},
                                          {u"has_more"_s, QJsonObject{{u"type"_s, u"boolean"_s}}}}},
            {u"required"_s, QJsonArray{u"object"_s, u"data"_s, u"has_more"_s}}};
}

QJsonObject operationObject(const ApiOperation& op, Components& c)
{
    QJsonArray parameters;
    QJsonObject bodyProperties;
    QJsonArray bodyRequired;
    for (const ParamSpec& p : op.params) {
        if (p.in == In::Body) {
            QJsonObject s = p.schema(c);
            if (s.contains(u"$ref"_s))
                s = {{u"allOf"_s, QJsonArray{s}}};
            s.insert(u"description"_s, p.description);
            bodyProperties.insert(p.name, s);
            if (p.required)
                bodyRequired.append(p.name);
        } else {
            parameters.append(parameter(p.name, p.in == In::Path ? u"path"_s : u"query"_s, p.description,
                                        p.in == In::Path || p.required, p.schema(c)));
        }
    }
    if (op.paged) {
        parameters.append(parameter(u"limit"_s, u"query"_s, u"How many, 1 to 1000 (100)"_s, false,
                                    {{u"type"_s, u"integer"_s}, {u"minimum"_s, 1}, {u"maximum"_s, 1000}}));
        parameters.append(parameter(u"starting_after"_s, u"query"_s, u"The cursor of the last item of the page before"_s,
                                    false, {{u"type"_s, u"string"_s}}));
    }
    if (op.idempotent)
        parameters.append(parameter(u"Idempotency-Key"_s, u"header"_s,
                                    u"Required on every mutation: a retry with the same key and parameters answers the "
                                    "first result; other parameters fail with idempotency_conflict"_s,
                                    true, {{u"type"_s, u"string"_s}, {u"minLength"_s, 1}, {u"maxLength"_s, 255}}));
    if (!op.ifMatchField.isEmpty())
        parameters.append(parameter(u"If-Match"_s, u"header"_s,
                                    u"The ETag read (\"3\"): the version this update expects, in place of %1. "
                                    "Answered 412 version_conflict when the object changed since"_s.arg(op.ifMatchField),
                                    false, {{u"type"_s, u"string"_s}, {u"pattern"_s, u"^\"[0-9]+\"$"_s}}));
    QJsonObject result = op.resultSchema(c);
    if (op.paged)
        result = listOf(result);
    QJsonObject out{{u"operationId"_s, op.id},
                    {u"summary"_s, op.summary},
                    {u"tags"_s, QJsonArray{op.tag}},
                    {u"responses"_s, QJsonObject{{QString::number(op.successStatus),
                                                  QJsonObject{{u"description"_s, op.summary},
                                                              {u"content"_s, json(result)}}}}}};
    QJsonObject responses = out.value(u"responses"_s).toObject();
    const QJsonObject problems = errors(u"The request was refused: the problem says why, with a code and the field"_s);
    for (auto it = problems.begin(); it != problems.end(); ++it)
        responses.insert(it.key(), it.value());
    out.insert(u"responses"_s, responses);
    if (!parameters.isEmpty())
        out.insert(u"parameters"_s, parameters);
    if (!bodyProperties.isEmpty()) {
        QJsonObject body{{u"type"_s, u"object"_s}, {u"properties"_s, bodyProperties},
                         {u"additionalProperties"_s, false}};
        if (!bodyRequired.isEmpty())
            body.insert(u"required"_s, bodyRequired);
        out.insert(u"requestBody"_s, QJsonObject{{u"required"_s, true}, {u"content"_s, json(body)}});
    }
    return out;
}

QJsonObject sessionOperation(Components& c)
{
    const QJsonObject string{{u"type"_s, u"string"_s}};
    QJsonObject body{{u"type"_s, u"object"_s},
                     {u"properties"_s, QJsonObject{{u"user"_s, string}, {u"password"_s, string},
                                                   {u"code"_s, QJsonObject{{u"type"_s, u"string"_s},
                                                                           {u"description"_s, u"A TOTP or recovery code"_s}}}}},
                     {u"required"_s, QJsonArray{u"user"_s, u"password"_s}},
                     {u"additionalProperties"_s, false}};
    QJsonObject session{{u"type"_s, u"object"_s},
                        {u"properties"_s,
                         QJsonObject{{u"token"_s, QJsonObject{{u"type"_s, u"string"_s},
                                                              {u"description"_s, u"The bearer token (st_...)"_s}}},
                                     {u"expires_ms"_s, QJsonObject{{u"type"_s, u"integer"_s}, {u"format"_s, u"int64"_s}}},
                                     {u"principal"_s, Json<auth::Principal>::schema(c)}}},
                        {u"required"_s, QJsonArray{u"token"_s, u"expires_ms"_s, u"principal"_s}}};
    QJsonObject responses{{u"201"_s, QJsonObject{{u"description"_s, u"Signed in"_s}, {u"content"_s, json(session)}}}};
    const QJsonObject problems = errors(u"Wrong name, password or code (401), or locked (423)"_s);
    for (auto it = problems.begin(); it != problems.end(); ++it)
        responses.insert(it.key(), it.value());
    return {{u"operationId"_s, u"sign_in"_s},
            {u"summary"_s, u"Sign in with a password (and a TOTP code): answers a session token"_s},
            {u"tags"_s, QJsonArray{u"Sessions"_s}},
            {u"security"_s, QJsonArray{}},
            {u"requestBody"_s, QJsonObject{{u"required"_s, true}, {u"content"_s, json(body)}}},
            {u"responses"_s, responses}};
}

/// The routes outside the table of operations, answered the same way: 200 with `result`, or a problem.
QJsonObject readOperation(const QString& id, const QString& tag, const QString& summary, const QString& description,
                          const QJsonArray& parameters, const QJsonObject& result)
{
    QJsonObject responses{{u"200"_s, QJsonObject{{u"description"_s, summary}, {u"content"_s, json(result)}}}};
    const QJsonObject problems = errors(u"The request was refused: the problem says why, with a code and the field"_s);
    for (auto it = problems.begin(); it != problems.end(); ++it)
        responses.insert(it.key(), it.value());
    QJsonObject out{{u"operationId"_s, id}, {u"summary"_s, summary}, {u"description"_s, description},
                    {u"tags"_s, QJsonArray{tag}}, {u"responses"_s, responses}};
    if (!parameters.isEmpty())
        out.insert(u"parameters"_s, parameters);
    return out;
}

QJsonObject afterParameter(const QString& description)
{
    return parameter(u"after"_s, u"query"_s, description, false,
                     {{u"type"_s, u"integer"_s}, {u"format"_s, u"int64"_s}, {u"minimum"_s, 0}});
}

/// GET /v1/changes: the change feed by long poll.
QJsonObject changesOperation(Components& c)
{
    const QJsonArray parameters{
        afterParameter(u"The last seq you have; absent: answers no changes and where the feed is now (next_after)"_s),
        parameter(u"limit"_s, u"query"_s, u"At most this many changes, 1 to 1000 (500)"_s, false,
                  {{u"type"_s, u"integer"_s}, {u"minimum"_s, 1}, {u"maximum"_s, 1000}}),
        parameter(u"wait"_s, u"query"_s, u"Seconds to wait for a change when there is none yet, 0 to 60 (0)"_s, false,
                  {{u"type"_s, u"integer"_s}, {u"minimum"_s, 0}, {u"maximum"_s, 60}})};
    return readOperation(
        u"list_changes"_s, u"Changes"_s, u"The changes after a position, waiting for one if asked (long poll)"_s,
        u"Changes come in seq order and none is skipped; a merchant's key sees only its merchant's. Ask again "
        "with after=next_after. A position older than the feed keeps answers resync: reload, then follow from "
        "next_after. GET /changes/stream sends the same pages over a WebSocket."_s,
        parameters, Json<ChangePage>::schema(c));
}

/// GET /v1/changes/stream: the change feed over a WebSocket.
QJsonObject changeStreamOperation(Components& c)
{
    const QJsonObject problemContent{
        {u"application/problem+json"_s,
         QJsonObject{{u"schema"_s, QJsonObject{{u"$ref"_s, u"#/components/schemas/Problem"_s}}}}}};
    QJsonObject responses{
        {u"101"_s,
         QJsonObject{{u"description"_s,
                      u"Switching to the WebSocket. Each text message is a ChangePage (x-websocket-message): first "
                      "the changes after `after`, in pages, then each commit's as it happens, in seq order, none "
                      "skipped. The node pings while idle and closes a socket silent for 30 s. Close codes: 1001 "
                      "the node is shutting down, 1008 the reader fell too far behind, 4401 the key or session "
                      "ended, 4410 after a resync message (the position was pruned: reload, then follow from "
                      "next_after). After any close, reconnect with after=the last seq received."_s},
                     {u"x-websocket-message"_s, Json<ChangePage>::schema(c)}}},
        {u"default"_s, QJsonObject{{u"description"_s, u"The upgrade was refused (426 without the WebSocket "
                                                      "handshake): the problem says why"_s},
                                   {u"content"_s, problemContent}}}};
    const QJsonObject problems = errors(u"Refused before the upgrade (401 without a valid bearer, 429 over the rate)"_s);
    for (auto it = problems.begin(); it != problems.end(); ++it)
        responses.insert(it.key(), it.value());
    return {{u"operationId"_s, u"stream_changes"_s},
            {u"summary"_s, u"The change feed over a WebSocket"_s},
            {u"description"_s, u"Open with the WebSocket handshake (wss://, Authorization: Bearer on the upgrade "
                               "request). The messages are the long poll's pages."_s},
            {u"tags"_s, QJsonArray{u"Changes"_s}},
            {u"parameters"_s, QJsonArray{afterParameter(u"The last seq you have; absent: from now (the first "
                                                        "message then says where now is)"_s)}},
            {u"responses"_s, responses}};
}

const QMap<QString, QString>& tagDescriptions()
{
    static const QMap<QString, QString> tags{
        {u"Sessions"_s, u"Signing in and out, your own password and second factor"_s},
        {u"Changes"_s, u"The change feed: what changed, in commit order, by long poll or WebSocket"_s},
        {u"Merchants"_s, u"Sellers and their stock locations"_s},
        {u"Orders"_s, u"Orders, their timeline and fulfilment"_s},
        {u"Payments"_s, u"Checkout, authorizations, captures, voids, refunds and disputes"_s},
        {u"Customers"_s, u"The people who order"_s},
        {u"Products"_s, u"The catalog: products, their variants, bulk edits and search"_s},
        {u"Inventory"_s, u"Stock per location and its journal"_s},
        {u"Imports"_s, u"Catalog files in and out (CSV, Souk's or Shopify's columns)"_s},
        {u"Ledger"_s, u"Balances, payouts and the store's upkeep"_s},
        {u"Risk"_s, u"Rules in Radar's language, lists, the fraud review queue and each payment's assessment"_s},
        {u"Users"_s, u"People, their roles, second factors and API keys"_s},
        {u"Audit"_s, u"Who did what: the hash-chained audit log"_s},
    };
    return tags;
}

} // namespace

QJsonObject openApiDocument(const QString& version)
{
    Components components;
    QJsonObject paths;
    paths.insert(u"/sessions"_s, QJsonObject{{u"post"_s, sessionOperation(components)}});
    paths.insert(u"/sessions/current"_s,
                 QJsonObject{{u"get"_s, readOperation(u"get_current_session"_s, u"Sessions"_s,
                                                      u"Who the bearer stands for: user, role, merchant"_s,
                                                      u"The principal of the API key or session token sent"_s, {},
                                                      Json<auth::Principal>::schema(components))}});
    paths.insert(u"/changes"_s, QJsonObject{{u"get"_s, changesOperation(components)}});
    paths.insert(u"/changes/stream"_s, QJsonObject{{u"get"_s, changeStreamOperation(components)}});
    for (const ApiOperation& op : apiOperations()) {
        const QString path = documentPath(op.path);
        QJsonObject item = paths.value(path).toObject();
        item.insert(QString::fromLatin1(op.method).toLower(), operationObject(op, components));
        paths.insert(path, item);
    }
    components.schemas.insert(u"Problem"_s, problemSchema());
    components.schemas.insert(
        u"Money"_s,
        QJsonObject{{u"type"_s, u"object"_s},
                    {u"description"_s, u"An amount: integer minor units of an ISO 4217 currency"_s},
                    {u"properties"_s,
                     QJsonObject{{u"amount_minor"_s, QJsonObject{{u"type"_s, u"integer"_s}, {u"format"_s, u"int64"_s}}},
                                 {u"currency"_s, QJsonObject{{u"type"_s, u"string"_s}, {u"pattern"_s, u"^[A-Z]{3}$"_s}}}}},
                    {u"required"_s, QJsonArray{u"amount_minor"_s, u"currency"_s}}});
    QJsonArray tags;
    for (auto it = tagDescriptions().begin(); it != tagDescriptions().end(); ++it)
        tags.append(QJsonObject{{u"name"_s, it.key()}, {u"description"_s, it.value()}});
    return {{u"openapi"_s, u"3.1.0"_s},
            {u"info"_s, QJsonObject{{u"title"_s, u"Souk node API"_s},
                                    {u"version"_s, version},
                                    {u"description"_s, u"The engine of a Souk node over HTTPS: every operation of the "
                                                       "console's Client, with the engine's errors as problem+json"_s},
                                    {u"license"_s, QJsonObject{{u"name"_s, u"Proprietary"_s},
                                                               {u"identifier"_s, u"LicenseRef-Proprietary"_s}}}}},
            {u"servers"_s, QJsonArray{QJsonObject{{u"url"_s, u"/v1"_s}, {u"description"_s, u"This node"_s}}}},
            {u"tags"_s, tags},
            {u"security"_s, QJsonArray{QJsonObject{{u"bearerAuth"_s, QJsonArray{}}}}},
            {u"paths"_s, paths},
            {u"components"_s,
             QJsonObject{{u"schemas"_s, components.schemas},
                         {u"securitySchemes"_s,
                          QJsonObject{{u"bearerAuth"_s,
                                       QJsonObject{{u"type"_s, u"http"_s},
                                                   {u"scheme"_s, u"bearer"_s},
                                                   {u"description"_s, u"An API key (sk_...) or a session token (st_...)"_s}}}}}}}};
}

} // namespace souk::api
