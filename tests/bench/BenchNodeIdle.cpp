// Idle connections: soukd (started from here) holding CONNECTIONS idle keep-alive TLS
// connections, its memory, and the latency of requests made meanwhile against the same requests
// with no idle connection, in the same run.
//
// Each idle connection is opened by this process (Boost.Asio, one IO thread, 128 openings at a
// time): TCP, TLS handshake, one GET /healthz answered 200 with keep-alive, then nothing; a read
// stays posted on it to notice if the node closes it. soukd's settings allow it:
// limits/max_connections=20000, limits/idle_timeout_ms=3600000 (the default closes an idle
// connection after 60 s), rate limits at their upper bounds. This process raises its own
// RLIMIT_NOFILE to the hard limit (soukd raises its own).
//
// Measured, REQUESTS times each, one at a time from a second client (synchronous Beast on the
// main thread, its own connection):
//   - GET /v1/orders/{id} with the owner's API key on a keep-alive connection (the figure);
//   - GET /healthz on a keep-alive connection (transport only);
//   - a new connection: TCP + TLS handshake + GET /healthz.
// Each round measures with none held and with CONNECTIONS held, alternating which goes first.
// soukd's VmRSS (/proc/PID/status) is read before the connections open, while they are held and
// after they are closed, each after a 2 s pause.
//
// Usage: bench_node_idle [CONNECTIONS] [REQUESTS] [ROUNDS]   (default 10000 100 3). Release.
// SOUKD=path picks the node program (default: the one built with this bench).
#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string_view>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "tests/bench/BenchNode.h"
#include "tests/bench/BenchSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

constexpr int OpeningsAtOnce = 128;
constexpr int SettleMs = 2000;
using Stream = beast::ssl_stream<beast::tcp_stream>;

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

http::request<http::empty_body> getRequest(const std::string& target, const std::string& bearer)
{
    http::request<http::empty_body> req{http::verb::get, target, 11};
    req.set(http::field::host, "127.0.0.1");
    req.keep_alive(true);
    if (!bearer.empty())
        req.set(http::field::authorization, "Bearer " + bearer);
    return req;
}

/// CONNECTIONS idle connections, opened and held on one IO thread of their own.
class IdleHolder
{
public:
    IdleHolder(ssl::context& tls, tcp::endpoint node) : m_tls(tls), m_node(node) {}
    ~IdleHolder() { closeAll(); }

    /// Opens `count` connections; returns how many got their 200 (the rest failed, see failed()).
    int open(int count)
    {
        m_io.restart();
        m_target = count;
        m_started = 0;
        for (int i = 0; i < std::min(count, OpeningsAtOnce); ++i)
            openOne();
        m_thread = std::thread([this] { m_io.run(); }); // runs until every connection is closed
        while (m_ready + m_failed < m_target)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return m_ready;
    }

    /// Closes every connection (TCP close, as a console that quits) and waits for the IO thread.
    void closeAll()
    {
        if (!m_thread.joinable())
            return;
        m_closing = true;
        net::post(m_io, [this] {
            for (auto& held : m_held)
                beast::get_lowest_layer(*held->stream).socket().close();
        });
        m_thread.join();
        m_held.clear();
        m_ready = 0;
        m_failed = 0;
        m_closing = false;
    }

    int ready() const { return m_ready; }
    int failed() const { return m_failed; }
    /// Held connections the node closed while they were idle.
    int dropped() const { return m_dropped; }
    std::string firstError() const
    {
        std::lock_guard lock(m_errorMutex);
        return m_firstError;
    }

private:
    struct Held
    {
        std::unique_ptr<Stream> stream;
        beast::flat_buffer buffer;
        http::request<http::empty_body> request;
        http::response<http::string_body> response;
        char probe = 0;
    };

    void fail(const std::shared_ptr<Held>&, const std::string& what)
    {
        {
            std::lock_guard lock(m_errorMutex);
            if (m_firstError.empty())
                m_firstError = what;
        }
        ++m_failed;
        next();
    }

