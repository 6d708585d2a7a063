#include "backend/client/RemoteClient.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QPromise>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

#include "backend/api/schema/FeedTypes.h"
#include "backend/api/schema/Operations.h"
#include "backend/api/schema/Problem.h"
#include "backend/api/schema/Types.h"
#include "backend/client/NodeTls.h"
#include "backend/client/RemoteNodes.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRemote, "souk.client.remote")

namespace souk {
namespace {

constexpr int PageLimit = 1000;
const QString UnknownCertificate = u"the node's certificate is not the one trusted; its SHA-256 fingerprint is "_s;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// A path or query value as text: ids and strings as they are, numbers in decimal.
QString textOf(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : v.toArray())
            parts << textOf(item);
        return parts.join(u',');
    }
    return {};
}

/// The node names fields as its JSON does ("order_id"); a client of the engine knows them as the
/// engine names them ("orderId"), so errors read the same locally and remotely.
QString engineFieldName(const QString& field)
{
    if (field == u"Idempotency-Key"_s)
        return u"idempotencyKey"_s;
    QString out;
    bool upper = false;
    for (const QChar c : field) {
        if (c == u'_' && !out.isEmpty()) {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out;
}

/// A JSON text of any kind (an answer may be a bare `true`).
std::optional<QJsonValue> parseJson(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + body + "]", &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().at(0);
}

} // namespace

struct RemoteClient::Request
{
    const api::ApiOperation* op = nullptr; ///< null: a route outside the table (sessions, feed)
    QByteArray method;
    QUrl url;            ///< path and query: the node is chosen at each try
    Id merchant;         ///< what the request is about, for the policy by merchant
    int node = -1;       ///< where the last try went
    bool pinned = false; ///< to `node` alone
    QSet<int> tried;     ///< the nodes tried since the last wait
    QByteArray body;
    QString key;
    int attempt = 0;
    qint64 startedMs = 0;
    QString unknownFingerprint; ///< the certificate refused, for the error
    QJsonArray collected;       ///< a paged list's items so far
    Done done;
};

RemoteClient::RemoteClient(Options options) : m_options(std::move(options))
{
    m_nodes =
        std::make_unique<RemoteNodes>(m_options.nodes(), m_options.policy, m_options.caFile, m_options.nodeCheckMs);
    connect(m_nodes.get(), &RemoteNodes::down, this, &RemoteClient::nodeDown);
    m_health.nodes = m_health.nodesUp = m_nodes->count();
    for (auto change : {&RemoteNodes::down, &RemoteNodes::up}) {
        connect(m_nodes.get(), change, this, [this] {
            m_health.nodesUp = m_nodes->healthyCount();
            emit linkHealthChanged(m_health);
        });
    }
    m_network.setTransferTimeout(m_options.timeoutMs);
    m_feedRetry.setSingleShot(true);
    connect(&m_feedRetry, &QTimer::timeout, this, &RemoteClient::pollChanges);
    connect(&m_feedPing, &QTimer::timeout, this, &RemoteClient::pingStream);
}

RemoteClient::~RemoteClient()
{
    stopFeed();
}

QString RemoteClient::certificateFingerprint(const Error& error)
{
    return error.code == ErrorCode::Unauthenticated && error.field == u"certificate"_s
               ? error.message.mid(UnknownCertificate.size()).section(u' ', 0, 0)
               : QString();
}

QUrl RemoteClient::certificateNode(const Error& error)
{
    if (certificateFingerprint(error).isEmpty())
        return {};
    const QString rest = error.message.mid(UnknownCertificate.size()).section(u' ', 1);
    return rest.startsWith(u"at "_s) ? QUrl(rest.mid(3)) : QUrl();
}

QString RemoteClient::location() const
{
    QStringList urls;
    for (const NodeAddress& n : m_options.nodes())
        urls << n.url.toString();
    return urls.join(u", "_s);
}

QFuture<Result<std::shared_ptr<RemoteClient>>> RemoteClient::connectTo(const Options& options)
{
    auto promise = std::make_shared<QPromise<Result<std::shared_ptr<RemoteClient>>>>();
    promise->start();
    auto future = promise->future();
    for (const NodeAddress& node : options.nodes()) {
        if (node.url.scheme() != u"https"_s || node.url.host().isEmpty()) {
            promise->addResult(Error::invalid(u"url"_s, u"give each node as https://HOST:PORT"_s));
            promise->finish();
            return future;
        }
    }
    // deleted from the event loop, never from inside one of its own replies' handlers (where the
    // last reference may go, and the network manager with the reply under it)
    std::shared_ptr<RemoteClient> client(new RemoteClient(options), [](RemoteClient* c) { c->deleteLater(); });
    client->setBearer(options.apiKey);
    greet(client, promise);
    return future;
}

void RemoteClient::greet(const std::shared_ptr<RemoteClient>& client, const Connecting& promise)
{
    // /healthz proves each link and certificate: a node not trusted fails the connection (to be
    // pinned), one that does not answer is left out until its checks find it ready
    struct Greeting
    {
        int open = 0;
        bool answered = false;
        std::optional<Error> untrusted;
        std::optional<Error> firstError;
    };
    auto greeting = std::make_shared<Greeting>();
    greeting->open = client->m_nodes->count();
    for (int i = 0; i < client->m_nodes->count(); ++i) {
        client->raw(
            "GET", u"/healthz"_s, {},
            [client, promise, greeting, i](const Result<QJsonValue>& health) {
                if (health) {
                    greeting->answered = true;
                } else {
                    client->m_nodes->failed(i);
                    if (!certificateFingerprint(health.error()).isEmpty()) {
                        if (!greeting->untrusted)
                            greeting->untrusted = health.error();
                    } else if (!greeting->firstError) {
                        greeting->firstError = health.error();
                    }
                }
                if (--greeting->open > 0)
                    return;
                if (greeting->untrusted || !greeting->answered) {
                    promise->addResult(greeting->untrusted ? *greeting->untrusted : *greeting->firstError);
                    promise->finish();
                    return;
                }
                client->m_nodes->startChecks();
                identify(client, promise);
            },
            i);
    }
}

void RemoteClient::identify(const std::shared_ptr<RemoteClient>& client, const Connecting& promise)
{
    if (client->m_bearer.isEmpty()) {
        promise->addResult(client);
        promise->finish();
        return;
    }
    client->raw("GET", u"/v1/sessions/current"_s, {}, [client, promise](const Result<QJsonValue>& who) {
        auth::Principal principal;
        if (!who) {
            promise->addResult(who.error());
            promise->finish();
            return;
        }
        if (auto s = api::Json<auth::Principal>::decode(*who, principal, {}, api::Source::Answer); !s) {
            promise->addResult(Error::internal(u"the node's answer could not be read: "_s + s.error().toString()));
            promise->finish();
            return;
        }
        client->m_principal = principal;
        // the feed's position first: a change committed once this answers is not missed
        client->raw("GET", u"/v1/changes"_s, {}, [client, promise](const Result<QJsonValue>& head) {
            if (!head) {
                promise->addResult(head.error());
                promise->finish();
                return;
            }
            client->m_feedSeq = head->toObject().value(u"next_after"_s).toInteger();
            client->pollChanges();
            promise->addResult(client);
            promise->finish();
        });
    });
}

void RemoteClient::setBearer(const QString& bearer)
{
    m_bearer = bearer;
    stopFeed(); // a poll or stream under the old credentials answers nobody
    m_feedSeq = -1;
}

QNetworkRequest RemoteClient::prepare(const QUrl& url) const
{
    QNetworkRequest request(url);
    request.setSslConfiguration(nodeTls(m_options.caFile));
    request.setRawHeader("Accept", "application/json");
    if (!m_bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_bearer.toUtf8());
    request.setTransferTimeout(m_options.timeoutMs);
    return request;
}

void RemoteClient::pin(QNetworkReply* reply, int node)
{
    pinNodeCertificate(reply, m_nodes->node(node).fingerprint);
}

void RemoteClient::raw(const QByteArray& method, const QString& path, const QJsonObject& body, Done done, int node)
{
    auto request = std::make_shared<Request>();
    request->method = method;
    request->url = QUrl(path);
    if (node >= 0) {
        request->node = node;
        request->pinned = true;
        if (m_nodes->count() > 1)
            request->attempt = m_options.retries; // the others answer meanwhile: this one is not waited for
    }
    if (!body.isEmpty())
        request->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request->done = std::move(done);
    sendOnce(request);
}

void RemoteClient::send(const QString& id, const QList<QJsonValue>& args, const QString& key, Done done)
{
    const api::ApiOperation* op = api::apiOperation(id);
    if (!op || op->params.size() != args.size()) {
        done(Error::internal(u"operation %1 is not in the API's table as this client calls it"_s.arg(id)));
        return;
    }
    if (m_bearer.isEmpty() && op->signedIn) { // as in process: nobody may do anything
        done(Error{ErrorCode::Unauthenticated, u"sign in first"_s, {}});
        return;
    }
    auto request = std::make_shared<Request>();
    request->op = op;
    request->method = op->method;
    request->done = std::move(done);
    QString path = op->path;
    QUrlQuery query;
    QJsonObject body;
    Id about; // the order, payment... the path names: its merchant, when no merchant_id is sent
    for (qsizetype i = 0; i < args.size(); ++i) {
        const api::ParamSpec& p = op->params.at(i);
        const QJsonValue& v = args.at(i);
        if (p.in == api::In::Path && about.isNull() && p.name.endsWith(u"_id"_s))
            about = Id{textOf(v).toLongLong()};
        if (p.in == api::In::Path)
            path.replace(u'{' + p.name + u'}', QString::fromLatin1(QUrl::toPercentEncoding(textOf(v))));
        else if (v.isNull() || v.isUndefined())
            continue; // absent: the operation's default
        else if (p.in == api::In::Query)
            query.addQueryItem(p.name, QString::fromLatin1(QUrl::toPercentEncoding(textOf(v))));
        else
            body.insert(p.name, v);
        if (p.name == u"merchant_id"_s)
            request->merchant = Id{textOf(v).toLongLong()};
    }
    if (request->merchant.isNull() && m_nodes->byMerchant())
        request->merchant = m_nodes->merchants().merchantOf(about);
    if (op->paged)
        query.addQueryItem(u"limit"_s, QString::number(PageLimit));
    QUrl url(path);
    url.setQuery(query);
    request->url = url;
    const bool takesBody =
        std::any_of(op->params.begin(), op->params.end(), [](const api::ParamSpec& p) { return p.in == api::In::Body; });
    if (takesBody) // an operation without body parameters refuses any body, even {}
        request->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    // one key for every try: the node does the command once, and answers a retry with its result
    request->key = op->idempotent ? (key.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : key) : QString();
    sendOnce(request);
}

void RemoteClient::sendOnce(const std::shared_ptr<Request>& request)
{
    if (!request->pinned)
        request->node = m_nodes->pick(request->merchant, request->tried, request->node);
    QNetworkRequest http = prepare(m_nodes->node(request->node).url.resolved(request->url));
    if (!request->body.isEmpty())
        http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!request->key.isEmpty())
        http.setRawHeader("Idempotency-Key", request->key.toUtf8());
    request->startedMs = nowMs();
    QNetworkReply* reply = m_network.sendCustomRequest(http, request->method, request->body);
    pin(reply, request->node);
    // a node left out while this is in flight sends it to another, if it may go twice
    reply->setProperty("soukNode", request->node);
    reply->setProperty("soukResend", request->method == "GET" || !request->key.isEmpty());
    m_nodes->started(request->node);
    connect(reply, &QNetworkReply::finished, this, [this, request, reply] {
        reply->deleteLater();
        onFinished(request, reply);
    });
}

