#include "backend/auth/Users.h"

#include <QRegularExpression>
#include <QSqlQuery>

#include "backend/auth/Secret.h"
#include "backend/auth/Totp.h"
#include "backend/store/Sql.h"
#include "backend/store/UnitOfWork.h"

using namespace Qt::StringLiterals;

namespace souk::auth {
namespace {

const QString UserColumns = u"id, name, role, merchant_id, totp_secret IS NOT NULL, failed_signins, retry_after_ms, "
                            "last_signin_ms, disabled_ms, created_ms, version, must_change_password"_s;

std::optional<qint64> optionalMs(const QVariant& v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

User readUser(const QSqlQuery& q)
{
    User u;
    u.id = Id{q.value(0).toLongLong()};
    u.name = q.value(1).toString();
    u.role = parseRole(q.value(2).toString()).value_or(Role::Staff);
    u.merchantId = Id{q.value(3).toLongLong()};
    u.totpEnabled = q.value(4).toBool();
    u.failedSignIns = q.value(5).toInt();
    u.retryAfterMs = q.value(6).toLongLong();
    u.lastSignInMs = optionalMs(q.value(7));
    u.disabledMs = optionalMs(q.value(8));
    u.createdMs = q.value(9).toLongLong();
    u.version = q.value(10).toLongLong();
    u.mustChangePassword = q.value(11).toBool();
    return u;
}

Result<UserSecrets> readSecrets(QSqlDatabase& db, const QString& where, const QVariant& key, const QString& field)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + UserColumns + u", password_hash, totp_secret, totp_pending, totp_last_step "
                                            "FROM users WHERE "_s + where);
    q.bindValue(0, key);
    if (auto s = store::exec(q, u"reading a user"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(field, u"no such user"_s);
    UserSecrets out;
    out.user = readUser(q);
    out.passwordHash = q.value(12).toString().toUtf8();
    out.totpSecret = q.value(13).toByteArray();
    out.totpPending = q.value(14).toByteArray();
    out.totpLastStep = q.value(15).toLongLong();
    return out;
}

/// Bumps the user's version and notes the change for the feed; NotFound when there is no user.
Result<User> touched(store::UnitOfWork& uow, Id userId)
{
    if (auto s = store::exec(uow.db(), u"UPDATE users SET version = version + 1 WHERE id = ?"_s, {userId.value}); !s)
        return s.error();
    auto user = Users::byId(uow.db(), userId);
    if (user)
        uow.recordChange(u"user"_s, user->id, user->version, ChangeOp::Updated);
    return user;
}

} // namespace

std::optional<Error> Users::checkName(const QString& name)
{
    static const QRegularExpression allowed(u"^[A-Za-z0-9._@-]+$"_s);
    if (name.isEmpty())
        return Error::invalid(u"name"_s, u"a user needs a name"_s);
    if (name.size() > NameCharsMax)
        return Error::invalid(u"name"_s, u"at most %1 characters"_s.arg(NameCharsMax));
    if (!allowed.match(name).hasMatch())
        return Error::invalid(u"name"_s, u"only letters, digits and . _ @ - are allowed"_s);
    return std::nullopt;
}

Result<User> Users::add(store::UnitOfWork& uow, const NewUser& user, const QByteArray& passwordHash, bool oneTime)
{
    if (auto e = checkName(user.name))
        return *e;
    if (isMerchantRole(user.role) && user.merchantId.isNull())
        return Error::invalid(u"merchant"_s, u"an %1 belongs to a merchant: name one"_s.arg(roleName(user.role)));
    if (!isMerchantRole(user.role) && !user.merchantId.isNull())
        return Error::invalid(u"merchant"_s, u"a %1 works across merchants: name none"_s.arg(roleName(user.role)));
    if (!user.merchantId.isNull()) {
        auto merchant = store::scalar(uow.db(), u"SELECT id FROM merchants WHERE id = ?"_s, {user.merchantId.value});
        if (!merchant)
            return merchant.error().code == ErrorCode::NotFound ? Error::notFound(u"merchant"_s, u"no such merchant"_s)
                                                                : merchant.error();
    }
    auto taken = store::scalar(uow.db(), u"SELECT id FROM users WHERE name = ?"_s, {user.name});
    if (taken)
        return Error::duplicate(u"name"_s, u"a user called %1 exists"_s.arg(user.name));
    if (taken.error().code != ErrorCode::NotFound)
        return taken.error();
    const Id id = uow.newId();
    const QVariant merchant = user.merchantId.isNull() ? QVariant(QMetaType::fromType<qint64>())
                                                       : QVariant(user.merchantId.value);
    if (auto s = store::exec(uow.db(),
                             u"INSERT INTO users (id, name, role, merchant_id, password_hash, must_change_password, "
                             "created_ms, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"_s,
                             {id.value, user.name, roleName(user.role), merchant, QString::fromUtf8(passwordHash),
                              oneTime ? 1 : 0, uow.nowMs()});
        !s)
        return s.error();
    uow.recordChange(u"user"_s, id, 1, ChangeOp::Created);
    return byId(uow.db(), id);
}

Result<QList<User>> Users::list(QSqlDatabase& db, Id merchant)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + UserColumns +
              u" FROM users WHERE CAST(? AS BIGINT) = 0 OR merchant_id = ? ORDER BY name"_s);
    q.bindValue(0, merchant.value);
    q.bindValue(1, merchant.value);
    if (auto s = store::exec(q, u"listing users"_s); !s)
        return s.error();
    QList<User> out;
    while (q.next())
        out.append(readUser(q));
    return out;
}

