#include "models/inventory/AdjustmentCheck.h"

#include "backend/catalog/Product.h"
#include "models/common/Format.h"

using namespace Qt::StringLiterals;

namespace souk {

std::optional<qint64> AdjustmentCheck::parseQuantity(const QString& text, const QLocale& locale)
{
    QString normalized = text.trimmed();
    normalized.replace(QChar(0x2212), u'-'); // the minus sign the history table shows
    if (normalized.startsWith(u'+')) {
        normalized.remove(0, 1);
        if (normalized.startsWith(u'+') || normalized.startsWith(u'-'))
            return std::nullopt;
    }
    if (normalized.isEmpty())
        return std::nullopt;
    bool ok = false;
    qint64 value = locale.toLongLong(normalized, &ok);
    if (!ok)
        value = QLocale::c().toLongLong(normalized, &ok);
    if (!ok)
        return std::nullopt;
    return value;
}

AdjustmentCheck::Outcome AdjustmentCheck::check(const catalog::StockLevel& level, catalog::MovementKind kind,
                                                const QString& quantityText, const QString& reason,
                                                const QLocale& locale)
{
    Outcome outcome;
    const std::optional<qint64> delta = parseQuantity(quantityText, locale);
    outcome.quantityError = quantityProblem(level, kind, delta, quantityText.trimmed().isEmpty(), locale);
    const QString trimmedReason = reason.trimmed();
    if (needsReason(kind) && trimmedReason.isEmpty())
        outcome.reasonError = tr("Say why the stock is adjusted, e.g. \"counted\" or \"damaged\".");
    else if (trimmedReason.size() > catalog::Limits::ShortTextMax)
        outcome.reasonError = tr("At most %1 characters.").arg(catalog::Limits::ShortTextMax);
    if (!outcome.quantityError.isEmpty() || !outcome.reasonError.isEmpty())
        return outcome;
    catalog::StockAdjustment adjustment;
    adjustment.variantId = level.variantId;
    adjustment.locationId = level.locationId;
    adjustment.kind = kind;
    adjustment.delta = *delta;
    adjustment.reason = trimmedReason;
    adjustment.expectedVersion = level.version;
    outcome.adjustment = adjustment;
    return outcome;
}

QString AdjustmentCheck::quantityProblem(const catalog::StockLevel& level, catalog::MovementKind kind,
                                         const std::optional<qint64>& delta, bool empty, const QLocale& locale)
{
    if (empty)
        return tr("Enter a quantity.");
    if (!delta)
        return isSigned(kind) ? tr("Enter a whole number: 5 adds stock, -3 removes it.")
                              : tr("Enter a whole number of units, e.g. 5.");
    if (*delta == 0)
        return tr("The quantity must not be zero.");
    if (!isSigned(kind) && *delta < 0)
        return tr("Enter a positive number. To remove stock, choose Adjusted.");
    if (*delta > catalog::Limits::QuantityMax || *delta < -catalog::Limits::QuantityMax)
        return tr("At most %1 units at a time.").arg(formatQuantity(catalog::Limits::QuantityMax, locale));
    if (level.onHand + *delta < 0)
        //: %1 = units on hand at the location
        return tr("Only %1 on hand here; you cannot remove more.").arg(formatQuantity(level.onHand, locale));
    if (level.available() + *delta < 0)
        //: %1 = units available, %2 = units reserved for orders
        return tr("Only %1 available here (%2 reserved for orders); you cannot remove more.")
            .arg(formatQuantity(level.available(), locale), formatQuantity(level.reserved, locale));
    return {};
}

} // namespace souk
