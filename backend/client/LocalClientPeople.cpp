// LocalClient, third part: sign-in, users, API keys and the audit log.
#include "backend/client/LocalClient.h"

#include <QJsonObject>

#include "backend/auth/AuditLog.h"
#include "backend/auth/Credentials.h"
#include "backend/auth/OnceAnswer.h"
#include "backend/auth/PasswordHash.h"
#include "backend/auth/ReplaySeal.h"
#include "backend/auth/Totp.h"
#include "backend/auth/Users.h"
#include "backend/engine/Engine.h"
#include "backend/engine/SignIn.h"
#include "backend/payments/Idempotency.h"

using namespace Qt::StringLiterals;
using Op = souk::auth::Operation;

namespace souk {
namespace {

/// The issuer an authenticator app shows beside the account.
const QString TotpIssuer = u"Souk"_s;

template <typename T>
QFuture<Result<T>> ready(const Result<T>& result)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(result);
    promise.finish();
    return promise.future();
}

/// How long a secret shown once can be asked for again with its idempotency key: as long as a
/// client retries (payments::Idempotency::MinRetentionMs), and no longer, however long the
/// store keeps other keys. Maintenance deletes the sealed answer after it.
constexpr qint64 OnceReplayMs = payments::Idempotency::MinRetentionMs;

/// Runs `run` once per idempotency key, in the command's unit of work: the first answer is
/// stored sealed (auth::ReplaySeal) under the key in the same transaction as its effect, for
/// OnceReplayMs; a retry with the same key and parameters opens and answers it, and one with
/// other parameters (or a key already used for another command) fails with
/// IdempotencyConflict, changing nothing. A retry sent while the first is in flight queues
/// behind it on the writer and gets its answer. An empty key runs `run` unkeyed. The key is
/// scoped to the principal's merchant and user, as every command's. Writer thread.
template <typename T, typename Run>
Result<T> runOnce(store::UnitOfWork& uow, const QString& key, const QString& command, const QJsonObject& parameters,
                  Id merchant, Run&& run)
{
    if (key.isEmpty())
        return run();
    if (auto s = payments::Idempotency::validateKey(key); !s)
        return s.error();
    // the key as any command stores it: another command stored under it makes this a conflict
    const auto plain = payments::IdempotentRequest{key, command, {}, {}}.within(merchant, uow.actor());
    auto other = payments::Idempotency::lookup(uow, plain);
    if (!other)
        return other.error();
    const auth::ReplaySeal seal(key, plain.scope);
    const payments::IdempotentRequest request{seal.lookupKey(), command, seal.requestHash(command, parameters),
                                              plain.scope};
    const QByteArray row = request.storedKey().toUtf8() + '\n' + command.toUtf8(); // binds the seal to its row
    if (auto s = payments::Idempotency::forgetExpired(uow, request); !s)
        return s.error();
    auto stored = payments::Idempotency::lookup(uow, request);
    if (!stored)
        return stored.error();
    if (*stored) {
        const auto opened = seal.open(**stored, row);
        if (!opened)
            return Error::internal(u"a stored %1 answer cannot be opened"_s.arg(command));
        return auth::OnceAnswer<T>::decode(*opened);
    }
    Result<T> result = run();
    if (!result)
        return result; // nothing stored: the caller may fix the input and retry with the same key
    const QByteArray sealed = seal.seal(auth::OnceAnswer<T>::encode(*result), row);
    if (auto s = payments::Idempotency::remember(uow, request, sealed, uow.nowMs() + OnceReplayMs); !s)
        return s.error();
    return result;
}

QJsonValue msJson(std::optional<qint64> ms)
{
    return ms ? QJsonValue(QString::number(*ms)) : QJsonValue();
}

} // namespace

QFuture<Result<auth::Principal>> LocalClient::signIn(const QString& user, const QString& password, const QString& code)
{
    auto answer = std::make_shared<QPromise<Result<auth::Principal>>>();
    answer->start();
    // the principal changes before the answer arrives, so the caller's next command runs as the
    // user; principalChanged follows on this object's thread
    m_signIn->signIn(user, password, code, u"local"_s, [this, answer](const Result<auth::SignedIn>& signedIn) {
        if (signedIn) {
            const auth::Principal was = setPrincipal(signedIn->principal);
            if (was.via == auth::Via::Session) // an unlock: the session it replaces ends
                closeSession(was);
            answer->addResult(signedIn->principal);
        } else {
            answer->addResult(signedIn.error());
        }
        answer->finish();
    });
    return answer->future();
}

auth::Principal LocalClient::principal() const
{
    std::lock_guard lock(m_principalMutex);
    return m_principal;
}

