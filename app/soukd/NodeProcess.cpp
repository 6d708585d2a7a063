#include "app/soukd/NodeProcess.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

#include "backend/api/http/HttpServer.h"
#include "backend/api/metrics/CounterFamily.h"
#include "backend/api/metrics/EngineMetrics.h"
#include "backend/api/metrics/GaugeFamily.h"
#include "backend/api/metrics/HistogramFamily.h"
#include "backend/api/metrics/Registry.h"
#include "backend/api/node/AddressRules.h"
#include "backend/api/node/Certificate.h"
#include "backend/api/schema/Problem.h"
#include "backend/api/server/ApiService.h"
#include "backend/client/LocalClient.h"
#include "backend/core/Clock.h"
#include "backend/engine/Engine.h"
#include "backend/store/StoreOptions.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNode, "souk.node")

namespace souk::node {
namespace {

int signalPipe[2] = {-1, -1};

void onPosixSignal(int number)
{
    const char byte = static_cast<char>(number);
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &byte, 1);
}

api::HttpLimits limitsOf(const api::NodeConfig& c)
{
    api::HttpLimits l;
    l.maxHeaderBytes = static_cast<int>(c.maxHeaderBytes);
    l.maxBodyBytes = c.maxBodyBytes;
    l.headerTimeoutMs = static_cast<int>(c.headerTimeoutMs);
    l.idleTimeoutMs = static_cast<int>(c.idleTimeoutMs);
    l.maxConnections = c.maxConnections;
    return l;
}

api::HttpResponse refusalResponse(api::Refusal why)
{
    int status = 400;
    Error error{ErrorCode::Invalid, u"the request could not be read as HTTP/1.1"_s, u"request"_s};
    switch (why) {
    case api::Refusal::HeaderTooLarge:
        status = 431;
        error = Error{ErrorCode::Invalid, u"the request line and header exceed the node's limit"_s, u"header"_s};
        break;
    case api::Refusal::BodyTooLarge:
        status = 413;
        error = Error{ErrorCode::Invalid, u"the body exceeds the node's limit"_s, u"body"_s};
        break;
    case api::Refusal::ConnectionCap:
        status = 503;
        error = Error{ErrorCode::Unavailable, u"the node has too many connections; retry later"_s, {}};
        break;
    default:
        break;
    }
    api::HttpResponse r;
    r.status = status;
    r.contentType = "application/problem+json";
    r.body = api::problemBytes(error, status);
    if (status == 503)
        r.headers.append({QByteArray("Retry-After"), QByteArray("2")});
    return r;
}

/// Whether a PostgreSQL store that would not open may open later: it could not be reached or read.
/// Not a malformed URL, nor a refusal in the server's English words (no such database or role, a
/// wrong password, pg_hba). A server that words those in another language is waited for, its
/// words logged at each try.
bool worthWaitingFor(const Error& error)
{
    static const QStringList permanent = {u"does not exist"_s, u"authentication failed"_s, u"no pg_hba.conf entry"_s,
                                          u"is not permitted to log in"_s};
    return (error.code == ErrorCode::StoreIo || error.code == ErrorCode::Unavailable) &&
           std::none_of(permanent.begin(), permanent.end(),
                        [&error](const QString& words) { return error.message.contains(words); });
}

/// The store, once it opens: a PostgreSQL store that cannot be reached yet (starting, or failing
/// over) is tried again for up to `waitSeconds`.
Result<std::unique_ptr<LocalClient>> openStore(const LocalClient::Options& options, int waitSeconds)
{
    // A node started with its database, or while the database fails over, serves once the
    // database does, rather than exit and wait for its supervisor. SIGTERM still ends the wait
    // (its handler is installed later).
    const bool postgres = store::StoreOptions::isPostgresUrl(options.store.path);
    const QDeadlineTimer deadline(qint64(waitSeconds) * 1000);
    qint64 pauseMs = 500;
    for (;;) {
        auto client = LocalClient::open(options);
        if (client || !postgres || !worthWaitingFor(client.error()) || deadline.hasExpired())
            return client;
        pauseMs = std::min({pauseMs, deadline.remainingTime(), qint64(5000)});
        qCWarning(lcNode).noquote() << "the store is not reachable yet, trying again in" << pauseMs
                                    << "ms:" << client.error().message;
        QThread::msleep(quint64(pauseMs));
        pauseMs *= 2;
    }
}

} // namespace