    void next()
    {
        if (m_started < m_target)
            openOne();
    }

    void openOne()
    {
        ++m_started;
        auto held = std::make_shared<Held>();
        held->stream = std::make_unique<Stream>(net::make_strand(m_io), m_tls);
        held->request = getRequest("/healthz", {});
        beast::get_lowest_layer(*held->stream).async_connect(m_node, [this, held](beast::error_code ec) {
            if (ec)
                return fail(held, "connect: " + ec.message());
            held->stream->async_handshake(ssl::stream_base::client, [this, held](beast::error_code ec) {
                if (ec)
                    return fail(held, "handshake: " + ec.message());
                http::async_write(*held->stream, held->request, [this, held](beast::error_code ec, std::size_t) {
                    if (ec)
                        return fail(held, "write: " + ec.message());
                    http::async_read(*held->stream, held->buffer, held->response,
                                     [this, held](beast::error_code ec, std::size_t) { onAnswer(held, ec); });
                });
            });
        });
    }

    void onAnswer(const std::shared_ptr<Held>& held, beast::error_code ec)
    {
        if (ec)
            return fail(held, "read: " + ec.message());
        if (held->response.result_int() != 200 || !held->response.keep_alive())
            return fail(held, "answer " + std::to_string(held->response.result_int()));
        m_held.push_back(held); // IO thread only
        ++m_ready;
        // idle from here; this read ends only when the node (or closeAll) closes the connection
        held->stream->async_read_some(net::buffer(&held->probe, 1), [this, held](beast::error_code, std::size_t) {
            if (!m_closing)
                ++m_dropped;
        });
        next();
    }

    ssl::context& m_tls;
    tcp::endpoint m_node;
    net::io_context m_io;
    std::thread m_thread;
    std::vector<std::shared_ptr<Held>> m_held;
    int m_target = 0;
    int m_started = 0;
    std::atomic<int> m_ready{0};
    std::atomic<int> m_failed{0};
    std::atomic<int> m_dropped{0};
    std::atomic<bool> m_closing{false};
    mutable std::mutex m_errorMutex;
    std::string m_firstError;
};

/// The measuring client: one request at a time, on the main thread.
class Prober
{
public:
    Prober(ssl::context& tls, tcp::endpoint node, std::string bearer, std::string orderPath)
        : m_tls(tls), m_node(node), m_bearer(std::move(bearer)), m_orderPath(std::move(orderPath))
    {}

    struct Figures
    {
        QList<double> orderMs, healthMs, freshMs;
    };

    Figures measure(int requests)
    {
        Figures out;
        Stream stream(m_io, m_tls);
        connect(stream);
        exchange(stream, getRequest(m_orderPath, m_bearer)); // warm the connection
        for (int i = 0; i < requests; ++i) {
            auto start = std::chrono::steady_clock::now();
            exchange(stream, getRequest(m_orderPath, m_bearer));
            out.orderMs.append(msSince(start));
            start = std::chrono::steady_clock::now();
            exchange(stream, getRequest("/healthz", {}));
            out.healthMs.append(msSince(start));
            start = std::chrono::steady_clock::now();
            {
                Stream fresh(m_io, m_tls);
                connect(fresh);
                exchange(fresh, getRequest("/healthz", {}));
                out.freshMs.append(msSince(start));
                beast::error_code ignored;
                beast::get_lowest_layer(fresh).socket().close(ignored);
            }
        }
        beast::error_code ignored;
        beast::get_lowest_layer(stream).socket().close(ignored);
        return out;
    }

private:
    void connect(Stream& stream)
    {
        beast::get_lowest_layer(stream).connect(m_node);
        beast::get_lowest_layer(stream).socket().set_option(tcp::no_delay(true));
        stream.handshake(ssl::stream_base::client);
    }

