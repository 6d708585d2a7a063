#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include "backend/auth/AuditRecord.h"

namespace souk {

/// The audit log's stable names in words: operations ("refund_payment" → "Refund payment"),
/// outcomes ("forbidden" → "Not allowed"), roles and how a principal signed in. A name without
/// an entry (one added to the backend later) comes back as it is. Translation context
/// "AuditText". Any thread (uses the installed translators).
class AuditText final
{
public:
    AuditText() = delete;

    /// An operation's name (backend/auth/Operation.cpp) as a short action: "Refund payment".
    static QString operation(const QString& name);
    /// "ok" as "Succeeded", an error code's name ("not_found") as a short phrase.
    static QString outcome(const QString& code);
    /// A role's stored name ("admin") as the console names the role ("Administrator").
    static QString role(const QString& name);
    /// How the principal proved who it was ("session", "api_key", "local", "none").
    static QString via(const QString& name);
    /// An entry's objects, the things it acted on first and the merchant it ran for last
    /// ("payment:12, order:34, merchant:1"), joined with `separator`.
    static QString objects(const QStringList& objects, const QString& separator);
    /// Local date and time with seconds, the year in full: "12/6/2025 4:05:09 PM".
    static QString time(qint64 atMs, const QLocale& locale = {});
    /// A row's who-and-how in a few lines (signed in via, origin, credential, detail): a tooltip.
    static QString summary(const auth::AuditRecord& record);
};

} // namespace souk
