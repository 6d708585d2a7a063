#pragma once

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

#include "backend/api/http/HttpServer.h"

namespace souk {
class LocalClient;
}

namespace souk::api {

struct ApiOperation;
class RateLimiter;

/// The API v1 over an engine: routes every request of the table of operations to a LocalClient
/// acting as the request's principal, and answers JSON or problem+json. It checks what the
/// transport cannot: the path, the bearer token, the per-principal rate, the parameters
/// (strictly: unknown ones, wrong types and numbers out of range name the field), the
/// Idempotency-Key of every mutation, If-Match. Lives on the thread that created it (soukd's
/// main thread), which never waits: the engine's futures come back to it.
class ApiService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiService)
public:
    struct Options
    {
        QString version = QStringLiteral("0.1.0");
        /// Requests per second and burst for each principal after sign-in (0: no limit).
        double perPrincipalRate = 100;
        double perPrincipalBurst = 200;
        /// Requests per second and burst for each address, before anything else (0: no limit).
        double perAddressRate = 50;
        double perAddressBurst = 100;
        /// The body a catalog import may send (the transport's limit is for everything else).
        qint64 maxImportBytes = 64LL * 1024 * 1024;
        /// The change stream: a reader that has not taken what was sent within this is closed
        /// (1008); no frame from it for streamIdleMs (pings go out at half) ends it; its key or
        /// session is checked again every streamReauthMs.
        int streamStallMs = 30'000;
        int streamIdleMs = 30'000;
        int streamReauthMs = 60'000;
    };
    /// How a request ended, for the log and /metrics: the route's template ("/v1/orders/{order_id}"),
    /// the status, the seconds from header to answer.
    using Observer = std::function<void(const QString& route, const QByteArray& method, int status, double seconds)>;
    /// A refusal by a limit of this layer ("rate_limited_address", "rate_limited_principal").
    using RefusalObserver = std::function<void(const QString& reason, const QHostAddress& peer)>;
    /// A change stream's life, for /metrics: "opened", "message", or "closed" with why
    /// ("resync", "slow", "drain", "peer", "unauthenticated", "error").
    using StreamObserver = std::function<void(const QString& event, const QString& why)>;

    ApiService(LocalClient& owner, Options options, QObject* parent = nullptr);
    ~ApiService() override;

    /// Any thread (an IO thread): queued to this object's thread, answered through `respond`.
    void handle(HttpRequest&& request, HttpServer::Responder respond);
    /// SIGHUP: new rates for the next requests.
    void setRates(double perAddress, double perAddressBurst, double perPrincipal, double perPrincipalBurst);
    void setObserver(Observer observer) { m_observer = std::move(observer); }
    void setRefusalObserver(RefusalObserver observer) { m_refused = std::move(observer); }
    void setStreamObserver(StreamObserver observer) { m_streamObserver = std::move(observer); }
    /// /readyz: whether the store is open and its writer answers; /metrics's own text.
    void setMetricsText(std::function<QByteArray()> text) { m_metricsText = std::move(text); }
    /// The text /healthz, /readyz and the API answer while the node drains: 503.
    void setDraining(bool draining);

    /// The body limit of a route (the catalog import takes maxImportBytes); 0: the transport's
    /// default. Any thread (the transport asks on its IO threads).
    qint64 bodyLimitFor(const QByteArray& method, const QByteArray& path) const;

private:
    struct Call;
    struct FeedWait;
    struct FeedStream;
    void serve(HttpRequest request, HttpServer::Responder respond);
    void serveOperation(const std::shared_ptr<Call>& call);
    void serveSignIn(const std::shared_ptr<Call>& call);
    void serveReady(const std::shared_ptr<Call>& call);
    void authenticated(const std::shared_ptr<Call>& call);
    /// GET /v1/changes?after=SEQ&limit=N&wait=S (ApiServiceFeed.cpp).
    void serveChanges(const std::shared_ptr<Call>& call);
    void answerFeed(const std::shared_ptr<FeedWait>& wait, bool final);
    /// A commit: every parked poll reads again, every stream sends what is new.
    void wakeFeedWaits();
    /// GET /v1/changes/stream?after=SEQ upgraded to a WebSocket (ApiServiceFeed.cpp).
    void serveChangeStream(const std::shared_ptr<Call>& call, std::optional<qint64> after);
    void pumpStream(const std::shared_ptr<FeedStream>& stream);
    void endStream(const std::shared_ptr<FeedStream>& stream, quint16 code, const QByteArray& reason, const QString& why);
    void serveCurrentSession(const std::shared_ptr<Call>& call);
    void finish(const std::shared_ptr<Call>& call, HttpResponse response);
    /// Answers `error` as problem+json: its status from the code unless `status` is given, and
    /// Retry-After when the client should come back (seconds).
    void fail(const std::shared_ptr<Call>& call, const Error& error, int status = 0, qint64 retryAfterS = 0);
    /// Takes one of `key`'s tokens; without one, answers 429 with Retry-After and returns false.
    bool withinRate(const std::shared_ptr<Call>& call, RateLimiter& limiter, const QString& key, const QString& reason,
                    const QString& message);

    LocalClient& m_owner;
    Options m_options;
    std::unique_ptr<RateLimiter> m_byAddress;
    std::unique_ptr<RateLimiter> m_byPrincipal;
    Observer m_observer;
    RefusalObserver m_refused;
    std::function<QByteArray()> m_metricsText;
    QByteArray m_openApi; ///< written once: the table does not change while the node runs
    bool m_draining = false;
    QList<std::shared_ptr<FeedWait>> m_feedWaits; ///< long polls waiting for a commit
    QList<std::shared_ptr<FeedStream>> m_feedStreams; ///< open change streams
    StreamObserver m_streamObserver;
};

} // namespace souk::api
