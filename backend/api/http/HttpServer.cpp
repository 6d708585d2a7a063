#include "backend/api/http/HttpServer.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <chrono>

#include "backend/api/http/HttpServerImpl.h"
#include "backend/api/node/TlsPolicy.h"

using namespace Qt::StringLiterals;
using namespace souk::api::http_detail;

namespace souk::api {

QByteArray HttpRequest::header(const QByteArray& lowerName) const
{
    for (const auto& [name, value] : headers)
        if (name == lowerName)
            return value;
    return {};
}

QString refusalName(Refusal refusal)
{
    switch (refusal) {
    case Refusal::HeaderTooLarge: return u"header_too_large"_s;
    case Refusal::BodyTooLarge: return u"body_too_large"_s;
    case Refusal::Malformed: return u"malformed"_s;
    case Refusal::HeaderTimeout: return u"header_timeout"_s;
    case Refusal::BodyTimeout: return u"body_timeout"_s;
    case Refusal::ConnectionCap: return u"connection_cap"_s;
    case Refusal::Firewall: return u"firewall"_s;
    case Refusal::TlsHandshake: return u"tls_handshake"_s;
    }
    return u"unknown"_s;
}

namespace {

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QHostAddress toQt(const net::ip::address& address)
{
    QHostAddress out(QString::fromStdString(address.to_string()));
    bool isV4 = false;
    const quint32 v4 = out.toIPv4Address(&isV4); // a v4-mapped v6 address is the v4 one
    return isV4 ? QHostAddress(v4) : out;
}

} // namespace

/// One TLS connection: handshake, then requests one at a time until the peer, a limit, an
/// error or a drain ends it. Lives on its strand; owned by the async operations in flight.
/// An upgraded connection is handed over to a WebSocket session (WebSocketSession.cpp).
class Session final : public Connection, public std::enable_shared_from_this<Session>
{
public:
    Session(std::shared_ptr<HttpServer::Impl> server, tcp::socket socket, std::shared_ptr<ssl::context> tls,
            QHostAddress peer, quint64 id, bool overCap)
        : m_server(std::move(server)), m_tls(std::move(tls)), m_stream(std::move(socket), *m_tls),
          m_executor(m_stream.get_executor()), m_peer(std::move(peer)), m_id(id), m_overCap(overCap)
    {
    }

    void start()
    {
        net::dispatch(m_executor, [self = shared_from_this()] { self->handshake(); });
    }

    void closeIfIdle() override
    {
        net::post(m_executor, [self = shared_from_this()] {
            if (!self->m_busy && !self->m_handedOver)
                beast::get_lowest_layer(self->m_stream).close();
        });
    }

    void closeNow() override
    {
        net::post(m_executor, [self = shared_from_this()] {
            beast::error_code ignored;
            if (!self->m_handedOver)
                beast::get_lowest_layer(self->m_stream).socket().close(ignored);
        });
    }

    ~Session() override
    {
        if (m_handedOver) // the WebSocket session holds the count and the entry now
            return;
        m_server->connections.fetch_sub(1);
        std::lock_guard lock(m_server->mutex);
        m_server->sessions.erase(m_id);
    }

private:
    void handshake()
    {
        m_limits = m_server->currentLimits();
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::milliseconds(m_limits.tlsHandshakeTimeoutMs));
        m_stream.async_handshake(ssl::stream_base::server, [self = shared_from_this()](beast::error_code ec) {
            if (ec) {
                self->m_server->refuse(Refusal::TlsHandshake, self->m_peer);
                return;
            }
            self->waitForRequest();
        });
    }

