#pragma once

#include <optional>

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include "backend/catalog/Inventory.h"

namespace souk {

/// Checks what the user typed into the stock adjustment form before anything is sent, with the
/// same rules as the engine (InventoryService::adjust), so mistakes show beside their field.
/// The engine checks again: a stale level still fails there. Pure, any thread.
class AdjustmentCheck final
{
    Q_DECLARE_TR_FUNCTIONS(AdjustmentCheck)
public:
    struct Outcome
    {
        std::optional<catalog::StockAdjustment> adjustment; ///< set when both fields are fine
        QString quantityError;                              ///< translated; empty when fine
        QString reasonError;
        bool ok() const { return adjustment.has_value(); }
    };

    /// Reads "5", "+5", "-3", "−3" (U+2212) or "1,000" in `locale` (or the C locale). nullopt
    /// when it is not a whole number.
    static std::optional<qint64> parseQuantity(const QString& text, const QLocale& locale = {});
    /// Validates the form against `level`; the adjustment names level.version as expected.
    static Outcome check(const catalog::StockLevel& level, catalog::MovementKind kind, const QString& quantityText,
                         const QString& reason, const QLocale& locale = {});
    /// Whether `kind` takes a signed quantity (Adjusted) or a positive one (Received, Returned).
    static bool isSigned(catalog::MovementKind kind) { return kind == catalog::MovementKind::Adjusted; }
    static bool needsReason(catalog::MovementKind kind) { return kind == catalog::MovementKind::Adjusted; }

private:
    static QString quantityProblem(const catalog::StockLevel& level, catalog::MovementKind kind,
                                   const std::optional<qint64>& delta, bool empty, const QLocale& locale);
};

} // namespace souk
