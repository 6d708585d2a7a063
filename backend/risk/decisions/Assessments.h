#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

#include "backend/core/Id.h"
#include "backend/core/Result.h"
#include "backend/payments/Payment.h"
#include "backend/risk/decisions/Features.h"
#include "backend/risk/decisions/RiskInput.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "backend/risk/decisions/RiskTypes.h"
#include "backend/store/UnitOfWork.h"

namespace souk::risk {


/// What history brings that a live payment learns later: its outcome and its labels.
struct KnownOutcome
{
    bool approved = false;
    qint64 refundedMinor = 0;
    bool disputed = false;
    QString disputeReason;
    std::optional<bool> fraud;
    std::optional<qint64> labelMs;
    Id importBatch;
};

/// Risk assessments of live payments, written by the authorization's first write (before the
/// provider is called) and completed when the provider's answer is recorded. Writer thread.
class Assessments final
{
public:
    /// Judges `in`: its features, the active model's score, the active rule set (and the shadow
    /// draft's verdict), and for a block or review the reasons with the model's contributions.
    /// Writes nothing: the score as the rules see it. Any connection of the store.
    static Result<Assessment> judge(QSqlDatabase& db, Id id, const RiskInput& in, PolicyCache& cache);
    /// judge(), then writes the assessment under `id` and its event on the order's timeline.
    /// Nothing is judged twice: a retry under the same key never gets here.
    static Result<Assessment> assess(store::UnitOfWork& uow, Id id, Id orderId, const RiskInput& in,
                                     PolicyCache& policy);
    /// The provider's answer to an assessed attempt (or the block): the outcome is stored, the
    /// customer's and merchant's running totals move, a review opens and holds the payment, and
    /// the order's timeline says what risk decided. No-op for an attempt that was not assessed
    /// (one opened before this version).
    static Status recorded(store::UnitOfWork& uow, Id attemptId, const std::optional<payments::Payment>& payment,
                           bool blocked);
    /// The same, from what the attempt `attemptId` became (recorded, or closed with nothing kept):
    /// for every path that settles an attempt, the reconciliation after a crash included.
    static Status settled(store::UnitOfWork& uow, Id attemptId, bool blocked = false);
    static Result<std::optional<Assessment>> find(QSqlDatabase& db, Id id);

    /// Writes an assessment row: a live one (`known` empty, outcome to come) or a payment of
    /// imported history with what is known of it.
    static Status write(store::UnitOfWork& uow, const RiskInput& in, const Assessment& a, Id orderId,
                        const KnownOutcome* known = nullptr);
    /// Moves the customer's and merchant's running totals (and the customer's known devices) by
    /// one payment's outcome.
    static Status noteOutcome(store::UnitOfWork& uow, const RiskInput& in, bool approved);
};

} // namespace souk::risk
