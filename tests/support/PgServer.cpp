#include "tests/support/PgServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace souk::test {
namespace {

bool asRoot()
{
    return ::geteuid() == 0;
}

/// Whether `pid` runs: a zombie (dead, not yet reaped by whoever adopted it) does not.
bool alive(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')'); // "pid (name) S ...": the name may hold spaces
    return close < 0 || close + 2 >= line.size() || line.at(close + 2) != 'Z';
}

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort(); // closed when probe goes: a race with other programs, as everywhere
}

} // namespace

PgServer::PgServer() = default;

PgServer::~PgServer()
{
    if (m_running)
        run(u"pg_ctl"_s, {u"-D"_s, m_data, u"-m"_s, u"immediate"_s, u"-w"_s, u"stop"_s}, nullptr, 30'000);
    // the server's log outlives its folder where a developer asks for it (the errors of a failing run)
    if (const QString keep = qEnvironmentVariable("SOUK_TEST_PG_LOG"); !keep.isEmpty()) {
        QFile out(keep);
        if (out.open(QIODevice::Append))
            out.write(log().toUtf8());
    }
}

QString PgServer::binDir()
{
    return u"/usr/lib/postgresql/15/bin"_s;
}

bool PgServer::available()
{
    return QFileInfo(binDir() + u"/initdb"_s).isExecutable() && QFileInfo(binDir() + u"/pg_ctl"_s).isExecutable();
}

int PgServer::run(const QString& program, const QStringList& args, QString* out, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    const QString path = binDir() + u'/' + program;
    if (asRoot())
        p.start(u"runuser"_s, QStringList{u"-u"_s, u"postgres"_s, u"--"_s, path} + args);
    else
        p.start(path, args);
    if (!p.waitForStarted(10'000)) {
        m_error = u"%1 did not start: %2"_s.arg(program, p.errorString());
        return -1;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        m_error = u"%1 did not finish within %2 ms"_s.arg(program).arg(timeoutMs);
        return -1;
    }
    const QString text = QString::fromLocal8Bit(p.readAll());
    if (out)
        *out = text;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        m_error = u"%1 %2 failed (%3): %4"_s.arg(program, args.join(u' ')).arg(p.exitCode()).arg(text.trimmed());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool PgServer::start()
{
    if (m_running)
        return true;
    if (!available()) {
        m_error = u"PostgreSQL 15 is not installed (%1)"_s.arg(binDir());
        return false;
    }
    if (!m_initialised) {
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/souk-pg-XXXXXX"_s);
        if (!m_dir->isValid()) {
            m_error = u"no temporary folder: "_s + m_dir->errorString();
            return false;
        }
        m_data = m_dir->filePath(u"data"_s);
        if (asRoot()) { // the folder is root's: the server's user must own it
            QProcess chown;
            chown.start(u"chown"_s, {u"postgres:postgres"_s, m_dir->path()});
            if (!chown.waitForFinished(10'000) || chown.exitCode() != 0) {
                m_error = u"chown of the server's folder failed"_s;
                return false;
            }
        }
        if (run(u"initdb"_s, {u"-D"_s, m_data, u"-U"_s, u"souk"_s, u"-A"_s, u"trust"_s, u"-E"_s, u"UTF8"_s,
                               u"--lc-collate=C"_s,
                               u"--lc-ctype=C.UTF-8"_s, u"--lc-messages=C"_s, u"--no-sync"_s})
            != 0)
            return false;
        m_initialised = true;
    }
    m_port = m_fixedPort != 0 ? m_fixedPort : freePort();
    if (m_port == 0) {
        m_error = u"no free port"_s;
        return false;
    }
    // fsync off: the machine does not crash under a test, only processes do, and a commit's log is
    // in the OS by then. synchronous_commit stays on: a killed server must keep every commit
    // (a benchmark that compares durable stores asks for the log synced at each commit, as SQLite's is)
    const QString syncing = m_durable ? QString() : u" -c fsync=off -c full_page_writes=off"_s;
    // SOUK_TEST_PG_OPTIONS: more server settings while looking into one ("-c log_min_duration_statement=5")
    const QString options = u"-p %1 -k %2 -c listen_addresses=127.0.0.1 -c max_connections=200"_s.arg(m_port).arg(
                                m_dir->path()) +
                            syncing + u' ' + qEnvironmentVariable("SOUK_TEST_PG_OPTIONS");
    if (run(u"pg_ctl"_s, {u"-D"_s, m_data, u"-o"_s, options, u"-l"_s, m_dir->filePath(u"server.log"_s), u"-w"_s,
                          u"-t"_s, u"30"_s, u"start"_s})
        != 0)
        return false;
    // after a kill, pg_ctl can read the dead postmaster's lock file as "ready": ask the port itself
    for (int i = 0; i < 300; ++i) {
        QProcess ready;
        ready.start(binDir() + u"/pg_isready"_s, {u"-q"_s, u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_port)});
        if (ready.waitForFinished(5000) && ready.exitCode() == 0) {
            m_running = true;
            return true;
        }
        ::usleep(100'000);
    }
    m_error = u"the server did not accept connections on port %1 within 30 s"_s.arg(m_port);
    return false;
}

bool PgServer::stop()
{
    if (!m_running)
        return true;
    const bool ok = run(u"pg_ctl"_s, {u"-D"_s, m_data, u"-m"_s, u"fast"_s, u"-w"_s, u"stop"_s}) == 0;
    m_running = !ok;
    return ok;
}

qint64 PgServer::postmasterPid() const
{
    QFile pidFile(m_data + u"/postmaster.pid"_s);
    if (!pidFile.open(QIODevice::ReadOnly))
        return 0;
    return QString::fromLatin1(pidFile.readLine()).trimmed().toLongLong();
}

bool PgServer::kill()
{
    if (!m_running)
        return true;
    const qint64 pid = postmasterPid();
    if (pid <= 0 || ::kill(pid_t(pid), SIGKILL) != 0) {
        m_error = u"no postmaster to kill"_s;
        return false;
    }
    // its backends notice the postmaster is gone and exit
    for (int i = 0; i < 200 && alive(pid); ++i)
        ::usleep(50'000);
    // a killed postmaster nobody reaped stays a zombie, which the next postmaster would take for a
    // running one (kill(pid, 0) succeeds): its lock file goes, as a reboot would take it
    QFile::remove(m_data + u"/postmaster.pid"_s);
    m_running = false;
    return true;
}

QString PgServer::url(const QString& database) const
{
    return u"postgresql://souk@127.0.0.1:%1/%2"_s.arg(m_port).arg(database);
}

QString PgServer::psql(const QString& sql, const QString& database)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(binDir() + u"/psql"_s, {u"-X"_s, u"-q"_s, u"-A"_s, u"-t"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-d"_s, url(database),
                        u"-c"_s, sql});
    if (!p.waitForStarted(10'000) || !p.waitForFinished(60'000)) {
        m_error = u"psql did not run"_s;
        return {};
    }
    if (p.exitCode() != 0) {
        m_error = u"psql: "_s + QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
        return {};
    }
    const QString out = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
    return out.isNull() ? u""_s : out;
}

bool PgServer::createDatabase(const QString& name)
{
    return !psql(u"CREATE DATABASE \"%1\""_s.arg(name)).isNull();
}

QString PgServer::log() const
{
    QFile f(m_dir ? m_dir->filePath(u"server.log"_s) : QString());
    return f.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(f.readAll()) : QString();
}

} // namespace souk::test
