#pragma once

#include <QSqlDatabase>

#include "backend/orders/Order.h"
#include "backend/store/UnitOfWork.h"

namespace souk::orders {

/// Customers and their delivery addresses. Stateless; writes on the engine's writer thread.
class CustomerService final
{
public:
    static constexpr int AddressesMax = 20;
    /// Creates a customer; the email is unique (Duplicate names the field).
    static Result<Customer> create(store::UnitOfWork& uow, const Customer& customer);
    static Result<Customer> customer(QSqlDatabase& db, Id customerId);
    /// Merchant terms (tax, commission, delivery fee, unpaid expiry), validated.
    static Result<MerchantTerms> setTerms(store::UnitOfWork& uow, const MerchantTerms& terms);
    static Status addDiscountCode(store::UnitOfWork& uow, const DiscountCode& code);
};

} // namespace souk::orders
