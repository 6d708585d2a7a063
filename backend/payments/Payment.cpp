#include "backend/payments/Payment.h"

#include <array>

using namespace Qt::StringLiterals;

namespace souk::payments {

QString paymentStatusName(PaymentStatus status)
{
    static const std::array<QString, 5> names{u"failed"_s, u"authorized"_s, u"captured"_s, u"voided"_s,
                                              u"expired"_s};
    const int i = int(status);
    return i >= 0 && i < int(names.size()) ? names[size_t(i)] : u"unknown"_s;
}

QString disputeStatusName(DisputeStatus status)
{
    static const std::array<QString, 4> names{u"needs_response"_s, u"under_review"_s, u"won"_s, u"lost"_s};
    const int i = int(status);
    return i >= 0 && i < int(names.size()) ? names[size_t(i)] : u"unknown"_s;
}

QString accountKindName(AccountKind kind)
{
    static const std::array<QString, AccountKindCount> names{
        u"provider_clearing"_s, u"merchant_payable"_s, u"commission_revenue"_s, u"refunds"_s,
        u"dispute_losses"_s,    u"dispute_fees"_s,     u"paid_out"_s};
    const int i = int(kind);
    return i >= 0 && i < AccountKindCount ? names[size_t(i)] : u"unknown"_s;
}

} // namespace souk::payments