    /// Phase one: an idle connection gets idleTimeoutMs for a request to start.
    void waitForRequest()
    {
        m_busy = false;
        m_limits = m_server->currentLimits();
        if (m_server->draining) {
            shutdown();
            return;
        }
        if (m_buffer.size() > 0) { // pipelined: the next request is already here
            readHeader();
            return;
        }
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::milliseconds(m_limits.idleTimeoutMs));
        auto space = m_buffer.prepare(4096);
        m_stream.async_read_some(space, [self = shared_from_this()](beast::error_code ec, std::size_t n) {
            if (ec)
                return; // idle timeout, the peer closed, or a drain closed it
            self->m_buffer.commit(n);
            self->readHeader();
        });
    }

    /// Phase two: the request line and header, within their size and time limits.
    void readHeader()
    {
        m_busy = true;
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(m_limits.maxHeaderBytes));
        // the body's limit depends on the route: set once the header is in (onHeader)
        m_parser->body_limit(boost::none);
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::milliseconds(m_limits.headerTimeoutMs));
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                    self->onHeader(ec);
                                });
    }

    void onHeader(beast::error_code ec)
    {
        if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
            refuseWith(Refusal::HeaderTooLarge);
            return;
        }
        if (ec == beast::error::timeout) {
            m_server->refuse(Refusal::HeaderTimeout, m_peer);
            return;
        }
        if (ec) {
            if (ec != http::error::end_of_stream && ec != net::error::eof && ec != ssl::error::stream_truncated
                && ec != net::error::operation_aborted && ec != net::error::connection_reset)
                refuseWith(Refusal::Malformed);
            return;
        }
        if (m_overCap) {
            refuseWith(Refusal::ConnectionCap);
            return;
        }
        const auto& req = m_parser->get();
        qint64 limit = m_limits.maxBodyBytes;
        if (m_server->hooks.bodyLimit)
            if (const qint64 own = m_server->hooks.bodyLimit(QByteArray::fromStdString(std::string(req.method_string())),
                                                               pathOf(req.target()));
                own > 0)
                limit = own;
        m_parser->body_limit(static_cast<std::uint64_t>(limit));
        // a declared length over the limit is refused before a byte of it is read
        if (const auto length = m_parser->content_length(); length && *length > static_cast<std::uint64_t>(limit)) {
            refuseWith(Refusal::BodyTooLarge);
            return;
        }
        m_receivedNs = steadyNs();
        if (m_parser->is_done()) {
            dispatch();
            return;
        }
        if (req[http::field::expect] == "100-continue") {
            // curl and Qt wait for it before sending a body; answer at once
            auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
            http::async_write(m_stream, *cont, [self = shared_from_this(), cont](beast::error_code ec, std::size_t) {
                if (!ec)
                    self->readBody();
            });
            return;
        }
        readBody();
    }

    void readBody()
    {
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::milliseconds(m_limits.bodyTimeoutMs));
        http::async_read(m_stream, m_buffer, *m_parser, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec == http::error::body_limit)
                self->refuseWith(Refusal::BodyTooLarge);
            else if (ec == beast::error::timeout)
                self->m_server->refuse(Refusal::BodyTimeout, self->m_peer);
            else if (ec)
                self->refuseWith(Refusal::Malformed);
            else
                self->dispatch();
        });
    }

    static QByteArray pathOf(beast::string_view target)
    {
        const auto q = target.find('?');
        return QByteArray(target.data(), static_cast<qsizetype>(q == beast::string_view::npos ? target.size() : q));
    }

    void dispatch()
    {
        beast::get_lowest_layer(m_stream).expires_never();
        auto& req = m_parser->get();
        HttpRequest out;
        out.method = QByteArray::fromStdString(std::string(req.method_string()));
        const beast::string_view target = req.target();
        out.path = pathOf(target);
        if (const auto q = target.find('?'); q != beast::string_view::npos)
            out.query = QByteArray(target.data() + q + 1, static_cast<qsizetype>(target.size() - q - 1));
        for (const auto& field : req)
            out.headers.append({QByteArray::fromStdString(std::string(field.name_string())).toLower(),
                                QByteArray::fromStdString(std::string(field.value()))});
        out.body = QByteArray::fromStdString(std::move(req.body()));
        out.peer = m_peer;
        out.connectionId = m_id;
        out.receivedNs = m_receivedNs;
        out.webSocketUpgrade = boost::beast::websocket::is_upgrade(req);
        m_keepAlive = req.keep_alive();
        m_server->inFlight.fetch_add(1);
        auto self = shared_from_this();
        m_server->hooks.handler(std::move(out), [self](HttpResponse response) {
            net::post(self->m_stream.get_executor(), [self, response = std::move(response)]() mutable {
                self->m_server->requestDone();
                self->write(std::move(response));
            });
        });
    }

    void refuseWith(Refusal why)
    {
        m_server->refuse(why, m_peer);
        HttpResponse response = m_server->hooks.refusalResponse ? m_server->hooks.refusalResponse(why) : HttpResponse{};
        if (!m_server->hooks.refusalResponse)
            response.status = why == Refusal::HeaderTooLarge ? 431 : why == Refusal::BodyTooLarge ? 413 : 400;
        response.close = true; // the rest of the stream cannot be trusted to be a request
        write(std::move(response));
    }

    void write(HttpResponse response)
    {
        if (response.webSocket) {
            if (m_parser && boost::beast::websocket::is_upgrade(m_parser->get()) && !m_server->draining) {
                m_handedOver = true;
                startWebSocket(m_server, std::move(m_stream), m_parser->release(), m_id, std::move(response.webSocket));
                return;
            }
            // the route accepted what is not a handshake (or the node began to drain): refuse
            if (response.webSocket->closed)
                response.webSocket->closed(CloseCode::Abnormal);
            response = HttpResponse{};
            response.status = m_server->draining ? 503 : 426;
            response.close = true;
        }
        auto out = std::make_shared<http::response<http::string_body>>();
        out->version(11);
        out->result(static_cast<unsigned>(response.status));
        out->set(http::field::server, "soukd");
        if (!response.body.isEmpty() || response.status >= 200)
            out->set(http::field::content_type, response.contentType.toStdString());
        for (const auto& [name, value] : response.headers)
            out->set(beast::string_view(name.constData(), static_cast<std::size_t>(name.size())),
                     beast::string_view(value.constData(), static_cast<std::size_t>(value.size())));
        out->body() = response.body.toStdString();
        const bool close = response.close || !m_keepAlive || m_server->draining;
        out->keep_alive(!close);
        out->prepare_payload();
        // a slow reader may not hold the connection forever either
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::milliseconds(m_limits.bodyTimeoutMs));
        http::async_write(m_stream, *out, [self = shared_from_this(), out, close](beast::error_code ec, std::size_t) {
            if (ec)
                return;
            if (close) {
                self->shutdown();
                return;
            }
            self->waitForRequest();
        });
    }

    void shutdown()
    {
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(2));
        m_stream.async_shutdown([self = shared_from_this()](beast::error_code) {
            beast::get_lowest_layer(self->m_stream).close();
        });
    }

    std::shared_ptr<HttpServer::Impl> m_server;
    std::shared_ptr<ssl::context> m_tls; ///< the pair this connection was accepted with
    TlsStream m_stream;
    net::any_io_executor m_executor; ///< the connection's strand (kept: the stream may be handed over)
    /// Grows as needed up to this: a whole header at the largest limit, and a read's worth more.
    beast::flat_buffer m_buffer{1024 * 1024 + 64 * 1024};
    std::optional<http::request_parser<http::string_body>> m_parser;
    HttpLimits m_limits;
    QHostAddress m_peer;
    quint64 m_id;
    bool m_overCap;
    bool m_busy = false;
    bool m_keepAlive = true;
    bool m_handedOver = false; ///< the stream now belongs to a WebSocket session
    qint64 m_receivedNs = 0;
};