int installSignalPipe()
{
    if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return -1;
    struct sigaction action = {};
    action.sa_handler = onPosixSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGHUP, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN); // a peer that went away is an error code, not the end of the node
    return signalPipe[0];
}

NodeProcess::NodeProcess(api::NodeConfig config, QString configPath)
    : m_config(std::move(config)), m_configPath(std::move(configPath)), m_startedMs(SystemClock::instance().nowMs()),
      m_metrics(std::make_unique<metrics::Registry>())
{
}

NodeProcess::~NodeProcess()
{
    if (m_server)
        m_server->stop();
    m_server.reset();
    m_api.reset();
    m_engineMetrics.reset();
    m_client.reset();
}

quint16 NodeProcess::port() const
{
    return m_server ? m_server->port() : 0;
}

Status NodeProcess::start()
{
    if (m_config.storePath.isEmpty())
        return Error::invalid(u"store"_s, u"name the store: --store FILE|postgresql://... or [node] store"_s);
    if (store::StoreOptions::isPostgresUrl(m_config.storePath) && m_config.certPath.isEmpty())
        return Error::invalid(u"cert"_s, u"a node on PostgreSQL has no store file to keep a certificate beside: "
                                         "give --cert and --key"_s);
    if (m_config.certPath.isEmpty() != m_config.keyPath.isEmpty())
        return Error::invalid(m_config.certPath.isEmpty() ? u"cert"_s : u"key"_s, u"give both --cert and --key, or neither"_s);
    if (m_config.certPath.isEmpty()) {
        // first run without a certificate: one of our own beside the store, pinned by clients
        m_config.certPath = m_config.storePath + u".cert.pem"_s;
        m_config.keyPath = m_config.storePath + u".key.pem"_s;
        if (!QFileInfo::exists(m_config.certPath)) {
            QStringList hosts{m_config.listenHost};
            for (const QString& h : {u"localhost"_s, u"127.0.0.1"_s, u"::1"_s})
                if (!hosts.contains(h))
                    hosts << h;
            if (auto s = api::createSelfSigned(m_config.certPath, m_config.keyPath, hosts); !s)
                return s;
            qCInfo(lcNode).noquote() << "made a self-signed certificate:" << m_config.certPath;
        }
    }
    if (auto s = api::checkKeyPair(m_config.certPath, m_config.keyPath); !s)
        return s;
    auto fingerprint = api::fingerprintOfFile(m_config.certPath);
    if (!fingerprint)
        return fingerprint.error();
    auto rules = api::AddressRules::parse(m_config.allow, m_config.deny);
    if (!rules)
        return rules.error();
    m_rules = std::make_shared<api::AddressRules>(*rules);

    LocalClient::Options options;
    options.store.path = m_config.storePath;
    options.principal = auth::Principal::localAdmin(u"soukd"_s);
    options.feedRetentionMs = qint64(m_config.feedRetentionHours) * 3600'000;
    auto client = openStore(options, m_config.storeWaitSeconds);
    if (!client)
        return client.error();
    m_client = std::move(client).value();

    api::ApiService::Options apiOptions;
    apiOptions.version = QStringLiteral(SOUK_VERSION_STRING);
    apiOptions.perAddressRate = m_config.perAddressRate;
    apiOptions.perAddressBurst = m_config.perAddressBurst;
    apiOptions.perPrincipalRate = m_config.perPrincipalRate;
    apiOptions.perPrincipalBurst = m_config.perPrincipalBurst;
    apiOptions.maxImportBytes = m_config.maxImportBytes;
    apiOptions.streamStallMs = m_config.streamStallMs;
    apiOptions.streamIdleMs = m_config.streamIdleMs;
    apiOptions.streamReauthMs = m_config.streamRecheckMs;
    m_api = std::make_unique<api::ApiService>(*m_client, apiOptions);

    api::HttpServer::Hooks hooks;
    api::ApiService* service = m_api.get();
    hooks.handler = [service](api::HttpRequest&& request, api::HttpServer::Responder respond) {
        service->handle(std::move(request), std::move(respond));
    };
    hooks.bodyLimit = [service](const QByteArray& method, const QByteArray& path) {
        return service->bodyLimitFor(method, path);
    };
    hooks.admits = [this](const QHostAddress& peer) { return std::atomic_load(&m_rules)->admits(peer); };
    hooks.refusalResponse = refusalResponse;
    auto& refused = m_metrics->counterFamily(u"souk_http_refused_total"_s,
                                             u"Requests and connections refused by a limit, by reason"_s, {u"reason"_s});
    hooks.refused = [&refused](api::Refusal why, const QHostAddress& peer) {
        refused.with({api::refusalName(why)}).inc();
        qCWarning(lcNode).noquote() << "refused" << api::refusalName(why) << "from" << peer.toString();
    };
    m_api->setRefusalObserver([&refused](const QString& reason, const QHostAddress& peer) {
        refused.with({reason}).inc();
        qCWarning(lcNode).noquote() << "refused" << reason << "from" << peer.toString();
    });
    m_server = std::make_unique<api::HttpServer>(std::move(hooks), limitsOf(m_config));
    if (auto s = m_server->setTls(m_config.certPath, m_config.keyPath); !s)
        return s;
    wireMetrics();
    if (auto s = m_server->listen(m_config.listenHost, m_config.listenPort, m_config.ioThreads); !s)
        return s;

    const int fd = installSignalPipe();
    if (fd >= 0) {
        m_signals = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        connect(m_signals, &QSocketNotifier::activated, this, &NodeProcess::onSignal);
    }
    // stdout, for scripts and the first-connection check: what to pin
    std::printf("soukd listening on https://%s:%u\nsoukd certificate SHA-256 %s\n",
                qPrintable(m_config.listenHost.contains(u':') ? u'[' + m_config.listenHost + u']' : m_config.listenHost),
                unsigned(port()), qPrintable(*fingerprint));
    std::fflush(stdout);
    qCInfo(lcNode).noquote() << "serving" << store::StoreOptions::shown(m_config.storePath) << "on port" << port()
                             << "as node" << m_client->engine().nodeId();
    return {};
}

