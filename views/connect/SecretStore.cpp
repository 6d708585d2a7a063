#include "views/connect/SecretStore.h"

#include <QPromise>

#include "backend/core/Async.h"

using namespace Qt::StringLiterals;

namespace souk {

QFuture<Result<bool>> SecretStore::probe()
{
    // a read answers NotFound when a keychain is there and holds no such account
    QFuture<Result<QString>> read = this->read(u"souk-probe"_s);
    return read.then([](const Result<QString>& r) -> Result<bool> {
        if (r || r.error().code == ErrorCode::NotFound)
            return true;
        return r.error();
    });
}

} // namespace souk
