#include "backend/client/HttpNodeProber.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPromise>

#include <memory>
#include <optional>

#include "backend/client/NodeTls.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// Both answers of one look; the promise is kept when the second arrives.
struct Look
{
    QPromise<Result<NodeScrape>> promise;
    NodeScrape scrape;
    QElapsedTimer clock;
    int pending = 2;
    std::optional<Error> failed;

    void oneDone()
    {
        if (--pending > 0)
            return;
        promise.start();
        promise.addResult(failed ? Result<NodeScrape>(*failed) : Result<NodeScrape>(scrape));
        promise.finish();
    }
};

Error unreachable(QNetworkReply* reply)
{
    const QString unknown = reply->property("soukUnknownFingerprint").toString();
    if (!unknown.isEmpty())
        return Error{ErrorCode::Unauthenticated,
                     u"the node's certificate is not the one trusted; its SHA-256 fingerprint is "_s + unknown,
                     u"certificate"_s};
    return Error{ErrorCode::Unavailable, u"the node did not answer: %1"_s.arg(reply->errorString()), {}};
}

} // namespace

HttpNodeProber::HttpNodeProber(Options options, QObject* parent) : QObject(parent), m_options(std::move(options))
{
    m_network.setAutoDeleteReplies(true);
}

HttpNodeProber::~HttpNodeProber() = default;

QNetworkReply* HttpNodeProber::get(const QString& path)
{
    return getWithin(m_network, m_options.url.resolved(QUrl(path)), m_options.caFile, m_options.fingerprint,
                     m_options.timeoutMs);
}

QFuture<Result<NodeScrape>> HttpNodeProber::scrape()
{
    auto look = std::make_shared<Look>();
    QFuture<Result<NodeScrape>> future = look->promise.future();
    look->clock.start();
    // one request at a time: the node's in-flight gauge then counts this look as exactly one
    QNetworkReply* metrics = get(u"/metrics"_s);
    connect(metrics, &QNetworkReply::finished, this, [this, look, metrics] {
        look->scrape.roundTripMs = look->clock.elapsed();
        const int status = metrics->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // a 200 whose body was cut off (a stall, the deadline) is no answer: half a scrape reads as a restart
        if (status == 200 && metrics->error() == QNetworkReply::NoError)
            look->scrape.metricsText = metrics->readAll();
        else if (status == 0 || status == 200)
            look->failed = unreachable(metrics);
        else
            look->failed = Error{ErrorCode::Unavailable, u"the node answered its metrics with HTTP %1"_s.arg(status), {}};
        look->oneDone();
        if (look->failed) {
            look->oneDone(); // no node to ask whether it is ready
            return;
        }
        QNetworkReply* ready = get(u"/readyz"_s);
        connect(ready, &QNetworkReply::finished, this, [look, ready] {
            // a 503 is an answer: the node is up and says why it is not ready; a cut-off reply is none
            look->scrape.readyStatus = ready->error() == QNetworkReply::NoError ||
                                               ready->error() >= QNetworkReply::ContentAccessDenied
                                           ? ready->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()
                                           : 0;
            if (look->scrape.readyStatus != 200 && look->scrape.readyStatus != 0) {
                const QJsonObject body = QJsonDocument::fromJson(ready->readAll()).object();
                look->scrape.readyDetail = body.value(u"status"_s).toString();
            }
            look->oneDone();
        });
    });
    return future;
}

} // namespace souk
