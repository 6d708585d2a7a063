// soukctl orders list/show, ledger balances/payout: orders, payments and the ledger.
#include <QJsonArray>
#include <QUuid>
#include <QJsonDocument>

#include "app/soukctl/Cli.h"
#include "backend/orders/OrderSearch.h"
#include "backend/orders/OrderStateMachine.h"
#include "backend/payments/PaymentJson.h"

using namespace Qt::StringLiterals;
using souk::orders::OrderStateMachine;
using souk::payments::PaymentJson;

namespace souk::cli {
namespace {

constexpr int ListLimitDefault = 50;

/// "#1042"; an order without a number (a row written outside Souk) as "-".
QString numberText(const orders::Order& o)
{
    return o.number > 0 ? u"#%1"_s.arg(o.number) : u"-"_s;
}

void printJson(const QJsonDocument& doc)
{
    out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    out().flush();
}

/// The filters of `orders list`, each checked and named in its error.
Result<orders::OrderQuery> listQuery(const Arguments& args, Id merchantId)
{
    orders::OrderQuery query;
    query.merchantId = merchantId;
    if (args.has(u"--status"_s)) {
        auto status = OrderStateMachine::parse(args.value(u"--status"_s), u"--status"_s);
        if (!status)
            return status.error();
        query.status = *status;
    }
    if (args.has(u"--payment"_s)) {
        auto state = OrderStateMachine::parsePaymentState(args.value(u"--payment"_s), u"--payment"_s);
        if (!state)
            return state.error();
        query.paymentState = *state;
    }
    if (args.has(u"--search"_s)) {
        query.search = args.value(u"--search"_s).trimmed();
        if (query.search.size() > orders::OrderSearchTextMax)
            return Error::invalid(u"--search"_s, u"at most %1 characters"_s.arg(orders::OrderSearchTextMax));
    }
    auto limit = integerOption(args, u"--limit"_s, ListLimitDefault, 1, orders::OrderPageRowsMax);
    if (!limit)
        return limit.error();
    query.limit = int(*limit);
    if (args.has(u"--after"_s)) { // the cursor a previous page printed: orders older than that one
        auto after = Id::parse(args.value(u"--after"_s), u"--after"_s);
        if (!after)
            return after.error();
        query.beforeId = *after;
    }
    return query;
}

/// `orders list --all`: every order, newest first, one JSON object per line, page by page, so
/// a million orders never sit in memory at once.
int streamAllOrders(Client& client, orders::OrderQuery query)
{
    query.limit = orders::OrderPageRowsMax;
    for (;;) {
        auto page = wait(client.orderPage(query));
        if (!page)
            return fail(page.error());
        for (const auto& o : page->orders)
            out() << QString::fromUtf8(QJsonDocument(PaymentJson::order(o)).toJson(QJsonDocument::Compact)) << '\n';
        out().flush();
        if (!page->more || page->orders.isEmpty())
            return Ok;
        query.beforeId = page->orders.last().id;
    }
}

int listOrders(const Arguments& args)
{
    auto store = openMerchantClient(args, true);
    if (!store)
        return fail(store.error());
    auto query = listQuery(args, store->merchant.id);
    if (!query)
        return fail(query.error());
    if (args.has(u"--all"_s)) {
        if (args.has(u"--limit"_s))
            return usageError(u"--all lists every order; it takes no --limit"_s);
        return streamAllOrders(*store->client, *query);
    }
    auto page = wait(store->client->orderPage(*query));
    if (!page)
        return fail(page.error());
    // the next page's cursor goes to stderr, so stdout stays the page itself (plain or JSON)
    const QString next = page->more && !page->orders.isEmpty()
                             ? u"(more orders: add --after %1 for the next page, or use --all)"_s.arg(
                                   page->orders.last().id.toString())
                             : QString();
    if (args.has(u"--json"_s)) {
        QJsonArray rows;
        for (const auto& o : page->orders)
            rows.append(PaymentJson::order(o));
        printJson(QJsonDocument(rows));
        if (!next.isEmpty())
            err() << next << Qt::endl;
        return Ok;
    }
    // the number people say first ("#1042"), then the id every other command takes
    for (const auto& o : page->orders) {
        out() << numberText(o) << '\t' << o.id.toString() << '\t' << OrderStateMachine::name(o.status) << '\t'
              << OrderStateMachine::paymentStateName(o.paymentState) << '\t' << o.totalMinor << ' ' << shown(o.currency)
              << '\t' << shown(o.customerName) << '\t' << shown(o.customerEmail) << Qt::endl;
    }
    if (!next.isEmpty())
        err() << next << Qt::endl;
    return Ok;
}

void printDetail(const payments::OrderDetail& d)
{
    const orders::Order& o = d.order;
    out() << "order " << numberText(o) << " (id " << o.id.toString() << "): " << OrderStateMachine::name(o.status)
          << ", payment " << OrderStateMachine::paymentStateName(o.paymentState) << Qt::endl
          << "customer: " << shown(d.customer.name) << " <" << shown(o.customerEmail) << '>' << Qt::endl
          << "total: " << o.totalMinor << ' ' << shown(o.currency) << " (captured " << o.capturedMinor << ", refunded "
          << o.refundedMinor << ')' << Qt::endl;
    for (const auto& l : o.lines)
        out() << "  " << l.quantity << " x " << shown(l.sku) << "  " << shown(l.title) << "  " << l.lineTotalMinor
              << Qt::endl;
    out() << "timeline:" << Qt::endl;
    for (const auto& e : d.events)
        out() << "  " << shown(e.kind) << "  " << shown(e.detail) << "  (" << shown(e.actor) << ')' << Qt::endl;
    for (const auto& p : d.payments) {
        out() << "payment " << p.id.toString() << ": " << payments::paymentStatusName(p.status) << ' ' << p.amountMinor
              << ' ' << shown(p.currency) << (p.declineCode.isEmpty() ? QString() : u" "_s + shown(p.declineCode))
              << Qt::endl;
    }
}

int showOrder(const Arguments& args)
{
    auto id = Id::parse(args.words.value(2), u"ID"_s);
    if (!id)
        return fail(id.error());
    auto client = openClient(args, true);
    if (!client)
        return fail(client.error());
    auto detail = wait((*client)->orderDetail(*id));
    if (!detail && detail.error().code == ErrorCode::NotFound)
        return fail(Error::notFound(u"ID"_s, u"no order "_s + id->toString()));
    if (!detail)
        return fail(detail.error());
    if (args.has(u"--json"_s))
        printJson(QJsonDocument(PaymentJson::detail(*detail)));
    else
        printDetail(*detail);
    return Ok;
}

} // namespace

int runOrders(const Arguments& args)
{
    const QString verb = args.words.value(1);
    if (verb == u"list") {
        if (args.words.size() != 2)
            return usageError(
                u"usage: soukctl --store FILE orders list [--json] [--status S] [--payment S] [--search TEXT] "
                "[--limit N] [--after ID] [--all]"_s);
        return listOrders(args);
    }
    if (verb == u"show") {
        if (args.words.size() != 3)
            return usageError(u"usage: soukctl --store FILE orders show ID [--json]"_s);
        return showOrder(args);
    }
    return usageError(verb.isEmpty() ? u"orders needs a command: list or show"_s
                                     : u"unknown orders command: "_s + verb);
}

/// Settles one merchant: its net payable of each currency moves to paid-out in one entry.
int payout(const Arguments& args)
{
    auto client = openClient(args, false);
    if (!client)
        return fail(client.error());
    auto merchant = pickMerchant(**client, args);
    if (!merchant)
        return fail(merchant.error());
    // a key per run: one soukctl call is one settlement (retrying the command settles again,
    // which pays only what has accrued since)
    const QString key = u"soukctl-payout-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto payouts = wait((*client)->payout(merchant->id, {}, key)); // all that is owed now
    if (!payouts)
        return fail(payouts.error());
    for (const auto& p : *payouts)
        out() << "paid out " << p.amountMinor << ' ' << shown(p.currency) << " (minor units) to merchant "
              << merchant->id.toString() << ", entry " << p.entryId.toString() << Qt::endl;
    return Ok;
}

int runLedger(const Arguments& args)
{
    if (args.words.value(1) == u"payout" && args.words.size() == 2)
        return payout(args);
    if (args.words.value(1) != u"balances" || args.words.size() != 2)
        return usageError(u"usage: soukctl --store FILE ledger balances [--json] [--merchant ID]\n"
                          "       soukctl --store FILE ledger payout [--merchant ID]"_s);
    auto client = openClient(args, true);
    if (!client)
        return fail(client.error());
    Id merchantId; // every account, the platform's too, unless one merchant is asked for
    if (args.has(u"--merchant"_s)) {
        auto merchant = pickMerchant(**client, args);
        if (!merchant)
            return fail(merchant.error());
        merchantId = merchant->id;
    }
    auto balances = wait((*client)->ledgerBalances(merchantId));
    if (!balances)
        return fail(balances.error());
    if (args.has(u"--json"_s)) {
        QJsonArray rows;
        for (const auto& b : *balances)
            rows.append(PaymentJson::balance(b));
        printJson(QJsonDocument(rows));
        return Ok;
    }
    for (const auto& b : *balances) {
        out() << (b.merchantId.isNull() ? u"platform"_s : b.merchantId.toString()) << '\t'
              << payments::accountKindName(b.account) << '\t' << b.balanceMinor << ' ' << shown(b.currency) << Qt::endl;
    }
    return Ok;
}

} // namespace souk::cli
