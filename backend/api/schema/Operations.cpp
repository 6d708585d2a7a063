#include "backend/api/schema/Operations.h"

#include "backend/api/schema/Types.h"

#include <QPromise>

using namespace Qt::StringLiterals;
using Op = souk::auth::Operation;

namespace souk::api {
namespace {

template <typename R>
using Def = OperationBuilder<R>;

/// The most ids a RemoteClient decodes from one answer (Json<QList>): a search answers no more.
constexpr int SearchAtMost = Json<QList<Id>>::MaxItems;
/// The newest movements a variant's history reads (InventoryService::MovementsLimitMax); the
/// node pages them.
constexpr int MovementsAtMost = 5000;

/// An answer known before asking the engine (a parameter out of range).
template <typename T>
QFuture<Result<T>> failed(const Error& error)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(Result<T>(error));
    promise.finish();
    return promise.future();
}

/// An optional limit parameter within [1, max], or the error naming it.
std::optional<Error> outOfRange(const std::optional<int>& limit, int max)
{
    if (limit && (*limit < 1 || *limit > max))
        return Error::invalid(u"limit"_s, u"must be between 1 and %1"_s.arg(max));
    return std::nullopt;
}

/// The id a body's object carries must be the path's (or absent): the path names what changes.
std::optional<Error> notThePath(Id inBody, Id inPath, const QString& field)
{
    if (!inBody.isNull() && inBody != inPath)
        return Error::invalid(field, u"must be the id of the path, or absent"_s);
    return std::nullopt;
}

QList<ApiOperation> merchants()
{
    using namespace souk::orders;
    return {
        Def<QList<catalog::Merchant>>(Op::ListMerchants, "GET", u"/v1/merchants"_s, u"List merchants"_s,
                                      u"Merchants"_s)
            .paged(u"id"_s)
            .serve([](Client& c, const Args&, const QString&) { return c.merchants(); }),
        Def<QList<catalog::Location>>(Op::ListLocations, "GET", u"/v1/merchants/{merchant_id}/locations"_s,
                                      u"List a merchant's stock locations"_s, u"Merchants"_s)
            .param<Id>(u"merchant_id"_s, In::Path, u"The merchant"_s)
            .paged(u"id"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.locations(a.at<Id>(0)); }),
        Def<MerchantTerms>(Op::SetMerchantTerms, "PUT", u"/v1/merchants/{merchant_id}/terms"_s,
                           u"Set a merchant's tax, commission, delivery fee and hold time"_s, u"Merchants"_s)
            .param<Id>(u"merchant_id"_s, In::Path, u"The merchant"_s)
            .param<MerchantTerms>(u"terms"_s, In::Body, u"The terms, all of them"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                MerchantTerms terms = a.at<MerchantTerms>(1);
                if (auto e = notThePath(terms.merchantId, a.at<Id>(0), u"terms.merchant_id"_s))
                    return failed<MerchantTerms>(*e);
                terms.merchantId = a.at<Id>(0);
                return c.setMerchantTerms(terms, key);
            }),
        Def<bool>(Op::AddDiscountCode, "POST", u"/v1/merchants/{merchant_id}/discount_codes"_s,
                  u"Add a discount code"_s, u"Merchants"_s)
            .param<Id>(u"merchant_id"_s, In::Path, u"The merchant"_s)
            .param<DiscountCode>(u"code"_s, In::Body, u"The code"_s)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                DiscountCode code = a.at<DiscountCode>(1);
                if (auto e = notThePath(code.merchantId, a.at<Id>(0), u"code.merchant_id"_s))
                    return failed<bool>(*e);
                code.merchantId = a.at<Id>(0);
                return c.addDiscountCode(code, key);
            }),
        Def<Customer>(Op::CreateCustomer, "POST", u"/v1/customers"_s, u"Create a customer"_s, u"Customers"_s)
            .param<Customer>(u"customer"_s, In::Body, u"The customer; its id is made"_s)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.createCustomer(a.at<Customer>(0), key);
            }),
    };
}

