#include "backend/payments/Payout.h"

#include <QMap>

#include <algorithm>
#include <limits>

namespace souk::payments {
namespace {
__extension__ typedef __int128 Int128; // a GCC/Clang extension, hence __extension__
}

QList<std::pair<QString, qint64>> owedOf(const QList<AccountBalance>& balances)
{
    QMap<QString, Int128> net; // no sum of int64 balances can leave 128 bits
    for (const AccountBalance& b : balances) {
        if (b.account != AccountKind::PaidOut)
            net[b.currency] -= b.balanceMinor;
    }
    QList<std::pair<QString, qint64>> out;
    for (auto it = net.cbegin(); it != net.cend(); ++it) {
        const Int128 v = std::clamp<Int128>(it.value(), std::numeric_limits<qint64>::min(),
                                                std::numeric_limits<qint64>::max());
        out.append({it.key(), qint64(v)});
    }
    return out;
}

} // namespace souk::payments
