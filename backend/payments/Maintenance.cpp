#include "backend/payments/Maintenance.h"

#include "backend/orders/OrderService.h"
#include "backend/payments/Idempotency.h"
#include "backend/payments/Ledger.h"
#include "backend/payments/PaymentService.h"
#include "backend/store/ChangeFeed.h"
#include "backend/store/Sql.h"
#include "backend/store/UnitOfWork.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace souk::payments {

Result<MaintenanceResult> Maintenance::runPass(store::UnitOfWork& uow, qint64 retentionMs, qint64 feedRetentionMs,
                                               int batch)
{
    // nodes sharing a database take turns: a pass that finds another node's running skips
    // (the lock is held to that pass's COMMIT, so the next pass here sees what it did)
    if (store::isPostgres(uow.db())) {
        auto mine = store::scalar(uow.db(), u"SELECT pg_try_advisory_xact_lock(?)"_s, {MaintenanceLock});
        if (!mine)
            return mine.error();
        if (!mine->toBool())
            return MaintenanceResult{};
    }
    // a ledger from before its hash chain is sealed even when no money moves
    if (auto sealed = Ledger::seal(uow); !sealed)
        return sealed.error();
    // authorizations first: an order whose hold lapsed may then expire in the same pass
    auto auths = PaymentService::expireAuthorizations(uow, batch);
    if (!auths)
        return auths.error();
    auto expired = orders::OrderService::expireDue(uow, batch);
    if (!expired)
        return expired.error();
    auto purged = Idempotency::purge(uow, retentionMs, batch);
    if (!purged)
        return purged.error();
    auto lost = PaymentService::loseOverdueDisputes(uow, batch);
    if (!lost)
        return lost.error();
    auto pruned = store::ChangeFeed::prune(uow.db(), uow.nowMs() - feedRetentionMs, batch);
    if (!pruned)
        return pruned.error();
    const bool more = std::max({*expired, *auths, *purged, *lost, *pruned}) >= batch;
    return MaintenanceResult{*expired, *auths, *purged, *lost, *pruned, more};
}

} // namespace souk::payments
