#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include "backend/core/Id.h"
#include "backend/core/Result.h"
#include "backend/store/UnitOfWork.h"

namespace souk::payments {

/// A hold released in the store that the provider has not yet confirmed released.
struct PendingRelease
{
    qint64 id = 0;
    Id paymentId; ///< null for a hold the provider approved but no payment recorded
    QString providerRef;
    int attempts = 0; ///< provider calls that failed so far
};

/// The outbox of hold releases. Whatever voids an authorization in the store (a void, a
/// cancellation, an expiry) records the release here in the same transaction; the client
/// sends it to the provider after the commit and removes it once the provider confirms. A
/// crash between the commit and the provider's answer leaves the row, and the next start or
/// maintenance pass sends it again, so no hold stays on a customer's card for want of a call.
/// Providers treat a repeated void of one hold as a no-op, so sending twice is harmless.
class HoldReleases final
{
public:
    /// Records that `providerRef`'s hold must be released (inside the command's transaction);
    /// `paymentId` null for an approved hold no payment recorded.
    static Status enqueue(store::UnitOfWork& uow, Id paymentId, const QString& providerRef);
    /// A release the provider refused is tried again after RetryBaseMs, then after twice as
    /// long each time, up to RetryMaxMs: an outage is not met with a call per cancellation.
    static constexpr qint64 RetryBaseMs = 30'000;
    static constexpr qint64 RetryMaxMs = 60 * 60'000;

    /// The `limit` releases due at `nowMs`: those tried fewest times first, then the oldest, so
    /// releases the provider keeps refusing never hold newer ones back.
    static Result<QList<PendingRelease>> pending(QSqlDatabase& db, qint64 nowMs, int limit);
    /// Removes the releases the provider confirmed; counts an attempt on those it did not and
    /// puts their next attempt off (see RetryBaseMs).
    static Status settle(store::UnitOfWork& uow, const QList<qint64>& released, const QList<qint64>& failed);
};

} // namespace souk::payments
