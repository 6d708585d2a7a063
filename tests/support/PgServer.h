#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace souk::test {

/// A throwaway PostgreSQL 15 server from Debian's binaries, in a folder of its own that goes with
/// it: initdb, then pg_ctl on a free loopback port, with the socket in the same folder. PostgreSQL
/// refuses to run as root: a root test runs it as the `postgres` user (runuser), anyone else as
/// itself. fsync is off (under a test processes die, the machine does not; every commit still
/// survives a kill); the superuser is `souk`, trusted on loopback. Tests and benchmarks only.
class PgServer final
{
public:
    PgServer();
    ~PgServer(); ///< stops the server (immediate) and removes its folder

    /// initdb and start; false (with the reason in error()) when the binaries are missing or the
    /// server did not come up within 30 s.
    bool start();
    /// Before start(): fsync and full-page writes on, as a production server runs (benchmarks).
    void setDurable(bool durable) { m_durable = durable; }
    /// Before start(): listen on `port` at every start (0, the default: a free port each time).
    void setPort(int port) { m_fixedPort = port; }
    /// Stops it cleanly (smart shutdown, waits); start() again brings the same data back.
    bool stop();
    /// Kills the postmaster with SIGKILL, as a crashed machine would: committed data survives
    /// the next start() (crash recovery); fsync off only matters if the OS itself fails.
    bool kill();
    bool running() const { return m_running; }

    int port() const { return m_port; }
    /// "postgresql://souk@127.0.0.1:PORT/DB" (libpq's URI form).
    QString url(const QString& database = QStringLiteral("postgres")) const;
    /// CREATE DATABASE through psql; false on failure.
    bool createDatabase(const QString& name);
    /// Runs one SQL text with psql against `database`: its output (unaligned, trimmed), or a null
    /// QString on failure (see error()).
    QString psql(const QString& sql, const QString& database = QStringLiteral("postgres"));

    QString error() const { return m_error; }
    /// The server's log so far (for a failing test's message).
    QString log() const;
    /// Where Debian keeps PostgreSQL 15's programs.
    static QString binDir();
    /// Whether the programs are there (a machine without postgresql-15 skips the pg tests).
    static bool available();

private:
    /// Runs a PostgreSQL program as the user the server runs as; its exit code, -1 if it did not run.
    int run(const QString& program, const QStringList& args, QString* out = nullptr, int timeoutMs = 60'000);
    qint64 postmasterPid() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;
    int m_port = 0;
    int m_fixedPort = 0;
    bool m_running = false;
    bool m_initialised = false;
    bool m_durable = false;
    QString m_error;
};

} // namespace souk::test
