#pragma once

#include <QString>

#include "backend/auth/Role.h"
#include "backend/core/Actor.h"
#include "backend/core/Id.h"

namespace souk::auth {

/// How a principal proved who it is.
enum class Via
{
    None,    ///< nobody: the store has users and no one has signed in
    Local,   ///< the store's own file, opened by a program on this machine (no users yet, soukctl)
    Session, ///< a password (and TOTP code) sign-in
    ApiKey,  ///< an API key
};

QString viaName(Via via);

/// Who is asking, as authentication established it: never built from a string a caller chose.
/// Carried by every command and query (ARCHITECTURE: Who is asking). Value type, any thread.
struct Principal
{
    Id userId;          ///< null for the local principals
    QString userName;   ///< "ana", or "local" for the store's own file
    Role role = Role::Staff;
    Id merchantId;      ///< the one merchant an owner or staff sees; null: every merchant
    Via via = Via::None;
    Id credentialId;    ///< the session or API key that authenticated this principal
    QString origin;     ///< "local", or the node and remote address of a network request
    /// Signed in with a one-time password: until the user sets its own, it may only do that
    /// (or sign out).
    bool mustChangePassword = false;

    bool isAuthenticated() const { return via != Via::None; }
    /// Whether data of `merchant` is visible to this principal (platform roles see every merchant).
    bool sees(Id merchant) const { return merchantId.isNull() || merchantId == merchant; }
    /// How the change feed and the ledger name this principal: "ana/owner".
    Actor actor() const { return Actor{userName, roleName(role)}; }

    /// The owner of a store that has no users yet: the file's owner, every merchant of it.
    static Principal localOwner();
    /// A command-line program with the store's file in hand (soukctl): whoever can write the file
    /// can change anything in it, so it acts as an administrator, and the audit log says so.
    static Principal localAdmin(const QString& program);
    /// Nobody: a store with users before sign-in. Every operation is refused.
    static Principal nobody();
};

} // namespace souk::auth
