// soukctl: the command line of a Souk store. Thin: parse, dispatch, exit with a stable code.
#include <cstring>

#include <QCoreApplication>
#include <QLoggingCategory>

#include "app/soukctl/Cli.h"

using namespace Qt::StringLiterals;
using namespace souk::cli;

namespace {

const char* const Help = R"(Usage: soukctl --store FILE COMMAND [ARGS]
       SOUK_API_KEY=sk_... soukctl --url https://HOST:PORT --trust SHA256|CAFILE COMMAND [ARGS]

Commands:
  check [--json]                          check integrity and invariants of the store: catalog,
                                          stock holds, payments and the ledger
  backup OUT                              write a consistent copy of the store to OUT
  maintain                                expire unpaid orders and lapsed authorizations, lose
                                          disputes past their evidence date, forget old
                                          idempotency keys, send waiting provider calls
                                          (the console does this every 30 s; run it from cron)
  catalog import --format souk|shopify FILE
                                          import products; every row or none
  catalog export --format souk|shopify [FILE]
                                          export products (to standard output without FILE)
  catalog list [--json]                   list products
  simulate --orders N [--rate R] [--seed S] [--concurrency C]
                                          play N simulated orders (demo catalog and terms
                                          when the store has none); summary on stdout;
                                          R: orders/s, 0 (unpaced) or 0.001 to 100000
  orders list [--json] [--status S] [--payment S] [--search TEXT]
              [--limit N] [--after ID] [--all]
                                          list orders, newest first (default 50, at most
                                          5000 a page; --after: the page after that order;
                                          --all: every order as JSON lines; --search: an
                                          order number (#1042) or its end, an id or its end,
                                          a customer's name or email, a card's last 4)
  orders show ID [--json]                 an order with its timeline, payments and postings
  ledger balances [--json]                balances of every ledger account (--merchant: one)
  ledger payout [--merchant ID]           settle a merchant: its net balance moves to paid out
  outbox list [--dead] [--json]           provider calls still waiting, and those set aside
                                          (refused for good or out of retries) for a person
  users add NAME --role ROLE [--merchant ID] [--password-stdin]
                                          add a user (owner, staff: of a merchant; support,
                                          operator, admin: of the platform); prints a one-time
                                          password unless one is read from standard input.
                                          Once a store has users, the console asks them to sign in
  users list [--json]                     users, their roles, second factor and last sign-in
  users disable NAME [--reason TEXT]      the user can do nothing more; its sessions and keys end
  users reset-totp NAME [--reason TEXT]   remove a user's second factor (a lost phone)
  apikeys create --user NAME [--name LABEL] [--expires DAYS]
                                          a key that acts as the user; printed once, stored hashed
  apikeys list [--user NAME] [--json]     keys by their prefix, last use and state
  apikeys revoke ID                       the key stops working at once
  audit list [--json] [--user U] [--entity E] [--since T] [--limit N]
                                          who did what, newest first (E: payment or payment:ID;
                                          T: 2026-12-01, 2026-12-01T09:00Z, 24h or 7d)
  audit verify [--json]                   check the audit log's hash chain; names the first row
                                          that does not match (exit 3)
  rules list [--json]                     the risk rule sets: drafts, the active one, retired ones
  rules show VERSION [--json]             one rule set's text
  rules save FILE [--note TEXT]           save a rule file as a new draft; one that does not parse
                                          prints FILE:LINE:COLUMN: message and saves nothing
  rules activate VERSION                  make it the active set (a retired one: a restore)
  rules shadow VERSION on|off             run a draft beside the active set, acting on nothing
  lists list [--json]                     the lists rules test with "in @NAME"
  lists create NAME KIND [--description TEXT]
                                          KIND: email, card_fingerprint, ip, bin, country,
                                          device_id or text
  lists show NAME [--json]                a list's values
  lists add NAME VALUE...                 add values; one that does not fit the kind adds none
  lists remove NAME VALUE...              remove values
  reviews list [--merchant ID] [--min-score N] [--json]
                                          payments held for review, the soonest to lapse first
  reviews show ID [--json]                a review with the reasons the payment was held
  reviews claim ID                        work it: no one else may for five minutes
  reviews release ID                      give a claim back
  reviews decide ID approve|decline|fraud --reason R [--note N] [--block]
                                          approve captures; decline and fraud void, cancel and
                                          restock; --block (fraud): block-list card and email
  payments risk PAYMENT_ID [--json]       what the risk engine decided of a payment, and why
  payments import-history [--merchant ID] HISTORY.csv
                                          a merchant's payment history from elsewhere (the
                                          columns: docs/risk-rules.md); every row or none
  rules backtest RULES.txt [--from DATE] [--to DATE] [--json]
                                          what a rule set would have blocked and reviewed in
                                          the stored history, of which fraud, disputed, refunded
  risk train [--model lr|gbdt] [--until DATE] [--json]
                                          train a model on the payments before DATE (default:
                                          30 days ago), evaluated on the ones after; inactive
  risk evaluate --from DATE --to DATE [--threshold N] [--json]
                                          the active model on a window: AUC, recall at 1 %
                                          false positives, the confusion at score >= N (65)
  risk models [--json]                    the trained models, newest first
  risk activate VERSION|none              the model that scores every payment

Options:
  --store FILE       the store file (or set SOUK_STORE)
  --url URL          work on a node (soukd) instead: https://HOST:PORT, acting as the user of
                     the API key in SOUK_API_KEY. catalog, orders, ledger, users, apikeys,
                     audit, rules, lists, reviews and payments work there and print
                     what they print on a store; check, backup, maintain, outbox and
                     simulate work on the store file only
  --trust SHA256|CAFILE
                     with --url: the node's certificate, by the SHA-256 fingerprint soukd
                     printed (AB:CD:...), or a CA file (PEM). Without it this machine's CAs
                     decide; a certificate they do not know ends the command with its
                     fingerprint, to check and pass here
  --timeout S        with --url: seconds to wait for each answer of the node (default 30)
  --merchant ID      the merchant to work on (default: the first the store or key sees)
  --verbose          also print the libraries' log lines (warnings, info) on stderr
  --help, --version

On a store, soukctl acts as the store's administrator: whoever can write the store's file can
change anything in it. Its commands are audited as the system user's name, from "local". On a
node, it acts as the API key's user, with that user's role and merchant.

Exit codes: 0 ok, 1 invalid input (an unknown certificate or a refused key too), 2 usage,
3 store or node error (a node that does not answer).
)";

