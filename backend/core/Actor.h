#pragma once

#include <QString>

namespace souk {

/// Who runs a command: every command carries one, and it is written to the change feed.
struct Actor
{
    QString user;  ///< login name, "system" or "cli"
    QString role;  ///< "owner", "operator", "support", "system"

    QString toString() const { return user + QLatin1Char('/') + role; }
    bool isValid() const { return !user.isEmpty() && !role.isEmpty(); }
};

} // namespace souk
