// The table of operations, merchants, products, stock and catalog imports: each declared once (see Operations.h).
#include "backend/api/schema/OperationsSupport.h"

using namespace Qt::StringLiterals;

namespace souk::api::operations {

QList<ApiOperation> merchants()
{
    using namespace souk::orders;
    return {
        Def<QList<catalog::Merchant>>(Op::ListMerchants, "GET", u"/v1/merchants"_s, u"List merchants"_s, u"Merchants"_s)
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
            .serve(
                [](Client& c, const Args& a, const QString& key) { return c.createCustomer(a.at<Customer>(0), key); }),
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
        Def<Product>(Op::SaveProduct, "POST", u"/v1/products"_s, u"Create a product with its variants"_s, u"Products"_s)
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
            .serve(
                [](Client& c, const Args& a, const QString& key) { return c.undoBulkEdit(a.at<BulkResult>(0), key); }),
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

} // namespace souk::api::operations
