#pragma once

#include "backend/core/Result.h"

namespace souk::store {
class UnitOfWork; // declared only: Client.h shows MaintenanceResult and reaches no store header
}

namespace souk::payments {

/// What one maintenance pass did: expired holds and authorizations, forgotten idempotency keys.
struct MaintenanceResult
{
    int ordersExpired = 0;
    int authorizationsExpired = 0;
    int keysPurged = 0;
    int disputesLost = 0; ///< no evidence by the due date
    int changesPruned = 0; ///< change feed rows older than its retention
    /// Whether a pass left work of one kind at its batch limit: run it again.
    bool more = false;
};

/// The store's own housekeeping, as one short write: seals a ledger from before its hash
/// chain, lapses authorizations past their hold, expires unpaid orders, forgets idempotency
/// keys older than `retentionMs` (and sealed answers past their own expiry), loses disputes whose evidence is overdue, and prunes the
/// change feed of rows older than `feedRetentionMs`, at most `batch` rows of each kind. The provider calls it decides go to the outbox. Writer thread.
class Maintenance final
{
public:
    static constexpr int Batch = 500; ///< rows per kind and pass: keeps each write short
    /// On PostgreSQL, the advisory lock a pass holds to its COMMIT ("Souk", 6): one node's at a time.
    static constexpr qint64 MaintenanceLock = 0x536F756B'00000006;
    /// A console or node away longer than this reloads instead of catching up (resync).
    static constexpr qint64 DefaultFeedRetentionMs = 7LL * 24 * 3600 * 1000;

    static Result<MaintenanceResult> runPass(store::UnitOfWork& uow, qint64 retentionMs,
                                             qint64 feedRetentionMs = DefaultFeedRetentionMs, int batch = Batch);
};

} // namespace souk::payments
