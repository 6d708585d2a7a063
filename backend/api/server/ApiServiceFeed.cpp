// ApiService, second part: the change feed (GET /v1/changes, long poll) and the session's own
// principal (GET /v1/sessions/current).
#include "backend/api/server/ApiService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>

#include "backend/api/schema/FeedTypes.h"
#include "backend/api/server/ApiCall.h"
#include "backend/auth/Access.h"
#include "backend/client/LocalClient.h"
#include "backend/core/Async.h"
#include "backend/engine/Engine.h"
#include "backend/store/ChangeFeed.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::api {
namespace {

constexpr int FeedLimitDefault = 500;
constexpr int FeedLimitMax = 1000;
constexpr int FeedWaitMaxS = 60;

/// The entity whose merchant decides who sees a change (a stock row is its variant's).
QString ownerEntity(const QString& entity)
{
    if (entity == u"stock"_s)
        return u"variant"_s;
    if (entity == u"merchant_terms"_s)
        return u"merchant"_s;
    return entity;
}

} // namespace

/// A page of the feed for one principal.
struct FeedPage
{
    ChangeList changes;
    qint64 nextAfter = 0; ///< where the next page starts
    bool resync = false;  ///< the position asked for was pruned away: reload, then follow from nextAfter
};

/// Reads the changes after `after` the principal may see: a merchant's principal only its
/// merchant's (a change whose entity is gone or has no merchant is not shown to it). Reader thread.
static Result<FeedPage> readFeed(QSqlDatabase& db, const auth::Principal& principal, std::optional<qint64> after, int limit)
{
    FeedPage page;
    auto head = store::ChangeFeed::lastSeq(db);
    if (!head)
        return head.error();
    if (!after) { // where to start following from: now
        page.nextAfter = *head;
        return page;
    }
    auto first = store::scalar(db, u"SELECT coalesce(min(seq), 0) FROM changes"_s);
    if (!first)
        return first.error();
    if (first->toLongLong() > *after + 1) { // pruned: what was missed cannot be told
        page.resync = true;
        page.nextAfter = *head;
        return page;
    }
    auto rows = store::ChangeFeed::readAfter(db, *after, limit);
    if (!rows)
        return rows.error();
    page.nextAfter = rows->isEmpty() ? *after : rows->last().seq;
    for (const Change& c : *rows) {
        if (!principal.merchantId.isNull()) {
            auto owner = auth::merchantOf(db, ownerEntity(c.entity), c.id, u"id"_s);
            if (!owner || owner->isNull() || *owner != principal.merchantId)
                continue;
        }
        page.changes.append(c);
    }
    return page;
}

struct ApiService::FeedWait
{
    std::shared_ptr<Call> call;
    std::optional<qint64> after;
    int limit = FeedLimitDefault;
    QTimer* deadline = nullptr;
};

void ApiService::serveChanges(const std::shared_ptr<Call>& call)
{
    const QUrlQuery query(QString::fromUtf8(call->request.query));
    auto wait = std::make_shared<FeedWait>();
    wait->call = call;
    int waitS = 0;
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (name == u"after"_s && ok && n >= 0)
            wait->after = n;
        else if (name == u"limit"_s && ok && n >= 1 && n <= FeedLimitMax)
            wait->limit = int(n);
        else if (name == u"wait"_s && ok && n >= 0 && n <= FeedWaitMaxS)
            waitS = int(n);
        else {
            const QString rule = name == u"after"_s   ? u"must be a seq, 0 or more"_s
                                 : name == u"limit"_s ? u"must be between 1 and 1000"_s
                                 : name == u"wait"_s  ? u"must be between 0 and 60 seconds"_s
                                                      : u"unknown parameter"_s;
            fail(call, Error::invalid(name, rule));
            return;
        }
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
    onReady(m_owner.engine().read<FeedPage>([principal, after = wait->after, limit = wait->limit](QSqlDatabase& db) {
                return readFeed(db, principal, after, limit);
            }),
            this, [this, wait, final](const Result<FeedPage>& page) {
                if (wait->call->answered)
                    return;
                if (!page) {
                    fail(wait->call, page.error());
                    return;
                }
                // nothing new yet: park until a commit or the deadline
                if (page->changes.isEmpty() && !page->resync && !final && !m_draining) {
                    if (!m_feedWaits.contains(wait))
                        m_feedWaits.append(wait);
                    return;
                }
                m_feedWaits.removeOne(wait);
                if (wait->deadline)
                    wait->deadline->deleteLater();
                HttpResponse r;
                r.body = QJsonDocument(QJsonObject{{u"changes"_s, Json<ChangeList>::encode(page->changes)},
                                                   {u"next_after"_s, page->nextAfter},
                                                   {u"resync"_s, page->resync}})
                             .toJson(QJsonDocument::Compact);
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
}

void ApiService::serveCurrentSession(const std::shared_ptr<Call>& call)
{
    HttpResponse r;
    r.body = QJsonDocument(Json<auth::Principal>::encode(call->principal).toObject()).toJson(QJsonDocument::Compact);
    finish(call, std::move(r));
}

} // namespace souk::api
