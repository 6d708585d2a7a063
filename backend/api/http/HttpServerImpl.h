#pragma once
// The transport's inside, shared by its two translation units (HttpServer.cpp: HTTP requests;
// WebSocketSession.cpp: upgraded connections). Not for use outside backend/api/http.

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "backend/api/http/HttpServer.h"

namespace souk::api::http_detail {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

/// One open connection as the server sees it when it drains or stops.
class Connection
{
public:
    virtual ~Connection() = default;
    /// From another thread (drain): ends the connection if it waits for a request; a WebSocket
    /// is sent "going away".
    virtual void closeIfIdle() = 0;
    /// From another thread (stop): ends the connection whatever it is doing.
    virtual void closeNow() = 0;
};

/// Hands an upgraded connection over to a WebSocket session (WebSocketSession.cpp), which
/// answers the handshake and then owns the connection, its count and its registry entry.
void startWebSocket(const std::shared_ptr<HttpServer::Impl>& server, TlsStream stream,
                    http::request<http::string_body> request, quint64 id, std::shared_ptr<WebSocketAccept> accept);

} // namespace souk::api::http_detail

namespace souk::api {

struct HttpServer::Impl : std::enable_shared_from_this<HttpServer::Impl>
{
    using Connection = http_detail::Connection;

    Hooks hooks;
    mutable std::mutex mutex; ///< guards limits, tls and connections
    HttpLimits limits;
    std::shared_ptr<http_detail::ssl::context> tls;
    std::unordered_map<quint64, std::weak_ptr<Connection>> sessions;

    http_detail::net::io_context io;
    /// Keeps the IO threads up while a request is with the handler and nothing else is pending
    /// (during a drain): its answer must still be written.
    std::optional<http_detail::net::executor_work_guard<http_detail::net::io_context::executor_type>> work;
    std::optional<http_detail::tcp::acceptor> acceptor;
    std::vector<std::thread> threads;
    std::atomic<quint64> nextConnection{1};
    std::atomic<int> connections{0};
    std::atomic<int> webSockets{0};
    std::atomic<int> inFlight{0};
    std::atomic<bool> draining{false};
    std::mutex drainMutex;
    std::condition_variable drained;

    HttpLimits currentLimits() const
    {
        std::lock_guard lock(mutex);
        return limits;
    }
    void refuse(Refusal why, const QHostAddress& peer)
    {
        if (hooks.refused)
            hooks.refused(why, peer);
    }
    void accept();
    /// Marks the server draining, closes the acceptor, and answers the connections still open.
    std::vector<std::shared_ptr<Connection>> stopAccepting();
    void requestDone()
    {
        if (inFlight.fetch_sub(1) == 1) {
            std::lock_guard lock(drainMutex);
            drained.notify_all();
        }
    }
};

} // namespace souk::api