/// The options that take a value; every other option is a flag.
const QStringList ValueOptions = {u"--store"_s, u"--format"_s,      u"--merchant"_s, u"--orders"_s,  u"--rate"_s,
                                  u"--seed"_s,  u"--concurrency"_s, u"--status"_s,   u"--payment"_s, u"--limit"_s,
                                  u"--after"_s, u"--search"_s,      u"--role"_s,     u"--user"_s,    u"--entity"_s,
                                  u"--since"_s, u"--name"_s,        u"--expires"_s,  u"--reason"_s,  u"--url"_s,
                                  u"--trust"_s, u"--timeout"_s, u"--from"_s,     u"--to"_s,       u"--model"_s,   u"--until"_s,
                                  u"--threshold"_s,
                                  u"--note"_s, u"--description"_s, u"--min-score"_s};

/// The commands that work on the store's file itself, with what to do instead on a node.
const QList<std::pair<QString, QString>> StoreOnlyCommands = {
    {u"check"_s, u"run it on the node's machine (the node checks its store as it serves)"_s},
    {u"backup"_s, u"run it on the node's machine"_s},
    {u"maintain"_s, u"run it on the node's machine (soukd runs the same maintenance on its own timer)"_s},
    {u"outbox"_s, u"run it on the node's machine"_s},
    {u"simulate"_s, u"it plays traffic into the engine in process; run it on a store of its own"_s},
};

