#pragma once

#include <QFuture>
#include <QString>

#include "backend/core/Result.h"

namespace souk {

/// Where the console keeps a connection's secret (an API key or a session token): the desktop
/// keychain, never a plain file. Every call answers later, never on the caller's stack, so
/// callers continue with onReady. Errors: NotFound (field "account") when nothing is kept under
/// the account, Unavailable (field "keychain") when no keychain service answers. GUI thread.
class SecretStore
{
public:
    SecretStore() = default;
    virtual ~SecretStore() = default;
    Q_DISABLE_COPY_MOVE(SecretStore)

    virtual QFuture<Result<QString>> read(const QString& account) = 0;
    virtual QFuture<Result<bool>> write(const QString& account, const QString& secret) = 0;
    /// Succeeds also when nothing was kept under `account`.
    virtual QFuture<Result<bool>> remove(const QString& account) = 0;
    /// Whether a keychain answers at all (a read of an account nobody writes).
    QFuture<Result<bool>> probe();
};

} // namespace souk
