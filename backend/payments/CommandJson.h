#pragma once

#include <QJsonObject>

#include "backend/catalog/BulkEdit.h"
#include "backend/catalog/Inventory.h"
#include "backend/catalog/ProductEdit.h"
#include "backend/core/Result.h"
#include "backend/orders/Order.h"

namespace souk::payments {

/// JSON of the catalog and customer commands and their results: the canonical parameters an
/// idempotency key's request hash is taken over, and the form their first results are kept in
/// (see StoredResult). Ids as strings, amounts as integer minor units, enums as their stored
/// integers. Pure functions, any thread.
class CommandJson final
{
public:
    static QJsonObject stockAdjustment(const catalog::StockAdjustment& adjustment);
    static QJsonObject stockLevel(const catalog::StockLevel& level);
    static Result<catalog::StockLevel> stockLevelFrom(const QJsonObject& json);
    static QJsonObject bulkEdit(const catalog::BulkEdit& edit);
    static QJsonObject bulkResult(const catalog::BulkResult& result);
    static Result<catalog::BulkResult> bulkResultFrom(const QJsonObject& json);
    /// Every field of a product and its variants, money as minor units with the currency code.
    static QJsonObject product(const catalog::Product& product);
    static QJsonObject productEdit(const catalog::ProductEdit& edit);
    static Result<catalog::ProductEdit> productEditFrom(const QJsonObject& json);
    static QJsonObject customer(const orders::Customer& customer);
    static Result<orders::Customer> customerFrom(const QJsonObject& json);
    static QJsonObject terms(const orders::MerchantTerms& terms);
    static Result<orders::MerchantTerms> termsFrom(const QJsonObject& json);
    static QJsonObject discountCode(const orders::DiscountCode& code);
    /// An order as asked for: SKUs trimmed, quantities, discount code, delivery fee if set.
    static QJsonObject newOrder(const orders::NewOrder& order);
};

} // namespace souk::payments
