#include "views/connect/KeychainSecretStore.h"

#include <QLoggingCategory>
#include <QPromise>

#include <memory>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKeychain, "souk.keychain")

namespace souk {
namespace {

const QString Service = u"Souk"_s;

/// The job's failure as an Error; NotFound for a missing entry.
Error jobError(const QKeychain::Job& job, const QString& account)
{
    if (job.error() == QKeychain::EntryNotFound)
        return Error::notFound(u"account"_s, u"the keychain holds nothing for "_s + account);
    qCWarning(lcKeychain).noquote() << "keychain:" << job.error() << job.errorString();
    return Error{ErrorCode::Unavailable, u"no keychain service answered: "_s + job.errorString(), u"keychain"_s};
}

template <typename T, typename Job, typename Answer>
QFuture<Result<T>> run(QObject* context, Job* job, const QString& account, Answer answer)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // a secret is kept by a keychain or not at all
    job->setKey(account);
    QObject::connect(job, &QKeychain::Job::finished, context, [promise, account, answer](QKeychain::Job* done) {
        if (done->error() == QKeychain::NoError)
            promise->addResult(answer(static_cast<Job*>(done)));
        else
            promise->addResult(jobError(*done, account));
        promise->finish();
    });
    job->start();
    return promise->future();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent) : QObject(parent) {}

QFuture<Result<QString>> KeychainSecretStore::read(const QString& account)
{
    auto* job = new QKeychain::ReadPasswordJob(Service, this);
    return run<QString>(this, job, account, [](QKeychain::ReadPasswordJob* j) { return j->textData(); });
}

QFuture<Result<bool>> KeychainSecretStore::write(const QString& account, const QString& secret)
{
    auto* job = new QKeychain::WritePasswordJob(Service, this);
    job->setTextData(secret);
    return run<bool>(this, job, account, [](QKeychain::WritePasswordJob*) { return true; });
}

QFuture<Result<bool>> KeychainSecretStore::remove(const QString& account)
{
    auto* job = new QKeychain::DeletePasswordJob(Service, this);
    auto removed = run<bool>(this, job, account, [](QKeychain::DeletePasswordJob*) { return true; });
    return removed.then([](const Result<bool>& r) -> Result<bool> {
        if (!r && r.error().code == ErrorCode::NotFound)
            return true; // nothing kept: nothing to remove
        return r;
    });
}

} // namespace souk
