#include "backend/engine/SignIn.h"

#include <QPromise>

#include "backend/auth/AuditLog.h"
#include "backend/auth/Credentials.h"
#include "backend/auth/PasswordHash.h"
#include "backend/auth/Secret.h"
#include "backend/auth/Totp.h"
#include "backend/auth/Users.h"
#include "backend/engine/Engine.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::engine {
namespace {

constexpr int VerifyThreads = 2;

Error wrongCredentials()
{
    return Error{ErrorCode::Unauthenticated, u"the user name or password is wrong"_s, {}};
}

/// A hash of no one's password: an unknown name costs as much as a wrong password, so the time
/// of the answer does not tell whether the name exists.
const QByteArray& decoyHash()
{
    static const QByteArray hash = auth::PasswordHash::hash(u"decoy-password-of-no-one"_s).value();
    return hash;
}

/// What the password check on the pool found, for the write that records it.
struct Checked
{
    std::optional<Error> refused;
    std::optional<qint64> totpStep;
    QByteArray recoveryCodeHash;
    /// A wrong guess counts toward the slow-down; a refusal without a guess (the user must
    /// wait, or a right password still needs its code) does not.
    bool guessed = true;
};

/// Checks the password and the second factor. Pool thread: Argon2id takes its time here.
Checked check(const auth::UserSecrets& user, const QString& password, const QString& code, qint64 nowMs)
{
    if (!auth::PasswordHash::verify(user.passwordHash, password))
        return {wrongCredentials(), std::nullopt, {}, true};
    if (user.totpSecret.isEmpty())
        return {};
    const QString trimmed = code.trimmed();
    if (trimmed.isEmpty())
        return {Error{ErrorCode::Unauthenticated, u"enter the code from your authenticator app"_s, u"code"_s},
                std::nullopt, {}, false};
    if (trimmed.size() == auth::Totp::Digits) {
        const auto step = auth::Totp::match(user.totpSecret, trimmed, nowMs, user.totpLastStep);
        if (!step)
            return {Error{ErrorCode::Unauthenticated, u"the code is wrong or was already used"_s, u"code"_s},
                    std::nullopt, {}, true};
        return {std::nullopt, step, {}, true};
    }
    // not a TOTP code: a recovery code, spent (and checked unspent) by the write
    return {std::nullopt, std::nullopt, auth::Secret::hashOf(auth::Totp::normaliseRecoveryCode(trimmed)), true};
}

/// Refusals that need no password check: a disabled user, or one that must wait.
std::optional<Error> refusedUpFront(const auth::User& user, qint64 nowMs)
{
    if (user.isDisabled())
        return Error{ErrorCode::AccountLocked, u"this user is disabled; ask an administrator"_s, {}};
    if (nowMs < user.retryAfterMs) {
        const qint64 seconds = (user.retryAfterMs - nowMs + 999) / 1000;
        return Error{ErrorCode::AccountLocked,
                     u"too many failed sign-ins; try again in %1 s"_s.arg(seconds), {}};
    }
    return std::nullopt;
}

/// A sign-in's outcome as written: the session, or the refusal that was counted and audited.
struct Outcome
{
    std::optional<Error> refused;
    auth::SignedIn signedIn;
};

/// The writer's half: records a failure (counted unless it was refused up front) or opens the
/// session, after checking again what may have changed since the read.
Result<Outcome> record(store::UnitOfWork& uow, const QString& name, Checked checked, const QString& origin)
{
    auto note = auth::AuditNote::of(uow);
    auto user = auth::Users::secretsByName(uow.db(), name);
    if (!user) {
        if (user.error().code != ErrorCode::NotFound)
            return user.error();
        note->outcome = checked.refused.value_or(wrongCredentials());
        return Outcome{note->outcome, {}};
    }
    note->userId = user->user.id;
    note->role = auth::roleName(user->user.role);
    if (auto early = refusedUpFront(user->user, uow.nowMs())) {
        note->outcome = early;
        return Outcome{early, {}};
    }
    if (!checked.refused && checked.totpStep && *checked.totpStep <= user->totpLastStep)
        checked.refused = Error{ErrorCode::Unauthenticated, u"the code is wrong or was already used"_s, u"code"_s};
    if (!checked.refused && !checked.recoveryCodeHash.isEmpty()) {
        auto unused = store::scalar(uow.db(),
                                    u"SELECT 1 FROM recovery_codes WHERE user_id = ? AND code_hash = ? "
                                    "AND used_ms IS NULL"_s,
                                    {user->user.id.value, QVariant(checked.recoveryCodeHash)});
        if (!unused && unused.error().code != ErrorCode::NotFound)
            return unused.error();
        if (!unused)
            checked.refused = Error{ErrorCode::Unauthenticated, u"the code is wrong or was already used"_s, u"code"_s};
    }
    if (checked.refused) {
        if (checked.guessed) {
            if (auto s = auth::Credentials::recordFailure(uow, user->user.id); !s)
                return s.error();
        }
        note->outcome = checked.refused;
        return Outcome{checked.refused, {}};
    }
    auto opened = auth::Credentials::openSession(uow, *user, checked.totpStep, checked.recoveryCodeHash, origin);
    if (!opened)
        return opened.error();
    note->credentialId = opened->principal.credentialId;
    return Outcome{std::nullopt, *opened};
}

} // namespace

