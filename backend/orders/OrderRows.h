#pragma once

#include <QSqlQuery>
#include <QString>

#include "backend/core/Result.h"
#include "backend/orders/Order.h"
#include "backend/store/Statement.h"

/// Row mapping of orders, shared by the order service and the queries. Internal.
namespace souk::orders::rows {

/// The columns readOrder() expects, in its order.
extern const QString OrderColumns;
Order readOrder(const QSqlQuery& q);
Order readOrder(const store::Statement& q);
/// Statements by order id (with lines) and merchant (terms): one QString each for the process,
/// since the writer's statement cache keys on the text's address.
const QString& orderSql();
const QString& linesSql();
const QString& termsSql();
/// The order (and its lines when `lines` is given) from prepared statements.
Result<Order> loadWith(store::Statement& q, store::Statement* lines, Id orderId);
Result<MerchantTerms> termsWith(store::Statement& q, Id merchantId);

} // namespace souk::orders::rows
