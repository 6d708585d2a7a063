#include "backend/payments/HoldReleases.h"

#include "backend/store/Connection.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::payments {

Status HoldReleases::enqueue(store::UnitOfWork& uow, Id paymentId, const QString& providerRef)
{
    store::Statement& q =
        uow.statement(u"INSERT INTO hold_releases (payment_id, provider_ref, created_ms) VALUES (?, ?, ?)"_s);
    q.bindValue(0, paymentId.isNull() ? QVariant() : QVariant(paymentId.value)); // none: a hold never recorded
    q.bindValue(1, store::nonNull(providerRef));
    q.bindValue(2, uow.nowMs());
    return store::exec(q, u"recording a hold to release"_s);
}

Result<QList<PendingRelease>> HoldReleases::pending(QSqlDatabase& db, qint64 nowMs, int limit)
{
    store::Statement& q = store::Connection::statement(
        db, u"SELECT id, payment_id, provider_ref, attempts FROM hold_releases WHERE next_attempt_ms <= ? "
            "ORDER BY attempts, id LIMIT ?"_s);
    q.bindValue(0, nowMs);
    q.bindValue(1, limit);
    if (auto s = store::exec(q, u"reading the holds to release"_s); !s)
        return s.error();
    QList<PendingRelease> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), Id{q.value(1).toLongLong()}, q.value(2).toString(), q.value(3).toInt()});
    q.finish();
    return out;
}

Status HoldReleases::settle(store::UnitOfWork& uow, const QList<qint64>& released, const QList<qint64>& failed)
{
    store::Statement& done = uow.statement(u"DELETE FROM hold_releases WHERE id = ?"_s);
    for (qint64 id : released) {
        done.bindValue(0, id);
        if (auto s = store::exec(done, u"removing a released hold"_s); !s)
            return s;
    }
    // the k-th failure puts the next attempt off by RetryBaseMs * 2^(k-1), at most RetryMaxMs
    store::Statement& again = uow.statement(
        u"UPDATE hold_releases SET next_attempt_ms = ? + min(?, ? << min(attempts, 16)), attempts = attempts + 1 "
        "WHERE id = ?"_s);
    for (qint64 id : failed) {
        again.bindValue(0, uow.nowMs());
        again.bindValue(1, RetryMaxMs);
        again.bindValue(2, RetryBaseMs);
        again.bindValue(3, id);
        if (auto s = store::exec(again, u"counting a failed release"_s); !s)
            return s;
    }
    return {};
}

} // namespace souk::payments