void RemoteClient::onFinished(const std::shared_ptr<Request>& request, QNetworkReply* reply)
{
    m_nodes->finished(request->node);
    // a reply cut off on the network (its headers may have come: a 201 whose body never did) is no
    // answer: the request goes again, under its key
    const QNetworkReply::NetworkError error = reply->error();
    const bool cut = error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
    const int status = cut ? 0 : reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString unknown = reply->property("soukUnknownFingerprint").toString();
    if (status == 0 && !unknown.isEmpty()) { // not the node we trust: never retried
        const QString where =
            m_nodes->count() > 1 ? u" at "_s + m_nodes->node(request->node).url.toString() : QString();
        request->done(Error{ErrorCode::Unauthenticated, UnknownCertificate + unknown + where, u"certificate"_s});
        return;
    }
    if (status == 0 && isNodeGone(error))
        m_nodes->failed(request->node);
    const QByteArray body = status == 0 ? QByteArray() : reply->readAll();
    const std::optional<QJsonValue> json = parseJson(body);
    const std::optional<Error> problem = status >= 400 && json && json->isObject()
                                             ? std::optional(api::errorFromProblem(json->toObject(), status))
                                             : std::nullopt;
    // a write that may have committed goes again only under its key: a sign-in sent twice would
    // open a second session, or find its one-time code spent
    const bool mayBeDone = problem && problem->outcomeUnknown && !resendable(*request);
    if (!mayBeDone && movedElsewhere(request, status))
        return;
    // another node may still run the same command under its key: asked again, it replays it
    const bool inProgress = status == 409 && problem && problem->code == ErrorCode::InProgress;
    const bool retryable =
        !mayBeDone && ((status == 0 && resendable(*request)) || status == 429 || status == 503 || inProgress);
    if (retryable && request->attempt < m_options.retries) {
        request->tried.clear(); // after the wait, any node again
        qint64 delayMs = qint64(m_options.retryDelayMs) << request->attempt;
        if (const QByteArray after = reply->rawHeader("Retry-After"); !after.isEmpty())
            delayMs = std::max(delayMs, after.toLongLong() * 1000);
        ++request->attempt;
        if (status == 0)
            setHealth(LinkHealth::State::Reconnecting, 0);
        QTimer::singleShot(delayMs, this, [this, request] { sendOnce(request); });
        return;
    }
    if (status == 0) {
        setHealth(LinkHealth::State::Offline, 0);
        request->done(Error{ErrorCode::Unavailable, u"the node did not answer: %1"_s.arg(reply->errorString()), {}});
        return;
    }
    setHealth(LinkHealth::State::Online, nowMs() - request->startedMs);
    if (status >= 400) {
        Error e = problem ? *problem : Error{ErrorCode::Internal, u"the node answered %1"_s.arg(status), {}};
        e.field = engineFieldName(e.field);
        request->done(e);
        return;
    }
    if (!json) {
        request->done(Error::internal(u"the node's answer is not JSON"_s));
        return;
    }
    answered(request, *json);
}

