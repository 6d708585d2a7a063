#include "tests/contract/ContractSuite.h"

#include <QMetaMethod>
#include <QSet>
#include <QTest>

#include "backend/api/schema/Operations.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;

namespace souk::test {

ContractSuite::ContractSuite(ContractHarness& harness, QObject* parent) : QObject(parent), m_harness(harness) {}

ContractSuite::~ContractSuite() = default;

const QList<std::pair<QString, const char*>>& ContractSuite::coverage()
{
    // sign-in (POST /v1/sessions) is outside the table: signInChangePasswordSignOut covers it
    static const QList<std::pair<QString, const char*>> cases = {
        {u"list_merchants"_s, "merchantsAndLocations"},
        {u"list_locations"_s, "merchantsAndLocations"},
        {u"set_merchant_terms"_s, "customersTermsAndDiscountCodes"},
        {u"add_discount_code"_s, "customersTermsAndDiscountCodes"},
        {u"create_customer"_s, "customersTermsAndDiscountCodes"},
        {u"list_products"_s, "productPageAndSummaries"},
        {u"search_products"_s, "searchFindsAnyScript"},
        {u"list_product_summaries"_s, "productPageAndSummaries"},
        {u"get_product"_s, "saveProductCreatesUpdatesAndRefusesStaleVersion"},
        {u"create_product"_s, "saveProductCreatesUpdatesAndRefusesStaleVersion"},
        {u"update_product"_s, "saveProductCreatesUpdatesAndRefusesStaleVersion"},
        {u"edit_product"_s, "editProductAndUndo"},
        {u"undo_product_edit"_s, "editProductAndUndo"},
        {u"bulk_edit"_s, "bulkEditAndUndo"},
        {u"undo_bulk_edit"_s, "bulkEditAndUndo"},
        {u"list_categories"_s, "bulkEditAndUndo"},
        {u"list_stock_levels"_s, "stockAdjustedAndJournaled"},
        {u"list_stock_movements"_s, "stockAdjustedAndJournaled"},
        {u"adjust_stock"_s, "stockAdjustedAndJournaled"},
        {u"plan_import"_s, "importPlannedAndRun"},
        {u"run_import"_s, "importPlannedAndRun"},
        {u"export_catalog"_s, "exportHasTheCatalog"},
        {u"list_orders"_s, "orderListsAndCounters"},
        {u"list_orders_by_id"_s, "createOrderReplaysItsKey"},
        {u"get_order_counters"_s, "orderListsAndCounters"},
        {u"get_order"_s, "createOrderReplaysItsKey"},
        {u"create_order"_s, "createOrderReplaysItsKey"},
        {u"cancel_order"_s, "cancelAndAdvanceOrders"},
        {u"advance_order"_s, "cancelAndAdvanceOrders"},
        {u"checkout"_s, "checkoutApprovedAndDeclined"},
        {u"capture_payment"_s, "authorizeCaptureAndVoid"},
        {u"void_payment"_s, "authorizeCaptureAndVoid"},
        {u"refund_payment"_s, "refundsAreBounded"},
        {u"authorize_payment"_s, "authorizeCaptureAndVoid"},
        {u"open_dispute"_s, "disputeFromOpenToWon"},
        {u"submit_dispute_evidence"_s, "disputeFromOpenToWon"},
        {u"resolve_dispute"_s, "disputeFromOpenToWon"},
        {u"payout"_s, "payoutPaysWhatIsOwed"},
        {u"read_payouts"_s, "payoutPaysWhatIsOwed"},
        {u"read_ledger"_s, "payoutPaysWhatIsOwed"},
        {u"run_maintenance"_s, "maintenanceRuns"},
        {u"sign_out"_s, "signInChangePasswordSignOut"},
        {u"change_password"_s, "signInChangePasswordSignOut"},
        {u"begin_totp"_s, "secondFactorEnrolledAndReset"},
        {u"confirm_totp"_s, "secondFactorEnrolledAndReset"},
        {u"list_users"_s, "usersAreAddedAndListed"},
        {u"add_user"_s, "usersAreAddedAndListed"},
        {u"disable_user"_s, "disabledUserCannotSignIn"},
        {u"reset_totp"_s, "secondFactorEnrolledAndReset"},
        {u"list_api_keys"_s, "apiKeysCreatedListedRevoked"},
        {u"create_api_key"_s, "apiKeysCreatedListedRevoked"},
        {u"revoke_api_key"_s, "apiKeysCreatedListedRevoked"},
        {u"read_audit"_s, "auditLogRecordsAndVerifies"},
        {u"verify_audit"_s, "auditLogRecordsAndVerifies"},
        {u"list_rule_sets"_s, "ruleSetSavedActivatedAndBlocking"},
        {u"get_rule_set"_s, "ruleSetSavedActivatedAndBlocking"},
        {u"save_rule_set"_s, "ruleSetSavedActivatedAndBlocking"},
        {u"activate_rule_set"_s, "ruleSetSavedActivatedAndBlocking"},
        {u"set_rule_set_shadow"_s, "ruleSetSavedActivatedAndBlocking"},
        {u"get_payment_risk"_s, "ruleSetSavedActivatedAndBlocking"},
        {u"list_risk_lists"_s, "listsAddAndRemoveNamingABadValue"},
        {u"get_risk_list_values"_s, "listsAddAndRemoveNamingABadValue"},
        {u"create_risk_list"_s, "listsAddAndRemoveNamingABadValue"},
        {u"add_risk_list_values"_s, "listsAddAndRemoveNamingABadValue"},
        {u"remove_risk_list_values"_s, "listsAddAndRemoveNamingABadValue"},
        {u"list_reviews"_s, "heldCheckoutClaimedAndApproved"},
        {u"get_review"_s, "heldCheckoutClaimedAndApproved"},
        {u"claim_review"_s, "heldCheckoutClaimedAndApproved"},
        {u"release_review"_s, "heldCheckoutClaimedAndApproved"},
        {u"decide_review"_s, "heldCheckoutClaimedAndApproved"},
        {u"backtest_rules"_s, "backtestAndModelsOverImportedHistory"},
        {u"list_risk_models"_s, "backtestAndModelsOverImportedHistory"},
        {u"train_risk_model"_s, "backtestAndModelsOverImportedHistory"},
        {u"activate_risk_model"_s, "backtestAndModelsOverImportedHistory"},
    };
    return cases;
}

void ContractSuite::initTestCase()
{
    QVERIFY2(m_harness.start(), qPrintable(u"the %1 client did not start"_s.arg(m_harness.name())));
    QVERIFY(client().principal().isAuthenticated());
    QCOMPARE(client().principal().role, auth::Role::Admin);
    connect(&client(), &Client::changed, this, [this](const ChangeList& changes) { m_changes += changes; });
}

void ContractSuite::init()
{
    m_changes.clear();
}

bool ContractSuite::changeArrived(const QString& entity, Id id) const
{
    return std::any_of(m_changes.cbegin(), m_changes.cend(),
                       [&](const Change& c) { return c.entity == entity && c.id == id; });
}

Money ContractSuite::eur(qint64 minor)
{
    return Money(minor, Currency::find(u"EUR"_s).value());
}

Result<catalog::Product> ContractSuite::makeProduct(const QString& title, const QStringList& skus, qint64 priceMinor,
                                                    qint64 stock)
{
    catalog::Product p;
    p.merchantId = seed().merchantA;
    p.title = title;
    p.status = catalog::ProductStatus::Active;
    for (const QString& sku : skus) {
        catalog::Variant v;
        v.sku = sku;
        v.price = eur(priceMinor);
        if (skus.size() > 1)
            v.optionValues = {sku};
        p.variants.append(v);
    }
    if (skus.size() > 1)
        p.optionNames = {u"Kind"_s};
    auto saved = settle(client().saveProduct(p));
    if (!saved || stock == 0)
        return saved;
    auto locations = settle(client().locations(seed().merchantA));
    if (!locations)
        return locations.error();
    for (const catalog::Variant& v : saved->variants) {
        const catalog::StockAdjustment in{v.id,  locations->first().id, catalog::MovementKind::Received,
                                          stock, u"contract"_s,         -1};
        if (auto level = settle(client().adjustStock(in, newKey())); !level)
            return level.error();
    }
    return settle(client().product(saved->id));
}

orders::NewOrder ContractSuite::mugs(qint64 quantity) const
{
    return orders::NewOrder{seed().merchantA, seed().customer, {{seed().skuA, quantity}}, {}, {}};
}

Result<payments::Checkout> ContractSuite::paidMugs(qint64 quantity, bool capture)
{
    const payments::CardInput card{u"4242 4242 4242 4242"_s, 12, 2030, u"123"_s};
    return settle(client().checkout(mugs(quantity), card, capture, newKey()));
}

void ContractSuite::everyOperationHasACase()
{
    QSet<QString> caseNames;
    for (int i = 0; i < metaObject()->methodCount(); ++i) {
        const QMetaMethod m = metaObject()->method(i);
        if (m.methodType() == QMetaMethod::Slot && m.access() == QMetaMethod::Private)
            caseNames.insert(QString::fromLatin1(m.name()));
    }
    QSet<QString> table;
    for (const api::ApiOperation& op : api::apiOperations())
        table.insert(op.id);
    QSet<QString> covered;
    for (const auto& [id, slot] : coverage()) {
        QVERIFY2(table.contains(id), qPrintable(u"the coverage names %1, which the API's table has not"_s.arg(id)));
        QVERIFY2(
            caseNames.contains(QString::fromLatin1(slot)),
            qPrintable(u"the coverage names the case %1, which the suite has not"_s.arg(QString::fromLatin1(slot))));
        covered.insert(id);
    }
    QStringList missing = (table - covered).values();
    missing.sort();
    QVERIFY2(missing.isEmpty(), qPrintable(u"operations without a contract case: "_s + missing.join(u", "_s)));
}

} // namespace souk::test
