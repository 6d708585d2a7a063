#pragma once

#include <QFuture>
#include <QThreadPool>

#include <functional>

#include "backend/auth/Access.h"
#include "backend/auth/User.h"
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
    QFuture<Result<auth::Principal>> authenticate(const QString& bearer, const QString& origin);

private:
    Engine& m_engine;
    /// Argon2id's memory times this pool's size bounds what a burst of sign-ins can take.
    QThreadPool m_pool;
    WorkCounter m_work;
};

} // namespace souk::engine
