#include "backend/api/server/ApiService.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>

#include "backend/api/node/RateLimiter.h"
#include "backend/api/schema/OpenApi.h"
#include "backend/api/schema/Operations.h"
#include "backend/api/schema/Problem.h"
#include "backend/api/schema/Types.h"
#include "backend/api/server/ApiCall.h"
#include "backend/client/LocalClient.h"
#include "backend/engine/Engine.h"
#include "backend/engine/SignIn.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApi, "souk.api")

namespace souk::api {
namespace {

constexpr int IdempotencyKeyMax = 255;

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 steadyMs()
{
    return steadyNs() / 1'000'000;
}

QByteArray compact(const QJsonValue& value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // a scalar answer (true): a JSON text of its own
    QJsonArray wrapper{value};
    QByteArray text = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

/// The path's segments, percent-decoded; an error for "." or ".." segments, empty segments
/// (a double or trailing slash) and encoded slashes, which no route has and a file path trick needs.
Result<QStringList> segmentsOf(const QByteArray& path)
{
    if (!path.startsWith('/'))
        return Error::invalid(u"path"_s, u"must start with /"_s);
    QStringList out;
    const QList<QByteArray> raw = path.mid(1).split('/');
    for (const QByteArray& part : raw) {
        if (part.contains("%2f") || part.contains("%2F") || part.contains("%00"))
            return Error::invalid(u"path"_s, u"encoded slashes and NUL are not allowed"_s);
        const QString segment = QUrl::fromPercentEncoding(part);
        if (segment.isEmpty() || segment == u"."_s || segment == u".."_s)
            return Error::invalid(u"path"_s, u"empty, \".\" and \"..\" segments are not allowed"_s);
        out << segment;
    }
    return out;
}

struct Match
{
    const ApiOperation* op = nullptr;
    QMap<QString, QString> pathParams;
    bool pathKnown = false; ///< some route has this path, with another method: 405
};

Match match(const QByteArray& method, const QStringList& segments)
{
    Match out;
    for (const ApiOperation& op : apiOperations()) {
        const QStringList pattern = op.path.mid(1).split(u'/');
        if (pattern.size() != segments.size())
            continue;
        QMap<QString, QString> params;
        bool same = true;
        for (qsizetype i = 0; i < pattern.size() && same; ++i) {
            if (pattern[i].startsWith(u'{'))
                params.insert(pattern[i].mid(1, pattern[i].size() - 2), segments[i]);
            else
                same = pattern[i] == segments[i];
        }
        if (!same)
            continue;
        out.pathKnown = true;
        if (op.method == method) {
            out.op = &op;
            out.pathParams = params;
            return out;
        }
    }
    return out;
}

HttpResponse jsonResponse(int status, const QJsonValue& body)
{
    HttpResponse r;
    r.status = status;
    r.body = compact(body);
    return r;
}

/// A field of an answer by its path ("order.version").
QJsonValue fieldAt(const QJsonValue& value, const QString& path)
{
    QJsonValue at = value;
    for (const QString& part : path.split(u'.'))
        at = at.toObject().value(part);
    return at;
}

/// One page of a list the engine answered whole: the items after `startingAfter` (a cursor
/// an earlier page gave), at most `limit` of them.
Result<QJsonObject> page(const QJsonArray& all, const QString& cursorField, const QString& startingAfter, int limit)
{
    const auto cursorOf = [&](const QJsonValue& item) {
        return cursorField.isEmpty() ? item.toString() : item.toObject().value(cursorField).toString();
    };
    qsizetype start = 0;
    if (!startingAfter.isEmpty()) {
        start = -1;
        for (qsizetype i = 0; i < all.size() && start < 0; ++i)
            if (cursorOf(all.at(i)) == startingAfter)
                start = i + 1;
        if (start < 0)
            return Error::invalid(u"starting_after"_s, u"no such item in this list"_s);
    }
    QJsonArray data;
    for (qsizetype i = start; i < all.size() && data.size() < limit; ++i)
        data.append(all.at(i));
    return QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, data}, {u"has_more"_s, start + data.size() < all.size()}};
}

} // namespace


