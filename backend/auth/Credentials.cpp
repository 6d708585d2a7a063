#include "backend/auth/Credentials.h"

#include <QSqlQuery>

#include "backend/auth/Secret.h"
#include "backend/store/Sql.h"
#include "backend/store/UnitOfWork.h"

using namespace Qt::StringLiterals;

namespace souk::auth {
namespace {

const QString SessionKind = u"st"_s;
const QString ApiKeyKind = u"sk"_s;

Error notAuthenticated()
{
    return Error{ErrorCode::Unauthenticated, u"the token is not valid: it may have expired or been revoked"_s, {}};
}

QVariant nullableMs(std::optional<qint64> ms)
{
    return ms ? QVariant(*ms) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> optionalMs(const QVariant& v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

Principal principalOf(const User& user, Via via, Id credential, const QString& origin)
{
    Principal p;
    p.userId = user.id;
    p.userName = user.name;
    p.role = user.role;
    p.merchantId = user.merchantId;
    p.via = via;
    p.credentialId = credential;
    p.origin = origin;
    p.mustChangePassword = user.mustChangePassword;
    return p;
}

const QString KeyColumns = u"k.id, k.user_id, u.name, k.name, k.prefix, k.created_ms, k.expires_ms, k.last_used_ms, "
                           "k.revoked_ms FROM api_keys k JOIN users u ON u.id = k.user_id"_s;

ApiKeyInfo readKey(const QSqlQuery& q)
{
    ApiKeyInfo k;
    k.id = Id{q.value(0).toLongLong()};
    k.userId = Id{q.value(1).toLongLong()};
    k.userName = q.value(2).toString();
    k.name = q.value(3).toString();
    k.prefix = q.value(4).toString();
    k.createdMs = q.value(5).toLongLong();
    k.expiresMs = optionalMs(q.value(6));
    k.lastUsedMs = optionalMs(q.value(7));
    k.revokedMs = optionalMs(q.value(8));
    return k;
}

Result<ApiKeyInfo> keyById(QSqlDatabase& db, Id keyId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + KeyColumns + u" WHERE k.id = ?"_s);
    q.bindValue(0, keyId.value);
    if (auto s = store::exec(q, u"reading an API key"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(u"keyId"_s, u"no such API key"_s);
    return readKey(q);
}

/// A live token: its user, its own id and its expiry.
struct LiveToken
{
    Id userId;
    Id credentialId;
    qint64 expiresMs = std::numeric_limits<qint64>::max();
};

/// The live token of `kind` with this hash, or nothing.
Result<std::optional<LiveToken>> liveToken(store::UnitOfWork& uow, const QString& kind, const QByteArray& hash)
{
    const QString sql = kind == SessionKind
        ? u"SELECT user_id, id, expires_ms FROM sessions WHERE token_hash = ? AND revoked_ms IS NULL AND expires_ms > ?"_s
        : u"SELECT user_id, id, expires_ms FROM api_keys WHERE key_hash = ? AND revoked_ms IS NULL "
          "AND (expires_ms IS NULL OR expires_ms > ?)"_s;
    store::Statement& q = uow.statement(sql);
    q.bindValue(0, QVariant(hash));
    q.bindValue(1, uow.nowMs());
    if (auto s = store::exec(q, u"looking up a token"_s); !s)
        return s.error();
    std::optional<LiveToken> out;
    if (q.next()) {
        out = LiveToken{Id{q.value(0).toLongLong()}, Id{q.value(1).toLongLong()}};
        if (const QVariant expires = q.value(2); !expires.isNull())
            out->expiresMs = expires.toLongLong();
    }
    q.finish();
    return out;
}

} // namespace

qint64 Credentials::retryDelayMs(int failures)
{
    if (failures <= FreeFailures)
        return 0;
    if (failures >= LockoutFailures)
        return LockoutMs;
    return 1000LL << (failures - FreeFailures - 1); // 1 s after the 4th, 2 s, 4 s ... 32 s after the 9th
}

Status Credentials::recordFailure(store::UnitOfWork& uow, Id userId)
{
    auto user = Users::byId(uow.db(), userId);
    if (!user)
        return user.error();
    const int failures = user->failedSignIns + 1;
    return store::exec(uow.db(), u"UPDATE users SET failed_signins = ?, retry_after_ms = ? WHERE id = ?"_s,
                       {failures, uow.nowMs() + retryDelayMs(failures), userId.value});
}

Result<SignedIn> Credentials::openSession(store::UnitOfWork& uow, const UserSecrets& user,
                                          std::optional<qint64> totpStep, const QByteArray& recoveryCodeHash,
                                          const QString& origin)
{
    const qint64 now = uow.nowMs();
    if (auto s = store::exec(uow.db(),
                             u"UPDATE users SET failed_signins = 0, retry_after_ms = 0, last_signin_ms = ?, "
                             "totp_last_step = %1(totp_last_step, ?) WHERE id = ?"_s.arg(
                                 store::isPostgres(uow.db()) ? u"greatest"_s : u"max"_s),
                             {now, totpStep.value_or(-1), user.user.id.value});
        !s)
        return s.error();
    if (!recoveryCodeHash.isEmpty()) {
        if (auto s = store::exec(uow.db(),
                                 u"UPDATE recovery_codes SET used_ms = ? WHERE user_id = ? AND code_hash = ? "
                                 "AND used_ms IS NULL"_s,
                                 {now, user.user.id.value, QVariant(recoveryCodeHash)});
            !s)
            return s.error();
    }
    const Secret::Token token = Secret::make(SessionKind);
    const Id id = uow.newId();
    const qint64 expires = now + SessionLifetimeMs;
    if (auto s = store::exec(uow.db(),
                             u"INSERT INTO sessions (id, user_id, token_hash, origin, created_ms, expires_ms, "
                             "last_used_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                             {id.value, user.user.id.value, QVariant(token.hash), origin, now, expires, now});
        !s)
        return s.error();
    return SignedIn{principalOf(user.user, Via::Session, id, origin), token.text, expires};
}

Status Credentials::closeSession(store::UnitOfWork& uow, Id sessionId)
{
    store::Statement& q = uow.statement(u"UPDATE sessions SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL"_s);
    q.bindValue(0, uow.nowMs());
    q.bindValue(1, sessionId.value);
    if (auto s = store::exec(q, u"ending a session"_s); !s)
        return s;
    if (q.numRowsAffected() > 0)
        uow.recordChange(u"session"_s, sessionId, 2, ChangeOp::Updated);
    return {};
}

Result<Authenticated> Credentials::authenticate(store::UnitOfWork& uow, const QString& bearer, const QString& origin)
{
    const bool session = Secret::looksLike(SessionKind, bearer);
    if (!session && !Secret::looksLike(ApiKeyKind, bearer))
        return notAuthenticated();
    const QString kind = session ? SessionKind : ApiKeyKind;
    auto live = liveToken(uow, kind, Secret::hashOf(bearer));
    if (!live)
        return live.error();
    if (!*live)
        return notAuthenticated();
    const auto [userId, credentialId, expiresMs] = **live;
    auto user = Users::byId(uow.db(), userId);
    if (!user)
        return user.error();
    if (user->isDisabled())
        return notAuthenticated();
    const QString touch = session ? u"UPDATE sessions SET last_used_ms = ? WHERE id = ?"_s
                                  : u"UPDATE api_keys SET last_used_ms = ? WHERE id = ?"_s;
    store::Statement& t = uow.statement(touch);
    t.bindValue(0, uow.nowMs());
    t.bindValue(1, credentialId.value);
    if (auto s = store::exec(t, u"noting a token's use"_s); !s)
        return s.error();
    return Authenticated{principalOf(*user, session ? Via::Session : Via::ApiKey, credentialId, origin), expiresMs};
}

Status Credentials::noteUses(store::UnitOfWork& uow, const QList<TokenUse>& uses)
{
    for (const TokenUse& use : uses) {
        static const QString sessions =
            u"UPDATE sessions SET last_used_ms = max(coalesce(last_used_ms, 0), ?) WHERE id = ?"_s;
        static const QString sessionsPg =
            u"UPDATE sessions SET last_used_ms = greatest(coalesce(last_used_ms, 0), ?) WHERE id = ?"_s;
        static const QString keys =
            u"UPDATE api_keys SET last_used_ms = max(coalesce(last_used_ms, 0), ?) WHERE id = ?"_s;
        static const QString keysPg =
            u"UPDATE api_keys SET last_used_ms = greatest(coalesce(last_used_ms, 0), ?) WHERE id = ?"_s;
        QSqlDatabase& db = uow.db();
        store::Statement& q = use.via == Via::Session ? uow.statement(store::dialect(db, sessions, sessionsPg))
                                                      : uow.statement(store::dialect(db, keys, keysPg));
        q.bindValue(0, use.atMs);
        q.bindValue(1, use.credentialId.value);
        if (auto s = store::exec(q, u"noting a token's use"_s); !s)
            return s;
    }
    return {};
}

Result<CreatedApiKey> Credentials::createApiKey(store::UnitOfWork& uow, Id userId, const QString& name,
                                                std::optional<qint64> expiresMs)
{
    const QString trimmed = name.trimmed();
    if (trimmed.size() > KeyNameCharsMax)
        return Error::invalid(u"name"_s, u"at most %1 characters"_s.arg(KeyNameCharsMax));
    if (expiresMs && *expiresMs <= uow.nowMs())
        return Error::invalid(u"expires"_s, u"must be in the future"_s);
    auto user = Users::byId(uow.db(), userId);
    if (!user)
        return user.error();
    if (user->isDisabled())
        return Error::conflict(u"user"_s, u"the user is disabled"_s);
    const Secret::Token token = Secret::make(ApiKeyKind);
    const Id id = uow.newId();
    if (auto s = store::exec(uow.db(),
                             u"INSERT INTO api_keys (id, user_id, name, prefix, key_hash, created_ms, expires_ms) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                             {id.value, userId.value, store::nonNull(trimmed), token.prefix, QVariant(token.hash),
                              uow.nowMs(), nullableMs(expiresMs)});
        !s)
        return s.error();
    uow.recordChange(u"api_key"_s, id, 1, ChangeOp::Created);
    auto info = keyById(uow.db(), id);
    if (!info)
        return info.error();
    return CreatedApiKey{*info, token.text};
}

Result<QList<ApiKeyInfo>> Credentials::apiKeys(QSqlDatabase& db, Id userId, Id merchant)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + KeyColumns +
              u" WHERE (CAST(? AS BIGINT) = 0 OR k.user_id = ?) AND (CAST(? AS BIGINT) = 0 OR u.merchant_id = ?) "
              "ORDER BY k.created_ms DESC"_s);
    q.bindValue(0, userId.value);
    q.bindValue(1, userId.value);
    q.bindValue(2, merchant.value);
    q.bindValue(3, merchant.value);
    if (auto s = store::exec(q, u"listing API keys"_s); !s)
        return s.error();
    QList<ApiKeyInfo> out;
    while (q.next())
        out.append(readKey(q));
    return out;
}

Result<ApiKeyInfo> Credentials::revokeApiKey(store::UnitOfWork& uow, Id keyId)
{
    if (auto key = keyById(uow.db(), keyId); !key)
        return key.error();
    if (auto s = store::exec(uow.db(), u"UPDATE api_keys SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL"_s,
                             {uow.nowMs(), keyId.value});
        !s)
        return s.error();
    uow.recordChange(u"api_key"_s, keyId, 2, ChangeOp::Updated);
    return keyById(uow.db(), keyId);
}

} // namespace souk::auth
