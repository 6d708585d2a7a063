#include "models/risk/RiskRights.h"

#include "backend/auth/Operation.h"

namespace souk {
namespace {

/// auth::permits(), which lives with the engine's checks (souk_auth, on the store) that models do
/// not link: the permission table, or the owner of a store without users for the risk policy.
/// The Risk page's test holds the two equal for every role and the local owner.
bool may(const auth::Principal& principal, auth::Operation op)
{
    if (!principal.isAuthenticated())
        return false;
    if (auth::allowed(principal.role, op))
        return true;
    const bool storeOwner =
        principal.via == auth::Via::Local && principal.role == auth::Role::Owner && principal.merchantId.isNull();
    return storeOwner && auth::governsRiskPolicy(op);
}

} // namespace

RiskRights RiskRights::of(const auth::Principal& principal)
{
    using auth::Operation;
    RiskRights r;
    r.readRules = may(principal, Operation::ReadRiskRules);
    r.saveRules = may(principal, Operation::SaveRuleSet);
    r.activateRules = may(principal, Operation::ActivateRuleSet);
    r.shadowRules = may(principal, Operation::SetRuleSetShadow);
    r.backtestRules = may(principal, Operation::BacktestRules);
    r.readLists = may(principal, Operation::ReadRiskLists);
    r.createLists = may(principal, Operation::CreateRiskList);
    r.addListValues = may(principal, Operation::AddRiskListValues);
    r.removeListValues = may(principal, Operation::RemoveRiskListValues);
    r.readModels = may(principal, Operation::ReadRiskModels);
    r.trainModels = may(principal, Operation::TrainRiskModel);
    r.activateModels = may(principal, Operation::ActivateRiskModel);
    return r;
}

} // namespace souk