QList<ApiOperation> products()
{
    using namespace souk::catalog;
    return {
        Def<ProductPage>(Op::ReadCatalog, "GET", u"/v1/products"_s, u"List a merchant's products in id order"_s,
                         u"Products"_s)
            .named(u"list_products"_s)
            .param<Id>(u"merchant_id"_s, In::Query, u"The merchant"_s)
            .param<Id>(u"starting_after"_s, In::Query, u"The next_after of the page before"_s, false)
            .param<std::optional<int>>(u"limit"_s, In::Query, u"How many, 1 to 5000 (100)"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                if (auto e = outOfRange(a.at<std::optional<int>>(2), ProductPageQuery::PageRowsMax))
                    return failed<ProductPage>(*e);
                ProductPageQuery q;
                q.merchantId = a.at<Id>(0);
                q.afterId = a.at<Id>(1);
                q.limit = a.at<std::optional<int>>(2).value_or(100);
                return c.productPage(q);
            }),
        // before /v1/products/{product_id}: the node takes the first route that matches
        Def<QList<Id>>(Op::SearchProducts, "GET", u"/v1/products/search"_s,
                       u"Ids of a merchant's products whose title, SKU or barcode contains the text"_s, u"Products"_s)
            .param<Id>(u"merchant_id"_s, In::Query, u"The merchant"_s)
            .param<QString>(u"text"_s, In::Query, u"What to look for, in any script"_s)
            .param<std::optional<int>>(u"limit"_s, In::Query, u"How many ids at most, 1 to 10000 (1000)"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                if (auto e = outOfRange(a.at<std::optional<int>>(2), SearchAtMost))
                    return failed<QList<Id>>(*e);
                return c.searchProducts(a.at<Id>(0), a.at<QString>(1), a.at<std::optional<int>>(2).value_or(1000));
            }),
        Def<QList<ProductSummary>>(Op::ReadCatalog, "GET", u"/v1/product_summaries"_s,
                                   u"Summaries of the products named"_s, u"Products"_s)
            .named(u"list_product_summaries"_s)
            .param<QList<Id>>(u"ids"_s, In::Query, u"The products, comma-separated"_s)
            .paged(u"id"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.productSummaries(a.at<QList<Id>>(0)); }),
        Def<Product>(Op::ReadCatalog, "GET", u"/v1/products/{product_id}"_s, u"A product with its variants"_s,
                     u"Products"_s)
            .named(u"get_product"_s)
            .param<Id>(u"product_id"_s, In::Path, u"The product"_s)
            .etag(u"version"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.product(a.at<Id>(0)); }),
        Def<Product>(Op::SaveProduct, "POST", u"/v1/products"_s, u"Create a product with its variants"_s,
                     u"Products"_s)
            .named(u"create_product"_s)
            .param<Product>(u"product"_s, In::Body, u"The product, without an id"_s)
            .status(201)
            .etag(u"version"_s)
            .serve([](Client& c, const Args& a, const QString&) {
                // saveProduct takes no key: a retry fails Duplicate (SKUs are unique per merchant)
                const Product& product = a.at<Product>(0);
                if (!product.id.isNull())
                    return failed<Product>(Error::invalid(u"product.id"_s, u"a new product has no id"_s));
                return c.saveProduct(product);
            }),
        Def<Product>(Op::SaveProduct, "PUT", u"/v1/products/{product_id}"_s,
                     u"Update a product and its variants, naming the version read"_s, u"Products"_s)
            .named(u"update_product"_s)
            .param<Id>(u"product_id"_s, In::Path, u"The product"_s)
            .param<Product>(u"product"_s, In::Body, u"The product as read, changed"_s)
            .etag(u"version"_s)
            .ifMatch(u"product.version"_s)
            .serve([](Client& c, const Args& a, const QString&) {
                // saveProduct takes no key: a retry names a version now gone and fails VersionConflict
                Product product = a.at<Product>(1);
                if (auto e = notThePath(product.id, a.at<Id>(0), u"product.id"_s))
                    return failed<Product>(*e);
                product.id = a.at<Id>(0);
                return c.saveProduct(product);
            }),
        Def<ProductEdit>(Op::EditProduct, "POST", u"/v1/products/{product_id}/edits"_s,
                         u"Update a product as update_product does, answering what it replaced (for undo)"_s,
                         u"Products"_s)
            .param<Id>(u"product_id"_s, In::Path, u"The product"_s)
            .param<Product>(u"product"_s, In::Body, u"The product as read, changed"_s)
            .ifMatch(u"product.version"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                Product product = a.at<Product>(1);
                if (auto e = notThePath(product.id, a.at<Id>(0), u"product.id"_s))
                    return failed<ProductEdit>(*e);
                product.id = a.at<Id>(0);
                return c.editProduct(product, key);
            }),
        Def<ProductEdit>(Op::UndoProductEdit, "POST", u"/v1/products/{product_id}/edits/undo"_s,
                         u"Put a product back as an edit found it, unless it changed since"_s, u"Products"_s)
            .param<Id>(u"product_id"_s, In::Path, u"The product"_s)
            .param<ProductEdit>(u"edit"_s, In::Body, u"The edit, as edit_product answered it"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                const ProductEdit& edit = a.at<ProductEdit>(1);
                if (edit.after.id != a.at<Id>(0))
                    return failed<ProductEdit>(Error::invalid(u"edit.after.id"_s, u"must be the id of the path"_s));
                return c.undoProductEdit(edit, key);
            }),
        Def<BulkResult>(Op::BulkEdit, "POST", u"/v1/bulk_edits"_s,
                        u"Change many products at once: status, category or prices, all or nothing"_s, u"Products"_s)
            .param<BulkEdit>(u"edit"_s, In::Body, u"The change and the products"_s)
            .serve([](Client& c, const Args& a, const QString& key) { return c.bulkEdit(a.at<BulkEdit>(0), key); }),
        Def<BulkResult>(Op::UndoBulkEdit, "POST", u"/v1/bulk_edits/undo"_s,
                        u"Put back what a bulk edit changed, unless any of it changed since"_s, u"Products"_s)
            .param<BulkResult>(u"result"_s, In::Body, u"The result, as bulk_edit answered it"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.undoBulkEdit(a.at<BulkResult>(0), key);
            }),
        Def<QStringList>(Op::ReadCatalog, "GET", u"/v1/merchants/{merchant_id}/categories"_s,
                         u"A merchant's categories, sorted"_s, u"Products"_s)
            .named(u"list_categories"_s)
            .param<Id>(u"merchant_id"_s, In::Path, u"The merchant"_s)
            .paged({})
            .serve([](Client& c, const Args& a, const QString&) { return c.categories(a.at<Id>(0)); }),
    };
}

