#include "backend/store/NodeLease.h"

#include <QSqlError>
#include <QSqlQuery>

#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::store {
namespace {

/// The database's clock in milliseconds: one clock for every node.
constexpr char16_t NowMs[] = u"(extract(epoch FROM clock_timestamp()) * 1000)::bigint";

} // namespace

Result<NodeLease::Held> NodeLease::take(QSqlDatabase& db, const QString& holder, qint64 ttlMs, int nodeMax)
{
    if (holder.isEmpty())
        return Error::invalid(u"holder"_s, u"a lease needs the name of its holder"_s);
    if (ttlMs <= 0)
        return Error::invalid(u"ttlMs"_s, u"a lease must last a while"_s);
    // the first free id; a taker that loses the race to the same id finds the row fresh and gets
    // nothing back (ON CONFLICT re-reads the committed row), so it tries the next free one
    // the grace is the lease's own length: its holder stopped a whole lease-time before
    const QString sql = uR"(INSERT INTO node_leases (node_id, holder, taken_ms, expires_ms, ttl_ms)
        SELECT n, ?, %1, %1 + ?, ? FROM generate_series(1, ?) AS n
        WHERE NOT EXISTS (SELECT 1 FROM node_leases l WHERE l.node_id = n AND l.expires_ms + l.ttl_ms > %1)
        ORDER BY n LIMIT 1
        ON CONFLICT (node_id) DO UPDATE SET holder = EXCLUDED.holder, taken_ms = EXCLUDED.taken_ms,
            expires_ms = EXCLUDED.expires_ms, ttl_ms = EXCLUDED.ttl_ms
        WHERE node_leases.expires_ms + node_leases.ttl_ms <= %1
        RETURNING node_id, expires_ms)"_s.arg(QStringView(NowMs));
    for (int attempt = 0; attempt < nodeMax; ++attempt) {
        const QDeadlineTimer validFor(ttlMs); // started before asking: never later than the database's lease
        QSqlQuery q(db);
        q.prepare(sql);
        q.addBindValue(holder);
        q.addBindValue(ttlMs);
        q.addBindValue(ttlMs);
        q.addBindValue(nodeMax);
        if (!q.exec())
            return sqlError(q.lastError(), u"taking a node id"_s);
        if (q.next())
            return Held{q.value(0).toInt(), holder, q.value(1).toLongLong(), validFor};
        auto free = scalar(db, u"SELECT count(*) FROM generate_series(1, ?) AS n WHERE NOT EXISTS "
                               "(SELECT 1 FROM node_leases l WHERE l.node_id = n AND l.expires_ms + l.ttl_ms > %1)"_s
                                   .arg(QStringView(NowMs)),
                           {nodeMax});
        if (!free)
            return free.error();
        if (free->toLongLong() == 0)
            break;
    }
    return Error::conflict(u"nodeId"_s, u"every node id (1 to %1) is held by a running node"_s.arg(nodeMax));
}

Result<NodeLease::Held> NodeLease::renew(QSqlDatabase& db, const Held& held, qint64 ttlMs)
{
    const QDeadlineTimer validFor(ttlMs);
    QSqlQuery q(db);
    // only while it is still ours: an expired lease nobody took is ours to keep, one taken is not
    q.prepare(u"UPDATE node_leases SET expires_ms = %1 + ?, ttl_ms = ? WHERE node_id = ? AND holder = ? "
              "RETURNING expires_ms"_s.arg(QStringView(NowMs)));
    q.addBindValue(ttlMs);
    q.addBindValue(ttlMs);
    q.addBindValue(held.nodeId);
    q.addBindValue(held.holder);
    if (!q.exec())
        return sqlError(q.lastError(), u"renewing the node id"_s);
    if (!q.next())
        return Error::conflict(u"nodeId"_s, u"node id %1 was taken over by another node: this node must stop"_s
                                                .arg(held.nodeId));
    Held renewed = held;
    renewed.expiresMs = q.value(0).toLongLong();
    renewed.validFor = validFor;
    return renewed;
}

Status NodeLease::release(QSqlDatabase& db, const Held& held)
{
    return exec(db, u"DELETE FROM node_leases WHERE node_id = ? AND holder = ?"_s, {held.nodeId, held.holder});
}

} // namespace souk::store
