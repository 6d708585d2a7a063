#pragma once

#include <QList>
#include <QString>

#include "backend/core/Result.h"

namespace souk {

/// One ISO 4217 currency: code, numeric code, minor-unit exponent. Value type, any thread.
struct Currency
{
    QString code;     ///< "EUR"
    int number = 0;   ///< 978
    int exponent = 2; ///< digits after the decimal point: JPY 0, EUR 2, KWD 3, CLF 4
    QString name;

    bool isValid() const { return code.size() == 3; }
    /// 10^exponent: how many minor units make one major unit.
    qint64 minorPerMajor() const;

    /// Looks up an active ISO 4217 currency (case-sensitive, upper-case). `field` names the input.
    static Result<Currency> find(QStringView code, const QString& field = QStringLiteral("currency"));
    /// Every active currency, sorted by code; read once from the embedded table.
    static const QList<Currency>& all();

    friend bool operator==(const Currency& a, const Currency& b) { return a.code == b.code; }
};

} // namespace souk
