#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace souk::test {

/// The PostgreSQL pair of tools/cluster.sh (a primary, a synchronous hot standby and the
/// pg_auto_failover monitor that fails it over) in a folder of its own, for tests that kill the
/// primary. The script's path comes from SOUK_TEST_CLUSTER_SH. Tests only; blocks the test thread.
class PgPair final
{
    Q_DISABLE_COPY_MOVE(PgPair)
public:
    PgPair();
    ~PgPair(); ///< cluster.sh down

    /// cluster.sh up without soukd nodes; false (with the reason in error()) when it failed.
    bool up();
    /// The multi-host URL (target_session_attrs=read-write) that finds the primary.
    QString url() const { return m_url; }
    /// SIGKILL, at once, to the current primary's keeper (pg_autoctl and its services) and its
    /// PostgreSQL (postmaster and backends), as a lost host goes; the monitor then promotes the
    /// standby. Returns the name of the node killed ("a" or "b"), or "" (see error()).
    QString killPrimary();
    /// cluster.sh rejoin: starts the node killPrimary named again, and waits (serving the test
    /// thread's events meanwhile) until the monitor has it as the standby. False: error() says why.
    bool rejoin(const QString& node);
    /// cluster.sh status: the nodes' states and replication, for a failing test's message.
    QString status();
    QString error() const { return m_error; }

private:
    /// Runs cluster.sh with `args`; its output, or a null QString (error() says why).
    /// `serve`: the test thread's events are served while it runs (the clients go on meanwhile).
    QString script(const QStringList& args, int timeoutMs, bool serve = false);
    /// The port the multi-host URL reaches now (the primary's), 0 when none answers.
    int primaryPort();
    /// The pids of the node's keeper and PostgreSQL, and of their children.
    QList<qint64> processesOf(const QString& node) const;

    QTemporaryDir m_dir;
    QString m_state; ///< SOUK_CLUSTER_DIR: a folder below m_dir (cluster.sh wants it new)
    QString m_url;
    QString m_error;
};

} // namespace souk::test