ApiService::ApiService(LocalClient& owner, Options options, QObject* parent)
    : QObject(parent), m_owner(owner), m_options(options), m_byAddress(std::make_unique<RateLimiter>(1, 1)),
      m_byPrincipal(std::make_unique<RateLimiter>(1, 1))
{
    setRates(options.perAddressRate, options.perAddressBurst, options.perPrincipalRate, options.perPrincipalBurst);
    m_openApi = QJsonDocument(openApiDocument(options.version)).toJson(QJsonDocument::Compact);
    connect(&m_owner, &Client::changed, this, &ApiService::wakeFeedWaits);
    // on a cluster, another node's commits too: parked polls and streams read them from the store
    connect(
        &m_owner.engine(), &engine::Engine::othersCommitted, this,
        [this](qint64, const QStringList&, bool newer) {
            if (newer) // this node's own commits woke them already
                wakeFeedWaits();
        },
        Qt::QueuedConnection);
}

void ApiService::setDraining(bool draining)
{
    m_draining = draining;
    if (draining) // parked polls answer now, so the drain does not wait for them
        wakeFeedWaits();
}

ApiService::~ApiService() = default;

void ApiService::setRates(double perAddress, double perAddressBurst, double perPrincipal, double perPrincipalBurst)
{
    m_options.perAddressRate = perAddress;
    m_options.perPrincipalRate = perPrincipal;
    // 0: no limit (the bucket is then never asked)
    if (perAddress > 0)
        m_byAddress->setRate(perAddress, std::max(1.0, perAddressBurst));
    if (perPrincipal > 0)
        m_byPrincipal->setRate(perPrincipal, std::max(1.0, perPrincipalBurst));
}

qint64 ApiService::bodyLimitFor(const QByteArray& method, const QByteArray& path) const
{
    // a catalog file travels in the import's body: its own, larger cap
    if (method == "POST" && (path == "/v1/catalog/imports" || path == "/v1/catalog/imports/plan"))
        return m_options.maxImportBytes;
    return 0;
}

void ApiService::handle(HttpRequest&& request, HttpServer::Responder respond)
{
    QMetaObject::invokeMethod(
        this,
        [this, request = std::move(request), respond = std::move(respond)]() mutable {
            serve(std::move(request), std::move(respond));
        },
        Qt::QueuedConnection);
}

void ApiService::finish(const std::shared_ptr<Call>& call, HttpResponse response)
{
    if (call->answered)
        return;
    call->answered = true;
    if (m_observer)
        m_observer(call->route, call->request.method, response.status,
                   double(steadyNs() - call->request.receivedNs) / 1e9);
    if (response.status >= 500)
        qCWarning(lcApi).noquote() << call->request.method << call->request.path << response.status
                                   << call->request.peer.toString();
    call->client.reset();
    call->respond(std::move(response));
}

/// The engine names fields as its C++ members do ("orderId"); the API as its JSON does
/// ("order_id"), and the key as its header.
static QString apiFieldName(const QString& field)
{
    if (field == u"idempotencyKey"_s)
        return u"Idempotency-Key"_s;
    static const QRegularExpression identifier(u"^[A-Za-z0-9_.\\[\\]]+$"_s);
    if (field.isEmpty() || !field.front().isLower() || !identifier.match(field).hasMatch())
        return field; // "Authorization", "row 12, Variant Price": kept as written
    // each segment that is a member's name ("variantId"), not a key of a map ("amounts.EUR")
    QStringList segments = field.split(u'.');
    for (QString& segment : segments) {
        if (segment.isEmpty() || !segment.front().isLower())
            continue;
        QString snake;
        for (const QChar c : segment) {
            if (c.isUpper()) {
                snake += u'_';
                snake += c.toLower();
            } else {
                snake += c;
            }
        }
        segment = snake;
    }
    return segments.join(u'.');
}

void ApiService::fail(const std::shared_ptr<Call>& call, const Error& given, int status, qint64 retryAfterS)
{
    Error error = given;
    error.field = apiFieldName(given.field);
    const int code = status ? status : httpStatusOf(error.code);
    HttpResponse r;
    r.status = code;
    r.contentType = "application/problem+json";
    r.body = problemBytes(error, code, QString::fromUtf8(call->request.path));
    if (code == 401)
        r.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"souk\"")});
    // not for a write that may have committed: a generic client must not resend it without its key
    if (retryAfterS > 0 || (code == 503 && !error.outcomeUnknown) || error.code == ErrorCode::InProgress)
        r.headers.append({QByteArray("Retry-After"), QByteArray::number(std::max<qint64>(1, retryAfterS))});
    finish(call, std::move(r));
}

