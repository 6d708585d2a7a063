// soukctl users, apikeys and audit: the people of a store, their keys, and the record of what
// they did. soukctl has the store's file in hand, so it acts as the store's administrator.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>
#include <iostream>
#include <string>

#include "app/soukctl/Cli.h"

using namespace Qt::StringLiterals;

namespace souk::cli {
namespace {

constexpr int AuditListDefault = 50;

QString when(std::optional<qint64> ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODate) : u"-"_s;
}

QJsonValue jsonWhen(std::optional<qint64> ms)
{
    return ms ? QJsonValue(QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODate)) : QJsonValue();
}

void printJson(const QJsonArray& rows)
{
    out() << QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented)) << Qt::flush;
}

/// `error` with its field named as the command line names it ("merchant" -> "--merchant"): the
/// backend names its own inputs, and a user reading the error has only the command line.
Error onCommandLine(Error error, const QList<std::pair<QString, QString>>& fields)
{
    for (const auto& [backend, cli] : fields) {
        if (error.field == backend) {
            error.field = cli;
            break;
        }
    }
    return error;
}

/// The user called `name` (any case), or NotFound naming `field`.
Result<auth::User> userNamed(Client& client, const QString& name, const QString& field)
{
    auto all = wait(client.users());
    if (!all)
        return all.error();
    for (const auth::User& u : *all) {
        if (u.name.compare(name, Qt::CaseInsensitive) == 0)
            return u;
    }
    return Error::notFound(field, u"no user called "_s + name);
}

/// A password read from standard input (one line), for scripts that choose it themselves. Only
/// the line's end goes: spaces are part of the password, as sign-in takes it.
Result<QString> passwordFromStdin()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return Error::invalid(u"--password-stdin"_s, u"nothing was read from standard input"_s);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    if (line.empty()) // not "make one up": an empty password asks addUser for a generated one
        return Error::invalid(u"--password-stdin"_s, u"the line read is empty"_s);
    return QString::fromStdString(line);
}

int usersAdd(Client& client, const Arguments& args)
{
    if (args.words.size() != 3)
        return usageError(u"usage: soukctl users add NAME --role ROLE [--merchant ID] [--password-stdin]"_s);
    const auto role = auth::parseRole(args.value(u"--role"_s));
    if (!role)
        return fail(Error::invalid(u"--role"_s, u"one of owner, staff, support, operator, admin"_s));
    auth::NewUser user{args.words[2], *role, {}, {}};
    if (auth::isMerchantRole(*role)) {
        auto merchant = pickMerchant(client, args);
        if (!merchant)
            return fail(merchant.error());
        user.merchantId = merchant->id;
    } else if (args.has(u"--merchant"_s)) {
        return fail(Error::invalid(u"--merchant"_s, u"a %1 works across merchants: name none"_s.arg(auth::roleName(*role))));
    }
    if (args.has(u"--password-stdin"_s)) {
        auto password = passwordFromStdin();
        if (!password)
            return fail(password.error());
        user.password = *password;
    }
    auto added = wait(client.addUser(user));
    if (!added)
        return fail(onCommandLine(
            added.error(),
            {{u"name"_s, u"NAME"_s}, {u"merchant"_s, u"--merchant"_s}, {u"password"_s, u"--password-stdin"_s}}));
    out() << "added " << shown(added->user.name) << " (" << auth::roleName(added->user.role) << ")" << Qt::endl;
    if (!added->oneTimePassword.isEmpty())
        out() << "one-time password (shown once; change it at first sign-in): " << added->oneTimePassword << Qt::endl;
    return Ok;
}

int usersList(Client& client, const Arguments& args)
{
    auto all = wait(client.users());
    if (!all)
        return fail(all.error());
    if (args.has(u"--json"_s)) {
        QJsonArray rows;
        for (const auth::User& u : *all)
            rows.append(QJsonObject{{u"id"_s, u.id.toString()},
                                    {u"name"_s, u.name},
                                    {u"role"_s, auth::roleName(u.role)},
                                    {u"merchant_id"_s, u.merchantId.isNull() ? QJsonValue() : QJsonValue(u.merchantId.toString())},
                                    {u"totp"_s, u.totpEnabled},
                                    {u"disabled_at"_s, jsonWhen(u.disabledMs)},
                                    {u"last_sign_in"_s, jsonWhen(u.lastSignInMs)},
                                    {u"failed_sign_ins"_s, u.failedSignIns}});
        printJson(rows);
        return Ok;
    }
    if (all->isEmpty()) {
        out() << "no users: the store opens as its owner without a password" << Qt::endl;
        return Ok;
    }
    out() << "name\trole\tmerchant\ttotp\tstate\tlast sign-in" << Qt::endl;
    for (const auth::User& u : *all)
        out() << shown(u.name) << '\t' << auth::roleName(u.role) << '\t'
              << (u.merchantId.isNull() ? u"-"_s : u.merchantId.toString()) << '\t' << (u.totpEnabled ? "yes" : "no")
              << '\t' << (u.isDisabled() ? "disabled" : "active") << '\t' << when(u.lastSignInMs) << Qt::endl;
    return Ok;
}

