#include "backend/payments/OrderDetails.h"

#include "backend/orders/CustomerService.h"
#include "backend/orders/OrderQueries.h"
#include "backend/orders/OrderService.h"
#include "backend/payments/Ledger.h"
#include "backend/payments/PaymentService.h"

namespace souk::payments {

Result<OrderDetail> OrderDetails::load(QSqlDatabase& db, Id orderId)
{
    OrderDetail d;
    auto order = orders::OrderService::load(db, orderId, true);
    if (!order)
        return order.error();
    d.order = *order;
    auto customer = orders::CustomerService::customer(db, order->customerId);
    if (!customer)
        return customer.error();
    d.customer = *customer;
    auto events = orders::OrderQueries::events(db, orderId);
    if (!events)
        return events.error();
    d.events = *events;
    auto payments = PaymentService::paymentsOf(db, orderId);
    if (!payments)
        return payments.error();
    d.payments = *payments;
    QList<Id> ids;
    for (const Payment& p : d.payments)
        ids.append(p.id);
    auto refunds = PaymentService::refundsOf(db, ids);
    if (!refunds)
        return refunds.error();
    d.refunds = *refunds;
    auto disputes = PaymentService::disputesOf(db, ids);
    if (!disputes)
        return disputes.error();
    d.disputes = *disputes;
    auto postings = Ledger::postingsOfPayments(db, ids);
    if (!postings)
        return postings.error();
    d.postings = *postings;
    return d;
}

} // namespace souk::payments