bool ApiService::withinRate(const std::shared_ptr<Call>& call, RateLimiter& limiter, const QString& key,
                            const QString& reason, const QString& message)
{
    const auto decision = limiter.take(key, steadyMs());
    if (decision.allowed)
        return true;
    if (m_refused)
        m_refused(reason, call->request.peer);
    fail(call, Error{ErrorCode::Unavailable, message, {}}, 429, std::max<qint64>(1, (decision.retryAfterMs + 999) / 1000));
    return false;
}

void ApiService::serve(HttpRequest request, HttpServer::Responder respond)
{
    auto call = std::make_shared<Call>();
    call->request = std::move(request);
    call->respond = std::move(respond);
    call->route = u"unmatched"_s;
    const QByteArray& path = call->request.path;
    if (m_options.perAddressRate > 0
        && !withinRate(call, *m_byAddress, call->request.peer.toString(), u"rate_limited_address"_s,
                       u"too many requests from this address"_s))
        return;
    if (path == "/healthz") {
        call->route = u"/healthz"_s;
        finish(call, jsonResponse(m_draining ? 503 : 200, QJsonObject{{u"status"_s, m_draining ? u"draining"_s : u"ok"_s}}));
        return;
    }
    if (path == "/readyz") {
        call->route = u"/readyz"_s;
        serveReady(call);
        return;
    }
    if (path == "/metrics") {
        call->route = u"/metrics"_s;
        HttpResponse r;
        r.contentType = "text/plain; version=0.0.4; charset=utf-8";
        r.body = m_metricsText ? m_metricsText() : QByteArray();
        finish(call, std::move(r));
        return;
    }
    if (path == "/v1/openapi.json") {
        call->route = u"/v1/openapi.json"_s;
        HttpResponse r;
        r.body = m_openApi;
        finish(call, std::move(r));
        return;
    }
    if (m_draining) {
        fail(call, Error{ErrorCode::Unavailable, u"the node is shutting down; retry on another"_s, {}});
        return;
    }
    const auto segments = segmentsOf(path);
    if (!segments) {
        fail(call, segments.error());
        return;
    }
    if (path == "/v1/sessions" && call->request.method == "POST") {
        call->route = u"/v1/sessions"_s;
        serveSignIn(call);
        return;
    }
    const bool feed = (path == "/v1/changes" || path == "/v1/changes/stream") && call->request.method == "GET";
    const bool session = path == "/v1/sessions/current" && call->request.method == "GET";
    const Match m = feed || session ? Match{} : match(call->request.method, *segments);
    if (feed || session)
        call->route = QString::fromUtf8(path);
    else if (!m.op) {
        fail(call,
             m.pathKnown ? Error{ErrorCode::Invalid, u"this path does not take %1"_s.arg(QString::fromLatin1(call->request.method)), u"method"_s}
                         : Error::notFound(u"path"_s, u"no such route"_s),
             m.pathKnown ? 405 : 404);
        return;
    }
    if (m.op) {
        call->op = m.op;
        call->route = m.op->path;
        call->pathParams = m.pathParams;
    }
    const QByteArray authorization = call->request.header("authorization");
    if (!authorization.startsWith("Bearer ") || authorization.size() < 8) {
        fail(call, Error{ErrorCode::Unauthenticated, u"send Authorization: Bearer with an API key or session token"_s,
                         u"Authorization"_s});
        return;
    }
    const QString origin = u"api "_s + call->request.peer.toString();
    auto then = [this, call](const Result<auth::Principal>& principal) {
        if (!principal) {
            Error e = principal.error();
            if (e.code == ErrorCode::Unauthenticated)
                e.field = u"Authorization"_s;
            fail(call, e);
            return;
        }
        call->principal = *principal;
        authenticated(call);
    };
    auto principal = m_owner.signInService().authenticate(QString::fromLatin1(authorization.mid(7)).trimmed(), origin);
    if (principal.isFinished()) // a token known a moment ago: no round through the event loop
        then(principal.result());
    else
        onReady(principal, this, std::move(then));
}

void ApiService::authenticated(const std::shared_ptr<Call>& call)
{
    if (m_options.perPrincipalRate > 0
        && !withinRate(call, *m_byPrincipal, call->principal.userId.toString() + u'/' + call->principal.credentialId.toString(),
                       u"rate_limited_principal"_s, u"too many requests for this key"_s))
        return;
    if (call->op)
        serveOperation(call);
    else if (call->route.startsWith(u"/v1/changes"_s)) // the long poll and the stream
        serveChanges(call);
    else
        serveCurrentSession(call);
}

