#include "backend/payments/ProviderOutbox.h"

#include "backend/store/Connection.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::payments {

Status ProviderOutbox::enqueueRelease(store::UnitOfWork& uow, Id paymentId, const QString& providerRef)
{
    return enqueue(uow, ProviderCall::Release, paymentId, providerRef, 0);
}

Status ProviderOutbox::enqueueCapture(store::UnitOfWork& uow, Id paymentId, const QString& providerRef,
                                      qint64 amountMinor)
{
    Q_ASSERT(!paymentId.isNull() && amountMinor > 0);
    return enqueue(uow, ProviderCall::Capture, paymentId, providerRef, amountMinor);
}

Status ProviderOutbox::enqueueRefund(store::UnitOfWork& uow, Id paymentId, const QString& providerRef,
                                     qint64 amountMinor)
{
    Q_ASSERT(!paymentId.isNull() && amountMinor > 0);
    return enqueue(uow, ProviderCall::Refund, paymentId, providerRef, amountMinor);
}

Result<QString> ProviderOutbox::storeId(QSqlDatabase& db)
{
    store::Statement& q = store::Connection::statement(db, u"SELECT value FROM settings WHERE key = 'store_id'"_s);
    if (auto s = store::exec(q, u"reading the store's identity"_s); !s)
        return s.error();
    const QString id = q.next() ? q.value(0).toString() : QString();
    q.finish();
    if (id.size() != 32)
        return Error::internal(u"the store has no identity (settings.store_id)"_s);
    return id;
}

Status ProviderOutbox::enqueue(store::UnitOfWork& uow, ProviderCall call, Id paymentId, const QString& providerRef,
                               qint64 amountMinor)
{
    auto store = storeId(uow.db());
    if (!store)
        return store.error();
    // the key the provider sees: never a bare local id, which another store issues too
    qint64 seq = 0;
    QString key;
    if (paymentId.isNull()) {
        key = *store + u":release:"_s + providerRef; // one release per hold, however often asked
    } else {
        store::Statement& next = uow.statement(
            u"UPDATE payments SET provider_calls = provider_calls + 1 WHERE id = ? RETURNING provider_calls"_s);
        next.bindValue(0, paymentId.value);
        if (auto s = store::exec(next, u"numbering a call to the provider"_s); !s)
            return s;
        if (!next.next())
            return Error::notFound(u"paymentId"_s, u"no payment "_s + paymentId.toString());
        seq = next.value(0).toLongLong();
        next.finish();
        key = u"%1:%2:%3"_s.arg(*store).arg(paymentId.value).arg(seq);
    }
    store::Statement& q = uow.statement(u"INSERT INTO provider_outbox (id, kind, payment_id, provider_ref, "
                                        "amount_minor, created_ms, call_seq, call_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.bindValue(0, uow.newId().value);
    q.bindValue(1, int(call));
    q.bindValue(2, paymentId.isNull() ? QVariant() : QVariant(paymentId.value)); // none: a hold never recorded
    q.bindValue(3, store::nonNull(providerRef));
    q.bindValue(4, amountMinor);
    q.bindValue(5, uow.nowMs());
    q.bindValue(6, seq);
    q.bindValue(7, key);
    return store::exec(q, u"recording a call to the provider"_s);
}

Result<QList<OutboxItem>> ProviderOutbox::pending(QSqlDatabase& db, qint64 nowMs, int limit)
{
    store::Statement& q = store::Connection::statement(
        db, u"SELECT id, kind, payment_id, provider_ref, amount_minor, attempts, call_key FROM provider_outbox o "
            "WHERE next_attempt_ms <= ? AND NOT EXISTS (SELECT 1 FROM provider_outbox e "
            "WHERE e.payment_id = o.payment_id AND e.call_seq < o.call_seq) ORDER BY attempts, id LIMIT ?"_s);
    q.bindValue(0, nowMs);
    q.bindValue(1, limit);
    if (auto s = store::exec(q, u"reading the calls to send to the provider"_s); !s)
        return s.error();
    QList<OutboxItem> out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(6).toString(), ProviderCall(q.value(1).toInt()),
                    Id{q.value(2).toLongLong()}, q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toInt()});
    }
    q.finish();
    return out;
}

Status ProviderOutbox::settle(store::UnitOfWork& uow, const QList<qint64>& confirmed, const QList<qint64>& failed)
{
    store::Statement& done = uow.statement(u"DELETE FROM provider_outbox WHERE id = ?"_s);
    for (qint64 id : confirmed) {
        done.bindValue(0, id);
        if (auto s = store::exec(done, u"removing a call the provider confirmed"_s); !s)
            return s;
    }
    // the k-th failure puts the next attempt off by RetryBaseMs * 2^(k-1), at most RetryMaxMs
    store::Statement& again =
        uow.statement(u"UPDATE provider_outbox SET next_attempt_ms = ? + min(?, ? << min(attempts, 16)), "
                      "attempts = attempts + 1 WHERE id = ?"_s);
    for (qint64 id : failed) {
        again.bindValue(0, uow.nowMs());
        again.bindValue(1, RetryMaxMs);
        again.bindValue(2, RetryBaseMs);
        again.bindValue(3, id);
        if (auto s = store::exec(again, u"counting a failed provider call"_s); !s)
            return s;
    }
    return {};
}

} // namespace souk::payments
