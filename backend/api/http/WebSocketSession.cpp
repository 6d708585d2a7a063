// The transport's WebSocket side: a connection whose request a route accepted as an upgrade
// (HttpResponse::webSocket) becomes one of these, on the same TLS stream and strand.
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/websocket.hpp>

#include <deque>
#include <string>

#include "backend/api/http/HttpServerImpl.h"

namespace souk::api::http_detail {
namespace {

namespace websocket = boost::beast::websocket;

/// One WebSocket: a read loop (for control frames and the peer's close), an ordered queue of
/// text messages, and a close that waits for the queue. Lives on its connection's strand;
/// owned by its async operations and by the route's handle (shared_ptr<WebSocket>).
class WebSocketSession final : public Connection,
                               public WebSocket,
                               public std::enable_shared_from_this<WebSocketSession>
{
public:
    WebSocketSession(std::shared_ptr<HttpServer::Impl> server, TlsStream stream, quint64 id,
                     std::shared_ptr<WebSocketAccept> accept)
        : m_server(std::move(server)), m_ws(std::move(stream)), m_executor(m_ws.get_executor()), m_id(id),
          m_accept(std::move(accept))
    {
        m_server->webSockets.fetch_add(1);
    }

    ~WebSocketSession() override
    {
        m_server->webSockets.fetch_sub(1);
        m_server->connections.fetch_sub(1);
        std::lock_guard lock(m_server->mutex);
        m_server->sessions.erase(m_id);
    }

    void start(http::request<http::string_body> request)
    {
        beast::get_lowest_layer(m_ws).expires_never(); // the WebSocket's own timeouts from here on
        websocket::stream_base::timeout timeouts;
        timeouts.handshake_timeout = std::chrono::seconds(10);
        timeouts.idle_timeout = std::chrono::milliseconds(std::max(1000, m_accept->idleTimeoutMs));
        timeouts.keep_alive_pings = true;
        m_ws.set_option(timeouts);
        m_ws.set_option(websocket::stream_base::decorator(
            [](websocket::response_type& response) { response.set(http::field::server, "soukd"); }));
        m_ws.read_message_max(static_cast<std::size_t>(std::max<qint64>(125, m_accept->maxMessageBytes)));
        auto held = std::make_shared<http::request<http::string_body>>(std::move(request));
        m_ws.async_accept(*held, [self = shared_from_this(), held](beast::error_code ec) {
            if (ec) {
                self->ended(CloseCode::Abnormal);
                return;
            }
            self->m_open = true;
            if (self->m_accept->opened)
                self->m_accept->opened(self);
            self->read();
            if (self->m_closeWanted && !self->m_writing) // a drain began during the handshake
                self->sendClose();
        });
    }

    bool send(QByteArray text) override
    {
        if (m_closing || m_ended)
            return false;
        const qint64 size = text.size();
        if (m_queued.fetch_add(size) + size > m_accept->maxQueuedBytes) {
            m_queued.fetch_sub(size);
            close(CloseCode::PolicyViolation, "too slow: the send queue is full; reconnect and resume");
            return false;
        }
        net::post(m_executor, [self = shared_from_this(), text = text.toStdString()]() mutable {
            if (self->m_ended || self->m_closeSent) {
                self->m_queued.fetch_sub(static_cast<qint64>(text.size()));
                return;
            }
            self->m_queue.push_back(std::move(text));
            if (!self->m_writing)
                self->writeNext();
        });
        return true;
    }

    qint64 queuedBytes() const override { return m_queued; }

    void whenDrained(std::function<void()> ready) override
    {
        net::post(m_executor, [self = shared_from_this(), ready = std::move(ready)]() mutable {
            if (self->m_ended)
                return;
            if (self->m_queue.empty() && !self->m_writing)
                ready();
            else
                self->m_drainWaiters.push_back(std::move(ready));
        });
    }

    void close(quint16 code, const QByteArray& reason) override
    {
        m_closing = true;
        net::post(m_executor, [self = shared_from_this(), code, reason = reason.left(123).toStdString()] {
            if (self->m_ended || self->m_closeWanted)
                return;
            self->m_closeWanted = true;
            self->m_closeReason = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
            if (!self->m_writing)
                self->sendClose();
        });
    }

    void closeIfIdle() override { close(CloseCode::GoingAway, "going away: the node is shutting down"); }

    void closeNow() override
    {
        net::post(m_executor, [self = shared_from_this()] {
            beast::error_code ignored;
            beast::get_lowest_layer(self->m_ws).socket().close(ignored);
        });
    }

private:
    void read()
    {
        m_ws.async_read(m_in, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) {
                // the peer's close frame, or a broken, idle or aborted connection
                const bool closedByPeer = ec == websocket::error::closed;
                self->ended(closedByPeer                              ? quint16(self->m_ws.reason().code)
                            : self->m_closeSent                       ? quint16(self->m_closeReason.code)
                            : ec == websocket::error::message_too_big ? quint16(1009)
                                                                      : CloseCode::Abnormal);
                return;
            }
            if (self->m_accept->received) {
                const auto data = self->m_in.data();
                self->m_accept->received(QByteArray(static_cast<const char*>(data.data()), qsizetype(data.size())));
            }
            self->m_in.consume(self->m_in.size());
            self->read();
        });
    }

