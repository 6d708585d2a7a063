#pragma once

#include <QFuture>
#include <QThreadPool>

#include <QHash>
#include <QMetaObject>

#include <atomic>
#include <functional>
#include <mutex>

#include "backend/auth/Access.h"
#include "backend/auth/Credentials.h"
#include "backend/auth/User.h"
#include "backend/core/Change.h"
#include "backend/core/Result.h"
#include "backend/core/WorkCounter.h"

namespace souk::engine {

class Engine;

/// Sign-in and token authentication, run the same way by every program on an engine. The
/// password check (Argon2id, ~20 ms and 19 MiB) runs on a small pool of its own, never on the
/// writer or the caller's thread; the outcome (a session, or a counted failure with its
/// slow-down) is then written with its audit row. Created after the engine, destroyed before
/// it; methods may be called from any thread.
class SignIn final
{
    Q_DISABLE_COPY_MOVE(SignIn)
public:
    explicit SignIn(Engine& engine);
    /// Waits for the sign-ins in flight, which need the engine.
    ~SignIn();

    /// Checks the user's password and, when it has a second factor, `code` (a TOTP code or a
    /// recovery code). Wrong name or password: Unauthenticated, with one message for both. Too
    /// many failures, or a disabled user: AccountLocked. Every attempt is audited.
    /// `done`, when given, runs once with the outcome before the future finishes, on whichever
    /// thread finished it (see Engine::write on why not QFuture::then).
    QFuture<Result<auth::SignedIn>> signIn(const QString& user, const QString& password, const QString& code,
                                           const QString& origin,
                                           std::function<void(const Result<auth::SignedIn>&)> done = {});
    /// Checks `access.principal`'s current password and sets `next` (policy checked), audited
    /// as ChangePassword; `done` as for signIn().
    void changePassword(const auth::Access& access, const QString& current, const QString& next,
                        std::function<void(const Result<bool>&)> done);
    /// The principal a session token or API key stands for (see auth::Credentials::authenticate).
    /// Answered from memory for TokenCacheMs after the store said yes, so a node does not
    /// write on every request: the token's last use is written in batches (at most
    /// TokenUseFlushMs late). Forgotten at once when a commit touches a user, an API key or a
    /// session (revoked, disabled, signed out, role changed), before that commit's caller
    /// hears of it; and at the token's own expiry.
    QFuture<Result<auth::Principal>> authenticate(const QString& bearer, const QString& origin);

    /// How long a yes from the store is trusted without asking again. Bounds how late a change
    /// made by another program on the same store file (which this engine does not see commit)
    /// takes effect. On PostgreSQL another node's change is told at its COMMIT
    /// (Engine::othersCommitted) and forgets the tokens then; this bound is for a listener that
    /// was away.
    static constexpr qint64 TokenCacheMs = 5'000;
    static constexpr qint64 TokenUseFlushMs = 5'000;

private:
    struct CachedToken
    {
        auth::Principal principal;
        qint64 validUntilMs = 0; ///< the earlier of the token's expiry and TokenCacheMs after the check
    };
    /// Whether a change to this kind of entity may change who may do what.
    static bool touchesAccess(const QString& entity);
    /// Drops every remembered token when `changes` touch who may do what. Writer's thread.
    void forgetTokensIfTouched(const ChangeList& changes);
    void forgetTokens(); ///< any thread

    /// Writes the uses noted since the last flush when TokenUseFlushMs has passed (or `now`).
    void flushUses(qint64 nowMs, bool now);

    Engine& m_engine;
    /// Argon2id's memory times this pool's size bounds what a burst of sign-ins can take.
    QThreadPool m_pool;
    WorkCounter m_work;

    std::mutex m_tokensMutex;
    QHash<QByteArray, CachedToken> m_tokens;          ///< by the token's hash; guarded by m_tokensMutex
    std::atomic<quint64> m_forgets = 0;               ///< times m_tokens was cleared (changed under the mutex)
    QHash<qint64, auth::TokenUse> m_uses;             ///< by credential id, not yet written; guarded too
    qint64 m_usesSinceMs = 0;                         ///< when the oldest unwritten use was noted
    QMetaObject::Connection m_committed;
    QMetaObject::Connection m_othersCommitted; ///< another node's commits (PostgreSQL)
};

} // namespace souk::engine
