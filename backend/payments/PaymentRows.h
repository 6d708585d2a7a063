#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>

#include "backend/payments/Payment.h"
#include "backend/store/UnitOfWork.h"

/// Row mapping of payments and disputes, shared by PaymentService's files. Internal.
namespace souk::payments::rows {

extern const QString PaymentColumns;
extern const QString DisputeColumns;
Payment readPayment(const QSqlQuery& q);
Payment readPayment(const store::Statement& q);
Dispute readDispute(const QSqlQuery& q);
Dispute readDispute(const store::Statement& q);
Status insertPayment(store::UnitOfWork& uow, const Payment& p);
/// Writes status and amounts with a new version (optimistic on the version read).
Status savePayment(store::UnitOfWork& uow, Payment& p);
/// Holds the payment for a person's decision (`heldMs` > 0: since then) or releases it (0).
Status setHeld(store::UnitOfWork& uow, Payment& p, qint64 heldMs);
Status saveDispute(store::UnitOfWork& uow, Dispute& d, bool insert);
/// Moves the order after money went back to the customer (a refund or a lost dispute): all of
/// it ends it as Refunded (restocking goods that never shipped); part of it after delivery makes
/// it PartiallyRefunded; part of it before delivery keeps its fulfilment status.
Status settleOrderAfterRefund(store::UnitOfWork& uow, orders::Order& order, const QString& reason);
/// Minor units per major unit of `currency` (100 for EUR, 1 for JPY).
qint64 minorPerMajor(const QString& currency);

} // namespace souk::payments::rows
