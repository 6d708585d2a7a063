#pragma once

#include <QList>
#include <QString>

#include "backend/auth/Principal.h"
#include "backend/auth/Role.h"

namespace souk::auth {

/// Every operation a principal can ask of Souk: one per Client method, and the sign-in and
/// administration ones. The names are stable (the audit log and, later, the API keep them).
enum class Operation
{
    // merchants and catalog
    ListMerchants, ListLocations, ReadCatalog, SearchProducts, SaveProduct, EditProduct, UndoProductEdit,
    BulkEdit, UndoBulkEdit, ReadStock, AdjustStock, PlanImport, RunImport, ExportCatalog,
    // customers, terms, orders
    CreateCustomer, SetMerchantTerms, AddDiscountCode, CreateOrder, CancelOrder, AdvanceOrder, ReadOrders,
    // payments and the ledger
    Checkout, AuthorizePayment, CapturePayment, VoidPayment, RefundPayment, OpenDispute, SubmitDisputeEvidence,
    ResolveDispute, Payout, ReadPayouts, ReadLedger, RunMaintenance, CheckStore,
    // people and the audit log
    SignIn, SignOut, ChangePassword, ListUsers, AddUser, DisableUser, ResetTotp, EnrolTotp, ListApiKeys, CreateApiKey,
    RevokeApiKey, ReadAudit, VerifyAudit,
    // risk: the rule sets and lists (the platform's), the review queue, a payment's assessment
    ReadRiskRules, SaveRuleSet, ActivateRuleSet, SetRuleSetShadow, ReadRiskLists, CreateRiskList, AddRiskListValues,
    RemoveRiskListValues, ReadReviews, ClaimReview, ReleaseReview, DecideReview, ReadPaymentRisk,
    // risk: backtests and the scoring models (the platform's)
    BacktestRules, ReadRiskModels, TrainRiskModel, ActivateRiskModel,
};

/// What the table says of an operation.
struct OperationSpec
{
    Operation op;
    const char16_t* name; ///< "refund_payment"
    bool mutation;        ///< changes the store (audited, takes the writer)
    unsigned roles;       ///< bit per Role allowed to run it
};

/// The one permission table (role x operation -> allowed): every operation, in enum order.
const QList<OperationSpec>& operations();
const OperationSpec& specOf(Operation op);
QString operationName(Operation op);
/// Whether `role` may run `op`. Scope (which merchant) is checked apart, by Access.
bool allowed(Role role, Operation op);
/// Whether `op` governs the whole platform's risk policy: its rules, lists and models (not a
/// merchant's reviews or payments).
bool governsRiskPolicy(Operation op);
/// Whether the principal's role may run `op` (the permission table), or it is the owner of a
/// store without users (Principal::localOwner: the whole store is its own, so the platform's
/// risk policy is too). The engine's check (auth::checkRole) and what a console offers.
bool permits(const Principal& principal, Operation op);

} // namespace souk::auth