void NodeProcess::wireMetrics()
{
    // what runs and since when: a dashboard tells a restart and a mixed-version cluster from these
    m_metrics->gaugeFamily(u"souk_build_info"_s, u"The soukd build this node runs; always 1"_s, {u"version"_s})
        .with({QStringLiteral(SOUK_VERSION_STRING)})
        .set(1);
    m_metrics->gauge(u"process_start_time_seconds"_s, u"Start time of the process since the Unix epoch in seconds"_s)
        .set(double(m_startedMs) / 1000.0);
    auto& requests = m_metrics->counterFamily(u"souk_http_requests_total"_s, u"HTTP requests answered, by route, method and status"_s,
                                              {u"route"_s, u"method"_s, u"status"_s});
    auto& latency = m_metrics->histogramFamily(u"souk_http_request_duration_seconds"_s,
                                               u"From a request's complete header to its answer, by route"_s, {u"route"_s},
                                               metrics::HistogramFamily::latencyBucketsSeconds());
    m_api->setObserver([&requests, &latency](const QString& route, const QByteArray& method, int status, double seconds) {
        requests.with({route, QString::fromLatin1(method), QString::number(status)}).inc();
        latency.with({route}).observe(seconds);
    });
    api::HttpServer* server = m_server.get();
    m_metrics->callbackGauge(u"souk_http_requests_in_flight"_s, u"Requests read and not yet answered"_s,
                             [server] { return double(server->requestsInFlight()); });
    m_metrics->callbackGauge(u"souk_http_connections_open"_s, u"Open client connections"_s,
                             [server] { return double(server->openConnections()); });
    engine::Engine* engine = &m_client->engine();
    m_metrics->callbackGauge(u"souk_feed_head_seq"_s, u"The change feed's newest position"_s,
                             [engine] { return double(engine->lastPublishedSeq()); });
    // the writer's queue and commits, the store's size, the provider outbox (counted every 5 s),
    // orders placed, authorizations and provider calls by outcome
    m_engineMetrics = std::make_unique<metrics::EngineMetrics>(*m_metrics, *engine, m_client->paymentFlows());
    // the change stream (GET /v1/changes/stream): how many are open, opened, closed and why, sent
    m_metrics->callbackGauge(u"souk_feed_streams_open"_s, u"Change streams (WebSockets) open"_s,
                             [server] { return double(server->openWebSockets()); });
    auto& opened = m_metrics->counterFamily(u"souk_feed_streams_opened_total"_s, u"Change streams opened"_s, {});
    auto& closed = m_metrics->counterFamily(u"souk_feed_streams_closed_total"_s, u"Change streams closed, by why"_s,
                                            {u"reason"_s});
    auto& messages = m_metrics->counterFamily(u"souk_feed_stream_messages_total"_s,
                                              u"Messages sent on change streams"_s, {});
    opened.with({}); // present at 0 from the first scrape
    messages.with({});
    m_api->setStreamObserver([&opened, &closed, &messages](const QString& event, const QString& why) {
        if (event == u"message"_s)
            messages.with({}).inc();
        else if (event == u"opened"_s)
            opened.with({}).inc();
        else
            closed.with({why}).inc();
    });
    metrics::Registry* registry = m_metrics.get();
    m_api->setMetricsText([registry] { return registry->exposition(); });
}