Result<User> Users::byId(QSqlDatabase& db, Id userId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + UserColumns + u" FROM users WHERE id = ?"_s);
    q.bindValue(0, userId.value);
    if (auto s = store::exec(q, u"reading a user"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(u"userId"_s, u"no such user"_s);
    return readUser(q);
}

Result<UserSecrets> Users::secretsByName(QSqlDatabase& db, const QString& name)
{
    return readSecrets(db, u"name = ?"_s, name, u"user"_s);
}

Result<UserSecrets> Users::secretsById(QSqlDatabase& db, Id userId)
{
    return readSecrets(db, u"id = ?"_s, userId.value, u"userId"_s);
}

Result<User> Users::disable(store::UnitOfWork& uow, Id userId)
{
    auto user = byId(uow.db(), userId);
    if (!user)
        return user.error();
    if (user->isDisabled())
        return *user; // once is enough; the retry of a lost answer changes nothing
    const qint64 now = uow.nowMs();
    for (const QString& sql : {u"UPDATE users SET disabled_ms = ? WHERE id = ?"_s,
                               u"UPDATE sessions SET revoked_ms = ? WHERE user_id = ? AND revoked_ms IS NULL"_s,
                               u"UPDATE api_keys SET revoked_ms = ? WHERE user_id = ? AND revoked_ms IS NULL"_s}) {
        if (auto s = store::exec(uow.db(), sql, {now, userId.value}); !s)
            return s.error();
    }
    return touched(uow, userId);
}

Result<User> Users::setPassword(store::UnitOfWork& uow, Id userId, const QByteArray& passwordHash)
{
    if (auto user = byId(uow.db(), userId); !user)
        return user.error();
    if (auto s = store::exec(uow.db(), u"UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?"_s,
                             {QString::fromUtf8(passwordHash), userId.value});
        !s)
        return s.error();
    return touched(uow, userId);
}

Result<User> Users::resetTotp(store::UnitOfWork& uow, Id userId)
{
    if (auto user = byId(uow.db(), userId); !user)
        return user.error();
    if (auto s = store::exec(uow.db(), u"UPDATE users SET totp_secret = NULL, totp_pending = NULL WHERE id = ?"_s,
                             {userId.value});
        !s)
        return s.error();
    if (auto s = store::exec(uow.db(), u"DELETE FROM recovery_codes WHERE user_id = ?"_s, {userId.value}); !s)
        return s.error();
    return touched(uow, userId);
}

Result<User> Users::beginTotp(store::UnitOfWork& uow, Id userId, const QByteArray& secret)
{
    if (auto user = byId(uow.db(), userId); !user)
        return user.error();
    if (auto s = store::exec(uow.db(), u"UPDATE users SET totp_pending = ? WHERE id = ?"_s,
                             {QVariant(secret), userId.value});
        !s)
        return s.error();
    return touched(uow, userId);
}

Result<QStringList> Users::confirmTotp(store::UnitOfWork& uow, Id userId, const QString& code)
{
    auto secrets = secretsById(uow.db(), userId);
    if (!secrets)
        return secrets.error();
    if (secrets->totpPending.isEmpty())
        return Error::conflict(u"code"_s, u"start the enrolment first"_s);
    const auto step = Totp::match(secrets->totpPending, code, uow.nowMs(), -1);
    if (!step)
        return Error::invalid(u"code"_s, u"the code does not match; check the app's clock and try the next code"_s);
    if (auto s = store::exec(uow.db(),
                             u"UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = ? "
                             "WHERE id = ?"_s,
                             {*step, userId.value});
        !s)
        return s.error();
    if (auto s = store::exec(uow.db(), u"DELETE FROM recovery_codes WHERE user_id = ?"_s, {userId.value}); !s)
        return s.error();
    const QStringList codes = Totp::recoveryCodes();
    for (const QString& c : codes) {
        if (auto s = store::exec(uow.db(), u"INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)"_s,
                                 {userId.value, QVariant(Secret::hashOf(Totp::normaliseRecoveryCode(c)))});
            !s)
            return s.error();
    }
    if (auto user = touched(uow, userId); !user)
        return user.error();
    return codes;
}

Result<bool> Users::any(QSqlDatabase& db)
{
    auto n = store::scalar(db, u"SELECT count(*) FROM users"_s);
    if (!n)
        return n.error();
    return n->toLongLong() > 0;
}

} // namespace souk::auth
