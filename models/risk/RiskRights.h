#pragma once

#include "backend/auth/Principal.h"

namespace souk {

/// What the Risk page offers a principal: the permission table's answer for each rule and list
/// operation (operators and administrators change rules; support keeps lists too; the owner of a
/// store without users manages both). The engine checks again; this only hides what would be
/// refused. Value type; any thread.
struct RiskRights
{
    bool readRules = false;
    bool saveRules = false;
    bool activateRules = false;
    bool shadowRules = false;
    bool backtestRules = false;
    bool readLists = false;
    bool createLists = false;
    bool addListValues = false;
    bool removeListValues = false;
    bool readModels = false;
    bool trainModels = false;
    bool activateModels = false;

    static RiskRights of(const auth::Principal& principal);
};

} // namespace souk