/// The problem with --url, --trust, --timeout or SOUK_API_KEY, or with a store-only command on
/// a node; -1 when there is none.
int nodeUsage(const Arguments& args)
{
    if (onNode(args) && !args.has(u"--store"_s)) { // said first: no key or certificate would help
        const QString command = args.words.value(0);
        for (const auto& [name, instead] : StoreOnlyCommands) {
            if (command == name)
                return storeOnlyOnNode(name, instead);
        }
    }
    if (auto s = checkNodeOptions(args); !s) {
        const souk::Error& e = s.error();
        return usageError(e.message.contains(e.field) ? e.message : e.field + u": "_s + e.message);
    }
    return -1;
}

bool verboseLog = false;
QtMessageHandler defaultHandler = nullptr;

/// stdout and stderr belong to the command: Qt's and Souk's log lines (debug, info, warnings) are
/// dropped unless --verbose asks for them. soukctl's own errors go through err(), not through here;
/// critical and fatal messages always pass.
void logHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (!verboseLog && (type == QtDebugMsg || type == QtInfoMsg || type == QtWarningMsg))
        return;
    defaultHandler(type, context, message);
}

} // namespace

int main(int argc, char* argv[])
{
    // before QCoreApplication, which may log already
    for (int i = 1; i < argc; ++i)
        verboseLog = verboseLog || std::strcmp(argv[i], "--verbose") == 0;
    defaultHandler = qInstallMessageHandler(logHandler);
    QCoreApplication app(argc, argv);
    if (!verboseLog)
        QLoggingCategory::setFilterRules(u"souk.*.info=false"_s); // not even formatted
    QCoreApplication::setApplicationName(u"soukctl"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SOUK_VERSION_STRING));
    auto args = parseArguments(app.arguments().mid(1), ValueOptions);
    if (!args)
        return usageError(args.error().message);
    if (args->has(u"--help"_s)) {
        out() << Help;
        return Ok;
    }
    if (args->has(u"--version"_s)) {
        out() << "soukctl " << SOUK_VERSION_STRING << Qt::endl;
        return Ok;
    }
    for (const QString& name : args->options.keys()) {
        if (!ValueOptions.contains(name) && name != u"--json"_s && name != u"--verbose"_s && name != u"--dead"_s
            && name != u"--all"_s && name != u"--password-stdin"_s && name != u"--block"_s)
            return usageError(u"unknown option: "_s + name);
    }
    if (const int code = nodeUsage(*args); code >= 0)
        return code;
    const QString command = args->words.value(0);
    if (command == u"check" && args->words.size() == 1)
        return runCheck(*args);
    if (command == u"backup")
        return runBackup(*args);
    if (command == u"maintain")
        return runMaintain(*args);
    // the risk engine's work on the history (before the commands of the same nouns)
    if (command == u"payments" && args->words.value(1) == u"import-history")
        return runImportHistory(*args);
    if (command == u"rules" && args->words.value(1) == u"backtest")
        return runRulesBacktest(*args);
    if (command == u"risk")
        return runRisk(*args);
    if (command == u"catalog")
        return runCatalog(*args);
    if (command == u"simulate")
        return runSimulate(*args);
    if (command == u"orders")
        return runOrders(*args);
    if (command == u"ledger")
        return runLedger(*args);
    if (command == u"outbox")
        return runOutbox(*args);
    if (command == u"users")
        return runUsers(*args);
    if (command == u"apikeys")
        return runApiKeys(*args);
    if (command == u"audit")
        return runAudit(*args);
    if (command == u"rules")
        return runRules(*args);
    if (command == u"lists")
        return runLists(*args);
    if (command == u"reviews")
        return runReviews(*args);
    if (command == u"payments")
        return runPayments(*args);
    return usageError(command.isEmpty() ? u"no command given"_s : u"unknown command: "_s + args->words.join(u' '));
}