    std::string exchange(Stream& stream, const http::request<http::empty_body>& request)
    {
        http::response<http::string_body> response;
        beast::error_code ec;
        http::write(stream, request, ec);
        if (!ec)
            http::read(stream, m_buffer, response, ec);
        if (ec)
            qFatal("%s: %s (%s)", std::string(request.target()).c_str(), ec.message().c_str(), ec.category().name());
        if (!response.keep_alive())
            qWarning("%s: the node closes the connection after its answer", std::string(request.target()).c_str());
        if (response.result_int() != 200)
            qFatal("%s answered %u: %s", std::string(request.target()).c_str(), response.result_int(),
                   response.body().substr(0, 500).c_str());
        return response.body();
    }

    ssl::context& m_tls;
    tcp::endpoint m_node;
    std::string m_bearer;
    std::string m_orderPath;
    net::io_context m_io;
    beast::flat_buffer m_buffer;
};

/// Sockets a process holds open (its listening socket included), from /proc/PID/fd.
int socketCount(qint64 pid)
{
    int sockets = 0;
    const QByteArray dir = "/proc/" + QByteArray::number(pid) + "/fd/";
    for (const QString& name : QDir(QString::fromLatin1(dir)).entryList(QDir::NoDotAndDotDot | QDir::System)) {
        char target[64] = {};
        const QByteArray path = dir + name.toLatin1();
        if (::readlink(path.constData(), target, sizeof target - 1) > 0 &&
            std::string_view(target).starts_with("socket:"))
            ++sockets;
    }
    return sockets;
}

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    getrlimit(RLIMIT_NOFILE, &limit);
    QTextStream(stdout) << "RLIMIT_NOFILE of the bench: " << limit.rlim_cur << Qt::endl;
}

