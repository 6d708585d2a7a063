#pragma once

#include <QSqlDatabase>
#include <QString>

#include <functional>

#include "backend/core/Result.h"
#include "backend/risk/decisions/RiskTypes.h"

namespace souk::risk {

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