auth::Principal LocalClient::setPrincipal(const auth::Principal& principal)
{
    auth::Principal was;
    {
        std::lock_guard lock(m_principalMutex);
        was = m_principal;
        m_principal = principal;
    }
    QMetaObject::invokeMethod(this, [this, principal] { emit principalChanged(principal); }, Qt::QueuedConnection);
    return was;
}

QFuture<Result<bool>> LocalClient::signOut()
{
    // at once: nothing more runs as the user, whatever the store answers
    const auth::Principal was = m_usersExist ? setPrincipal(auth::Principal::nobody()) : principal();
    if (was.via != auth::Via::Session)
        return ready<bool>(true);
    return closeSession(was);
}

QFuture<Result<bool>> LocalClient::closeSession(const auth::Principal& was)
{
    auto access = auth::Access::of(was, Op::SignOut);
    access.on(u"user"_s, was.userId, u"userId"_s);
    return m_engine->write<bool>(access, [session = was.credentialId](store::UnitOfWork& uow) -> Result<bool> {
        if (auto s = auth::Credentials::closeSession(uow, session); !s)
            return s.error();
        return true;
    });
}

QFuture<Result<bool>> LocalClient::changePassword(const QString& current, const QString& next)
{
    auto answer = std::make_shared<QPromise<Result<bool>>>();
    answer->start();
    m_signIn->changePassword(ask(Op::ChangePassword), current, next, [this, answer](const Result<bool>& changed) {
        if (changed) {
            auth::Principal now = principal();
            now.mustChangePassword = false;
            setPrincipal(now);
        }
        answer->addResult(changed);
        answer->finish();
    });
    return answer->future();
}

QFuture<Result<QList<auth::User>>> LocalClient::users()
{
    const Id merchant = principal().merchantId;
    return m_engine->read<QList<auth::User>>(ask(Op::ListUsers),
                                             [merchant](QSqlDatabase& db) { return auth::Users::list(db, merchant); });
}

QFuture<Result<auth::AddedUser>> LocalClient::addUser(const auth::NewUser& user, const QString& key)
{
    // the password is hashed here, off the writer (Argon2id takes ~20 ms); its policy first
    auth::NewUser given = user;
    given.name = user.name.trimmed();
    QString oneTime;
    if (given.password.isEmpty()) {
        oneTime = auth::PasswordHash::generate();
        given.password = oneTime;
    }
    const auto access = ask(Op::AddUser).forMerchant(given.merchantId, u"merchant"_s);
    if (auto e = auth::PasswordHash::checkPolicy(given.password)) {
        m_engine->recordFailure(access, *e);
        return ready<auth::AddedUser>(*e);
    }
    auto hash = auth::PasswordHash::hash(given.password);
    if (!hash)
        return ready<auth::AddedUser>(hash.error());
    // the password is part of the request (a retry with another is a conflict); it is only
    // ever stored as an HMAC under the idempotency key's derived key, never as itself
    const QJsonObject parameters{{u"name"_s, given.name},
                                 {u"role"_s, auth::roleName(given.role)},
                                 {u"merchantId"_s, given.merchantId.toString()},
                                 {u"password"_s, user.password}};
    auto future = m_engine->write<auth::AddedUser>(
        access,
        [given, hash = *hash, oneTime, principal = access.principal, key,
         parameters](store::UnitOfWork& uow) -> Result<auth::AddedUser> {
            return runOnce<auth::AddedUser>(
                uow, key, u"add_user"_s, parameters, principal.merchantId, [&]() -> Result<auth::AddedUser> {
                    // an owner adds owners and staff of its own merchant, never a platform role
                    if (!principal.merchantId.isNull() && !auth::isMerchantRole(given.role))
                        return Error{ErrorCode::Forbidden, u"an owner adds owners and staff of its merchant only"_s,
                                     u"role"_s};
                    auto added = auth::Users::add(uow, given, hash, !oneTime.isEmpty());
                    if (!added)
                        return added.error();
                    return auth::AddedUser{*added, oneTime};
                });
        });
    m_usersExist = true; // the next sign-out leads to the sign-in dialog, not back to the owner
    return future;
}

QFuture<Result<auth::User>> LocalClient::disableUser(Id userId, const QString& reason)
{
    const Id self = principal().userId;
    return m_engine->write<auth::User>(
        ask(Op::DisableUser).on(u"user"_s, userId, u"userId"_s).because(reason),
        [userId, self](store::UnitOfWork& uow) -> Result<auth::User> {
            if (userId == self)
                return Error::conflict(u"userId"_s, u"you cannot disable yourself; ask another owner or an admin"_s);
            return auth::Users::disable(uow, userId);
        });
}

