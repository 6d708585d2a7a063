// EngineMetrics on a PostgreSQL store: the database's state as the node sees it, read on a
// reader every few seconds (the outbox's timer) and shown by the next scrapes.
#include <QLoggingCategory>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <limits>
#include <mutex>

#include "backend/api/metrics/EngineMetrics.h"
#include "backend/api/metrics/GaugeFamily.h"
#include "backend/api/metrics/Registry.h"
#include "backend/engine/Engine.h"

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcMetrics) // Family.cpp

namespace souk::metrics {
namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

struct Standby
{
    QString name; ///< its application_name (pg_auto_failover: pgautofailover_standby_N)
    QString address;
    QString state;         ///< streaming, catchup...
    QString sync;          ///< sync, async, quorum, potential
    double lagBytes = NaN; ///< NaN: the node's role may not read the positions (pg_monitor)
    double lagSeconds = 0;
};

struct DatabaseState
{
    QString primary; ///< host:port of the server the node's readers reach
    double connections = NaN;
    QList<Standby> standbys;
};

Result<DatabaseState> readDatabase(QSqlDatabase& db)
{
    DatabaseState out;
    QSqlQuery q(db);
    if (!q.exec(u"SELECT coalesce(host(inet_server_addr()), 'local'), coalesce(inet_server_port(), 0), "
                "(SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')"_s) ||
        !q.next())
        return Error::store(ErrorCode::StoreIo, q.lastError().text());
    out.primary = u"%1:%2"_s.arg(q.value(0).toString()).arg(q.value(1).toInt());
    out.connections = q.value(2).toDouble();
    // replay_lag is null when a standby has replayed everything and nothing is written (no lag);
    // the positions are null when the node's role may not see them (pg_monitor): unknown
    if (!q.exec(u"SELECT application_name, coalesce(host(client_addr), 'local'), coalesce(state, ''), "
                "coalesce(sync_state, ''), pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), "
                "CASE WHEN replay_lsn IS NULL THEN NULL ELSE coalesce(extract(epoch FROM replay_lag), 0) END "
                "FROM pg_stat_replication ORDER BY application_name"_s))
        return Error::store(ErrorCode::StoreIo, q.lastError().text());
    while (q.next())
        out.standbys.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                             q.value(4).isNull() ? NaN : q.value(4).toDouble(),
                             q.value(5).isNull() ? NaN : q.value(5).toDouble()});
    return out;
}

} // namespace

struct EngineMetrics::Database
{
    GaugeFamily* info = nullptr;
    GaugeFamily* standby = nullptr;
    GaugeFamily* lagBytes = nullptr;
    GaugeFamily* lagSeconds = nullptr;
    std::atomic<double> connections{NaN};
    std::atomic<bool> reading{false};
    std::atomic<bool> failing{false};
    std::mutex mutex;         ///< guards the label sets below (one read at a time, but a new one may start)
    QStringList primaryShown; ///< the info series set to 1
    QList<QStringList> standbysShown;

    void show(const DatabaseState& state);
    void forget();
    void showStandbys(const QList<Standby>& standbys); ///< under mutex
};

void EngineMetrics::Database::show(const DatabaseState& state)
{
    std::lock_guard lock(mutex);
    connections.store(state.connections, std::memory_order_relaxed);
    // the standbys first: a scrape between the two never sees a primary without its standby
    showStandbys(state.standbys);
    // a series no longer true (the primary moved, a standby went) shows NaN, not its last value
    if (!primaryShown.isEmpty() && primaryShown != QStringList{state.primary})
        info->with(primaryShown).set(NaN);
    primaryShown = {state.primary};
    info->with(primaryShown).set(1);
}

void EngineMetrics::Database::forget()
{
    // the last read failed: nothing the node said of the database is known now
    std::lock_guard lock(mutex);
    connections.store(NaN, std::memory_order_relaxed);
    if (!primaryShown.isEmpty())
        info->with(primaryShown).set(NaN);
    primaryShown.clear();
    showStandbys({});
}

void EngineMetrics::Database::showStandbys(const QList<Standby>& standbys)
{
    QList<QStringList> shown;
    for (const Standby& s : standbys) {
        const QStringList labels = {s.name, s.address, s.state, s.sync};
        standby->with(labels).set(1);
        lagBytes->with({s.name}).set(s.lagBytes);
        lagSeconds->with({s.name}).set(s.lagSeconds);
        shown << labels;
    }
    for (const QStringList& gone : std::as_const(standbysShown)) {
        if (shown.contains(gone))
            continue;
        standby->with(gone).set(NaN);
        if (std::none_of(shown.begin(), shown.end(), [&](const QStringList& l) { return l[0] == gone[0]; })) {
            lagBytes->with({gone[0]}).set(NaN);
            lagSeconds->with({gone[0]}).set(NaN);
        }
    }
    standbysShown = shown;
}

void EngineMetrics::wireDatabase(Registry& registry, const QString& every)
{
    if (!m_engine.storeOptions().isPostgres())
        return;
    m_database = std::make_shared<Database>();
    Database& d = *m_database;
    d.info = &registry.gaugeFamily(
        u"souk_db_primary_info"_s,
        u"1 for the PostgreSQL server this node reads and writes (host:port as it reaches it), NaN once it is no "
        "longer or a read failed; "
        "read every %1 s"_s.arg(every),
        {u"primary"_s});
    d.standby = &registry.gaugeFamily(
        u"souk_db_standby_info"_s,
        u"1 for each standby replicating from the primary, with its state and sync state (pg_stat_replication); "
        "NaN once it is gone"_s,
        {u"standby"_s, u"address"_s, u"state"_s, u"sync"_s});
    d.lagBytes = &registry.gaugeFamily(
        u"souk_db_replication_lag_bytes"_s,
        u"WAL the standby has not replayed yet, in bytes; NaN when the node's role may not read it (pg_monitor)"_s,
        {u"standby"_s});
    d.lagSeconds = &registry.gaugeFamily(u"souk_db_replication_lag_seconds"_s,
                                         u"The standby's replay lag in seconds (0 when it has replayed everything)"_s,
                                         {u"standby"_s});
    std::shared_ptr<Database> database = m_database;
    m_callbacks << &registry.callbackGauge(
        u"souk_db_connections"_s,
        u"Client connections to the primary (every role's with pg_monitor, else the nodes' role's); read every %1 s"_s
            .arg(every),
        [database] { return database->connections.load(std::memory_order_relaxed); });
    connect(&m_timer, &QTimer::timeout, this, &EngineMetrics::refreshDatabase);
    refreshDatabase();
}

void EngineMetrics::refreshDatabase()
{
    if (!m_database || m_database->reading.exchange(true))
        return;
    std::shared_ptr<Database> database = m_database;
    m_engine.read<DatabaseState>([](QSqlDatabase& db) { return readDatabase(db); }, engine::ReadMode::Autocommit,
                                 [database](const Result<DatabaseState>& state) {
                                     if (state) {
                                         database->show(*state);
                                         database->failing.store(false);
                                     } else {
                                         database->forget();
                                         if (!database->failing.exchange(true))
                                             qCWarning(lcMetrics).noquote()
                                                 << "cannot read the database's state:" << state.error().toString();
                                     }
                                     database->reading.store(false);
                                 });
}

} // namespace souk::metrics