SignIn::SignIn(Engine& engine) : m_engine(engine)
{
    m_pool.setMaxThreadCount(VerifyThreads);
    // direct: runs on the writer's completion thread before the commit's futures finish, so a
    // revoked key is refused from the moment its revocation is answered
    m_committed = QObject::connect(&m_engine, &Engine::committed, &m_engine,
                                   [this](const ChangeList& changes) { forgetTokensIfTouched(changes); },
                                   Qt::DirectConnection);
    // another node's commit (a cluster on PostgreSQL): as soon as it is told, on the listener's
    // thread; and everything when the listener may have missed some
    m_othersCommitted = QObject::connect(
        &m_engine, &Engine::othersCommitted, &m_engine,
        [this](qint64 seq, const QStringList& kinds, bool) {
            if (seq < 0 || std::any_of(kinds.cbegin(), kinds.cend(), [](const QString& k) { return touchesAccess(k); }))
                forgetTokens();
        },
        Qt::DirectConnection);
}

SignIn::~SignIn()
{
    QObject::disconnect(m_committed);
    QObject::disconnect(m_othersCommitted);
    flushUses(0, true);
    m_work.waitIdle();
    m_pool.waitForDone();
}

QFuture<Result<auth::SignedIn>> SignIn::signIn(const QString& user, const QString& password, const QString& code,
                                               const QString& origin,
                                               std::function<void(const Result<auth::SignedIn>&)> done)
{
    auto answer = std::make_shared<QPromise<Result<auth::SignedIn>>>();
    answer->start();
    QFuture<Result<auth::SignedIn>> out = answer->future();
    const auto settle = [this, answer, done](const Result<auth::SignedIn>& result) {
        if (done)
            done(result);
        answer->addResult(result);
        answer->finish();
        m_work.end();
    };
    m_work.begin();
    auth::Access access;
    access.principal = auth::Principal::nobody();
    access.principal.userName = user.left(auth::Users::NameCharsMax); // as typed, for the audit log
    access.principal.origin = origin;
    access.op = auth::Operation::SignIn;
    // read the user (a reader), check the password (our pool), record the outcome (the writer)
    m_engine.read<auth::UserSecrets>(
        [user](QSqlDatabase& db) { return auth::Users::secretsByName(db, user); }, ReadMode::Snapshot,
        [this, access, user, password, code, origin, settle](const Result<auth::UserSecrets>& found) {
            if (!found && found.error().code != ErrorCode::NotFound)
                return settle(found.error());
            m_pool.start([this, access, user, password, code, origin, settle, found] {
                const qint64 now = m_engine.clock().nowMs();
                Checked checked;
                if (!found) {
                    auth::PasswordHash::verify(decoyHash(), password);
                    checked.refused = wrongCredentials();
                } else if (auto early = refusedUpFront(found->user, now)) {
                    checked.refused = early; // the slow-down: no password is even tried
                    checked.guessed = false;
                } else {
                    checked = check(*found, password, code, now);
                }
                m_engine.write<Outcome>(
                    access, [user, checked, origin](store::UnitOfWork& uow) { return record(uow, user, checked, origin); },
                    [settle](const Result<Outcome>& outcome) {
                        if (!outcome)
                            return settle(outcome.error());
                        if (outcome->refused)
                            return settle(*outcome->refused);
                        settle(outcome->signedIn);
                    });
            });
        });
    return out;
}

