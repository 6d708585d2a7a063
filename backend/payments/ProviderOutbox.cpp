#include "backend/payments/ProviderOutbox.h"

#include <QHash>

#include <algorithm>

#include "backend/orders/OrderService.h"
#include "backend/payments/Ledger.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::payments {

Status ProviderOutbox::enqueueRelease(store::UnitOfWork& uow, Id paymentId, const QString& providerRef)
{
    return enqueue(uow, ProviderCall::Release, paymentId, providerRef, 0, {});
}

Status ProviderOutbox::enqueueCapture(store::UnitOfWork& uow, Id paymentId, const QString& providerRef,
                                      qint64 amountMinor, Id entryId)
{
    Q_ASSERT(!paymentId.isNull() && amountMinor > 0);
    return enqueue(uow, ProviderCall::Capture, paymentId, providerRef, amountMinor, entryId);
}

Status ProviderOutbox::enqueueRefund(store::UnitOfWork& uow, Id paymentId, const QString& providerRef,
                                     qint64 amountMinor, Id entryId)
{
    Q_ASSERT(!paymentId.isNull() && amountMinor > 0);
    return enqueue(uow, ProviderCall::Refund, paymentId, providerRef, amountMinor, entryId);
}

Result<QString> ProviderOutbox::storeId(QSqlDatabase& db)
{
    // Set once when the store is made and never changed: read once per connection (connection
    // names are never reused in a process), not twice per checkout. An entry per connection the
    // thread opened: a writer that reconnects after each failover adds one, a few bytes each
    thread_local QHash<QString, QString> known;
    if (const auto it = known.constFind(db.connectionName()); it != known.constEnd())
        return *it;
    store::Statement& q = store::Connection::statement(db, u"SELECT value FROM settings WHERE key = 'store_id'"_s);
    if (auto s = store::exec(q, u"reading the store's identity"_s); !s)
        return s.error();
    const QString id = q.next() ? q.value(0).toString() : QString();
    q.finish();
    if (id.size() != 32)
        return Error::internal(u"the store has no identity (settings.store_id)"_s);
    known.insert(db.connectionName(), id);
    return id;
}

Status ProviderOutbox::enqueue(store::UnitOfWork& uow, ProviderCall call, Id paymentId, const QString& providerRef,
                               qint64 amountMinor, Id entryId)
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
                                        "amount_minor, created_ms, call_seq, call_key, entry_id) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.bindValue(0, uow.newId().value);
    q.bindValue(1, int(call));
    q.bindValue(2, paymentId.isNull() ? QVariant() : QVariant(paymentId.value)); // none: a hold never recorded
    q.bindValue(3, store::nonNull(providerRef));
    q.bindValue(4, amountMinor);
    q.bindValue(5, uow.nowMs());
    q.bindValue(6, seq);
    q.bindValue(7, key);
    q.bindValue(8, entryId.isNull() ? QVariant() : QVariant(entryId.value));
    return store::exec(q, u"recording a call to the provider"_s);
}

namespace {

const QString ItemColumns = u"id, call_key, kind, payment_id, provider_ref, amount_minor, attempts, outcome_unknown, "
                            "created_ms, entry_id, state, last_code"_s;

OutboxItem readItem(const store::Statement& q)
{
    OutboxItem it;
    it.id = q.value(0).toLongLong();
    it.key = q.value(1).toString();
    it.call = ProviderCall(q.value(2).toInt());
    it.paymentId = Id{q.value(3).toLongLong()};
    it.providerRef = q.value(4).toString();
    it.amountMinor = q.value(5).toLongLong();
    it.attempts = q.value(6).toInt();
    it.outcomeUnknown = q.value(7).toInt() != 0;
    it.createdMs = q.value(8).toLongLong();
    it.entryId = Id{q.value(9).toLongLong()};
    it.dead = q.value(10).toInt() != 0;
    it.lastCode = q.value(11).toString();
    return it;
}

Result<QList<OutboxItem>> readItems(store::Statement& q, const QString& what)
{
    if (auto s = store::exec(q, what); !s)
        return s.error();
    QList<OutboxItem> out;
    while (q.next())
        out.append(readItem(q));
    q.finish();
    return out;
}

} // namespace

