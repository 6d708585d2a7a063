#pragma once

#include <QString>

#include "backend/core/Id.h"
#include "backend/payments/Card.h"

namespace souk::risk {

/// One payment as the risk engine judges it: live, as an authorization is about to reach the
/// provider, or a row of a merchant's imported history. Value type.
struct RiskInput
{
    Id merchantId;
    /// Who pays, across payments: the customer's id as text, else the email; empty when neither
    /// is known (a payment at a till), which makes every customer feature missing.
    QString customerKey;
    qint64 atMs = 0;
    qint64 amountMinor = 0;
    QString currency;
    QString cardFingerprint;
    QString cardBrand;
    QString cardBin;
    QString cardCountry;
    payments::PaymentContext context;
};

} // namespace souk::risk
