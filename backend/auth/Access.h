#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

#include "backend/auth/Operation.h"
#include "backend/auth/Principal.h"
#include "backend/core/Error.h"
#include "backend/core/Id.h"
#include "backend/core/Result.h"

namespace souk::store {
class StatementCache;
}

namespace souk::auth {

/// An object a command names: its kind ("payment"), its id, and the input field it came from.
struct ObjectRef
{
    QString entity;
    Id id;
    QString field;

    QString toString() const { return entity + QLatin1Char(':') + id.toString(); }
};

/// What a command asks, for the permission check, the tenant check and the audit log: who,
/// which operation, the merchant it claims to act for and the objects it names, and the
/// reason given. Value type, any thread.
struct Access
{
    Principal principal;
    Operation op = Operation::ReadCatalog;
    Id merchantId;                 ///< the merchant the input names, or null
    QString merchantField = QStringLiteral("merchantId");
    QList<ObjectRef> objects;
    QString reason;
    /// False only where a benchmark measures what the checks and the audit row cost (see
    /// LocalClient::Options::accessChecks): then nothing is checked and nothing audited.
    bool enforced = true;

    /// `principal` asking to run `op`, naming nothing yet.
    static Access of(const Principal& principal, Operation op)
    {
        Access access;
        access.principal = principal;
        access.op = op;
        return access;
    }
    Access& forMerchant(Id merchant, const QString& field = QStringLiteral("merchantId"));
    Access& on(const QString& entity, Id id, const QString& field);
    Access& because(const QString& why);
    QStringList objectNames() const;
};

/// Whether the principal may run the operation at all: Unauthenticated for nobody, Forbidden
/// for a role the permission table and permits() refuse.
std::optional<Error> checkRole(const Principal& principal, Operation op);

/// The merchant that owns an object ("payment", "order", ...), read on `db`; NotFound when there
/// is no such object, a null id for an object of the platform (a support user).
/// With `statements` (the writer's cache), the query is prepared once for the connection.
Result<Id> merchantOf(QSqlDatabase& db, const QString& entity, Id id, const QString& field,
                      store::StatementCache* statements = nullptr);

/// Tenant isolation: a merchant's principal may name only its own merchant and objects. Another
/// merchant's object answers NotFound, as a missing one does, never Forbidden: its existence is
/// not the principal's business. Platform principals see every merchant (nothing is read).
std::optional<Error> checkScope(QSqlDatabase& db, const Access& access, store::StatementCache* statements = nullptr);

/// Both checks, as the engine runs them before a command or a query.
std::optional<Error> check(QSqlDatabase& db, const Access& access, store::StatementCache* statements = nullptr);

} // namespace souk::auth
