#include "backend/auth/Access.h"

#include <QSqlQuery>

#include "backend/store/Sql.h"
#include "backend/store/Statement.h"

using namespace Qt::StringLiterals;

namespace souk::auth {
namespace {

/// The query that finds an entity's merchant; empty for an unknown kind. A reference into a
/// table made once: the writer's statement cache knows a statement by its text's address.
const QString& ownerQuery(const QString& entity)
{
    static const QHash<QString, QString> queries = {
        {u"merchant"_s, u"SELECT id FROM merchants WHERE id = ?"_s},
        {u"location"_s, u"SELECT merchant_id FROM locations WHERE id = ?"_s},
        {u"product"_s, u"SELECT merchant_id FROM products WHERE id = ?"_s},
        {u"variant"_s, u"SELECT merchant_id FROM variants WHERE id = ?"_s},
        {u"order"_s, u"SELECT merchant_id FROM orders WHERE id = ?"_s},
        {u"payment"_s, u"SELECT merchant_id FROM payments WHERE id = ?"_s},
        {u"dispute"_s, u"SELECT p.merchant_id FROM disputes d JOIN payments p ON p.id = d.payment_id WHERE d.id = ?"_s},
        {u"review"_s, u"SELECT merchant_id FROM risk_reviews WHERE id = ?"_s},
        {u"user"_s, u"SELECT merchant_id FROM users WHERE id = ?"_s},
        {u"api_key"_s, u"SELECT u.merchant_id FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.id = ?"_s},
    };
    static const QString none;
    const auto it = queries.constFind(entity);
    return it == queries.cend() ? none : *it;
}

} // namespace

Access& Access::forMerchant(Id merchant, const QString& field)
{
    merchantId = merchant;
    merchantField = field;
    return *this;
}

Access& Access::on(const QString& entity, Id id, const QString& field)
{
    objects.append(ObjectRef{entity, id, field});
    return *this;
}

Access& Access::because(const QString& why)
{
    reason = why;
    return *this;
}

QStringList Access::objectNames() const
{
    QStringList names;
    if (!merchantId.isNull())
        names << u"merchant:"_s + merchantId.toString();
    for (const ObjectRef& o : objects) {
        if (!o.id.isNull()) // a new object has no id yet: what it became is among the changes
            names << o.toString();
    }
    return names;
}

std::optional<Error> checkRole(const Principal& principal, Operation op)
{
    if (op == Operation::SignIn)
        return std::nullopt; // how nobody becomes somebody
    if (!principal.isAuthenticated())
        return Error{ErrorCode::Unauthenticated, u"sign in first"_s, {}};
    if (principal.mustChangePassword && op != Operation::ChangePassword && op != Operation::SignOut)
        return Error{ErrorCode::Forbidden, u"set your own password first: the one you signed in with was for once"_s,
                     u"password"_s};
    if (!permits(principal, op))
        return Error{ErrorCode::Forbidden,
                     u"the role %1 may not %2"_s.arg(roleName(principal.role), operationName(op).replace(u'_', u' ')),
                     {}};
    return std::nullopt;
}

Result<Id> merchantOf(QSqlDatabase& db, const QString& entity, Id id, const QString& field,
                      store::StatementCache* statements)
{
    const QString& sql = ownerQuery(entity);
    if (sql.isEmpty())
        return Error::internal(u"no owner query for "_s + entity);
    if (statements) {
        store::Statement& q = statements->get(db, sql);
        q.bindValue(0, id.value);
        if (auto s = store::exec(q, u"finding an object's merchant"_s); !s)
            return s.error();
        const bool found = q.next();
        const Id merchant{found ? q.value(0).toLongLong() : 0};
        q.finish();
        if (!found)
            return Error::notFound(field, u"no %1 %2"_s.arg(entity, id.toString()));
        return merchant;
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    q.bindValue(0, id.value);
    if (auto s = store::exec(q, u"finding an object's merchant"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(field, u"no %1 %2"_s.arg(entity, id.toString()));
    return Id{q.value(0).toLongLong()};
}

std::optional<Error> checkScope(QSqlDatabase& db, const Access& access, store::StatementCache* statements)
{
    if (!access.enforced)
        return std::nullopt;
    const Principal& p = access.principal;
    if (p.merchantId.isNull()) {
        // a platform principal, or the local owner of every merchant: it may name any merchant
        // there is, and one there is not is not found, whatever the command would have said
        if (access.merchantId.isNull())
            return std::nullopt;
        auto named = merchantOf(db, u"merchant"_s, access.merchantId, access.merchantField, statements);
        return named ? std::nullopt : std::optional<Error>(named.error());
    }
    if (!access.merchantId.isNull() && access.merchantId != p.merchantId)
        return Error::notFound(access.merchantField, u"no merchant "_s + access.merchantId.toString());
    for (const ObjectRef& o : access.objects) {
        if (o.id.isNull())
            continue; // nothing named: a new object, checked by its merchant
        auto owner = merchantOf(db, o.entity, o.id, o.field, statements);
        if (!owner)
            return owner.error();
        if (*owner != p.merchantId) // the same answer as for an object that does not exist
            return Error::notFound(o.field, u"no %1 %2"_s.arg(o.entity, o.id.toString()));
    }
    return std::nullopt;
}

std::optional<Error> check(QSqlDatabase& db, const Access& access, store::StatementCache* statements)
{
    if (!access.enforced)
        return std::nullopt;
    if (auto e = checkRole(access.principal, access.op))
        return e;
    return checkScope(db, access, statements);
}

} // namespace souk::auth