QFuture<Result<auth::User>> LocalClient::resetTotp(Id userId, const QString& reason)
{
    return m_engine->write<auth::User>(ask(Op::ResetTotp).on(u"user"_s, userId, u"userId"_s).because(reason),
                                       [userId](store::UnitOfWork& uow) { return auth::Users::resetTotp(uow, userId); });
}

QFuture<Result<auth::TotpEnrolment>> LocalClient::beginTotp(const QString& key)
{
    const auth::Principal me = principal();
    const QByteArray secret = auth::Totp::newSecret(); // a replay answers the first one's instead
    return m_engine->write<auth::TotpEnrolment>(
        ask(Op::EnrolTotp), [me, secret, key](store::UnitOfWork& uow) -> Result<auth::TotpEnrolment> {
            if (me.userId.isNull())
                return Error::conflict(u"user"_s, u"add a user and sign in as it to use a second factor"_s);
            return runOnce<auth::TotpEnrolment>(
                uow, key, u"begin_totp"_s, {}, me.merchantId, [&]() -> Result<auth::TotpEnrolment> {
                    if (auto s = auth::Users::beginTotp(uow, me.userId, secret); !s)
                        return s.error();
                    return auth::TotpEnrolment{auth::Totp::base32(secret),
                                               auth::Totp::uri(TotpIssuer, me.userName, secret)};
                });
        });
}

QFuture<Result<QStringList>> LocalClient::confirmTotp(const QString& code, const QString& key)
{
    const auth::Principal me = principal();
    return m_engine->write<QStringList>(
        ask(Op::EnrolTotp), [me, code, key](store::UnitOfWork& uow) -> Result<QStringList> {
            if (me.userId.isNull())
                return Error::conflict(u"user"_s, u"add a user and sign in as it to use a second factor"_s);
            return runOnce<QStringList>(uow, key, u"confirm_totp"_s, {{u"code"_s, code}}, me.merchantId,
                                        [&] { return auth::Users::confirmTotp(uow, me.userId, code); });
        });
}

QFuture<Result<QList<auth::ApiKeyInfo>>> LocalClient::apiKeys(Id userId)
{
    const Id merchant = principal().merchantId;
    return m_engine->read<QList<auth::ApiKeyInfo>>(
        ask(Op::ListApiKeys).on(u"user"_s, userId, u"userId"_s),
        [userId, merchant](QSqlDatabase& db) { return auth::Credentials::apiKeys(db, userId, merchant); });
}

QFuture<Result<auth::CreatedApiKey>> LocalClient::createApiKey(Id userId, const QString& name,
                                                               std::optional<qint64> expiresMs, const QString& key)
{
    if (userId.isNull())
        return ready<auth::CreatedApiKey>(Error::invalid(u"userId"_s, u"name the user the key acts as"_s));
    const Id merchant = principal().merchantId;
    const QJsonObject parameters{
        {u"userId"_s, userId.toString()}, {u"name"_s, name}, {u"expiresMs"_s, msJson(expiresMs)}};
    return m_engine->write<auth::CreatedApiKey>(
        ask(Op::CreateApiKey).on(u"user"_s, userId, u"userId"_s),
        [userId, name, expiresMs, key, merchant, parameters](store::UnitOfWork& uow) {
            return runOnce<auth::CreatedApiKey>(uow, key, u"create_api_key"_s, parameters, merchant, [&] {
                return auth::Credentials::createApiKey(uow, userId, name, expiresMs);
            });
        });
}

QFuture<Result<auth::ApiKeyInfo>> LocalClient::revokeApiKey(Id keyId)
{
    return m_engine->write<auth::ApiKeyInfo>(ask(Op::RevokeApiKey).on(u"api_key"_s, keyId, u"keyId"_s),
                                             [keyId](store::UnitOfWork& uow) {
                                                 return auth::Credentials::revokeApiKey(uow, keyId);
                                             });
}

QFuture<Result<QList<auth::AuditRecord>>> LocalClient::auditLog(const auth::AuditQuery& query)
{
    auth::AuditQuery scoped = query;
    scoped.merchantId = ownMerchantOr(query.merchantId);
    return m_engine->read<QList<auth::AuditRecord>>(ask(Op::ReadAudit).forMerchant(scoped.merchantId),
                                                    [scoped](QSqlDatabase& db) { return auth::AuditLog::list(db, scoped); });
}

QFuture<Result<auth::AuditVerification>> LocalClient::verifyAudit()
{
    return m_engine->read<auth::AuditVerification>(ask(Op::VerifyAudit),
                                                   [](QSqlDatabase& db) { return auth::AuditLog::verify(db); });
}

} // namespace souk
