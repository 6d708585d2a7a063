#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

#include "backend/core/Id.h"
#include "backend/core/Result.h"
#include "backend/risk/decisions/Assessments.h"
#include "backend/risk/decisions/RiskTypes.h"
#include "backend/store/UnitOfWork.h"

namespace souk::risk {


/// The fraud review queue: reviews are opened by the authorization that held the payment
/// (Assessments::recorded), claimed by a reviewer for a few minutes so that two never work one,
/// and decided in one command that moves the money and the goods with it. Writes on the writer;
/// reads on any connection.
class Reviews final
{
public:
    static constexpr qint64 ClaimMs = 5 * 60'000;
    /// The most linked payments one review lists.
    static constexpr int LinkedMax = 20;
    /// The reasons a reviewer picks from, per verdict.
    static QStringList reasonsFor(ReviewVerdict verdict);

    static Result<QList<Review>> list(QSqlDatabase& db, const ReviewFilter& filter, qint64 nowMs);
    /// One review with its assessment, the customer's history and the linked payments.
    static Result<Review> get(QSqlDatabase& db, Id reviewId, qint64 nowMs);
    /// Claims the review for the actor for ClaimMs (again: extends it). Refused while another
    /// holds an unexpired claim, and once the review is closed.
    static Result<Review> claim(store::UnitOfWork& uow, Id reviewId);
    /// Gives a claim back before it runs out.
    static Result<Review> release(store::UnitOfWork& uow, Id reviewId);
    /// Decides: approve captures the payment (the provider call joins the outbox); decline and
    /// fraud void it, cancel the order and put the goods back. `reason` is one of reasonsFor();
    /// the decision labels the payment for training (approve: not fraud, fraud: fraud). Refused
    /// when someone else holds the review, when it is closed, and after the authorization lapsed.
    static Result<Review> decide(store::UnitOfWork& uow, Id reviewId, ReviewVerdict verdict, const QString& reason,
                                 const QString& note, bool blockCardAndEmail = false);
    /// The block lists a fraud verdict adds to (created on first use).
    static inline const QString BlockedCardsList = QStringLiteral("blocked_cards");
    static inline const QString BlockedEmailsList = QStringLiteral("blocked_emails");
};

} // namespace souk::risk
