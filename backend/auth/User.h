#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "backend/auth/Principal.h"
#include "backend/auth/Role.h"
#include "backend/core/Id.h"

namespace souk::auth {

/// A person (or program) who signs in. Its secrets never leave the store. Value type.
struct User
{
    Id id;
    QString name;
    Role role = Role::Staff;
    Id merchantId; ///< owner and staff only
    bool totpEnabled = false;
    int failedSignIns = 0;
    qint64 retryAfterMs = 0; ///< no sign-in is tried before this time (slow-down and lockout)
    std::optional<qint64> lastSignInMs;
    std::optional<qint64> disabledMs;
    bool mustChangePassword = false; ///< its password was made by Souk and shown once
    qint64 createdMs = 0;
    qint64 version = 0;

    bool isDisabled() const { return disabledMs.has_value(); }
};

/// A user to add. An empty password makes a one-time one, shown once.
struct NewUser
{
    QString name;
    Role role = Role::Staff;
    Id merchantId;
    QString password;
};

/// The user added and, when Souk made it, the password to hand over (shown once).
struct AddedUser
{
    User user;
    QString oneTimePassword;
};

/// An API key as listings show it: its prefix only; the key itself was shown once.
struct ApiKeyInfo
{
    Id id;
    Id userId;
    QString userName;
    QString name;
    QString prefix;
    qint64 createdMs = 0;
    std::optional<qint64> expiresMs;
    std::optional<qint64> lastUsedMs;
    std::optional<qint64> revokedMs;
};

/// A key just made: the secret is here once and nowhere else.
struct CreatedApiKey
{
    ApiKeyInfo info;
    QString secret;
};

/// What a successful sign-in gives: the principal and its session token (a bearer secret).
struct SignedIn
{
    Principal principal;
    QString token;
    qint64 expiresMs = 0;
};

/// TOTP enrolment, first step: the secret to add to an authenticator app, as text and as an
/// otpauth:// URI for a QR code. It takes effect once a code from the app is confirmed.
struct TotpEnrolment
{
    QString secretBase32;
    QString uri;
};

} // namespace souk::auth
