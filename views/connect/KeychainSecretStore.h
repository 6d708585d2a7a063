#pragma once

#include <QObject>

#include "views/connect/SecretStore.h"

namespace souk {

/// The desktop keychain through QtKeychain (the Secret Service on Linux, the Keychain on macOS,
/// the Credential Store on Windows), under the service "Souk". Jobs run asynchronously and
/// answer on the GUI thread; there is no insecure fallback: without a keychain service, every
/// call fails with Unavailable and nothing is written anywhere. GUI thread.
class KeychainSecretStore final : public QObject, public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject* parent = nullptr);

    QFuture<Result<QString>> read(const QString& account) override;
    QFuture<Result<bool>> write(const QString& account, const QString& secret) override;
    QFuture<Result<bool>> remove(const QString& account) override;
};

} // namespace souk
