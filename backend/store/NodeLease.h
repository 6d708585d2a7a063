#pragma once

#include <QDeadlineTimer>
#include <QSqlDatabase>
#include <QString>

#include "backend/core/Result.h"

namespace souk::store {

/// A node's id in a cluster (the node part of every id it makes), leased from the shared
/// PostgreSQL store: nodes that start together get different ids, and a node that died gives its
/// id back when its lease runs out, without anyone's help. Time is the database's, so the nodes'
/// clocks may differ. Fencing: a lease is taken over only a whole lease-time after it ran out, and
/// its holder makes ids only while `validFor` (its own monotonic clock, started before it asked)
/// has not expired, so a holder paused past its lease (a stall, a frozen VM) has stopped long
/// before a successor starts. A renewal that finds another holder means: stop at once.
/// Stateless; the caller's connection, on its thread.
class NodeLease final
{
public:
    struct Held
    {
        int nodeId = 0;
        QString holder;       ///< who holds it: "host pid random", unique per process start
        qint64 expiresMs = 0;      ///< the database's time
        QDeadlineTimer validFor;   ///< make ids only until this expires (this process's clock)
    };

    /// The lowest node id in 1..nodeMax that is free or whose lease ran out at least its own length
    /// ago, taken for `ttlMs`.
    /// Conflict (field "nodeId") when all are held.
    static Result<Held> take(QSqlDatabase& db, const QString& holder, qint64 ttlMs, int nodeMax);
    /// Extends the lease; Conflict (field "nodeId") when it is no longer this holder's.
    static Result<Held> renew(QSqlDatabase& db, const Held& held, qint64 ttlMs);
    /// Gives the id back at once (a clean stop); nothing when it was already taken over.
    static Status release(QSqlDatabase& db, const Held& held);
};

} // namespace souk::store
