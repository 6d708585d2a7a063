#pragma once

#include <QFuture>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include "backend/client/LocalClient.h"
#include "backend/client/RemoteClient.h"

namespace souk::cli {

/// soukctl's exit codes: scripts depend on them, so they never change.
enum Exit
{
    Ok = 0,
    InvalidInput = 1,
    Usage = 2,
    StoreError = 3,
};

/// The parsed command line: option values by name and the remaining words.
struct Arguments
{
    QMap<QString, QString> options; ///< "--store" -> "shop.souk"; flags map to "1"
    QStringList words;              ///< "catalog", "import", "file.csv"
    bool has(const QString& name) const { return options.contains(name); }
    QString value(const QString& name) const { return options.value(name); }
};

/// Splits argv; options that take a value are listed in `withValue`. Errors name the option: one
/// that lacks its value, a flag given a value, an option given twice.
Result<Arguments> parseArguments(const QStringList& argv, const QStringList& withValue);

QTextStream& out();
QTextStream& err();
/// `text` fit for a terminal: control, bidi and invisible format characters from data become
/// visible escapes ("\x1b", "\u202e"), half a surrogate pair U+FFFD. Human output only: --json
/// escapes on its own. Defined in Terminal.cpp.
QString shown(QStringView text);

/// Prints an error as "soukctl: code [field]: message" and returns the exit code it maps to.
int fail(const Error& error);
int usageError(const QString& message);

/// The integer value of option `name`, or `fallback` when it is absent; must lie in [min, max].
/// The error names the option.
Result<qint64> integerOption(const Arguments& args, const QString& name, qint64 fallback, qint64 min, qint64 max);

/// payments import-history, rules backtest and risk train|evaluate|models|activate: the risk
/// engine's work over a store's payment history. Defined in RiskHistoryCommands.cpp.
int runImportHistory(const Arguments& args);
int runRulesBacktest(const Arguments& args);
int runRisk(const Arguments& args);

/// Waits until `future` is finished. On a store it blocks (the engine answers on its own
/// threads); on a node it runs the event loop, where RemoteClient hears the node, until the
/// answer or --timeout. False when the deadline passed first. Defined in Node.cpp.
bool waitForAnswer(const QFuture<void>& future);
/// The error of a wait whose deadline passed: names the node and --timeout.
Error noAnswerInTime();

/// Waits for a command's result: the command line has no window to keep responsive.
template <typename T> Result<T> wait(QFuture<Result<T>> future)
{
    if (!waitForAnswer(QFuture<void>(future)))
        return noAnswerInTime();
    return future.result();
}

/// True when the command works on a node (--url) rather than on a store file.
bool onNode(const Arguments& args);
/// Checks --url, --trust, --timeout and SOUK_API_KEY before anything connects; the message
/// says what to pass. Nothing to check without --url (then --trust and --timeout are refused).
Status checkNodeOptions(const Arguments& args);
/// Refuses a command that works on the store's file itself (check, backup, ...) under --url:
/// exit Usage, with where to run it instead.
int storeOnlyOnNode(const QString& command, const QString& reason);
/// Connects to the node named by --url as the key in SOUK_API_KEY says, with the certificate
/// pinned by --trust; errors name what to change (an unknown certificate: its fingerprint and
/// --trust). Defined in Node.cpp.
Result<std::shared_ptr<RemoteClient>> connectNode(const Arguments& args);

/// The store file named by --store, else by SOUK_STORE; empty when neither names one, and
/// under --url (a node's store is not this machine's file).
QString storePath(const Arguments& args);
/// Opens the store named by --store (or SOUK_STORE); read-only when the command only reads.
Result<std::unique_ptr<LocalClient>> openStore(const Arguments& args, bool readOnly);
/// The store (--store) or the node (--url) the command works on, behind the one Client
/// interface, so a command prints the same for both.
Result<std::shared_ptr<Client>> openClient(const Arguments& args, bool readOnly);

/// Refuses an output `path` that is the store or one of its companions (-wal, -shm, -journal,
/// .lock): by name after symlinks, "..", and relative paths, or by inode (a hard link).
/// The error names `field` ("FILE", "OUT"). Defined in OutputFile.cpp.
Status checkNotStoreFile(const QString& path, const QString& store, const QString& field);
/// The same check for standard output, which a shell may have pointed at the store.
Status checkStdoutNotStoreFile(const QString& store, const QString& field);
/// Writes `data` to `path` whole or not at all: a temporary file beside it, synced, then renamed
/// over it, so a killed or disk-full run leaves the old file (or none). Devices and pipes are
/// written directly. The error names `field`.
Status writeWholeFile(const QString& path, const QByteArray& data, const QString& field);
/// Renames `from` to `to` unless `to` exists (any entry, a dangling symlink too); same folder.
Status renameNoReplace(const QString& from, const QString& to, const QString& field);
/// The merchant named by --merchant, or the first the client sees.
Result<catalog::Merchant> pickMerchant(Client& client, const Arguments& args);

/// An open store or node and the merchant a command works on.
struct MerchantClient
{
    std::shared_ptr<Client> client;
    catalog::Merchant merchant;
};
/// openClient() then pickMerchant(): what every catalog command starts with.
Result<MerchantClient> openMerchantClient(const Arguments& args, bool readOnly);

/// An import plan without the products the store already holds exactly as the file has them.
struct ImportChanges
{
    catalog::ImportPlan plan; ///< what is left to write
    int unchanged = 0;        ///< products left out because they already match
};
/// Compares the plan with the store's catalog read back through the same CSV reader, so that
/// re-importing an unchanged export writes nothing (no new versions, no change-feed rows).
/// Defined in ImportDiff.cpp.
Result<ImportChanges> withoutUnchanged(Client& client, const catalog::Merchant& merchant,
                                       const catalog::ImportPlan& plan);

int runCheck(const Arguments& args);
int runBackup(const Arguments& args);
/// Runs what the console does on its timer: expiries, lost disputes, forgotten keys, provider calls.
int runMaintain(const Arguments& args);
int runCatalog(const Arguments& args);
int runSimulate(const Arguments& args);
int runOrders(const Arguments& args);
int runLedger(const Arguments& args);
/// `outbox list [--dead] [--json]`: the provider calls waiting, and the dead letters.
int runOutbox(const Arguments& args);
/// `users add|list|disable|reset-totp`, `apikeys create|list|revoke`, `audit list|verify`.
/// Defined in PeopleCommands.cpp.
int runUsers(const Arguments& args);
int runApiKeys(const Arguments& args);
int runAudit(const Arguments& args);
/// `rules list|show|save|activate|shadow`, `lists list|create|show|add|remove`, `reviews
/// list|show|claim|release|decide`, `payments risk`. Defined in RiskCommands.cpp.
int runRules(const Arguments& args);
int runLists(const Arguments& args);
int runReviews(const Arguments& args);
int runPayments(const Arguments& args);
/// Provider calls set aside as dead letters (refused for good or out of retries).
Result<qint64> deadLetters(LocalClient& client);

} // namespace souk::cli
