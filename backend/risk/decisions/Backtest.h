#pragma once

#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <functional>

#include "backend/core/Result.h"

namespace souk::risk {

/// How often one rule matched over the history (whether or not it decided).
struct BacktestRuleHits
{
    int line = 0;
    QString action; ///< "allow", "block", "review"
    QString text;
    qint64 matched = 0;
    qint64 decided = 0;      ///< payments this rule decided (first match in Radar's order)
    qint64 decidedFraud = 0;
};

/// What a rule set would have done to past payments.
struct BacktestResult
{
    qint64 payments = 0;
    qint64 fraud = 0; ///< of them, known fraud (label, or disputed as fraudulent)
    qint64 blocked = 0;
    qint64 blockedFraud = 0;
    qint64 blockedDisputed = 0;
    qint64 blockedRefunded = 0;
    qint64 reviewed = 0;
    qint64 reviewedFraud = 0;
    qint64 reviewedDisputed = 0;
    qint64 reviewedRefunded = 0;
    /// Approved payments it would have blocked, per currency (minor units): the revenue stopped,
    /// fraud included.
    QMap<QString, qint64> blockedApprovedMinor;
    /// The same, of legitimate payments only: what blocking good customers would have cost.
    QMap<QString, qint64> blockedLegitimateMinor;
    QList<BacktestRuleHits> rules;
    qint64 fromMs = 0;
    qint64 toMs = 0;
};

/// Runs a draft rule set over the stored assessments (live and imported) created in [fromMs,
/// toMs): each payment's stored features and context, the score it had, evaluated as the live
/// path would. Reads only; any reader. `progress(done, total)` returns false to cancel.
class Backtest final
{
public:
    static Result<BacktestResult> run(QSqlDatabase& db, const QString& rulesText, qint64 fromMs, qint64 toMs,
                                      const std::function<bool(qint64, qint64)>& progress = {});
};

} // namespace souk::risk