std::vector<std::shared_ptr<Connection>> HttpServer::Impl::stopAccepting()
{
    draining = true;
    net::post(io, [self = shared_from_this()] {
        beast::error_code ignored;
        if (self->acceptor)
            self->acceptor->close(ignored);
    });
    std::vector<std::shared_ptr<Connection>> open;
    std::lock_guard lock(mutex);
    for (auto& [id, weak] : sessions)
        if (auto s = weak.lock())
            open.push_back(std::move(s));
    return open;
}

void HttpServer::Impl::accept()
{
    acceptor->async_accept(net::make_strand(io), [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || !self->acceptor || !self->acceptor->is_open())
            return;
        if (!ec) {
            beast::error_code ignored;
            const QHostAddress peer = toQt(socket.remote_endpoint(ignored).address());
            socket.set_option(tcp::no_delay(true), ignored);
            if (self->hooks.admits && !self->hooks.admits(peer)) {
                self->refuse(Refusal::Firewall, peer);
                socket.close(ignored);
            } else {
                std::shared_ptr<ssl::context> tls;
                int cap = 0;
                {
                    std::lock_guard lock(self->mutex);
                    tls = self->tls;
                    cap = self->limits.maxConnections;
                }
                const int open = self->connections.fetch_add(1) + 1;
                // a few over the cap are answered 503 with Retry-After; beyond that, closed
                const bool overCap = open > cap;
                if (open > cap + cap / 10 + 16) {
                    self->connections.fetch_sub(1);
                    self->refuse(Refusal::ConnectionCap, peer);
                    socket.close(ignored);
                } else {
                    const quint64 id = self->nextConnection.fetch_add(1);
                    auto session = std::make_shared<Session>(self, std::move(socket), tls, peer, id, overCap);
                    {
                        std::lock_guard lock(self->mutex);
                        self->sessions.emplace(id, session);
                    }
                    session->start();
                }
            }
        }
        if (!self->draining)
            self->accept();
    });
}

