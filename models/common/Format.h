#pragma once

#include <QLocale>
#include <QString>

#include "backend/core/Currency.h"

namespace souk {

class Money;

/// Money as the user's locale writes it ("€1,234.50", "1 234,50 €", "¥1,234", "KWD 0.125"),
/// built from the integer major and minor parts: exact for every qint64, never via double.
/// The currency's exponent decides the decimals, the locale the symbol position and separators.
QString formatMoney(qint64 minor, const souk::Currency& currency, const QLocale& locale = {});
QString formatMoney(const souk::Money& amount, const QLocale& locale = {});
/// The same for an amount kept with its currency's ISO code (a payment, a balance); "1250 XYZ"
/// for a code the table does not know.
QString formatMoneyIn(qint64 minor, const QString& currencyCode, const QLocale& locale = {});
/// "€5.00" when min == max, else "€5.00 – €9.50".
QString formatMoneyRange(qint64 minMinor, qint64 maxMinor, const souk::Currency& currency, const QLocale& locale = {});
/// The amount as the editor shows it for typing: "1234.50", no grouping, C-locale point (Money::parse reads it back).
QString moneyEditText(qint64 minor, const souk::Currency& currency);
/// Local date and time in the locale's short format; empty for 0.
QString formatDateTime(qint64 msSinceEpoch, const QLocale& locale = {});
/// "1,234" with the locale's grouping.
QString formatQuantity(qint64 quantity, const QLocale& locale = {});

/// The symbol shown for `currency` in `locale`: the locale's own symbol for its currency, a
/// well-known unambiguous symbol (€, £, ₹ ...) otherwise, else the ISO code.
QString currencySymbol(const souk::Currency& currency, const QLocale& locale = {});

} // namespace souk