QList<ApiOperation> stockAndImports()
{
    using namespace souk::catalog;
    return {
        Def<QList<StockLevel>>(Op::ReadStock, "GET", u"/v1/products/{product_id}/stock"_s,
                               u"Stock of a product's variants at each location"_s, u"Inventory"_s)
            .named(u"list_stock_levels"_s)
            .param<Id>(u"product_id"_s, In::Path, u"The product"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.stockLevels(a.at<Id>(0)); }),
        Def<QList<StockMovement>>(Op::ReadStock, "GET", u"/v1/variants/{variant_id}/movements"_s,
                                  u"A variant's stock journal, newest first"_s, u"Inventory"_s)
            .named(u"list_stock_movements"_s)
            .param<Id>(u"variant_id"_s, In::Path, u"The variant"_s)
            .paged(u"id"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.movements(a.at<Id>(0), MovementsAtMost); }),
        Def<StockLevel>(Op::AdjustStock, "POST", u"/v1/stock_adjustments"_s,
                        u"Move stock by hand: received, counted, returned"_s, u"Inventory"_s)
            .param<StockAdjustment>(u"adjustment"_s, In::Body, u"What moved"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.adjustStock(a.at<StockAdjustment>(0), key);
            }),
        // a read that takes a file: POST, as a body on a GET has no defined meaning (RFC 9110)
        // and proxies drop it; it writes nothing, so it takes no Idempotency-Key
        Def<ImportPlan>(Op::PlanImport, "POST", u"/v1/catalog/imports/plan"_s,
                        u"Read and check a CSV file without writing anything"_s, u"Imports"_s)
            .param<Id>(u"merchant_id"_s, In::Body, u"The merchant"_s)
            .param<QByteArray>(u"csv"_s, In::Body, u"The file's text"_s)
            .param<CsvFormat>(u"format"_s, In::Body, u"Its dialect: souk (the default) or shopify"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                return c.planImport(a.at<Id>(0), a.at<QByteArray>(1), a.at<CsvFormat>(2), nullptr);
            }),
        Def<ImportSummary>(Op::RunImport, "POST", u"/v1/catalog/imports"_s,
                           u"Write a plan without errors: every product or none"_s, u"Imports"_s)
            .param<Id>(u"merchant_id"_s, In::Body, u"The merchant"_s)
            .param<ImportPlan>(u"plan"_s, In::Body, u"The plan, as plan_import answered it"_s)
            .serve([](Client& c, const Args& a, const QString&) {
                // runImport takes no key: a retry matches the products by handle and sets the
                // same quantities again (it sets them, never adds), so nothing is written twice
                return c.runImport(a.at<Id>(0), a.at<ImportPlan>(1), nullptr);
            }),
        Def<QByteArray>(Op::ExportCatalog, "GET", u"/v1/catalog/export"_s,
                        u"A merchant's catalog as a CSV file (the file's text, as a JSON string)"_s, u"Imports"_s)
            .param<Id>(u"merchant_id"_s, In::Query, u"The merchant"_s)
            .param<CsvFormat>(u"format"_s, In::Query, u"Its dialect: souk (the default) or shopify"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                return c.exportCatalog(a.at<Id>(0), a.at<CsvFormat>(1));
            }),
    };
}

