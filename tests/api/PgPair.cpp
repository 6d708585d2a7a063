#include "tests/api/PgPair.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;

namespace souk::test {
namespace {

constexpr int UpTimeoutMs = 330'000; ///< above cluster.sh up's own waits (60 + 90 + 150 s)
constexpr int DownTimeoutMs = 60'000;
constexpr int RejoinTimeoutMs = 200'000; ///< above cluster.sh rejoin's own wait (180 s)

/// The first line of a pid file, 0 when it is missing.
qint64 pidIn(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readLine().trimmed().toLongLong();
}

/// The processes whose parent is `parent`, from /proc.
QList<qint64> childrenOf(qint64 parent)
{
    QList<qint64> out;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        QFile stat(u"/proc/%1/stat"_s.arg(entry));
        if (!number || !stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (name) S ppid ...": the name may hold spaces
        const QByteArray line = stat.readAll();
        const QList<QByteArray> rest = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (rest.size() > 1 && rest[1].toLongLong() == parent)
            out << pid;
    }
    return out;
}

} // namespace

PgPair::PgPair()
{
    // the servers may run as the postgres user: the folder must be open to it, and short
    // enough for their sockets
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                            QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::ExeOther);
    m_state = m_dir.filePath(u"c"_s);
}

PgPair::~PgPair()
{
    // whatever up got to (a half-started pair too): its servers must not outlive the test
    if (QFileInfo::exists(m_state + u"/cluster.env"_s))
        script({u"down"_s}, DownTimeoutMs);
}

QString PgPair::script(const QStringList& args, int timeoutMs, bool serve)
{
    const QString path = qEnvironmentVariable("SOUK_TEST_CLUSTER_SH");
    if (path.isEmpty()) {
        m_error = u"SOUK_TEST_CLUSTER_SH is not set (ctest sets it)"_s;
        return {};
    }
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SOUK_CLUSTER_DIR"_s, m_state);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"bash"_s, QStringList{path} + args);
    const bool finished = serve ? QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, timeoutMs)
                                : p.waitForFinished(timeoutMs);
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        p.terminate(); // SIGTERM: the script's trap stops what it started; SIGKILL would leave it
        if (!p.waitForFinished(DownTimeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        m_error = u"cluster.sh %1 failed (exit %2): %3"_s.arg(args.join(u' '))
                      .arg(p.exitCode())
                      .arg(QString::fromUtf8(p.readAll()).right(3000));
        return {};
    }
    return QString::fromUtf8(p.readAll());
}

bool PgPair::up()
{
    const QString out = script({u"up"_s}, UpTimeoutMs);
    if (out.isNull())
        return false;
    static const QRegularExpression line(u"^database URL: *(\\S+)$"_s, QRegularExpression::MultilineOption);
    m_url = line.match(out).captured(1);
    if (m_url.isEmpty())
        m_error = u"cluster.sh up printed no database URL: "_s + out;
    return !m_url.isEmpty();
}

bool PgPair::rejoin(const QString& node)
{
    return !script({u"rejoin"_s, node}, RejoinTimeoutMs, true).isNull();
}

QString PgPair::status()
{
    const QString out = script({u"status"_s}, DownTimeoutMs);
    return out.isNull() ? m_error : out;
}

int PgPair::primaryPort()
{
    int port = 0;
    {
        QSqlDatabase db = StoreFixture::rawConnection(m_url + u"&connect_timeout=3"_s, u"pg-pair-probe"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"SELECT inet_server_port()"_s) && q.next())
                port = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"pg-pair-probe"_s);
    return port;
}

QList<qint64> PgPair::processesOf(const QString& node) const
{
    QList<qint64> roots;
    QDirIterator it(m_state + u"/run"_s, {u"pg_autoctl.pid"_s}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.endsWith(u'/' + node + u"/pg_autoctl.pid"_s))
            roots << pidIn(file);
    }
    roots << pidIn(m_state + u'/' + node + u"/postmaster.pid"_s);
    QList<qint64> all;
    for (qint64 root : std::as_const(roots)) {
        if (root <= 0)
            continue;
        all << root << childrenOf(root);
    }
    return all;
}

QString PgPair::killPrimary()
{
    const int port = primaryPort();
    QFile env(m_state + u"/cluster.env"_s);
    if (port == 0 || !env.open(QIODevice::ReadOnly)) {
        m_error = u"no primary answers the URL"_s;
        return {};
    }
    // cluster.env holds "PORT_A=NNNN" and "PORT_B=NNNN"
    QString node;
    for (const QByteArray& line : env.readAll().split('\n')) {
        if (line == "PORT_A=" + QByteArray::number(port))
            node = u"a"_s;
        else if (line == "PORT_B=" + QByteArray::number(port))
            node = u"b"_s;
    }
    const QList<qint64> victims = node.isEmpty() ? QList<qint64>{} : processesOf(node);
    if (victims.isEmpty()) {
        m_error = u"found no processes of the primary (port %1)"_s.arg(port);
        return {};
    }
    for (qint64 pid : victims)
        ::kill(static_cast<pid_t>(pid), SIGKILL);
    return node;
}

} // namespace souk::test