void SignIn::changePassword(const auth::Access& access, const QString& current, const QString& next,
                            std::function<void(const Result<bool>&)> done)
{
    const auto fail = [this, access, done](const Error& error) {
        m_engine.recordFailure(access, error);
        done(error);
    };
    if (auto refused = m_engine.admit(access))
        return done(*refused);
    if (access.principal.userId.isNull())
        return fail(Error::conflict(u"user"_s, u"add a user and sign in as it to have a password"_s));
    if (auto e = auth::PasswordHash::checkPolicy(next))
        return fail(Error::invalid(u"newPassword"_s, e->message));
    if (next == current)
        return fail(Error::invalid(u"newPassword"_s, u"choose a password other than the current one"_s));
    m_work.begin();
    const Id userId = access.principal.userId;
    m_engine.read<auth::UserSecrets>(
        [userId](QSqlDatabase& db) { return auth::Users::secretsById(db, userId); }, ReadMode::Snapshot,
        [this, access, current, next, done, fail](const Result<auth::UserSecrets>& found) {
            if (!found) {
                done(found.error());
                return m_work.end();
            }
            m_pool.start([this, access, current, next, done, fail, found] {
                // both Argon2id runs here, off the writer and the caller
                if (!auth::PasswordHash::verify(found->passwordHash, current)) {
                    fail(Error{ErrorCode::Unauthenticated, u"the current password is wrong"_s, u"currentPassword"_s});
                    return m_work.end();
                }
                auto hash = auth::PasswordHash::hash(next);
                if (!hash) {
                    done(hash.error());
                    return m_work.end();
                }
                m_engine.write<bool>(
                    access,
                    [userId = access.principal.userId, hash = *hash](store::UnitOfWork& uow) -> Result<bool> {
                        if (auto s = auth::Users::setPassword(uow, userId, hash); !s)
                            return s.error();
                        return true;
                    },
                    [this, done](const Result<bool>& changed) {
                        done(changed);
                        m_work.end();
                    });
            });
        });
}

QFuture<Result<auth::Principal>> SignIn::authenticate(const QString& bearer, const QString& origin)
{
    const QByteArray hash = auth::Secret::hashOf(bearer);
    const qint64 nowMs = m_engine.clock().now().toMSecsSinceEpoch();
    std::optional<auth::Principal> known;
    {
        std::lock_guard lock(m_tokensMutex);
        if (auto it = m_tokens.find(hash); it != m_tokens.end()) {
            if (nowMs < it->validUntilMs) {
                known = it->principal;
                if (m_uses.isEmpty())
                    m_usesSinceMs = nowMs;
                m_uses.insert(known->credentialId.value, auth::TokenUse{known->credentialId, known->via, nowMs});
            } else {
                m_tokens.erase(it);
            }
        }
    }
    if (known) {
        known->origin = origin;
        flushUses(nowMs, false);
        return Engine::readyValue<auth::Principal>(std::move(*known));
    }
    // the store decides, and notes this use; a yes is remembered for the next requests
    return m_engine.write<auth::Principal>(
        Actor{u"system"_s, u"system"_s},
        [this, bearer, origin, hash](store::UnitOfWork& uow) -> Result<auth::Principal> {
            // a revocation told while this read ran (another node's commit) may be newer than what
            // it read: then the yes is not remembered
            const quint64 forgets = m_forgets.load();
            auto found = auth::Credentials::authenticate(uow, bearer, origin);
            if (!found)
                return found.error();
            std::lock_guard lock(m_tokensMutex);
            if (m_forgets.load() == forgets)
                m_tokens.insert(hash,
                                CachedToken{found->principal, std::min(found->expiresMs, uow.nowMs() + TokenCacheMs)});
            return found->principal;
        });
}

bool SignIn::touchesAccess(const QString& entity)
{
    return entity == u"user" || entity == u"api_key" || entity == u"session";
}

void SignIn::forgetTokensIfTouched(const ChangeList& changes)
{
    if (std::any_of(changes.cbegin(), changes.cend(), [](const Change& c) { return touchesAccess(c.entity); }))
        forgetTokens();
}

void SignIn::forgetTokens()
{
    std::lock_guard lock(m_tokensMutex);
    m_tokens.clear();
    ++m_forgets;
}

void SignIn::flushUses(qint64 nowMs, bool now)
{
    QList<auth::TokenUse> uses;
    {
        std::lock_guard lock(m_tokensMutex);
        if (m_uses.isEmpty() || (!now && nowMs - m_usesSinceMs < TokenUseFlushMs))
            return;
        uses = m_uses.values();
        m_uses.clear();
    }
    m_work.begin();
    m_engine.write<bool>(
        Actor{u"system"_s, u"system"_s},
        [uses](store::UnitOfWork& uow) -> Result<bool> {
            if (auto s = auth::Credentials::noteUses(uow, uses); !s)
                return s.error();
            return true;
        },
        [this](const Result<bool>&) { m_work.end(); });
}

} // namespace souk::engine