    void writeNext()
    {
        if (m_queue.empty()) {
            m_writing = false;
            auto waiters = std::move(m_drainWaiters);
            m_drainWaiters.clear();
            for (auto& ready : waiters)
                ready();
            if (m_closeWanted)
                sendClose();
            return;
        }
        m_writing = true;
        m_ws.text(true);
        m_ws.async_write(net::buffer(m_queue.front()), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            self->m_queued.fetch_sub(static_cast<qint64>(self->m_queue.front().size()));
            self->m_queue.pop_front();
            if (ec) {
                self->m_writing = false;
                return; // the read loop sees the connection end
            }
            self->writeNext();
        });
    }

    void sendClose()
    {
        if (m_closeSent || m_ended || !m_open)
            return;
        m_closeSent = true;
        m_ws.async_close(m_closeReason, [self = shared_from_this()](beast::error_code) {
            // the pending read completes with the peer's answer (or the timeout)
            self->ended(quint16(self->m_closeReason.code));
            beast::error_code ignored;
            beast::get_lowest_layer(self->m_ws).socket().close(ignored);
        });
    }

    void ended(quint16 code)
    {
        if (m_ended)
            return;
        m_ended = true;
        m_closing = true;
        m_drainWaiters.clear();
        // the route's callbacks may hold this socket: let go of them (a cycle otherwise)
        auto closed = std::move(m_accept->closed);
        m_accept->closed = nullptr;
        m_accept->opened = nullptr;
        m_accept->received = nullptr;
        if (closed)
            closed(code);
    }

    std::shared_ptr<HttpServer::Impl> m_server;
    websocket::stream<TlsStream> m_ws;
    net::any_io_executor m_executor;
    quint64 m_id;
    std::shared_ptr<WebSocketAccept> m_accept;
    beast::flat_buffer m_in;
    std::deque<std::string> m_queue;
    std::vector<std::function<void()>> m_drainWaiters;
    websocket::close_reason m_closeReason;
    std::atomic<qint64> m_queued{0};
    std::atomic<bool> m_closing{false}; ///< any thread: send() refuses from here on
    bool m_open = false;
    bool m_writing = false;
    bool m_closeWanted = false;
    bool m_closeSent = false;
    bool m_ended = false;
};

} // namespace

void startWebSocket(const std::shared_ptr<HttpServer::Impl>& server, TlsStream stream,
                    http::request<http::string_body> request, quint64 id, std::shared_ptr<WebSocketAccept> accept)
{
    auto session = std::make_shared<WebSocketSession>(server, std::move(stream), id, std::move(accept));
    {
        std::lock_guard lock(server->mutex);
        server->sessions[id] = session;
    }
    session->start(std::move(request));
}

} // namespace souk::api::http_detail