void ApiService::serveOperation(const std::shared_ptr<Call>& call)
{
    const ApiOperation& op = *call->op;
    const HttpRequest& req = call->request;
    QString key;
    if (op.idempotent) {
        const QByteArray raw = req.header("idempotency-key");
        if (raw.isEmpty()) {
            fail(call, Error::invalid(u"Idempotency-Key"_s, u"every mutation needs an Idempotency-Key header"_s));
            return;
        }
        key = QString::fromUtf8(raw);
        bool printable = raw.size() <= IdempotencyKeyMax;
        for (char c : raw)
            printable = printable && c > 32 && c < 127;
        if (!printable) {
            fail(call, Error::invalid(u"Idempotency-Key"_s, u"at most 255 printable ASCII characters, no spaces"_s));
            return;
        }
    }
    // the query: known names once each
    QUrlQuery query(QString::fromUtf8(req.query));
    QMap<QString, QString> queryValues;
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (queryValues.contains(name)) {
            fail(call, Error::invalid(name, u"given twice"_s));
            return;
        }
        queryValues.insert(name, value);
    }
    QJsonObject body;
    const bool takesBody = std::any_of(op.params.begin(), op.params.end(), [](const ParamSpec& p) { return p.in == In::Body; });
    if (takesBody && !req.body.trimmed().isEmpty()) {
        if (!req.header("content-type").startsWith("application/json")) {
            fail(call, Error::invalid(u"Content-Type"_s, u"send the body as application/json"_s), 415);
            return;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(req.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            fail(call, Error::invalid(u"body"_s, error.error != QJsonParseError::NoError
                                                     ? u"not JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset)
                                                     : u"must be a JSON object"_s));
            return;
        }
        body = doc.object();
    } else if (!takesBody && !req.body.isEmpty()) {
        fail(call, Error::invalid(u"body"_s, u"this operation takes no body"_s));
        return;
    }
    // If-Match: the version the update expects, in place of (or agreeing with) the body's
    bool versionFromIfMatch = false;
    if (const QByteArray ifMatch = req.header("if-match"); !ifMatch.isEmpty()) {
        if (op.ifMatchField.isEmpty()) {
            fail(call, Error::invalid(u"If-Match"_s, u"this operation takes no If-Match"_s));
            return;
        }
        bool ok = ifMatch.size() > 2 && ifMatch.startsWith('"') && ifMatch.endsWith('"');
        const qint64 version = ok ? ifMatch.mid(1, ifMatch.size() - 2).toLongLong(&ok) : 0;
        if (!ok || version < 0) {
            fail(call, Error::invalid(u"If-Match"_s, u"must be a version as the ETag gave it, in quotes: \"3\""_s));
            return;
        }
        const QString param = op.ifMatchField.section(u'.', 0, 0);
        const QString member = op.ifMatchField.section(u'.', 1);
        if (body.value(param).isObject()) {
            QJsonObject object = body.value(param).toObject();
            if (object.contains(member) && object.value(member).toInteger(-1) != version) {
                fail(call, Error::invalid(u"If-Match"_s, u"differs from %1 in the body"_s.arg(op.ifMatchField)));
                return;
            }
            object.insert(member, version);
            body.insert(param, object);
        }
        versionFromIfMatch = true;
    }
    Args args;
    for (const ParamSpec& p : op.params) {
        QJsonValue value(QJsonValue::Undefined); // absent, unlike null
        Source source = Source::Text;
        if (p.in == In::Path)
            value = call->pathParams.value(p.name);
        else if (p.in == In::Query && queryValues.contains(p.name))
            value = queryValues.take(p.name);
        else if (p.in == In::Body) {
            source = Source::Json;
            value = body.take(p.name);
        }
        if (value.isUndefined() && p.required) {
            fail(call, Error::invalid(p.name, u"is required"_s));
            return;
        }
        std::any decoded;
        if (auto s = p.decode(value, decoded, p.name, source); !s) {
            fail(call, s.error());
            return;
        }
        args.values.append(std::move(decoded));
    }
    int limit = 100;
    QString startingAfter;
    if (op.paged) {
        if (queryValues.contains(u"limit"_s)) {
            bool ok = false;
            limit = queryValues.take(u"limit"_s).toInt(&ok);
            if (!ok || limit < 1 || limit > 1000) {
                fail(call, Error::invalid(u"limit"_s, u"must be between 1 and 1000"_s));
                return;
            }
        }
        startingAfter = queryValues.take(u"starting_after"_s);
    }
    if (!queryValues.isEmpty()) {
        fail(call, Error::invalid(queryValues.firstKey(), u"unknown parameter"_s));
        return;
    }
    if (!body.isEmpty()) {
        fail(call, Error::invalid(body.begin().key(), u"unknown field"_s));
        return;
    }
    call->client = m_owner.actingAs(call->principal);
    op.serve(*call->client, args, key, this, [this, call, limit, startingAfter, versionFromIfMatch](const Result<Reply>& answer) {
        if (!answer) {
            if (versionFromIfMatch && answer.error().code == ErrorCode::VersionConflict) {
                Error e = answer.error();
                e.field = u"If-Match"_s;
                fail(call, e, 412); // the precondition the client set failed
                return;
            }
            fail(call, answer.error());
            return;
        }
        const ApiOperation& op = *call->op;
        HttpResponse r;
        r.status = op.successStatus;
        std::optional<qint64> etag = answer->etag;
        if (op.paged) {
            auto paged = page(answer->value.toArray(), op.cursorField, startingAfter, limit);
            if (!paged) {
                fail(call, paged.error());
                return;
            }
            r.body = compact(*paged);
            if (!op.etagField.isEmpty())
                if (const QJsonValue version = fieldAt(*paged, op.etagField); version.isDouble())
                    etag = version.toInteger();
        } else {
            r.body = answer->body;
        }
        if (etag)
            r.headers.append({QByteArray("ETag"), '"' + QByteArray::number(*etag) + '"'});
        finish(call, std::move(r));
    });
}