QList<ApiOperation> orders()
{
    using namespace souk::orders;
    using namespace souk::payments;
    return {
        Def<OrderPage>(Op::ReadOrders, "GET", u"/v1/orders"_s, u"List orders, newest first"_s, u"Orders"_s)
            .named(u"list_orders"_s)
            .param<Id>(u"merchant_id"_s, In::Query, u"Only this merchant's"_s, false)
            .param<std::optional<OrderStatus>>(u"status"_s, In::Query, u"Only orders in this status"_s, false)
            .param<std::optional<PaymentState>>(u"payment_state"_s, In::Query, u"Only orders whose money is here"_s,
                                                false)
            .param<QString>(u"search"_s, In::Query, u"A number or its end, id, name, email or card"_s, false)
            .param<Id>(u"starting_after"_s, In::Query, u"The last order of the page before"_s, false)
            .param<std::optional<int>>(u"limit"_s, In::Query, u"How many, 1 to 5000 (100)"_s, false)
            .param<std::optional<qint64>>(u"from_ms"_s, In::Query, u"Placed at or after (ms since epoch)"_s, false)
            .param<std::optional<qint64>>(u"to_ms"_s, In::Query, u"Placed before (ms since epoch)"_s, false)
            .param<std::optional<qint64>>(u"min_total_minor"_s, In::Query, u"Total at least, in minor units"_s, false)
            .param<std::optional<qint64>>(u"max_total_minor"_s, In::Query, u"Total at most, in minor units"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                OrderQuery q;
                q.merchantId = a.at<Id>(0);
                q.status = a.at<std::optional<OrderStatus>>(1);
                q.paymentState = a.at<std::optional<PaymentState>>(2);
                q.search = a.at<QString>(3);
                q.beforeId = a.at<Id>(4);
                q.limit = a.at<std::optional<int>>(5).value_or(100);
                q.fromMs = a.at<std::optional<qint64>>(6);
                q.toMs = a.at<std::optional<qint64>>(7);
                q.minTotalMinor = a.at<std::optional<qint64>>(8);
                q.maxTotalMinor = a.at<std::optional<qint64>>(9);
                if (q.limit < 1 || q.limit > OrderPageRowsMax)
                    return failed<OrderPage>(Error::invalid(u"limit"_s, u"must be between 1 and 5000"_s));
                return c.orderPage(q);
            }),
        // before /v1/orders/{order_id}: the node takes the first route that matches
        Def<QList<Order>>(Op::ReadOrders, "GET", u"/v1/orders/batch"_s, u"The orders named, without lines"_s,
                          u"Orders"_s)
            .named(u"list_orders_by_id"_s)
            .param<QList<Id>>(u"ids"_s, In::Query, u"The orders, comma-separated"_s)
            .paged(u"id"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.ordersById(a.at<QList<Id>>(0)); }),
        Def<OrderCounters>(Op::ReadOrders, "GET", u"/v1/orders/counters"_s,
                           u"Orders in the last minute, GMV today, orders awaiting payment or capture"_s, u"Orders"_s)
            .named(u"get_order_counters"_s)
            .param<Id>(u"merchant_id"_s, In::Query, u"Only this merchant's; absent: every merchant seen"_s, false)
            .param<qint64>(u"day_start_ms"_s, In::Query, u"The caller's local midnight (ms since epoch)"_s)
            .serve([](Client& c, const Args& a, const QString&) {
                return c.orderCounters(a.at<Id>(0), a.at<qint64>(1));
            }),
        Def<OrderDetail>(Op::ReadOrders, "GET", u"/v1/orders/{order_id}"_s,
                         u"An order with its customer, timeline and payments"_s, u"Orders"_s)
            .named(u"get_order"_s)
            .param<Id>(u"order_id"_s, In::Path, u"The order"_s)
            .etag(u"order.version"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.orderDetail(a.at<Id>(0)); }),
        Def<Order>(Op::CreateOrder, "POST", u"/v1/orders"_s, u"Create an order awaiting payment"_s, u"Orders"_s)
            .param<NewOrder>(u"order"_s, In::Body, u"What is ordered"_s)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) { return c.createOrder(a.at<NewOrder>(0), key); }),
        Def<Order>(Op::CancelOrder, "POST", u"/v1/orders/{order_id}/cancel"_s, u"Cancel an order"_s, u"Orders"_s)
            .param<Id>(u"order_id"_s, In::Path, u"The order"_s)
            .param<QString>(u"reason"_s, In::Body, u"Why, for the timeline"_s, false)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.cancelOrder(a.at<Id>(0), a.at<QString>(1), key);
            }),
        Def<Order>(Op::AdvanceOrder, "POST", u"/v1/orders/{order_id}/advance"_s,
                   u"A fulfilment step by hand: fulfilling, shipped, delivered, completed"_s, u"Orders"_s)
            .param<Id>(u"order_id"_s, In::Path, u"The order"_s)
            .param<OrderStatus>(u"to"_s, In::Body, u"The status to move to"_s)
            .param<QString>(u"reason"_s, In::Body, u"Why, for the timeline"_s, false)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.advanceOrder(a.at<Id>(0), a.at<OrderStatus>(1), a.at<QString>(2), key);
            }),
    };
}