QString ProviderOutbox::callName(ProviderCall call)
{
    switch (call) {
    case ProviderCall::Release:
        return u"release"_s;
    case ProviderCall::Capture:
        return u"capture"_s;
    case ProviderCall::Refund:
        return u"refund"_s;
    }
    return u"call"_s;
}

Result<QList<OutboxItem>> ProviderOutbox::pending(QSqlDatabase& db, qint64 nowMs, int limit)
{
    // one QString for the process: the statement cache is keyed by the text's address
    static const QString sql = u"SELECT "_s + ItemColumns
                               + u" FROM provider_outbox o WHERE state = 0 AND next_attempt_ms <= ? AND NOT EXISTS "
                                 "(SELECT 1 FROM provider_outbox e WHERE e.payment_id = o.payment_id AND e.state = 0 "
                                 "AND e.call_seq < o.call_seq) ORDER BY attempts, id LIMIT ?"_s;
    store::Statement& q = store::Connection::statement(db, sql);
    q.bindValue(0, nowMs);
    q.bindValue(1, limit);
    return readItems(q, u"reading the calls to send to the provider"_s);
}

Result<QList<OutboxItem>> ProviderOutbox::claim(store::UnitOfWork& uow, qint64 claimUntilMs, int limit)
{
    static const QString sql =
        u"UPDATE provider_outbox SET next_attempt_ms = CAST(? AS bigint) WHERE id IN (SELECT o.id FROM "
        "provider_outbox o WHERE o.state = 0 AND o.next_attempt_ms <= ? AND NOT EXISTS (SELECT 1 FROM provider_outbox "
        "e WHERE e.payment_id = o.payment_id AND e.state = 0 AND e.call_seq < o.call_seq) ORDER BY o.attempts, o.id "
        "LIMIT ? FOR UPDATE OF o SKIP LOCKED) RETURNING "_s +
        ItemColumns;
    store::Statement& q = uow.statement(sql);
    q.bindValue(0, claimUntilMs);
    q.bindValue(1, uow.nowMs());
    q.bindValue(2, limit);
    auto items = readItems(q, u"taking the calls to send to the provider"_s);
    if (items) // RETURNING keeps no order: pending()'s
        std::sort(items->begin(), items->end(), [](const OutboxItem& a, const OutboxItem& b) {
            return std::pair(a.attempts, a.id) < std::pair(b.attempts, b.id);
        });
    return items;
}

Result<QList<OutboxItem>> ProviderOutbox::all(QSqlDatabase& db, bool deadOnly, int limit)
{
    static const QString sql = u"SELECT "_s + ItemColumns
                               + u" FROM provider_outbox WHERE state >= ? ORDER BY id LIMIT ?"_s;
    store::Statement& q = store::Connection::statement(db, sql);
    q.bindValue(0, deadOnly ? 1 : 0);
    q.bindValue(1, limit);
    return readItems(q, u"reading the provider outbox"_s);
}

Result<OutboxCounts> ProviderOutbox::counts(QSqlDatabase& db)
{
    store::Statement& q = store::Connection::statement(
        db,
        u"SELECT coalesce(sum(CASE WHEN state = 0 THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN state = 1 THEN 1 ELSE 0 END), 0) FROM provider_outbox"_s);
    if (auto s = store::exec(q, u"counting the provider outbox"_s); !s)
        return s.error();
    OutboxCounts counts;
    if (q.next()) {
        counts.waiting = q.value(0).toLongLong();
        counts.dead = q.value(1).toLongLong();
    }
    q.finish();
    return counts;
}

