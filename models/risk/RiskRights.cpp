#include "models/risk/RiskRights.h"

#include "backend/auth/Operation.h"

namespace souk {
namespace {

/// The engine's own answer (auth::permits), for a principal that is signed in.
bool may(const auth::Principal& principal, auth::Operation op)
{
    return principal.isAuthenticated() && auth::permits(principal, op);
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
