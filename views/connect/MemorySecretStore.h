#pragma once

#include <QHash>
#include <QObject>

#include "views/connect/SecretStore.h"

namespace souk {

/// Secrets in this process's memory only, answered from the event loop like a keychain's jobs:
/// for tests, screenshots, and a console that must not touch the desktop keychain.
/// `available` false plays a machine without a keychain service. GUI thread.
class MemorySecretStore final : public QObject, public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(bool available = true, QObject* parent = nullptr);

    QFuture<Result<QString>> read(const QString& account) override;
    QFuture<Result<bool>> write(const QString& account, const QString& secret) override;
    QFuture<Result<bool>> remove(const QString& account) override;

    const QHash<QString, QString>& secrets() const { return m_secrets; }
    int calls() const { return m_calls; }

private:
    template <typename T> QFuture<Result<T>> later(std::function<Result<T>()> answer);

    bool m_available;
    QHash<QString, QString> m_secrets;
    int m_calls = 0;
};

} // namespace souk