Result<int> ProviderOutbox::settle(store::UnitOfWork& uow, const QList<SentCall>& sent, const RetryPolicy& policy)
{
    store::Statement& done = uow.statement(u"DELETE FROM provider_outbox WHERE id = ? AND state = 0"_s);
    // the k-th failure puts the next attempt off by RetryBaseMs * 2^(k-1), at most RetryMaxMs
    static const QString sqlite =
        u"UPDATE provider_outbox SET next_attempt_ms = ? + min(?, ? << min(attempts, 16)), "
        "attempts = attempts + 1, last_code = ?, outcome_unknown = ? WHERE id = ? AND state = 0"_s;
    static const QString postgres =
        u"UPDATE provider_outbox SET next_attempt_ms = CAST(? AS bigint) + least(CAST(? AS bigint), "
        "CAST(? AS bigint) << CAST(least(attempts, 16) AS integer)), "
        "attempts = attempts + 1, last_code = ?, outcome_unknown = ? WHERE id = ? AND state = 0"_s;
    store::Statement& again = uow.statement(store::dialect(uow.db(), sqlite, postgres));
    int dead = 0;
    for (const SentCall& call : sent) {
        const OutboxItem& item = call.item;
        if (call.result.isDone()) {
            done.bindValue(0, item.id);
            if (auto s = store::exec(done, u"removing a call the provider confirmed"_s); !s)
                return s.error();
            continue;
        }
        const QString code = call.result.code.isEmpty() ? u"unknown"_s : call.result.code;
        const bool exhausted = item.attempts + 1 >= policy.attemptsMax || uow.nowMs() - item.createdMs >= policy.ageMaxMs;
        if (call.result.outcome == CallResult::Outcome::Refused || exhausted) {
            const QString why = call.result.outcome == CallResult::Outcome::Refused ? code : u"gave_up: "_s + code;
            if (auto s = deadLetter(uow, item, why); !s)
                return s.error();
            ++dead;
            continue;
        }
        again.bindValue(0, uow.nowMs());
        again.bindValue(1, RetryMaxMs);
        again.bindValue(2, RetryBaseMs);
        again.bindValue(3, code);
        again.bindValue(4, call.result.outcomeUnknown ? 1 : 0);
        again.bindValue(5, item.id);
        if (auto s = store::exec(again, u"counting a failed provider call"_s); !s)
            return s.error();
    }
    return dead;
}

Status ProviderOutbox::deadLetter(store::UnitOfWork& uow, const OutboxItem& item, const QString& code)
{
    store::Statement& mark = uow.statement(
        u"UPDATE provider_outbox SET state = 1, last_code = ?, dead_ms = ? WHERE id = ? AND state = 0"_s);
    mark.bindValue(0, code);
    mark.bindValue(1, uow.nowMs());
    mark.bindValue(2, item.id);
    if (auto s = store::exec(mark, u"setting a provider call aside"_s); !s)
        return s;
    // gone or set aside already: another node's pass settled it after this one's claim ran out
    // (it may have been confirmed): nothing of it is this pass's to undo
    if (mark.numRowsAffected() != 1)
        return {};
    const QString what = callName(item.call);
    // the money the call was to move did not move: its entry is reversed, so the ledger says
    // what happened at the provider (a refused capture is not owed to the merchant)
    if (!item.entryId.isNull()) {
        auto reversed =
            Ledger::reverse(uow, item.entryId, u"the provider refused the %1: %2"_s.arg(what, code));
        if (!reversed)
            return reversed.error();
    }
    if (item.paymentId.isNull())
        return {}; // a hold no payment recorded: only the outbox keeps it, for a person to see
    const QString attention = u"%1_refused: %2"_s.arg(what, code);
    if (auto s = store::exec(uow.db(), u"UPDATE payments SET attention = ?, version = version + 1 WHERE id = ?"_s,
                             {attention, item.paymentId.value});
        !s)
        return s;
    auto orderId = store::scalar(uow.db(), u"SELECT order_id FROM payments WHERE id = ?"_s, {item.paymentId.value});
    if (!orderId)
        return orderId.error();
    auto version = store::scalar(uow.db(), u"SELECT version FROM payments WHERE id = ?"_s, {item.paymentId.value});
    if (!version)
        return version.error();
    uow.recordChange(u"payment"_s, item.paymentId, version->toLongLong(), ChangeOp::Updated);
    if (auto s = orders::OrderService::addEvent(uow, Id{orderId->toLongLong()}, u"payment.attention"_s,
                                                item.amountMinor, attention);
        !s)
        return s;
    if (item.call != ProviderCall::Capture)
        return {};
    // nothing was captured, so nothing can be refunded: the payment's later calls die with it
    static const QString laterSql =
        u"SELECT "_s + ItemColumns + u" FROM provider_outbox WHERE payment_id = ? AND state = 0 ORDER BY call_seq"_s;
    store::Statement& rest = uow.statement(laterSql);
    rest.bindValue(0, item.paymentId.value);
    auto behind = readItems(rest, u"reading a payment's later provider calls"_s);
    if (!behind)
        return behind.error();
    for (const OutboxItem& next : *behind) {
        if (auto s = deadLetter(uow, next, u"capture_refused"_s); !s)
            return s;
    }
    return {};
}

} // namespace souk::payments