QList<ApiOperation> payments()
{
    using namespace souk::orders;
    using namespace souk::payments;
    return {
        Def<Checkout>(Op::Checkout, "POST", u"/v1/checkouts"_s,
                      u"Create an order and pay for it with a card, in one command"_s, u"Payments"_s)
            .param<NewOrder>(u"order"_s, In::Body, u"What is ordered"_s)
            .param<CardInput>(u"card"_s, In::Body, u"The card: sent to the provider, never stored"_s)
            .param<bool>(u"capture"_s, In::Body, u"Capture at once (else authorize only)"_s, false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.checkout(a.at<NewOrder>(0), a.at<CardInput>(1), a.at<bool>(2), key);
            }),
        Def<Payment>(Op::CapturePayment, "POST", u"/v1/payments/{payment_id}/capture"_s,
                     u"Capture an authorized payment, in full or in part"_s, u"Payments"_s)
            .param<Id>(u"payment_id"_s, In::Path, u"The payment"_s)
            .param<std::optional<qint64>>(u"amount_minor"_s, In::Body, u"How much; absent: all of it"_s, false)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.capturePayment(a.at<Id>(0), a.at<std::optional<qint64>>(1), key);
            }),
        Def<Payment>(Op::VoidPayment, "POST", u"/v1/payments/{payment_id}/void"_s,
                     u"Release an authorization before capture"_s, u"Payments"_s)
            .param<Id>(u"payment_id"_s, In::Path, u"The payment"_s)
            .param<QString>(u"reason"_s, In::Body, u"Why"_s, false)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.voidPayment(a.at<Id>(0), a.at<QString>(1), key);
            }),
        Def<Refund>(Op::RefundPayment, "POST", u"/v1/payments/{payment_id}/refunds"_s,
                    u"Refund part or all of a captured payment"_s, u"Payments"_s)
            .param<Id>(u"payment_id"_s, In::Path, u"The payment"_s)
            .param<qint64>(u"amount_minor"_s, In::Body, u"How much, in minor units"_s)
            .param<QString>(u"reason"_s, In::Body, u"Why"_s, false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.refundPayment(a.at<Id>(0), a.at<qint64>(1), a.at<QString>(2), key);
            }),
        Def<Payment>(Op::AuthorizePayment, "POST", u"/v1/orders/{order_id}/payments"_s,
                     u"Authorize a card for an order awaiting payment"_s, u"Payments"_s)
            .param<Id>(u"order_id"_s, In::Path, u"The order"_s)
            .param<CardInput>(u"card"_s, In::Body, u"The card: sent to the provider, never stored"_s)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.authorizePayment(a.at<Id>(0), a.at<CardInput>(1), key);
            }),
        Def<Dispute>(Op::OpenDispute, "POST", u"/v1/payments/{payment_id}/disputes"_s,
                     u"Open a dispute of a captured payment (the card network's stand-in)"_s, u"Payments"_s)
            .param<Id>(u"payment_id"_s, In::Path, u"The payment"_s)
            .param<qint64>(u"amount_minor"_s, In::Body, u"How much is disputed, in minor units"_s)
            .param<QString>(u"reason"_s, In::Body, u"The bank's reason"_s, false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.openDispute(a.at<Id>(0), a.at<qint64>(1), a.at<QString>(2), key);
            }),
        Def<Dispute>(Op::SubmitDisputeEvidence, "POST", u"/v1/disputes/{dispute_id}/evidence"_s,
                     u"Send a dispute's evidence: it goes under review"_s, u"Payments"_s)
            .param<Id>(u"dispute_id"_s, In::Path, u"The dispute"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.submitDisputeEvidence(a.at<Id>(0), key);
            }),
        Def<Dispute>(Op::ResolveDispute, "POST", u"/v1/disputes/{dispute_id}/resolve"_s,
                     u"Decide a dispute (the card network's stand-in)"_s, u"Payments"_s)
            .param<Id>(u"dispute_id"_s, In::Path, u"The dispute"_s)
            .param<bool>(u"won"_s, In::Body, u"Whether the merchant won"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.resolveDispute(a.at<Id>(0), a.at<bool>(1), key);
            }),
    };
}

