#include "backend/auth/Role.h"

#include "backend/auth/Principal.h"

using namespace Qt::StringLiterals;

namespace souk::auth {

QString roleName(Role role)
{
    switch (role) {
    case Role::Owner: return u"owner"_s;
    case Role::Staff: return u"staff"_s;
    case Role::Support: return u"support"_s;
    case Role::Operator: return u"operator"_s;
    case Role::Admin: return u"admin"_s;
    }
    return u"staff"_s;
}

std::optional<Role> parseRole(const QString& name)
{
    for (Role role : AllRoles) {
        if (name.compare(roleName(role), Qt::CaseInsensitive) == 0)
            return role;
    }
    return std::nullopt;
}

QString viaName(Via via)
{
    switch (via) {
    case Via::None: return u"none"_s;
    case Via::Local: return u"local"_s;
    case Via::Session: return u"session"_s;
    case Via::ApiKey: return u"api_key"_s;
    }
    return u"none"_s;
}

Principal Principal::localOwner()
{
    Principal p;
    p.userName = u"owner"_s;
    p.role = Role::Owner;
    p.via = Via::Local;
    p.origin = u"local"_s;
    return p;
}

Principal Principal::localAdmin(const QString& program)
{
    Principal p;
    p.userName = program;
    p.role = Role::Admin;
    p.via = Via::Local;
    p.origin = u"local"_s;
    return p;
}

Principal Principal::nobody()
{
    Principal p;
    p.userName = u"nobody"_s;
    p.via = Via::None;
    p.origin = u"local"_s;
    return p;
}

} // namespace souk::auth
