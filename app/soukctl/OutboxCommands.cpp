// soukctl outbox: the calls waiting for the provider, and the dead letters a person must look at.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/soukctl/Cli.h"
#include "backend/engine/Engine.h"
#include "backend/payments/ProviderOutbox.h"

using namespace Qt::StringLiterals;

namespace souk::cli {
namespace {

constexpr int ListMax = 100'000;

QJsonObject jsonOf(const payments::OutboxItem& it)
{
    return {{u"id"_s, QString::number(it.id)},
            {u"call"_s, payments::ProviderOutbox::callName(it.call)},
            {u"payment_id"_s, it.paymentId.isNull() ? QJsonValue() : QJsonValue(it.paymentId.toString())},
            {u"provider_ref"_s, it.providerRef},
            {u"amount_minor"_s, it.amountMinor},
            {u"attempts"_s, it.attempts},
            {u"state"_s, it.dead ? u"dead"_s : u"waiting"_s},
            {u"reason"_s, it.lastCode},
            {u"key"_s, it.key}};
}

} // namespace

Result<qint64> deadLetters(LocalClient& client)
{
    auto dead = wait(client.engine().read<QList<payments::OutboxItem>>(
        [](QSqlDatabase& db) { return payments::ProviderOutbox::all(db, true, ListMax); }));
    if (!dead)
        return dead.error();
    return qint64(dead->size());
}

int runOutbox(const Arguments& args)
{
    if (args.words.size() != 2 || args.words[1] != u"list"_s)
        return usageError(u"usage: soukctl --store FILE outbox list [--dead] [--json]"_s);
    auto client = openStore(args, true);
    if (!client)
        return fail(client.error());
    const bool deadOnly = args.has(u"--dead"_s);
    auto items = wait((*client)->engine().read<QList<payments::OutboxItem>>(
        [deadOnly](QSqlDatabase& db) { return payments::ProviderOutbox::all(db, deadOnly, ListMax); }));
    if (!items)
        return fail(items.error());
    if (args.has(u"--json"_s)) {
        QJsonArray rows;
        for (const auto& it : *items)
            rows.append(jsonOf(it));
        out() << QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented)) << Qt::flush;
        return Ok;
    }
    if (items->isEmpty()) {
        out() << (deadOnly ? "no provider call needs attention" : "no provider call is waiting") << Qt::endl;
        return Ok;
    }
    out() << "id\tcall\tpayment\tamount\tattempts\tstate\treason" << Qt::endl;
    for (const auto& it : *items) {
        out() << it.id << '\t' << payments::ProviderOutbox::callName(it.call) << '\t' << (it.paymentId.isNull() ? u"-"_s : it.paymentId.toString())
              << '\t' << it.amountMinor << '\t' << it.attempts << '\t' << (it.dead ? "dead" : "waiting") << '\t'
              << shown(it.lastCode) << Qt::endl;
    }
    return Ok;
}

} // namespace souk::cli
