#pragma once

#include <QList>
#include <QString>

#include <utility>

#include "backend/core/Id.h"
#include "backend/payments/Payment.h"

namespace souk::payments {

/// Money sent to a merchant, as its ledger entry booked it.
struct Payout
{
    Id id;
    Id merchantId;
    QString currency;
    qint64 amountMinor = 0;
    Id entryId;
    qint64 atMs = 0;
};

/// What the merchant is owed per currency, from its balances: the opposite of the sum of its
/// accounts other than paid-out; zero or less when nothing is owed. For display: a net beyond
/// int64 (only a damaged ledger) shows as the nearest representable amount; a payout uses
/// checked sums and refuses it. Pure; any thread.
QList<std::pair<QString, qint64>> owedOf(const QList<AccountBalance>& balances);

} // namespace souk::payments
