#include <unistd.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QTemporaryFile>
#include <QThread>

#include "app/soukctl/Cli.h"
#include "backend/engine/Engine.h"
#include "backend/payments/ProviderOutbox.h"
#include "backend/store/Sql.h"
#include "backend/store/StoreOptions.h"

using namespace Qt::StringLiterals;

namespace souk::cli {

int runCheck(const Arguments& args)
{
    auto client = openStore(args, true);
    if (!client)
        return fail(client.error());
    auto problems = wait((*client)->checkStore());
    if (!problems)
        return fail(problems.error());
    // a dead letter is not a broken invariant (its money was put back), but a person must look
    auto dead = deadLetters(**client);
    if (!dead)
        return fail(dead.error());
    QStringList warnings;
    if (*dead > 0)
        warnings.append(u"%1 provider call(s) need attention: soukctl outbox list --dead"_s.arg(*dead));
    if (args.has(u"--json"_s)) {
        QJsonObject report{{u"ok"_s, problems->isEmpty()},
                           {u"problems"_s, QJsonArray::fromStringList(*problems)},
                           {u"warnings"_s, QJsonArray::fromStringList(warnings)}};
        out() << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Indented)) << Qt::flush;
        return problems->isEmpty() ? Ok : StoreError;
    }
    for (const QString& w : warnings)
        err() << "warning: " << shown(w) << Qt::endl;
    if (problems->isEmpty()) {
        // a URL's password stays out of the output
        out() << "ok: " << shown(store::StoreOptions::shown((*client)->location())) << " passes every check"
              << Qt::endl;
        return Ok;
    }
    for (const QString& p : *problems)
        err() << "problem: " << shown(p) << Qt::endl;
    err() << problems->size() << " problem(s) found" << Qt::endl;
    return StoreError;
}

namespace {

/// fsync()s a finished file, so the rename that publishes it never points at unwritten pages.
Status syncFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || ::fsync(file.handle()) != 0)
        return Error::store(ErrorCode::StoreIo, u"cannot sync "_s + path);
    return {};
}

/// VACUUM INTO a temporary name beside `target`, then renamed: a killed or disk-full run leaves
/// no half-written backup under the name a restore would trust.
Status backupInto(LocalClient& client, const QString& target)
{
    const QFileInfo info(target);
    QTemporaryFile temporary(info.absolutePath() + u"/."_s + info.fileName() + u".XXXXXX.part"_s);
    if (!temporary.open())
        return Error::invalid(u"OUT"_s,
                              u"cannot write in "_s + info.absolutePath() + u": "_s + temporary.errorString());
    temporary.close(); // SQLite writes it; VACUUM INTO accepts an empty file
    const QString partial = temporary.fileName();
    // VACUUM INTO writes a consistent, compact snapshot even while the store is in use
    auto done = wait(client.engine().read<bool>(
        [partial](QSqlDatabase& db) -> Result<bool> {
            if (auto s = store::exec(db, u"VACUUM INTO ?"_s, {partial}); !s)
                return s.error();
            return true;
        },
        engine::ReadMode::Autocommit));
    if (!done)
        return done.error(); // the temporary file removes itself
    if (auto s = syncFile(partial); !s)
        return s;
    if (auto s = renameNoReplace(partial, target, u"OUT"_s); !s)
        return s;
    temporary.setAutoRemove(false); // it has become the backup
    return {};
}

} // namespace

int runBackup(const Arguments& args)
{
    if (args.words.size() != 2)
        return usageError(u"usage: soukctl --store FILE backup OUT"_s);
    if (store::StoreOptions::isPostgresUrl(storePath(args)))
        return fail(Error::invalid(u"--store"_s, u"a PostgreSQL store is backed up by PostgreSQL's own tools "
                                                 "(pg_dump, or pg_basebackup with its log archive), not by soukctl"_s));
    const QString target = QFileInfo(args.words[1]).absoluteFilePath();
    const QFileInfo info(target);
    if (info.exists() || info.isSymLink()) // a dangling symlink too: it points somewhere
        return fail(Error::invalid(u"OUT"_s, target + u" already exists; choose a new file"_s));
    if (!QFileInfo(info.absolutePath()).isWritable())
        return fail(Error::invalid(u"OUT"_s, u"cannot write in "_s + info.absolutePath()));
    if (auto s = checkNotStoreFile(target, storePath(args), u"OUT"_s); !s) // -journal, .lock need not exist yet
        return fail(s.error());
    auto client = openStore(args, true);
    if (!client)
        return fail(client.error());
    if (auto s = backupInto(**client, target); !s)
        return fail(s.error());
    out() << "backed up " << shown((*client)->location()) << " to " << shown(target) << " (" << QFileInfo(target).size()
          << " bytes)" << Qt::endl;
    return Ok;
}

namespace {

constexpr int MaintainPassesMax = 10'000; ///< 500 rows of each kind a pass: millions at most
constexpr int OutboxWaitMs = 30'000;      ///< how long `maintain` lets the provider calls go out

/// Provider calls due now and not yet confirmed; -1 when the store cannot say.
qint64 callsDue(LocalClient& client)
{
    const qint64 nowMs = client.engine().clock().nowMs();
    auto due = wait(client.engine().read<qint64>([nowMs](QSqlDatabase& db) -> Result<qint64> {
        auto rows = payments::ProviderOutbox::pending(db, nowMs, 100'000);
        if (!rows)
            return rows.error();
        return qint64(rows->size());
    }));
    return due ? *due : -1;
}

} // namespace

int runMaintain(const Arguments& args)
{
    if (args.words.size() != 1)
        return usageError(u"usage: soukctl --store FILE maintain"_s);
    auto client = openStore(args, false);
    if (!client && client.error().code == ErrorCode::StoreLocked) {
        // the program that holds the store (the console, another maintain) runs this same
        // maintenance on its own timer: nothing is left undone, so cron need not see a failure
        out() << "nothing to do: " << shown(client.error().message)
              << "; it runs the same maintenance itself while it has the store open" << Qt::endl;
        return Ok;
    }
    if (!client)
        return fail(client.error());
    MaintenanceResult total;
    for (int pass = 0; pass < MaintainPassesMax; ++pass) {
        auto done = wait((*client)->runMaintenance());
        if (!done)
            return fail(done.error());
        total.ordersExpired += done->ordersExpired;
        total.authorizationsExpired += done->authorizationsExpired;
        total.disputesLost += done->disputesLost;
        total.keysPurged += done->keysPurged;
        total.changesPruned += done->changesPruned;
        if (!done->more)
            break;
    }
    // the client sends the calls those passes queued (and any a crash left) on its own threads
    QDeadlineTimer deadline(OutboxWaitMs);
    qint64 due = callsDue(**client);
    while (due > 0 && !deadline.hasExpired()) {
        QThread::msleep(20);
        due = callsDue(**client);
    }
    out() << "expired unpaid orders: " << total.ordersExpired << Qt::endl
          << "voided lapsed authorizations: " << total.authorizationsExpired << Qt::endl
          << "disputes lost without evidence: " << total.disputesLost << Qt::endl
          << "idempotency keys forgotten: " << total.keysPurged << Qt::endl
          << "change feed rows pruned: " << total.changesPruned << Qt::endl
          << "provider calls still waiting: " << qMax<qint64>(due, 0) << Qt::endl;
    if (due < 0)
        return fail(Error::store(ErrorCode::StoreIo, u"the provider calls could not be read"_s));
    return Ok;
}

} // namespace souk::cli
