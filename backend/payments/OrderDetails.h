#pragma once

#include <QSqlDatabase>

#include "backend/payments/Payment.h"

namespace souk::payments {

/// Assembles everything about one order (lines, customer, timeline, payments, refunds,
/// disputes, ledger postings) in one read. Any reader connection.
class OrderDetails final
{
public:
    static Result<OrderDetail> load(QSqlDatabase& db, Id orderId);
};

} // namespace souk::payments