void RemoteClient::answered(const std::shared_ptr<Request>& request, const QJsonValue& json)
{
    if (m_nodes->byMerchant())
        m_nodes->merchants().learn(json);
    if (!request->op || !request->op->paged) {
        request->done(json);
        return;
    }
    // a list: the next page after this one's last item, until the node says there is no more
    const QJsonArray data = json.toObject().value(u"data"_s).toArray();
    for (const QJsonValue& item : data)
        request->collected.append(item);
    if (!json.toObject().value(u"has_more"_s).toBool() || data.isEmpty()) {
        request->done(QJsonValue(request->collected));
        return;
    }
    const QJsonValue last = data.last();
    const QString cursor = request->op->cursorField.isEmpty() ? last.toString()
                                                              : last.toObject().value(request->op->cursorField).toString();
    QUrlQuery query(request->url);
    query.removeAllQueryItems(u"starting_after"_s);
    query.addQueryItem(u"starting_after"_s, cursor);
    request->url.setQuery(query);
    request->attempt = 0;
    request->tried.clear();
    sendOnce(request);
}

bool RemoteClient::resendable(const Request& request)
{
    // a read, a command under its key, or one of the table's commands (each safe twice); not a
    // sign-in, which would open a second session and count a second attempt
    return request.method == "GET" || !request.key.isEmpty() || request.op != nullptr;
}

