#include "views/connect/MemorySecretStore.h"

#include <QPromise>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace souk {

MemorySecretStore::MemorySecretStore(bool available, QObject* parent) : QObject(parent), m_available(available) {}

template <typename T> QFuture<Result<T>> MemorySecretStore::later(std::function<Result<T>()> answer)
{
    ++m_calls;
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QTimer::singleShot(0, this, [this, promise, answer] {
        promise->addResult(
            m_available ? answer() : Result<T>(Error{ErrorCode::Unavailable, u"no keychain service"_s, u"keychain"_s}));
        promise->finish();
    });
    return promise->future();
}

QFuture<Result<QString>> MemorySecretStore::read(const QString& account)
{
    return later<QString>([this, account]() -> Result<QString> {
        if (!m_secrets.contains(account))
            return Error::notFound(u"account"_s);
        return m_secrets.value(account);
    });
}

QFuture<Result<bool>> MemorySecretStore::write(const QString& account, const QString& secret)
{
    return later<bool>([this, account, secret]() -> Result<bool> {
        m_secrets.insert(account, secret);
        return true;
    });
}

QFuture<Result<bool>> MemorySecretStore::remove(const QString& account)
{
    return later<bool>([this, account]() -> Result<bool> {
        m_secrets.remove(account);
        return true;
    });
}

} // namespace souk