void ApiService::serveSignIn(const std::shared_ptr<Call>& call)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(call->request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        fail(call, Error::invalid(u"body"_s, u"send {\"user\", \"password\", \"code\"} as a JSON object"_s));
        return;
    }
    const QJsonObject o = doc.object();
    QString user, password, code;
    for (auto it = o.begin(); it != o.end(); ++it) {
        QString* target = it.key() == u"user"_s ? &user : it.key() == u"password"_s ? &password
                                                      : it.key() == u"code"_s   ? &code
                                                                                : nullptr;
        if (!target) {
            fail(call, Error::invalid(it.key(), u"unknown field"_s));
            return;
        }
        if (auto s = Json<QString>::decode(it.value(), *target, it.key(), Source::Json); !s) {
            fail(call, s.error());
            return;
        }
    }
    if (user.isEmpty() || password.isEmpty()) {
        fail(call, Error::invalid(user.isEmpty() ? u"user"_s : u"password"_s, u"is required"_s));
        return;
    }
    const QString origin = u"api "_s + call->request.peer.toString();
    onReady(m_owner.signInService().signIn(user, password, code, origin), this,
            [this, call](const Result<auth::SignedIn>& signedIn) {
                if (!signedIn) {
                    fail(call, signedIn.error());
                    return;
                }
                finish(call, jsonResponse(201, QJsonObject{{u"token"_s, signedIn->token},
                                                           {u"expires_ms"_s, signedIn->expiresMs},
                                                           {u"principal"_s, Json<auth::Principal>::encode(signedIn->principal)}}));
            });
}

void ApiService::serveReady(const std::shared_ptr<Call>& call)
{
    if (m_draining) {
        finish(call, jsonResponse(503, QJsonObject{{u"status"_s, u"draining"_s}}));
        return;
    }
    if (const auto damage = m_owner.storeDamage()) {
        finish(call, jsonResponse(503, QJsonObject{{u"status"_s, u"store damaged"_s}, {u"detail"_s, damage->message}}));
        return;
    }
    // the writer answers a no-op: the store is open and its thread alive
    onReady(m_owner.engine().write<bool>(Actor{u"system"_s, u"system"_s}, [](store::UnitOfWork&) -> Result<bool> { return true; }),
            this, [this, call](const Result<bool>& alive) {
                finish(call, alive ? jsonResponse(200, QJsonObject{{u"status"_s, u"ready"_s}})
                                   : jsonResponse(503, QJsonObject{{u"status"_s, u"writer failing"_s},
                                                                   {u"detail"_s, alive.error().message}}));
            });
}

} // namespace souk::api
