// The writer of tests/bench/pg_failover.sh: what a node does through a failover, reduced to one
// insert every 50 ms through libpq's multi-host URL, reconnecting after any error. Each row it
// inserts has the next id; it prints one line per acknowledged row and per failure, with the wall
// clock in ms so the script can set them against the moment it killed the primary:
//   <ms> ack <id> <server port>
//   <ms> error <message>
// It stops on SIGTERM or SIGINT. Usage: bench_pg_failover_writer URL (connect_timeout=1 is added).
#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>

#include <libpq-fe.h>

namespace {

constexpr auto IntervalMs = std::chrono::milliseconds(50);
volatile std::sig_atomic_t g_stop = 0;

long long wallMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void logError(const char* what, const char* message)
{
    std::string text = message ? message : "";
    for (char& c : text) // one line per event
        if (c == '\n')
            c = ' ';
    std::printf("%lld error %s: %s\n", wallMs(), what, text.c_str());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_pg_failover_writer URL\n");
        return 2;
    }
    std::signal(SIGTERM, [](int) { g_stop = 1; });
    std::signal(SIGINT, [](int) { g_stop = 1; });
    const std::string url =
        std::string(argv[1]) + (std::string(argv[1]).find('?') == std::string::npos ? "?" : "&") + "connect_timeout=1";
    PGconn* conn = nullptr;
    long long nextId = 1;
    auto next = std::chrono::steady_clock::now();
    while (!g_stop) {
        next += IntervalMs;
        if (!conn) {
            conn = PQconnectdb(url.c_str());
            if (PQstatus(conn) != CONNECTION_OK) {
                logError("connect", PQerrorMessage(conn));
                PQfinish(conn);
                conn = nullptr;
            }
        }
        if (conn) {
            const std::string id = std::to_string(nextId);
            const char* params[] = {id.c_str()};
            PGresult* r = PQexecParams(conn, "INSERT INTO failover_probe (id) VALUES ($1) RETURNING inet_server_port()",
                                       1, nullptr, params, nullptr, nullptr, 0);
            if (PQresultStatus(r) == PGRES_TUPLES_OK) {
                std::printf("%lld ack %lld %s\n", wallMs(), nextId, PQgetvalue(r, 0, 0));
                std::fflush(stdout);
            } else {
                // the outcome is unknown (it may have committed): never acknowledged, and the id is not reused
                logError("insert", PQerrorMessage(conn));
                PQfinish(conn);
                conn = nullptr;
            }
            PQclear(r);
            ++nextId;
        }
        std::this_thread::sleep_until(next);
        if (std::chrono::steady_clock::now() > next + IntervalMs) // a slow connect: no burst to catch up
            next = std::chrono::steady_clock::now();
    }
    PQfinish(conn);
    return 0;
}