QList<ApiOperation> ledger()
{
    using namespace souk::payments;
    return {
        Def<QList<Payout>>(Op::Payout, "POST", u"/v1/merchants/{merchant_id}/payouts"_s,
                           u"Pay a merchant what it is owed, or the amounts confirmed"_s, u"Ledger"_s)
            .param<Id>(u"merchant_id"_s, In::Path, u"The merchant"_s)
            .param<QMap<QString, qint64>>(u"amounts"_s, In::Body,
                                          u"Minor units by currency, as confirmed; absent: all that is owed"_s, false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                const auto& amounts = a.at<QMap<QString, qint64>>(1);
                // a typo is not "nothing owed"; the field is "amounts", as the engine's own
                // refusals name it (the node would rewrite "amounts.XYZ" as a camelCase name)
                for (auto it = amounts.cbegin(); it != amounts.cend(); ++it)
                    if (auto known = Currency::find(it.key(), u"amounts"_s); !known)
                        return failed<QList<Payout>>(known.error());
                return c.payout(a.at<Id>(0), amounts, key);
            }),
        Def<QList<Payout>>(Op::ReadPayouts, "GET", u"/v1/merchants/{merchant_id}/payouts"_s,
                           u"A merchant's latest payouts, newest first"_s, u"Ledger"_s)
            .param<Id>(u"merchant_id"_s, In::Path, u"The merchant"_s)
            .paged(u"id"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.payouts(a.at<Id>(0)); }),
        Def<QList<AccountBalance>>(Op::ReadLedger, "GET", u"/v1/ledger/balances"_s,
                                   u"Balances of the ledger's accounts"_s, u"Ledger"_s)
            .param<Id>(u"merchant_id"_s, In::Query, u"Only this merchant's accounts; absent: every account seen"_s,
                       false)
            .serve([](Client& c, const Args& a, const QString&) { return c.ledgerBalances(a.at<Id>(0)); }),
        Def<MaintenanceResult>(Op::RunMaintenance, "POST", u"/v1/maintenance"_s,
                               u"Expire unpaid orders and stale holds, lose overdue disputes, forget old keys"_s,
                               u"Ledger"_s)
            .serve([](Client& c, const Args&, const QString&) {
                // runMaintenance takes no key: a retried pass finds the first one's work done
                return c.runMaintenance();
            }),
    };
}

