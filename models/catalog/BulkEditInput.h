#pragma once

#include <QString>

#include "backend/core/Currency.h"
#include "backend/core/Result.h"

namespace souk {

/// Reads the value typed into the bulk edit dialog. Errors carry a translated message (context
/// "BulkEditInput") and the field "amount" or "basisPoints". Pure functions, any thread.
class BulkEditInput final
{
public:
    BulkEditInput() = delete;

    /// Largest change by percent, either way (+1000 % multiplies prices by 11).
    static constexpr qint64 PercentBasisPointsMax = 100'000;

    /// "2.50" or "-1" in the merchant currency → minor units; zero is refused (it would change nothing).
    static Result<qint64> amountMinor(const QString& text, const Currency& currency);
    /// "10" → 1000, "-2.5" → -250, "0.25" → 25: at most two decimals, above -100 % and up to +1000 %.
    static Result<qint64> percentBasisPoints(const QString& text);
};

} // namespace souk
