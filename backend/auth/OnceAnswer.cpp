#include "backend/auth/OnceAnswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace souk::auth {
namespace {

QByteArray bytesOf(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<QJsonObject> objectOf(const QByteArray& bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

Error unreadable(const char* what)
{
    return Error::internal(u"a stored %1 answer cannot be read back"_s.arg(QLatin1StringView(what)));
}

/// Ids as strings: a double holds only 53 bits.
QJsonValue idJson(Id id)
{
    return id.isNull() ? QJsonValue() : QJsonValue(id.toString());
}

Id idOf(const QJsonValue& v)
{
    return Id{v.toString().toLongLong()};
}

QJsonValue msJson(std::optional<qint64> ms)
{
    return ms ? QJsonValue(QString::number(*ms)) : QJsonValue();
}

std::optional<qint64> msOf(const QJsonValue& v)
{
    if (!v.isString())
        return std::nullopt;
    return v.toString().toLongLong();
}

QJsonObject userJson(const User& u)
{
    return {{u"id"_s, idJson(u.id)},
            {u"name"_s, u.name},
            {u"role"_s, roleName(u.role)},
            {u"merchantId"_s, idJson(u.merchantId)},
            {u"totpEnabled"_s, u.totpEnabled},
            {u"failedSignIns"_s, u.failedSignIns},
            {u"retryAfterMs"_s, QString::number(u.retryAfterMs)},
            {u"lastSignInMs"_s, msJson(u.lastSignInMs)},
            {u"disabledMs"_s, msJson(u.disabledMs)},
            {u"mustChangePassword"_s, u.mustChangePassword},
            {u"createdMs"_s, QString::number(u.createdMs)},
            {u"version"_s, QString::number(u.version)}};
}

std::optional<User> userOf(const QJsonObject& j)
{
    const auto role = parseRole(j.value(u"role"_s).toString());
    if (!role)
        return std::nullopt;
    User u;
    u.id = idOf(j.value(u"id"_s));
    u.name = j.value(u"name"_s).toString();
    u.role = *role;
    u.merchantId = idOf(j.value(u"merchantId"_s));
    u.totpEnabled = j.value(u"totpEnabled"_s).toBool();
    u.failedSignIns = j.value(u"failedSignIns"_s).toInt();
    u.retryAfterMs = msOf(j.value(u"retryAfterMs"_s)).value_or(0);
    u.lastSignInMs = msOf(j.value(u"lastSignInMs"_s));
    u.disabledMs = msOf(j.value(u"disabledMs"_s));
    u.mustChangePassword = j.value(u"mustChangePassword"_s).toBool();
    u.createdMs = msOf(j.value(u"createdMs"_s)).value_or(0);
    u.version = msOf(j.value(u"version"_s)).value_or(0);
    return u;
}

} // namespace

QByteArray OnceAnswer<AddedUser>::encode(const AddedUser& added)
{
    return bytesOf({{u"user"_s, userJson(added.user)}, {u"oneTimePassword"_s, added.oneTimePassword}});
}

Result<AddedUser> OnceAnswer<AddedUser>::decode(const QByteArray& bytes)
{
    const auto j = objectOf(bytes);
    const auto user = j ? userOf(j->value(u"user"_s).toObject()) : std::nullopt;
    if (!user)
        return unreadable("add_user");
    return AddedUser{*user, j->value(u"oneTimePassword"_s).toString()};
}

QByteArray OnceAnswer<CreatedApiKey>::encode(const CreatedApiKey& created)
{
    const ApiKeyInfo& k = created.info;
    const QJsonObject info{{u"id"_s, idJson(k.id)},
                           {u"userId"_s, idJson(k.userId)},
                           {u"userName"_s, k.userName},
                           {u"name"_s, k.name},
                           {u"prefix"_s, k.prefix},
                           {u"createdMs"_s, QString::number(k.createdMs)},
                           {u"expiresMs"_s, msJson(k.expiresMs)},
                           {u"lastUsedMs"_s, msJson(k.lastUsedMs)},
                           {u"revokedMs"_s, msJson(k.revokedMs)}};
    return bytesOf({{u"info"_s, info}, {u"secret"_s, created.secret}});
}

Result<CreatedApiKey> OnceAnswer<CreatedApiKey>::decode(const QByteArray& bytes)
{
    const auto j = objectOf(bytes);
    if (!j || !j->value(u"info"_s).isObject() || !j->value(u"secret"_s).isString())
        return unreadable("create_api_key");
    const QJsonObject i = j->value(u"info"_s).toObject();
    CreatedApiKey out;
    out.info.id = idOf(i.value(u"id"_s));
    out.info.userId = idOf(i.value(u"userId"_s));
    out.info.userName = i.value(u"userName"_s).toString();
    out.info.name = i.value(u"name"_s).toString();
    out.info.prefix = i.value(u"prefix"_s).toString();
    out.info.createdMs = msOf(i.value(u"createdMs"_s)).value_or(0);
    out.info.expiresMs = msOf(i.value(u"expiresMs"_s));
    out.info.lastUsedMs = msOf(i.value(u"lastUsedMs"_s));
    out.info.revokedMs = msOf(i.value(u"revokedMs"_s));
    out.secret = j->value(u"secret"_s).toString();
    return out;
}

QByteArray OnceAnswer<TotpEnrolment>::encode(const TotpEnrolment& enrolment)
{
    return bytesOf({{u"secretBase32"_s, enrolment.secretBase32}, {u"uri"_s, enrolment.uri}});
}

Result<TotpEnrolment> OnceAnswer<TotpEnrolment>::decode(const QByteArray& bytes)
{
    const auto j = objectOf(bytes);
    if (!j || !j->value(u"secretBase32"_s).isString())
        return unreadable("begin_totp");
    return TotpEnrolment{j->value(u"secretBase32"_s).toString(), j->value(u"uri"_s).toString()};
}

QByteArray OnceAnswer<QStringList>::encode(const QStringList& codes)
{
    return bytesOf({{u"codes"_s, QJsonArray::fromStringList(codes)}});
}

Result<QStringList> OnceAnswer<QStringList>::decode(const QByteArray& bytes)
{
    const auto j = objectOf(bytes);
    if (!j || !j->value(u"codes"_s).isArray())
        return unreadable("confirm_totp");
    QStringList codes;
    for (const QJsonValue& v : j->value(u"codes"_s).toArray())
        codes << v.toString();
    return codes;
}

} // namespace souk::auth