QList<ApiOperation> people()
{
    using namespace souk::auth;
    return {
        Def<bool>(Op::SignOut, "DELETE", u"/v1/sessions/current"_s, u"End this session"_s, u"Sessions"_s)
            .serve([](Client& c, const Args&, const QString&) { return c.signOut(); }),
        Def<bool>(Op::ChangePassword, "POST", u"/v1/me/password"_s, u"Set your own password"_s, u"Sessions"_s)
            .param<QString>(u"current_password"_s, In::Body, u"The password you signed in with"_s)
            .param<QString>(u"new_password"_s, In::Body, u"The new one"_s)
            .serve([](Client& c, const Args& a, const QString&) {
                // changePassword takes no key: a retry's current password is no longer it, so it fails
                return c.changePassword(a.at<QString>(0), a.at<QString>(1));
            }),
        // beginTotp takes the key: a retry with it answers the first secret again (sealed under the
        // key for a day), never a new one that the app scanned from the first answer would not confirm
        Def<TotpEnrolment>(Op::EnrolTotp, "POST", u"/v1/me/totp"_s,
                           u"Start your own second factor: a new secret to scan"_s, u"Sessions"_s)
            .named(u"begin_totp"_s)
            .serve([](Client& c, const Args&, const QString& key) { return c.beginTotp(key); }),
        Def<QStringList>(Op::EnrolTotp, "POST", u"/v1/me/totp/confirm"_s,
                         u"Confirm your second factor with a code: answers the recovery codes, once"_s,
                         u"Sessions"_s)
            .named(u"confirm_totp"_s)
            .param<QString>(u"code"_s, In::Body, u"A code from the authenticator app"_s)
            .serve([](Client& c, const Args& a, const QString& key) {
                // confirmTotp takes the key: a retry with it answers the same recovery codes again
                // (sealed under the key for a day); it never enrols twice
                return c.confirmTotp(a.at<QString>(0), key);
            }),
        Def<QList<User>>(Op::ListUsers, "GET", u"/v1/users"_s, u"The users you manage"_s, u"Users"_s)
            .paged(u"id"_s)
            .serve([](Client& c, const Args&, const QString&) { return c.users(); }),
        Def<AddedUser>(Op::AddUser, "POST", u"/v1/users"_s, u"Add a user"_s, u"Users"_s)
            .param<NewUser>(u"user"_s, In::Body, u"The user"_s)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                // addUser takes the key: a retry with it answers the same user and one-time
                // password again (sealed under the key for a day); it never adds twice
                return c.addUser(a.at<NewUser>(0), key);
            }),
        Def<User>(Op::DisableUser, "POST", u"/v1/users/{user_id}/disable"_s,
                  u"Disable a user: its sessions and keys stop working"_s, u"Users"_s)
            .param<Id>(u"user_id"_s, In::Path, u"The user"_s)
            .param<QString>(u"reason"_s, In::Body, u"Why, for the audit log"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                // disableUser takes no key: disabling a disabled user leaves it so
                return c.disableUser(a.at<Id>(0), a.at<QString>(1));
            }),
        Def<User>(Op::ResetTotp, "POST", u"/v1/users/{user_id}/totp/reset"_s,
                  u"Remove a user's second factor (a lost phone)"_s, u"Users"_s)
            .param<Id>(u"user_id"_s, In::Path, u"The user"_s)
            .param<QString>(u"reason"_s, In::Body, u"Why, for the audit log"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                // resetTotp takes no key: a second reset finds no second factor to remove
                return c.resetTotp(a.at<Id>(0), a.at<QString>(1));
            }),
    };
}