void NodeProcess::onSignal()
{
    char byte = 0;
    while (::read(signalPipe[0], &byte, 1) == 1) {
        if (byte == SIGHUP)
            reload();
        else
            drain();
    }
}

void NodeProcess::reload()
{
    qCInfo(lcNode) << "SIGHUP: reloading the certificate and limits";
    api::NodeConfig next = m_config;
    if (!m_configPath.isEmpty()) {
        auto loaded = api::NodeConfig::load(m_configPath, m_config);
        if (!loaded) {
            qCWarning(lcNode).noquote() << "reload refused, settings kept:" << loaded.error().toString();
            return;
        }
        next = *loaded;
        next.storePath = m_config.storePath; // the store and the address stay: a restart changes those
        next.listenHost = m_config.listenHost;
        next.listenPort = m_config.listenPort;
        if (next.certPath.isEmpty()) {
            next.certPath = m_config.certPath;
            next.keyPath = m_config.keyPath;
        }
    }
    auto rules = api::AddressRules::parse(next.allow, next.deny);
    if (!rules) {
        qCWarning(lcNode).noquote() << "reload refused, settings kept:" << rules.error().toString();
        return;
    }
    if (auto s = m_server->setTls(next.certPath, next.keyPath); !s) {
        qCWarning(lcNode).noquote() << "reload refused, certificate kept:" << s.error().toString();
        return;
    }
    std::atomic_store(&m_rules, std::make_shared<api::AddressRules>(*rules));
    m_server->setLimits(limitsOf(next));
    m_api->setRates(next.perAddressRate, next.perAddressBurst, next.perPrincipalRate, next.perPrincipalBurst);
    m_config = next;
    qCInfo(lcNode) << "reloaded";
}

void NodeProcess::drain()
{
    if (m_draining)
        return;
    m_draining = true;
    qCInfo(lcNode) << "draining: no new connections, finishing the requests in flight";
    m_api->setDraining(true);
    m_server->drain(0);
    auto* poll = new QTimer(this);
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + 10'000;
    connect(poll, &QTimer::timeout, this, [this, poll, deadline] {
        // requests are answered, and change streams have sent their "going away"
        if ((m_server->requestsInFlight() > 0 || m_server->openWebSockets() > 0)
            && QDateTime::currentMSecsSinceEpoch() < deadline)
            return;
        poll->stop();
        if (const int left = m_server->requestsInFlight())
            qCWarning(lcNode) << left << "requests still in flight after 10 s; closing";
        m_server->stop();
        m_api.reset();
        m_engineMetrics.reset();
        m_client.reset(); // finishes the queued writes and closes the store
        qCInfo(lcNode) << "stopped";
        QCoreApplication::exit(0);
    });
    poll->start(20);
}

} // namespace souk::node
