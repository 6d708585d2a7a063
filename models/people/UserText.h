#pragma once

#include <QString>
#include <QStringList>

#include <optional>

#include "backend/auth/Role.h"
#include "backend/auth/User.h"

namespace souk {

/// Translated words of the people pages: roles, a user's state, an API key's state, and the
/// forms secrets are shown in. Translation context "UserText". GUI thread (translations).
class UserText final
{
public:
    UserText() = delete;

    /// An API key as listings tell it: usable, past its expiry, or revoked (revoked wins).
    enum class KeyState
    {
        Active,
        Expired,
        Revoked,
    };

    /// "Owner", "Staff", "Support", "Operator", "Admin".
    static QString role(auth::Role role);
    /// One sentence on what the role may do, for the role picker's tooltips.
    static QString roleDescription(auth::Role role);
    static QString twoStep(bool enabled);
    static QString userState(bool disabled);
    /// Local date and time, or `never` when there is no time.
    static QString timeOr(std::optional<qint64> ms, const QString& never);
    static QString never();

    static KeyState keyState(const auth::ApiKeyInfo& key, qint64 nowMs);
    static QString keyState(KeyState state);
    /// "sk_AbCd1234…": the start of a key, which is all a listing knows of it.
    static QString keyPrefix(const QString& prefix);

    /// A base32 secret in groups of four, as people copy it by hand: "JBSW Y3DP EHPK 3PXP".
    static QString groupedSecret(const QString& base32);
    /// Recovery codes in `columns` columns, one row per line, for a fixed-width font.
    static QString codeColumns(const QStringList& codes, int columns = 2);
};

} // namespace souk
