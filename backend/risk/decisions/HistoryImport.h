#pragma once

#include <QMap>
#include <QString>

#include <functional>
#include <span>
#include <vector>

#include "backend/core/Id.h"
#include "backend/core/Result.h"
#include "backend/risk/decisions/RiskInput.h"
#include "backend/risk/history/HistoryPayment.h"
#include "backend/store/UnitOfWork.h"

namespace souk::risk {

/// What an import of payment history wrote.
struct HistoryImportSummary
{
    Id batch;
    qint64 rows = 0;
    qint64 approved = 0;
    qint64 declined = 0;
    qint64 fraud = 0;    ///< labelled fraud (or disputed as fraudulent)
    qint64 disputed = 0;
    qint64 fromMs = 0;   ///< the oldest payment
    qint64 toMs = 0;     ///< the newest
};

/// A merchant's payment history from elsewhere, written as assessments (source 'imported') so
/// features, training and backtests treat it exactly as the store's own payments: each row's
/// features are computed from the rows before it, in time order, by the same code that judges a
/// live payment. One command: every row or none (a cancel rolls it all back). Writer thread.
class HistoryImport final
{
public:
    /// `progress(done, total)` returns false to cancel (Cancelled). `rows` sorted by time.
    static Result<HistoryImportSummary> run(store::UnitOfWork& uow, Id merchantId,
                                            const std::vector<HistoryPayment>& rows,
                                            const std::function<bool(qint64, qint64)>& progress = {});

    // A large history in pieces, each its own command, so the writer serves payments between
    // them (a million rows take about 100 s): begin, then a chunk at a time in order, then finish;
    // on any failure or cancel, rollback takes every row of the batch back out and rebuilds the
    // running totals. A batch a crash left unfinished is rolled back by the next begin.
    /// Checks the merchant, rolls back unfinished batches, and opens a batch of `rows` rows.
    static Result<Id> begin(store::UnitOfWork& uow, Id merchantId, qint64 rows);
    /// Imports `rows` (the next piece, in time order) into `batch`; adds to `summary`.
    static Status chunk(store::UnitOfWork& uow, Id merchantId, Id batch, std::span<const HistoryPayment> rows,
                        HistoryImportSummary& summary);
    static Status finish(store::UnitOfWork& uow, Id batch);
    /// Removes the batch's rows and rebuilds the customers' and merchants' running totals from
    /// what is left; returns the rows removed.
    static Result<qint64> rollback(store::UnitOfWork& uow, Id batch);
    /// The risk engine's view of one history row, as the import judges it (and a benchmark too).
    static RiskInput inputOf(Id merchantId, const HistoryPayment& row);
    /// Fraud by the history's own words: the `fraud` column, else a dispute as fraudulent.
    static bool isFraud(const HistoryPayment& row);
};

} // namespace souk::risk