int runUsersOn(Client& client, const Arguments& args)
{
    const QString verb = args.words.value(1);
    if (verb == u"add"_s)
        return usersAdd(client, args);
    if (verb == u"list"_s && args.words.size() == 2)
        return usersList(client, args);
    if ((verb == u"disable"_s || verb == u"reset-totp"_s) && args.words.size() == 3) {
        auto user = userNamed(client, args.words[2], u"NAME"_s);
        if (!user)
            return fail(user.error());
        const QString reason = args.value(u"--reason"_s);
        auto done = wait(verb == u"disable"_s ? client.disableUser(user->id, reason) : client.resetTotp(user->id, reason));
        if (!done)
            return fail(done.error());
        out() << (verb == u"disable"_s ? "disabled " : "second factor removed for ") << shown(done->name) << Qt::endl;
        return Ok;
    }
    return usageError(u"usage: soukctl users add NAME --role ROLE [--merchant ID] [--password-stdin] | list [--json] "
                      "| disable NAME [--reason TEXT] | reset-totp NAME [--reason TEXT]"_s);
}

} // namespace

int runUsers(const Arguments& args)
{
    auto client = openClient(args, args.words.value(1) == u"list"_s);
    if (!client)
        return fail(client.error());
    return runUsersOn(**client, args);
}

int runApiKeys(const Arguments& args)
{
    const QString verb = args.words.value(1);
    const QString usage = u"usage: soukctl apikeys create --user NAME [--name LABEL] [--expires DAYS] "
                          "| list [--user NAME] [--json] | revoke ID"_s;
    if (verb != u"create"_s && verb != u"list"_s && verb != u"revoke"_s)
        return usageError(usage);
    auto client = openClient(args, verb == u"list"_s);
    if (!client)
        return fail(client.error());
    Id userId;
    if (args.has(u"--user"_s)) {
        auto user = userNamed(**client, args.value(u"--user"_s), u"--user"_s);
        if (!user)
            return fail(user.error());
        userId = user->id;
    }
    if (verb == u"create"_s) {
        if (userId.isNull() || args.words.size() != 2)
            return usageError(usage);
        auto days = integerOption(args, u"--expires"_s, 0, 0, 3650);
        if (!days)
            return fail(days.error());
        const std::optional<qint64> expires = *days > 0
            ? std::optional<qint64>(QDateTime::currentMSecsSinceEpoch() + *days * 86'400'000) : std::nullopt;
        auto key = wait((*client)->createApiKey(userId, args.value(u"--name"_s), expires));
        if (!key)
            return fail(onCommandLine(
                key.error(), {{u"user"_s, u"--user"_s}, {u"name"_s, u"--name"_s}, {u"expires"_s, u"--expires"_s}}));
        out() << "API key for " << shown(key->info.userName) << " (id " << key->info.id.toString()
              << "; shown once, store it now):" << Qt::endl
              << key->secret << Qt::endl;
        return Ok;
    }
    if (verb == u"revoke"_s) {
        if (args.words.size() != 3)
            return usageError(usage);
        auto id = Id::parse(args.words[2], u"ID"_s);
        if (!id)
            return fail(id.error());
        auto key = wait((*client)->revokeApiKey(*id));
        if (!key)
            return fail(onCommandLine(key.error(), {{u"keyId"_s, u"ID"_s}}));
        out() << "revoked " << key->prefix << "… of " << shown(key->userName) << Qt::endl;
        return Ok;
    }
    auto keys = wait((*client)->apiKeys(userId));
    if (!keys)
        return fail(keys.error());
    if (args.has(u"--json"_s)) {
        QJsonArray rows;
        for (const auth::ApiKeyInfo& k : *keys)
            rows.append(QJsonObject{{u"id"_s, k.id.toString()}, {u"user"_s, k.userName}, {u"name"_s, k.name},
                                    {u"prefix"_s, k.prefix}, {u"created_at"_s, jsonWhen(k.createdMs)},
                                    {u"expires_at"_s, jsonWhen(k.expiresMs)}, {u"last_used_at"_s, jsonWhen(k.lastUsedMs)},
                                    {u"revoked_at"_s, jsonWhen(k.revokedMs)}});
        printJson(rows);
        return Ok;
    }
    out() << "id\tuser\tprefix\tname\tcreated\texpires\tlast used\tstate" << Qt::endl;
    for (const auth::ApiKeyInfo& k : *keys)
        out() << k.id.toString() << '\t' << shown(k.userName) << '\t' << k.prefix << "…\t" << shown(k.name) << '\t'
              << when(k.createdMs) << '\t' << when(k.expiresMs) << '\t' << when(k.lastUsedMs) << '\t'
              << (k.revokedMs ? "revoked" : "active") << Qt::endl;
    return Ok;
}

