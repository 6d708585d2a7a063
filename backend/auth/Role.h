#pragma once

#include <QString>

#include <optional>

namespace souk::auth {

/// What a user is to Souk. Owner and staff belong to one merchant; support, operator and admin
/// work across the platform. The stored and sent names ("owner", ...) never change.
enum class Role
{
    Owner,
    Staff,
    Support,
    Operator,
    Admin,
};

inline constexpr Role AllRoles[] = {Role::Owner, Role::Staff, Role::Support, Role::Operator, Role::Admin};

QString roleName(Role role);
/// The role named `name` ("owner", case-insensitive), or nothing.
std::optional<Role> parseRole(const QString& name);
/// Owner and staff: the role sees one merchant's data only.
constexpr bool isMerchantRole(Role role)
{
    return role == Role::Owner || role == Role::Staff;
}

} // namespace souk::auth
