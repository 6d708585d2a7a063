#pragma once

#include <QSqlQuery>
#include <QString>

#include "backend/orders/Order.h"

/// Row mapping of orders, shared by the order service and the queries. Internal.
namespace souk::orders::rows {

/// The columns readOrder() expects, in its order.
extern const QString OrderColumns;
Order readOrder(const QSqlQuery& q);

} // namespace souk::orders::rows