bool RemoteClient::isNodeGone(int error)
{
    // the node refused, closed or could not be reached: out until its checks find it ready. Not
    // a timeout (a slow request says little of the node) nor a request we ended ourselves.
    switch (QNetworkReply::NetworkError(error)) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

bool RemoteClient::movedElsewhere(const std::shared_ptr<Request>& request, int status)
{
    // a node refused at the door (503: draining, not ready, over its limits) or gone from the
    // network: another node answers the same request now, under the same key, so the command is
    // done once whichever node it reached first. 429 is the caller's own rate: no node helps.
    if (request->pinned || m_nodes->count() < 2 || (status != 0 && status != 503))
        return false;
    if (status == 0 && !resendable(*request))
        return false;
    request->tried.insert(request->node);
    if (!m_nodes->otherHealthy(request->tried))
        return false;
    qCInfo(lcRemote).noquote() << request->method << request->url.path() << "moves from"
                               << m_nodes->node(request->node).url.toString()
                               << (status == 0 ? u"(no answer)"_s : u"(HTTP 503)"_s);
    sendOnce(request);
    return true;
}

void RemoteClient::setHealth(LinkHealth::State state, qint64 latencyMs)
{
    const LinkHealth was = m_health;
    m_health.state = state;
    if (state == LinkHealth::State::Online) {
        m_health.latencyMs = latencyMs;
        m_health.offlineSinceMs = 0;
    } else if (m_health.offlineSinceMs == 0) {
        m_health.offlineSinceMs = nowMs();
    }
    if (was.state != m_health.state || (state == LinkHealth::State::Online && was.latencyMs != latencyMs))
        emit linkHealthChanged(m_health);
}

} // namespace souk