QList<ApiOperation> keysAndAudit()
{
    using namespace souk::auth;
    return {
        Def<QList<ApiKeyInfo>>(Op::ListApiKeys, "GET", u"/v1/api_keys"_s, u"API keys, without their secrets"_s,
                               u"Users"_s)
            .param<Id>(u"user_id"_s, In::Query, u"Only this user's; absent: every user you manage"_s, false)
            .paged(u"id"_s)
            .serve([](Client& c, const Args& a, const QString&) { return c.apiKeys(a.at<Id>(0)); }),
        // createApiKey takes the key: a retry with it answers the same key and secret again
        // (sealed under the key for a day), never a second key
        Def<CreatedApiKey>(Op::CreateApiKey, "POST", u"/v1/api_keys"_s,
                           u"Make an API key for a user: its secret is answered once"_s, u"Users"_s)
            .param<Id>(u"user_id"_s, In::Body, u"The user it acts as"_s)
            .param<QString>(u"name"_s, In::Body, u"What it is for"_s)
            .param<std::optional<qint64>>(u"expires_ms"_s, In::Body, u"Expires at (ms since epoch); absent: never"_s,
                                          false)
            .status(201)
            .serve([](Client& c, const Args& a, const QString& key) {
                return c.createApiKey(a.at<Id>(0), a.at<QString>(1), a.at<std::optional<qint64>>(2), key);
            }),
        Def<ApiKeyInfo>(Op::RevokeApiKey, "POST", u"/v1/api_keys/{key_id}/revoke"_s, u"Revoke an API key"_s,
                        u"Users"_s)
            .param<Id>(u"key_id"_s, In::Path, u"The key"_s)
            .serve([](Client& c, const Args& a, const QString&) {
                // revokeApiKey takes no key: a revoked key stays revoked
                return c.revokeApiKey(a.at<Id>(0));
            }),
        Def<QList<AuditRecord>>(Op::ReadAudit, "GET", u"/v1/audit"_s, u"Audit rows, newest first"_s, u"Audit"_s)
            .param<QString>(u"user"_s, In::Query, u"Only this user's (a name, any case)"_s, false)
            .param<QString>(u"entity"_s, In::Query, u"Only about this: payment, or payment:123"_s, false)
            .param<qint64>(u"since_ms"_s, In::Query, u"Only rows at or after (ms since epoch)"_s, false)
            .param<Id>(u"merchant_id"_s, In::Query, u"Only this merchant's rows"_s, false)
            .param<qint64>(u"starting_after"_s, In::Query, u"The seq of the last row of the page before"_s, false)
            .param<std::optional<int>>(u"limit"_s, In::Query, u"How many, 1 to 1000 (100)"_s, false)
            .serve([](Client& c, const Args& a, const QString&) {
                if (auto e = outOfRange(a.at<std::optional<int>>(5), AuditQuery::LimitMax))
                    return failed<QList<AuditRecord>>(*e);
                AuditQuery q;
                q.user = a.at<QString>(0);
                q.entity = a.at<QString>(1);
                q.sinceMs = a.at<qint64>(2);
                q.merchantId = a.at<Id>(3);
                q.beforeSeq = a.at<qint64>(4);
                q.limit = a.at<std::optional<int>>(5).value_or(100);
                return c.auditLog(q);
            }),
        Def<AuditVerification>(Op::VerifyAudit, "GET", u"/v1/audit/verify"_s,
                               u"Walk the whole audit chain; names the first row that does not match"_s, u"Audit"_s)
            .serve([](Client& c, const Args&, const QString&) { return c.verifyAudit(); }),
    };
}

} // namespace

const QList<ApiOperation>& apiOperations()
{
    static const QList<ApiOperation> all =
        merchants() + products() + stockAndImports() + orders() + payments() + ledger() + people() + keysAndAudit();
    return all;
}

const ApiOperation* apiOperation(const QString& id)
{
    for (const ApiOperation& o : apiOperations())
        if (o.id == id)
            return &o;
    return nullptr;
}

} // namespace souk::api
