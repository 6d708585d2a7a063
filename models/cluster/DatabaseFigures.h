#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <limits>

namespace souk {

namespace metrics {
class Exposition;
}

/// A standby of the cluster's PostgreSQL primary, as a node reports it (pg_stat_replication).
struct StandbyFigures
{
    QString name;    ///< its application name (pg_auto_failover: pgautofailover_standby_N)
    QString address; ///< where it connects from
    QString state;   ///< streaming, catchup...; empty when the nodes' role may not see it
    QString sync;    ///< sync, quorum, async, potential
    double lagBytes = std::numeric_limits<double>::quiet_NaN();
    double lagS = std::numeric_limits<double>::quiet_NaN();
};

/// The cluster's database as the nodes see it: the primary they write to, its connections and
/// its standbys with their replication lag. Empty (`known()` false) for a node on SQLite, or one
/// that does not report it. Value type.
struct DatabaseFigures
{
    static constexpr double LagAlertS = 10;                     ///< a standby this far behind is an alert
    static constexpr double LagAlertBytes = 64.0 * 1024 * 1024; ///< or this much WAL behind

    QString primary; ///< host:port
    double connections = std::numeric_limits<double>::quiet_NaN();
    QList<StandbyFigures> standbys;

    bool known() const { return !primary.isEmpty(); }
    /// The first standby lagging past the alert's thresholds, or null.
    const StandbyFigures* lagging() const;

    /// Read from a node's /metrics (the souk_db_* series); empty when it has none.
    static DatabaseFigures from(const metrics::Exposition& metrics);
};

/// What the cluster monitor has told of the database so far, so each change is one alert. The
/// nodes read the database every few seconds, not together: the primary shown is the one most
/// nodes report (a tie keeps the one shown), so one node's late read is no failover and back.
struct DatabaseWatch
{
    QHash<int, DatabaseFigures> byNode; ///< each answering node's last word
    DatabaseFigures shown;
    bool lagAlerted = false;
    bool aloneAlerted = false; ///< the primary has no standby

    /// Takes node `index`'s word (empty: it has none now) and shows the freshest report of the
    /// primary most nodes name; with no word from any node, the last one stays.
    void heard(int index, const DatabaseFigures& figures);
};

} // namespace souk