HttpServer::HttpServer(Hooks hooks, HttpLimits limits) : m_impl(std::make_shared<Impl>())
{
    m_impl->hooks = std::move(hooks);
    m_impl->limits = limits;
}

HttpServer::~HttpServer()
{
    stop();
}

Status HttpServer::setTls(const QString& certPath, const QString& keyPath)
{
    auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
    if (auto s = configureServerTls(context->native_handle(), certPath, keyPath); !s)
        return s;
    std::lock_guard lock(m_impl->mutex);
    m_impl->tls = std::move(context);
    return {};
}

void HttpServer::setLimits(const HttpLimits& limits)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->limits = limits;
}

Status HttpServer::listen(const QString& host, quint16 port, int ioThreads)
{
    {
        std::lock_guard lock(m_impl->mutex);
        if (!m_impl->tls)
            return Error::invalid(u"cert"_s, u"no certificate is set"_s);
    }
    beast::error_code ec;
    const auto address = net::ip::make_address(host.toStdString(), ec);
    if (ec)
        return Error::invalid(u"listen"_s, u"not an IP address: %1"_s.arg(host));
    const tcp::endpoint endpoint(address, port);
    auto& acceptor = m_impl->acceptor.emplace(m_impl->io);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (!ec)
        acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        m_impl->acceptor.reset();
        return Error::store(ErrorCode::Unavailable,
                            u"cannot listen on %1:%2: %3"_s.arg(host).arg(port).arg(QString::fromStdString(ec.message())));
    }
    m_impl->accept();
    m_impl->work.emplace(net::make_work_guard(m_impl->io));
    for (int i = 0; i < std::max(1, ioThreads); ++i)
        m_impl->threads.emplace_back([impl = m_impl] { impl->io.run(); });
    return {};
}

quint16 HttpServer::port() const
{
    beast::error_code ec;
    return m_impl->acceptor ? m_impl->acceptor->local_endpoint(ec).port() : 0;
}

int HttpServer::drain(int timeoutMs)
{
    for (const auto& session : m_impl->stopAccepting())
        session->closeIfIdle();
    std::unique_lock lock(m_impl->drainMutex);
    m_impl->drained.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_impl->inFlight == 0; });
    return m_impl->inFlight;
}

void HttpServer::stop()
{
    if (m_impl->threads.empty())
        return;
    for (const auto& session : m_impl->stopAccepting())
        session->closeNow();
    m_impl->work.reset();
    // every operation now ends with an error and releases its session; io runs out of work
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!m_impl->io.stopped() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    m_impl->io.stop();
    for (auto& t : m_impl->threads)
        t.join();
    m_impl->threads.clear();
    m_impl->acceptor.reset();
}

int HttpServer::openConnections() const
{
    return m_impl->connections;
}

int HttpServer::requestsInFlight() const
{
    return m_impl->inFlight;
}

int HttpServer::openWebSockets() const
{
    return m_impl->webSockets;
}

} // namespace souk::api