/// --since: an ISO 8601 date or time (UTC unless it says otherwise), or a span back from now
/// ("24h", "7d").
Result<qint64> sinceOption(const Arguments& args)
{
    if (!args.has(u"--since"_s))
        return qint64(0);
    const QString text = args.value(u"--since"_s).trimmed();
    static const QRegularExpression span(u"^(\\d{1,5})([hd])$"_s);
    if (const auto m = span.match(text); m.hasMatch()) {
        const qint64 unitMs = m.captured(2) == u"h"_s ? 3'600'000 : 86'400'000;
        return QDateTime::currentMSecsSinceEpoch() - m.captured(1).toLongLong() * unitMs;
    }
    QDateTime at = QDateTime::fromString(text, Qt::ISODate);
    if (!at.isValid())
        at = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
    if (!at.isValid())
        return Error::invalid(u"--since"_s, u"a date or time such as 2026-12-01 or 2026-12-01T09:00Z, or 24h, 7d"_s);
    if (at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC);
    return at.toMSecsSinceEpoch();
}

int auditList(Client& client, const Arguments& args)
{
    auth::AuditQuery query;
    query.user = args.value(u"--user"_s);
    query.entity = args.value(u"--entity"_s);
    auto since = sinceOption(args);
    if (!since)
        return fail(since.error());
    query.sinceMs = *since;
    auto limit = integerOption(args, u"--limit"_s, AuditListDefault, 1, auth::AuditQuery::LimitMax);
    if (!limit)
        return fail(limit.error());
    query.limit = int(*limit);
    auto rows = wait(client.auditLog(query));
    if (!rows)
        return fail(rows.error());
    if (args.has(u"--json"_s)) {
        QJsonArray out;
        for (const auth::AuditRecord& r : *rows)
            out.append(QJsonObject{{u"seq"_s, QString::number(r.seq)}, {u"at"_s, jsonWhen(r.atMs)},
                                   {u"user"_s, r.userName}, {u"role"_s, r.role}, {u"via"_s, r.via},
                                   {u"credential_id"_s, r.credentialId.isNull() ? QJsonValue() : QJsonValue(r.credentialId.toString())},
                                   {u"origin"_s, r.origin}, {u"operation"_s, r.operation},
                                   {u"objects"_s, QJsonArray::fromStringList(r.objects)}, {u"reason"_s, r.reason},
                                   {u"outcome"_s, r.outcome}, {u"detail"_s, r.detail}});
        printJson(out);
        return Ok;
    }
    out() << "seq\ttime\tuser\trole\toperation\toutcome\tobjects\treason" << Qt::endl;
    for (const auth::AuditRecord& r : *rows)
        out() << r.seq << '\t' << when(r.atMs) << '\t' << shown(r.userName) << '\t' << r.role << '\t' << r.operation
              << '\t' << r.outcome << '\t' << shown(r.objects.join(u' ')) << '\t' << shown(r.reason) << Qt::endl;
    return Ok;
}

int runAudit(const Arguments& args)
{
    const QString verb = args.words.value(1);
    if (args.words.size() != 2 || (verb != u"list"_s && verb != u"verify"_s))
        return usageError(u"usage: soukctl audit list [--json] [--user U] [--entity E] [--since T] [--limit N] "
                          "| verify [--json]"_s);
    auto client = openClient(args, true);
    if (!client)
        return fail(client.error());
    if (verb == u"list"_s)
        return auditList(**client, args);
    auto verified = wait((*client)->verifyAudit());
    if (!verified)
        return fail(verified.error());
    if (args.has(u"--json"_s)) {
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{
                                                     {u"rows"_s, verified->rows},
                                                     {u"ok"_s, !verified->firstBadSeq},
                                                     {u"first_bad_seq"_s, verified->firstBadSeq ? QJsonValue(QString::number(*verified->firstBadSeq)) : QJsonValue()},
                                                     {u"problem"_s, verified->problem}})
                                       .toJson(QJsonDocument::Indented))
              << Qt::flush;
    } else if (verified->firstBadSeq) {
        // a finding, like check's problems: on stderr, where a script that keeps stdout still sees it
        err() << "problem: audit log " << shown(verified->problem) << Qt::endl;
    } else {
        out() << "audit log: " << verified->rows << " rows, chain intact" << Qt::endl;
    }
    return verified->firstBadSeq ? StoreError : Ok;
}

} // namespace souk::cli
