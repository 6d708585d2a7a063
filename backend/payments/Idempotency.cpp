#include "backend/payments/Idempotency.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUrl>

#include <functional>

#include "backend/store/Connection.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::payments {

QString Idempotency::requestHash(const QString& command, const QJsonObject& parameters)
{
    // QJsonDocument writes object keys sorted, so the same parameters always hash the same
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(command.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(QJsonDocument(parameters).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(hash.result().toHex());
}

IdempotentRequest IdempotentRequest::of(const QString& key, const QString& command, const QJsonObject& parameters)
{
    return {key, command, Idempotency::requestHash(command, parameters), {}};
}

IdempotentRequest IdempotentRequest::within(Id merchantId, const Actor& actor) const
{
    // the user is percent-encoded so that no '/' in a user name can make two principals'
    // scopes meet; a merchant id is digits
    IdempotentRequest out = *this;
    out.scope = (merchantId.isNull() ? u"-"_s : merchantId.toString()) + u'/' +
                QString::fromLatin1(QUrl::toPercentEncoding(actor.user)) + u'/';
    return out;
}

Status Idempotency::validateKey(const QString& key)
{
    if (key.isEmpty())
        return Error::invalid(u"idempotencyKey"_s, u"every mutating command needs an idempotency key"_s);
    if (key.size() > KeyMax)
        return Error::invalid(u"idempotencyKey"_s, u"at most %1 characters"_s.arg(KeyMax));
    for (QChar c : key) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return Error::invalid(u"idempotencyKey"_s, u"only printable ASCII characters without spaces"_s);
    }
    return {};
}

namespace {

const QString LookupSql = u"SELECT key, command, request_hash, response FROM idempotency_keys WHERE key = ?"_s;
// a first result stored before keys were scoped is under the bare key: a retry that spans the
// upgrade replays it (the same command and parameters only), so a refund retried across it is
// not paid twice. Such keys are gone after the retention time. Both in one round trip.
const QString LookupEitherSql =
    u"SELECT key, command, request_hash, response FROM idempotency_keys WHERE key IN (?, ?)"_s;

struct StoredKey
{
    QString command;
    QString hash;
    QByteArray response; // a BLOB, or the UTF-8 of a JSON text
};

/// The request's stored result: its scoped key's, else (the same request only) its bare key's.
Result<std::optional<QByteArray>> lookupWith(const std::function<store::Statement&(const QString&)>& statement,
                                             const IdempotentRequest& request)
{
    const bool scoped = !request.scope.isEmpty();
    store::Statement& q = statement(scoped ? LookupEitherSql : LookupSql);
    q.bindValue(0, request.storedKey());
    if (scoped)
        q.bindValue(1, request.key);
    if (auto s = store::exec(q, u"looking up an idempotency key"_s); !s)
        return s.error();
    std::optional<StoredKey> exact, bare;
    while (q.next()) {
        StoredKey row{q.value(1).toString(), q.value(2).toString(), q.value(3).toByteArray()};
        (q.value(0).toString() == request.storedKey() ? exact : bare) = std::move(row);
    }
    q.finish();
    if (exact) {
        if (exact->command != request.command || exact->hash != request.hash) {
            return Error{ErrorCode::IdempotencyConflict,
                         u"this idempotency key was already used for a %1 with other parameters"_s.arg(exact->command),
                         u"idempotencyKey"_s};
        }
        return std::optional<QByteArray>(std::move(exact->response));
    }
    if (bare && bare->command == request.command && bare->hash == request.hash)
        return std::optional<QByteArray>(std::move(bare->response));
    return std::optional<QByteArray>();
}

} // namespace

Result<std::optional<QByteArray>> Idempotency::lookup(store::UnitOfWork& uow, const IdempotentRequest& request)
{
    if (store::isPostgres(uow.db())) {
        // other nodes write too: the key's lock, held to COMMIT, makes a request under the same
        // key on another node wait here until this one's result (or open attempt) is committed
        // and then read it, where both would have run the command and one failed on the key
        store::Statement& lock = uow.statement(u"SELECT pg_advisory_xact_lock(CAST(? AS integer), hashtext(?))"_s);
        lock.bindValue(0, KeyLockClass);
        lock.bindValue(1, request.storedKey());
        if (auto s = store::exec(lock, u"waiting for a request under the same idempotency key"_s); !s) {
            if (s.error().code != ErrorCode::StoreLocked)
                return s.error();
            return Error{ErrorCode::InProgress,
                         u"a request with this idempotency key is still under way; retry in a moment"_s,
                         u"idempotencyKey"_s};
        }
        lock.finish();
    }
    return lookupWith([&uow](const QString& sql) -> store::Statement& { return uow.statement(sql); }, request);
}

Result<std::optional<QByteArray>> Idempotency::lookup(QSqlDatabase& db, const IdempotentRequest& request)
{
    return lookupWith([&db](const QString& sql) -> store::Statement& { return store::Connection::statement(db, sql); },
                      request);
}

Status Idempotency::remember(store::UnitOfWork& uow, const IdempotentRequest& request, const QByteArray& result,
                             std::optional<qint64> expiresMs)
{
    store::Statement& q =
        uow.statement(u"INSERT INTO idempotency_keys (key, command, request_hash, response, created_ms, "
                      "expires_ms) VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.bindValue(0, request.storedKey());
    q.bindValue(1, request.command);
    q.bindValue(2, request.hash);
    q.bindValue(3, QVariant(result)); // a BLOB
    q.bindValue(4, uow.nowMs());
    q.bindValue(5, expiresMs ? QVariant(*expiresMs) : QVariant(QMetaType::fromType<qint64>()));
    return store::exec(q, u"storing an idempotency key"_s);
}

Status Idempotency::forgetExpired(store::UnitOfWork& uow, const IdempotentRequest& request)
{
    store::Statement& q = uow.statement(u"DELETE FROM idempotency_keys WHERE key = ? AND expires_ms <= ?"_s);
    q.bindValue(0, request.storedKey());
    q.bindValue(1, uow.nowMs());
    return store::exec(q, u"forgetting an expired idempotency key"_s);
}

Result<int> Idempotency::purge(store::UnitOfWork& uow, qint64 retentionMs, int limit)
{
    QSqlQuery q(uow.db());
    q.prepare(u"DELETE FROM idempotency_keys WHERE key IN (SELECT key FROM idempotency_keys "
              "WHERE created_ms < ? ORDER BY created_ms LIMIT ?)"_s);
    q.bindValue(0, uow.nowMs() - retentionMs);
    q.bindValue(1, limit);
    if (auto s = store::exec(q, u"purging old idempotency keys"_s); !s)
        return s.error();
    const int old = q.numRowsAffected();
    // sealed answers with a secret shown once go at their own expiry, however long keys are kept
    QSqlQuery e(uow.db());
    e.prepare(u"DELETE FROM idempotency_keys WHERE key IN (SELECT key FROM idempotency_keys "
              "WHERE expires_ms <= ? ORDER BY expires_ms LIMIT ?)"_s);
    e.bindValue(0, uow.nowMs());
    e.bindValue(1, limit);
    if (auto s = store::exec(e, u"purging expired idempotency keys"_s); !s)
        return s.error();
    return old + e.numRowsAffected();
}

namespace {

Result<IdempotentRequest> scopedBy(store::UnitOfWork& uow, const IdempotentRequest& request, const QString& sql,
                                   Id id)
{
    store::Statement& q = uow.statement(sql);
    q.bindValue(0, id.value);
    if (auto s = store::exec(q, u"finding whose object a command acts on"_s); !s)
        return s.error();
    const Id merchant = q.next() ? Id{q.value(0).toLongLong()} : Id{};
    q.finish();
    return request.within(merchant, uow.actor());
}

} // namespace

Result<IdempotentRequest> Idempotency::scopedToOrder(store::UnitOfWork& uow, const IdempotentRequest& request,
                                                     Id orderId)
{
    return scopedBy(uow, request, u"SELECT merchant_id FROM orders WHERE id = ?"_s, orderId);
}

Result<IdempotentRequest> Idempotency::scopedToPayment(store::UnitOfWork& uow, const IdempotentRequest& request,
                                                       Id paymentId)
{
    return scopedBy(uow, request, u"SELECT merchant_id FROM payments WHERE id = ?"_s, paymentId);
}

Result<IdempotentRequest> Idempotency::scopedToDispute(store::UnitOfWork& uow, const IdempotentRequest& request,
                                                       Id disputeId)
{
    return scopedBy(uow, request,
                    u"SELECT p.merchant_id FROM disputes d JOIN payments p ON p.id = d.payment_id WHERE d.id = ?"_s,
                    disputeId);
}

} // namespace souk::payments
