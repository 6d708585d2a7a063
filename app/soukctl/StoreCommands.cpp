#include <QFileInfo>
#include <QSqlDatabase>

#include "app/soukctl/Cli.h"
#include "backend/catalog/CatalogCheck.h"
#include "backend/engine/Engine.h"
#include "backend/payments/CommerceCheck.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::cli {

int runCheck(const Arguments& args)
{
    auto client = openStore(args, true);
    if (!client)
        return fail(client.error());
    // one read, so the catalog and the orders, payments and ledger are checked in the same snapshot
    auto problems = wait((*client)->engine().read<QStringList>([](QSqlDatabase& db) -> Result<QStringList> {
        auto catalogProblems = catalog::CatalogCheck::run(db);
        if (!catalogProblems)
            return catalogProblems.error();
        auto commerceProblems = payments::CommerceCheck::run(db);
        if (!commerceProblems)
            return commerceProblems.error();
        return *catalogProblems + *commerceProblems;
    }));
    if (!problems)
        return fail(problems.error());
    if (problems->isEmpty()) {
        out() << "ok: " << (*client)->location() << " passes every check" << Qt::endl;
        return Ok;
    }
    for (const QString& p : *problems)
        err() << "problem: " << p << Qt::endl;
    err() << problems->size() << " problem(s) found" << Qt::endl;
    return StoreError;
}

int runBackup(const Arguments& args)
{
    if (args.words.size() != 2)
        return usageError(u"usage: soukctl --store FILE backup OUT"_s);
    const QString target = QFileInfo(args.words[1]).absoluteFilePath();
    if (QFileInfo::exists(target))
        return fail(Error::invalid(u"OUT"_s, target + u" already exists; choose a new file"_s));
    if (!QFileInfo(QFileInfo(target).absolutePath()).isWritable())
        return fail(Error::invalid(u"OUT"_s, u"cannot write in "_s + QFileInfo(target).absolutePath()));
    auto client = openStore(args, true);
    if (!client)
        return fail(client.error());
    // VACUUM INTO writes a consistent, compact snapshot even while the store is in use
    auto done = wait((*client)->engine().read<bool>(
        [target](QSqlDatabase& db) -> Result<bool> {
            if (auto s = store::exec(db, u"VACUUM INTO ?"_s, {target}); !s)
                return s.error();
            return true;
        },
        engine::ReadMode::Autocommit));
    if (!done)
        return fail(done.error());
    out() << "backed up " << (*client)->location() << " to " << target << " (" << QFileInfo(target).size()
          << " bytes)" << Qt::endl;
    return Ok;
}

} // namespace souk::cli
