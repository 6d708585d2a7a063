#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <memory>

#include "backend/core/Result.h"

namespace souk::api {

/// One HTTP/1.1 request as the transport read it: whole, within the limits. Value type.
struct HttpRequest
{
    QByteArray method; ///< "GET"
    QByteArray path;   ///< "/v1/orders/42", percent-decoding not applied
    QByteArray query;  ///< "limit=10&starting_after=7", without '?'
    /// Header fields with lower-case names, in arrival order.
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;
    quint64 connectionId = 0;
    qint64 receivedNs = 0; ///< steady clock, when the header was complete
    /// A WebSocket opening handshake (GET with Upgrade: websocket, a key and version 13); a
    /// route may accept it (HttpResponse::webSocket).
    bool webSocketUpgrade = false;

    /// The first field of that (lower-case) name, or empty.
    QByteArray header(const QByteArray& lowerName) const;
};

/// A WebSocket the transport accepted for a route (see WebSocketAccept). Messages leave in the
/// order they were given. Every method may be called from any thread.
class WebSocket
{
public:
    virtual ~WebSocket() = default;
    /// Queues a text message; false when the socket is closing or closed, or the queue would
    /// pass the route's maxQueuedBytes (the socket is then closed 1008 "too slow").
    virtual bool send(QByteArray text) = 0;
    /// Bytes given to send() and not yet written.
    virtual qint64 queuedBytes() const = 0;
    /// Calls `ready` once, on an IO thread, when the queue is empty (at once if it is); never
    /// when the socket ends first.
    virtual void whenDrained(std::function<void()> ready) = 0;
    /// Sends a close frame with `code` and `reason` (at most 123 bytes) after what is queued,
    /// then ends the connection. Later calls do nothing.
    virtual void close(quint16 code, const QByteArray& reason) = 0;
};

/// A route's answer to a WebSocket upgrade: the transport answers 101 and keeps the TLS
/// connection as a WebSocket (pings while idle, closed after `idleTimeoutMs` without a sign of
/// life; "going away" on a drain).
struct WebSocketAccept
{
    /// Once the handshake is done, on an IO thread: the socket to send on.
    std::function<void(std::shared_ptr<WebSocket>)> opened;
    /// Once, on an IO thread, however it ended: the close code sent or received (1006: the
    /// connection broke, or the handshake failed).
    std::function<void(quint16 code)> closed;
    /// A text or binary message from the peer; null: messages are read and dropped.
    std::function<void(const QByteArray&)> received;
    qint64 maxQueuedBytes = 8 * 1024 * 1024;
    qint64 maxMessageBytes = 4 * 1024; ///< from the peer; a larger one closes the socket (1009)
    /// No frame (a pong counts) for this long closes the socket; a ping goes out at half of it.
    int idleTimeoutMs = 30'000;
};

/// WebSocket close codes the transport sends.
namespace CloseCode {
constexpr quint16 Normal = 1000;
constexpr quint16 GoingAway = 1001;       ///< the node drains
constexpr quint16 PolicyViolation = 1008; ///< the peer reads too slowly
constexpr quint16 Abnormal = 1006;        ///< never sent: the connection broke
constexpr quint16 InternalError = 1011;
} // namespace CloseCode

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// Ends the connection after this response (a refusal that must not be retried on it).
    bool close = false;
    /// Accepts the request's WebSocket upgrade: the transport answers 101 itself (status, body
    /// and headers are not sent). Set only when the request is one (webSocketUpgrade).
    std::shared_ptr<WebSocketAccept> webSocket;
};

/// Why the transport refused a request or a connection before any handler saw it.
enum class Refusal
{
    HeaderTooLarge,  ///< request line and header over the limit: 431
    BodyTooLarge,    ///< 413
    Malformed,       ///< the parser refused it (e.g. both Content-Length and Transfer-Encoding): 400
    HeaderTimeout,   ///< header not complete in time (slowloris): connection closed
    BodyTimeout,     ///< body not complete in time: connection closed
    ConnectionCap,   ///< too many connections: 503 with Retry-After, then closed
    Firewall,        ///< the address is denied: closed at once
    TlsHandshake,    ///< the handshake failed or timed out
};
QString refusalName(Refusal refusal);

/// The transport's limits; the defaults are soukd's (see NodeConfig).
struct HttpLimits
{
    int maxHeaderBytes = 16 * 1024;
    qint64 maxBodyBytes = 1024 * 1024;
    int headerTimeoutMs = 10'000;
    /// For the body once the header is in; a 1 MiB body must arrive at ~100 KiB/s at least.
    int bodyTimeoutMs = 10'000;
    /// A keep-alive connection with no request starting within this is closed.
    int idleTimeoutMs = 60'000;
    int maxConnections = 20'000;
    int tlsHandshakeTimeoutMs = 10'000;
};

/// HTTPS/1.1 on Boost.Beast, because QHttpServer 6.4 can enforce none of the limits a node
/// exposed to a network needs: no header or body size limit (it read a 20 MB body whole), no
/// header or idle timeout, no connection cap, and it runs every handler on one thread. Beast's
/// parser has header and body limits, its streams have timeouts, and Asio threads carry the
/// sockets while the engine carries the work.
///
/// The handler is called on an IO thread, once per complete request; it must return at once
/// and call the responder exactly once, from any thread. Requests on one connection are
/// answered in order (one at a time). Owned by the program; start() and stop() from one thread.
class HttpServer final
{
public:
    using Responder = std::function<void(HttpResponse)>;
    using Handler = std::function<void(HttpRequest&&, Responder)>;

    struct Hooks
    {
        Handler handler;
        /// The body limit for a request, given its method and path (the catalog import gets a
        /// larger one); null: limits.maxBodyBytes.
        std::function<qint64(const QByteArray& method, const QByteArray& path)> bodyLimit;
        /// Whether a connection from this address is served (firewall); null: all are.
        std::function<bool(const QHostAddress&)> admits;
        /// Every refusal, for the log and /metrics; any IO thread.
        std::function<void(Refusal, const QHostAddress&)> refused;
        /// The body of a refusal answered with a status (431, 413, 400, 503): problem+json.
        std::function<HttpResponse(Refusal)> refusalResponse;
    };

    HttpServer(Hooks hooks, HttpLimits limits);
    ~HttpServer();

    /// Loads the certificate chain and key, with Mozilla's intermediate TLS settings. Called
    /// again (SIGHUP), later connections use the new pair; open ones keep theirs.
    Status setTls(const QString& certPath, const QString& keyPath);
    /// Takes effect for the next request read.
    void setLimits(const HttpLimits& limits);
    /// Binds (port 0: any free one, see port()) and starts `ioThreads` threads.
    Status listen(const QString& host, quint16 port, int ioThreads);
    quint16 port() const;

    /// Stops accepting, closes idle connections, lets requests in flight be answered (each
    /// connection then closes), sends WebSockets a "going away" close, and waits up to
    /// `timeoutMs` for the requests. Returns how many were still in flight when it gave up.
    int drain(int timeoutMs);
    /// Ends everything at once and joins the IO threads. Idempotent.
    void stop();

    int openConnections() const;
    int requestsInFlight() const;
    /// WebSockets open (each is also one of openConnections()).
    int openWebSockets() const;

    struct Impl; ///< the Asio side, shared with the connections (HttpServer.cpp)

private:
    std::shared_ptr<Impl> m_impl;
};

} // namespace souk::api
