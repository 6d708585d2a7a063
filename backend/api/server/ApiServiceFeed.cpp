// ApiService, second part: the change feed (GET /v1/changes, long poll; GET /v1/changes/stream,
// WebSocket) and the session's own principal (GET /v1/sessions/current).
#include "backend/api/server/ApiService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

#include "backend/api/schema/FeedTypes.h"
#include "backend/api/server/ApiCall.h"
#include "backend/auth/Access.h"
#include "backend/client/LocalClient.h"
#include "backend/core/Async.h"
#include "backend/engine/Engine.h"
#include "backend/engine/SignIn.h"
#include "backend/store/ChangeFeed.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::api {
namespace {

constexpr int FeedLimitDefault = 500;
constexpr int FeedLimitMax = 1000;
constexpr int FeedWaitMaxS = 60;
/// A stream reads its next page only when less than this waits in its socket: what one
/// connection holds is bounded by it and a page.
constexpr int StreamPageLimit = 500;
constexpr qint64 StreamLowWaterBytes = 256 * 1024;

/// The entity whose merchant decides who sees a change (a stock row is its variant's).
QString ownerEntity(const QString& entity)
{
    if (entity == u"stock"_s)
        return u"variant"_s;
    if (entity == u"merchant_terms"_s)
        return u"merchant"_s;
    return entity;
}

QByteArray pageBytes(const ChangePage& page)
{
    return QJsonDocument(Json<ChangePage>::encode(page).toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

/// A page of the feed for one principal.
struct FeedRead
{
    ChangePage page;
    bool more = false; ///< the page was full before filtering: read again at once
    qint64 head = 0;   ///< the newest seq this read's snapshot held
};

/// Reads the changes after `after` the principal may see: a merchant's principal only its
/// merchant's (a change whose entity is gone or has no merchant is not shown to it). Reader thread.
static Result<FeedRead> readFeed(QSqlDatabase& db, const auth::Principal& principal, std::optional<qint64> after,
                                 int limit)
{
    FeedRead read;
    ChangePage& page = read.page;
    auto head = store::ChangeFeed::lastSeq(db);
    if (!head)
        return head.error();
    read.head = *head;
    if (!after) { // where to start following from: now
        page.nextAfter = *head;
        return read;
    }
    auto first = store::scalar(db, u"SELECT coalesce(min(seq), 0) FROM changes"_s);
    if (!first)
        return first.error();
    if (first->toLongLong() > *after + 1) { // pruned: what was missed cannot be told
        page.resync = true;
        page.nextAfter = *head;
        return read;
    }
    auto rows = store::ChangeFeed::readAfter(db, *after, limit);
    if (!rows)
        return rows.error();
    read.more = rows->size() >= limit;
    page.nextAfter = rows->isEmpty() ? *after : rows->last().seq;
    for (const Change& c : *rows) {
        if (!principal.merchantId.isNull()) {
            auto owner = auth::merchantOf(db, ownerEntity(c.entity), c.id, u"id"_s);
            if (!owner || owner->isNull() || *owner != principal.merchantId)
                continue;
        }
        page.changes.append(c);
    }
    return read;
}

struct ApiService::FeedWait
{
    std::shared_ptr<Call> call;
    std::optional<qint64> after;
    int limit = FeedLimitDefault;
    QTimer* deadline = nullptr;
};

/// One open change stream. Lives on the service's thread; the socket's own callbacks come
/// from IO threads and are queued here.
struct ApiService::FeedStream
{
    auth::Principal principal;
    QString bearer; ///< checked again now and then: a revoked key ends the stream
    QString origin;
    std::optional<qint64> after; ///< the last seq sent; none: start from the head
    std::shared_ptr<WebSocket> socket;
    QTimer* stall = nullptr; ///< runs while the socket holds more than the low water mark
    QTimer* reauth = nullptr;
    bool reading = false;
    bool again = false; ///< a commit came while reading: read once more
    bool waitingDrain = false;
    bool ended = false;
};

void ApiService::serveChanges(const std::shared_ptr<Call>& call)
{
    const bool stream = call->request.path == "/v1/changes/stream";
    const QUrlQuery query(QString::fromUtf8(call->request.query));
    auto wait = std::make_shared<FeedWait>();
    wait->call = call;
    int waitS = 0;
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (name == u"after"_s && ok && n >= 0)
            wait->after = n;
        else if (name == u"limit"_s && !stream && ok && n >= 1 && n <= FeedLimitMax)
            wait->limit = int(n);
        else if (name == u"wait"_s && !stream && ok && n >= 0 && n <= FeedWaitMaxS)
            waitS = int(n);
        else {
            const QString rule = name == u"after"_s              ? u"must be a seq, 0 or more"_s
                                 : name == u"limit"_s && !stream ? u"must be between 1 and 1000"_s
                                 : name == u"wait"_s && !stream  ? u"must be between 0 and 60 seconds"_s
                                                                 : u"unknown parameter"_s;
            fail(call, Error::invalid(name, rule));
            return;
        }
    }
    if (stream) {
        serveChangeStream(call, wait->after);
        return;
    }
    if (waitS > 0 && wait->after) {
        wait->deadline = new QTimer(this);
        wait->deadline->setSingleShot(true);
        connect(wait->deadline, &QTimer::timeout, this, [this, wait] { answerFeed(wait, true); });
        wait->deadline->start(waitS * 1000);
    }
    answerFeed(wait, wait->deadline == nullptr);
}

void ApiService::answerFeed(const std::shared_ptr<FeedWait>& wait, bool final)
{
    const auth::Principal principal = wait->call->principal;
    onReady(m_owner.engine().read<FeedRead>([principal, after = wait->after, limit = wait->limit](QSqlDatabase& db) {
        return readFeed(db, principal, after, limit);
    }),
            this, [this, wait, final](const Result<FeedRead>& read) {
                if (wait->call->answered)
                    return;
                if (!read) {
                    fail(wait->call, read.error());
                    return;
                }
                const ChangePage& page = read->page;
                // nothing new it may see yet: park until a commit or the deadline, from past
                // what it may not see (or read on at once when that filled a page)
                if (page.changes.isEmpty() && !page.resync && !final && !m_draining) {
                    wait->after = page.nextAfter;
                    // a commit published after this read's snapshot was taken may have woken the
                    // parked polls before this one parked: it reads again rather than sleep past it
                    if (read->more || m_owner.engine().lastPublishedSeq() > std::max(read->head, page.nextAfter)) {
                        answerFeed(wait, false);
                        return;
                    }
                    if (!m_feedWaits.contains(wait))
                        m_feedWaits.append(wait);
                    return;
                }
                m_feedWaits.removeOne(wait);
                if (wait->deadline)
                    wait->deadline->deleteLater();
                HttpResponse r;
                r.body = pageBytes(page);
                finish(wait->call, std::move(r));
            });
}

void ApiService::wakeFeedWaits()
{
    // each parked poll reads again; one with nothing it may see parks again
    const auto waits = m_feedWaits;
    m_feedWaits.clear();
    for (const auto& wait : waits)
        answerFeed(wait, m_draining);
    const auto streams = m_feedStreams;
    for (const auto& stream : streams) {
        if (m_draining)
            endStream(stream, CloseCode::GoingAway, "going away: the node is shutting down", u"drain"_s);
        else
            pumpStream(stream);
    }
}

void ApiService::serveChangeStream(const std::shared_ptr<Call>& call, std::optional<qint64> after)
{
    if (!call->request.webSocketUpgrade) {
        fail(call, Error::invalid(u"Upgrade"_s, u"this route is a WebSocket: send the opening handshake"_s), 426);
        return;
    }
    auto stream = std::make_shared<FeedStream>();
    stream->principal = call->principal;
    stream->bearer = QString::fromLatin1(call->request.header("authorization").mid(7)).trimmed();
    stream->origin = u"api "_s + call->request.peer.toString();
    stream->after = after;
    auto accept = std::make_shared<WebSocketAccept>();
    accept->idleTimeoutMs = m_options.streamIdleMs;
    accept->opened = [this, stream](std::shared_ptr<WebSocket> socket) { // IO thread
        QMetaObject::invokeMethod(this, [this, stream, socket = std::move(socket)] {
            stream->socket = socket;
            if (m_draining) {
                endStream(stream, CloseCode::GoingAway, "going away: the node is shutting down", u"drain"_s);
                return;
            }
            stream->stall = new QTimer(this);
            stream->stall->setSingleShot(true);
            connect(stream->stall, &QTimer::timeout, this, [this, stream] {
                endStream(stream, CloseCode::PolicyViolation,
                          "too slow: the stream fell behind; reconnect and resume from your last seq", u"slow"_s);
            });
            stream->reauth = new QTimer(this);
            connect(stream->reauth, &QTimer::timeout, this, [this, stream] {
                onReady(m_owner.signInService().authenticate(stream->bearer, stream->origin), this,
                        [this, stream](const Result<auth::Principal>& principal) {
                            if (!principal && principal.error().code == ErrorCode::Unauthenticated)
                                endStream(stream, FeedClose::Unauthenticated,
                                          "unauthenticated: the key or session has ended", u"unauthenticated"_s);
                        });
            });
            stream->reauth->start(std::max(1000, m_options.streamReauthMs));
            m_feedStreams.append(stream);
            if (m_streamObserver)
                m_streamObserver(u"opened"_s, {});
            pumpStream(stream);
        });
    };
    accept->closed = [this, stream](quint16 code) { // IO thread: the peer, a broken link, or our close
        QMetaObject::invokeMethod(this, [this, stream, code] {
            if (!stream->ended)
                endStream(stream, code, {}, code == CloseCode::GoingAway && m_draining ? u"drain"_s : u"peer"_s);
        });
    };
    HttpResponse r;
    r.status = 101;
    r.webSocket = std::move(accept);
    finish(call, std::move(r));
}

void ApiService::pumpStream(const std::shared_ptr<FeedStream>& stream)
{
    if (stream->ended || !stream->socket)
        return;
    if (stream->reading) {
        stream->again = true;
        return;
    }
    if (stream->socket->queuedBytes() > StreamLowWaterBytes) {
        // the reader is behind: nothing more is read for it until its socket drains
        if (!stream->waitingDrain) {
            stream->waitingDrain = true;
            stream->stall->start(std::max(1000, m_options.streamStallMs));
            stream->socket->whenDrained([this, stream] {
                QMetaObject::invokeMethod(this, [this, stream] {
                    stream->waitingDrain = false;
                    if (stream->stall)
                        stream->stall->stop();
                    pumpStream(stream);
                });
            });
        }
        return;
    }
    stream->reading = true;
    stream->again = false;
    const auth::Principal principal = stream->principal;
    onReady(m_owner.engine().read<FeedRead>([principal, after = stream->after](QSqlDatabase& db) {
        return readFeed(db, principal, after, StreamPageLimit);
    }),
            this, [this, stream](const Result<FeedRead>& read) {
                stream->reading = false;
                if (stream->ended)
                    return;
                if (!read) {
                    endStream(stream, CloseCode::InternalError, "the feed could not be read; resume later", u"error"_s);
                    return;
                }
                const bool first = !stream->after;
                stream->after = read->page.nextAfter;
                if (read->page.resync) {
                    stream->socket->send(pageBytes(read->page));
                    endStream(stream, FeedClose::Resync,
                              "resync: the position was pruned; reload, then follow from next_after", u"resync"_s);
                    return;
                }
                // the first message of a stream from "now" says where now is; then only changes
                if (first || !read->page.changes.isEmpty()) {
                    if (!stream->socket->send(pageBytes(read->page)))
                        return; // closed (too slow, or by the peer): its closed callback ends it
                    if (m_streamObserver)
                        m_streamObserver(u"message"_s, {});
                }
                if (read->more || stream->again)
                    pumpStream(stream);
            });
}

void ApiService::endStream(const std::shared_ptr<FeedStream>& stream, quint16 code, const QByteArray& reason,
                           const QString& why)
{
    if (stream->ended)
        return;
    stream->ended = true;
    const bool wasOpen = stream->socket != nullptr;
    for (QTimer* timer : {stream->stall, stream->reauth})
        if (timer) {
            timer->stop();
            timer->deleteLater();
        }
    stream->stall = stream->reauth = nullptr;
    if (stream->socket && !reason.isEmpty())
        stream->socket->close(code, reason);
    stream->socket.reset();
    m_feedStreams.removeOne(stream);
    if (m_streamObserver && wasOpen)
        m_streamObserver(u"closed"_s, why);
}

void ApiService::serveCurrentSession(const std::shared_ptr<Call>& call)
{
    HttpResponse r;
    r.body = QJsonDocument(Json<auth::Principal>::encode(call->principal).toObject()).toJson(QJsonDocument::Compact);
    finish(call, std::move(r));
}

} // namespace souk::api
