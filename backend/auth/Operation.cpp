#include "backend/auth/Operation.h"

namespace souk::auth {
namespace {

constexpr unsigned bit(Role role)
{
    return 1u << unsigned(role);
}

// Who may do what. Owners run their merchant; staff sell and keep the catalog and stock, but
// move no money out (refunds, payouts) and change no terms or people; support works payments
// and orders across merchants (refunds, voids, disputes) without touching catalogs or payouts;
// operators watch everything and run the store's upkeep, and change no merchant's data; admins
// may do everything. Risk: the rule sets are the platform's, read by support and changed by
// operators (as the store's upkeep); lists are kept by support too (a card to block now); reviews
// are support's work, and an owner's for its own merchant (scoped like payments). Changing a line
// here changes TestPermissions' expected matrix on purpose. A store without users is its owner's
// alone: there the local owner is the platform too, and keeps its risk policy (see permits()).
constexpr unsigned O = bit(Role::Owner), S = bit(Role::Staff), U = bit(Role::Support), P = bit(Role::Operator),
                   A = bit(Role::Admin);
constexpr unsigned Everyone = O | S | U | P | A;
constexpr unsigned Readers = Everyone;

const QList<OperationSpec> Table = {
    {Operation::ListMerchants, u"list_merchants", false, Readers},
    {Operation::ListLocations, u"list_locations", false, Readers},
    {Operation::ReadCatalog, u"read_catalog", false, Readers},
    {Operation::SearchProducts, u"search_products", false, Readers},
    {Operation::SaveProduct, u"save_product", true, O | S | A},
    {Operation::EditProduct, u"edit_product", true, O | S | A},
    {Operation::UndoProductEdit, u"undo_product_edit", true, O | S | A},
    {Operation::BulkEdit, u"bulk_edit", true, O | S | A},
    {Operation::UndoBulkEdit, u"undo_bulk_edit", true, O | S | A},
    {Operation::ReadStock, u"read_stock", false, Readers},
    {Operation::AdjustStock, u"adjust_stock", true, O | S | A},
    {Operation::PlanImport, u"plan_import", false, O | S | A},
    {Operation::RunImport, u"run_import", true, O | S | A},
    {Operation::ExportCatalog, u"export_catalog", false, O | S | P | A},
    {Operation::CreateCustomer, u"create_customer", true, O | S | A},
    {Operation::SetMerchantTerms, u"set_merchant_terms", true, O | A},
    {Operation::AddDiscountCode, u"add_discount_code", true, O | A},
    {Operation::CreateOrder, u"create_order", true, O | S | A},
    {Operation::CancelOrder, u"cancel_order", true, O | S | U | A},
    {Operation::AdvanceOrder, u"advance_order", true, O | S | A},
    {Operation::ReadOrders, u"read_orders", false, Readers},
    {Operation::Checkout, u"checkout", true, O | S | A},
    {Operation::AuthorizePayment, u"authorize_payment", true, O | S | A},
    {Operation::CapturePayment, u"capture_payment", true, O | S | U | A},
    {Operation::VoidPayment, u"void_payment", true, O | S | U | A},
    {Operation::RefundPayment, u"refund_payment", true, O | U | A},
    // disputes come from the card network; until a provider sends them, opening and resolving
    // one are its stand-ins, which the owner plays in a standalone store (the demo, soukctl)
    {Operation::OpenDispute, u"open_dispute", true, O | U | A},
    {Operation::SubmitDisputeEvidence, u"submit_dispute_evidence", true, O | U | A},
    {Operation::ResolveDispute, u"resolve_dispute", true, O | U | A},
    {Operation::Payout, u"payout", true, O | A},
    {Operation::ReadPayouts, u"read_payouts", false, O | P | A},
    {Operation::ReadLedger, u"read_ledger", false, O | P | A},
    {Operation::RunMaintenance, u"run_maintenance", true, O | P | A},
    {Operation::CheckStore, u"check_store", false, O | P | A},
    {Operation::SignIn, u"sign_in", true, Everyone},
    {Operation::SignOut, u"sign_out", true, Everyone},
    {Operation::ChangePassword, u"change_password", true, Everyone},
    {Operation::ListUsers, u"list_users", false, O | A},
    {Operation::AddUser, u"add_user", true, O | A},
    {Operation::DisableUser, u"disable_user", true, O | A},
    {Operation::ResetTotp, u"reset_totp", true, O | A},
    {Operation::EnrolTotp, u"enrol_totp", true, Everyone},
    {Operation::ListApiKeys, u"list_api_keys", false, O | A},
    {Operation::CreateApiKey, u"create_api_key", true, O | A},
    {Operation::RevokeApiKey, u"revoke_api_key", true, O | A},
    {Operation::ReadAudit, u"read_audit", false, O | U | P | A},
    {Operation::VerifyAudit, u"verify_audit", false, P | A},
    {Operation::ReadRiskRules, u"read_risk_rules", false, U | P | A},
    {Operation::SaveRuleSet, u"save_rule_set", true, P | A},
    {Operation::ActivateRuleSet, u"activate_rule_set", true, P | A},
    {Operation::SetRuleSetShadow, u"set_rule_set_shadow", true, P | A},
    {Operation::ReadRiskLists, u"read_risk_lists", false, U | P | A},
    {Operation::CreateRiskList, u"create_risk_list", true, U | P | A},
    {Operation::AddRiskListValues, u"add_risk_list_values", true, U | P | A},
    {Operation::RemoveRiskListValues, u"remove_risk_list_values", true, U | P | A},
    {Operation::ReadReviews, u"read_reviews", false, O | U | P | A},
    {Operation::ClaimReview, u"claim_review", true, O | U | P | A},
    {Operation::ReleaseReview, u"release_review", true, O | U | P | A},
    {Operation::DecideReview, u"decide_review", true, O | U | P | A},
    {Operation::ReadPaymentRisk, u"read_payment_risk", false, O | U | P | A},
    {Operation::BacktestRules, u"backtest_rules", false, U | P | A},
    {Operation::ReadRiskModels, u"read_risk_models", false, U | P | A},
    {Operation::TrainRiskModel, u"train_risk_model", true, P | A},
    {Operation::ActivateRiskModel, u"activate_risk_model", true, P | A},
};

} // namespace

const QList<OperationSpec>& operations()
{
    return Table;
}

const OperationSpec& specOf(Operation op)
{
    const qsizetype i = qsizetype(op);
    Q_ASSERT(i >= 0 && i < Table.size() && Table[i].op == op); // the table is in enum order
    return Table[i];
}

QString operationName(Operation op)
{
    return QString::fromUtf16(specOf(op).name);
}

bool allowed(Role role, Operation op)
{
    return (specOf(op).roles & bit(role)) != 0;
}

bool permits(const Principal& principal, Operation op)
{
    if (allowed(principal.role, op))
        return true;
    const bool storeOwner = principal.via == Via::Local && principal.role == Role::Owner && principal.merchantId.isNull();
    return storeOwner && governsRiskPolicy(op);
}

bool governsRiskPolicy(Operation op)
{
    switch (op) {
    case Operation::ReadRiskRules:
    case Operation::SaveRuleSet:
    case Operation::ActivateRuleSet:
    case Operation::SetRuleSetShadow:
    case Operation::ReadRiskLists:
    case Operation::CreateRiskList:
    case Operation::AddRiskListValues:
    case Operation::RemoveRiskListValues:
    case Operation::BacktestRules:
    case Operation::ReadRiskModels:
    case Operation::TrainRiskModel:
    case Operation::ActivateRiskModel: return true;
    default: return false;
    }
}

} // namespace souk::auth