QString num(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

QString p50p99(const QList<double>& v)
{
    return num(bench::percentile(v, 50), 2) + u" / "_s + num(bench::percentile(v, 99), 2) + u" ms"_s;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"souk.*.info=false"_s);
    const int connections = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10'000;
    const int requests = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 100;
    const int rounds = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 3;
    if (connections < 1 || requests < 1 || rounds < 1)
        qFatal("usage: bench_node_idle [CONNECTIONS] [REQUESTS] [ROUNDS]");
    QTextStream out(stdout);
    raiseFileLimit();
    QTemporaryDir dir;
    const QString store = dir.filePath(u"node.souk"_s);
    const bench::NodeShop shop = bench::seedNodeShop(store, 50, 10);
    bench::SoukdProcess node;
    node.start(dir.path(), store,
               "[limits]\n"
               "max_connections=20000\nidle_timeout_ms=3600000\n"
               "per_address_rate=1000000\nper_address_burst=10000000\n"
               "per_principal_rate=1000000\nper_principal_burst=10000000\n");

    ssl::context tls(ssl::context::tls_client);
    tls.set_verify_mode(ssl::verify_none); // loopback to the node this bench started
    const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), node.port());
    Prober prober(tls, endpoint, shop.apiKey.toStdString(), "/v1/orders/" + shop.order0.toString().toStdString());
    prober.measure(20); // warm: the key, the order's pages, the node's allocator

    out << Qt::endl
        << "| round | held | load (1/5/15 min) | soukd RSS before / held / after close | per connection | "
           "order read keep-alive p50 / p99 | /healthz keep-alive p50 / p99 | new connection + /healthz "
           "p50 / p99 |"
        << Qt::endl
        << "|---|---|---|---|---|---|---|---|" << Qt::endl;
    QList<double> ratioP50, ratioP99, freshRatioP99, heldP99, baseP99, perConnectionKib, rssHeldMib, rssAfterMib;
    for (int r = 1; r <= rounds; ++r) {
        Prober::Figures base, held;
        qint64 before = 0, during = 0, after = 0;
        int ready = 0, dropped = 0;
        int openGauge = 0, closedGauge = 0;
        QString loadBase, loadHeld;
        const auto measureHeld = [&] {
            IdleHolder holder(tls, endpoint);
            QThread::msleep(SettleMs);
            before = bench::residentKib(node.pid());
            const auto openStart = std::chrono::steady_clock::now();
            const double openCpuBefore = bench::cpuSeconds(node.pid());
            ready = holder.open(connections);
            const double openMs = msSince(openStart);
            const double openCpuUs = (bench::cpuSeconds(node.pid()) - openCpuBefore) * 1e6 / connections;
            if (ready < connections)
                qFatal("%d of %d connections opened; first error: %s", ready, connections, holder.firstError().c_str());
            QThread::msleep(SettleMs);
            during = bench::residentKib(node.pid());
            openGauge = socketCount(node.pid());
            loadHeld = bench::loadAverage();
            held = prober.measure(requests);
            out << "round " << r << ": " << ready << " connections opened in " << num(openMs / 1000, 1)
                << " s, soukd CPU " << num(openCpuUs, 0) << " µs per connection opened (TLS handshake, one /healthz)"
                << Qt::endl;
            dropped = holder.dropped();
            out << "round " << r << ": soukd's open sockets (/proc/PID/fd) " << openGauge;
            holder.closeAll();
            QThread::msleep(SettleMs);
            after = bench::residentKib(node.pid());
            closedGauge = socketCount(node.pid());
            out << " while held, " << closedGauge << " after closing" << Qt::endl;
        };
        const auto measureBase = [&] {
            loadBase = bench::loadAverage();
            base = prober.measure(requests);
        };
        if (r % 2 == 1) {
            measureBase();
            measureHeld();
        } else {
            measureHeld();
            measureBase();
        }
        if (dropped > 0)
            qFatal("the node closed %d idle connections while they were held", dropped);
        const double perConnection = double(during - before) / connections;
        out << "| " << r << " | 0 | " << loadBase << " | | | " << p50p99(base.orderMs) << " | " << p50p99(base.healthMs)
            << " | " << p50p99(base.freshMs) << " |" << Qt::endl;
        out << "| " << r << " | " << connections << " | " << loadHeld << " | " << num(before / 1024.0) << " / "
            << num(during / 1024.0) << " / " << num(after / 1024.0) << " MiB | " << num(perConnection, 1) << " KiB | "
            << p50p99(held.orderMs) << " | " << p50p99(held.healthMs) << " | " << p50p99(held.freshMs) << " |"
            << Qt::endl;
        ratioP50 << bench::percentile(held.orderMs, 50) / bench::percentile(base.orderMs, 50);
        ratioP99 << bench::percentile(held.orderMs, 99) / bench::percentile(base.orderMs, 99);
        freshRatioP99 << bench::percentile(held.freshMs, 99) / bench::percentile(base.freshMs, 99);
        heldP99 << bench::percentile(held.orderMs, 99);
        baseP99 << bench::percentile(base.orderMs, 99);
        perConnectionKib << perConnection;
        rssHeldMib << during / 1024.0;
        rssAfterMib << after / 1024.0;
    }
    out << Qt::endl
        << "medians over " << rounds << " rounds: order read p99 " << num(bench::median(heldP99), 2) << " ms with "
        << connections
        << " idle connections held (goal < 100 ms: " << (bench::median(heldP99) < 100 ? "met" : "not met") << "), "
        << num(bench::median(baseP99), 2) << " ms with none; held / none: p50 x" << num(bench::median(ratioP50), 2)
        << ", p99 x" << num(bench::median(ratioP99), 2) << "; new connection p99 x"
        << num(bench::median(freshRatioP99), 2) << "; soukd RSS held " << num(bench::median(rssHeldMib)) << " MiB ("
        << num(bench::median(perConnectionKib)) << " KiB per connection), after closing "
        << num(bench::median(rssAfterMib)) << " MiB" << Qt::endl;
    const bool clean = node.stop();
    out << (clean ? "soukd stopped on SIGTERM with exit 0" : "soukd did NOT stop cleanly") << Qt::endl;
    return clean ? 0 : 1;
}
