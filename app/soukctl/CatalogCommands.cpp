#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include "app/soukctl/Cli.h"
#include "backend/catalog/CatalogJson.h"
#include "backend/catalog/Csv.h"

using namespace Qt::StringLiterals;
using namespace souk::catalog;

namespace souk::cli {
namespace {

constexpr qint64 ImportFileMax = 512LL * 1024 * 1024;

Result<CsvFormat> formatOf(const Arguments& args)
{
    const QString f = args.value(u"--format"_s);
    if (f == u"souk" || f.isEmpty())
        return CsvFormat::Souk;
    if (f == u"shopify")
        return CsvFormat::Shopify;
    return Error::invalid(u"--format"_s, u"format must be souk or shopify, not \""_s + f + u'"');
}

int importCatalog(const Arguments& args, const QString& path)
{
    auto format = formatOf(args);
    if (!format)
        return fail(format.error());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::invalid(u"FILE"_s, u"cannot read "_s + path + u": "_s + file.errorString()));
    // the cap counts what is read: /dev/zero, a pipe or /dev/stdin report no size at all
    auto bytes = readCsvInput(file, ImportFileMax, u"FILE"_s);
    if (!bytes)
        return fail(bytes.error());
    file.close();
    auto store = openMerchantClient(args, false);
    if (!store)
        return fail(store.error());
    Client& client = *store->client;
    const catalog::Merchant& merchant = store->merchant;
    auto plan = wait(client.planImport(merchant.id, std::move(bytes).value(), *format, {}));
    if (!plan)
        return fail(plan.error());
    if (!plan->ok()) {
        for (const RowError& e : plan->errors)
            err() << shown(path) << ':' << e.line << ": " << shown(e.column.isEmpty() ? u"row"_s : e.column) << ": "
                  << shown(e.message) << Qt::endl;
        err() << "soukctl: " << plan->errors.size() << " problem(s); nothing was imported" << Qt::endl;
        return InvalidInput;
    }
    auto changes = withoutUnchanged(client, merchant, *plan);
    if (!changes)
        return fail(changes.error());
    if (changes->unchanged > 0 && changes->plan.products.isEmpty()) {
        out() << "nothing to change: " << changes->unchanged << " products already match" << Qt::endl;
        return Ok;
    }
    auto summary = wait(client.runImport(merchant.id, changes->plan, {}));
    if (!summary)
        return fail(summary.error());
    out() << "imported " << plan->rowCount << " rows: " << summary->productsCreated << " products created, "
          << summary->productsUpdated << " updated, " << summary->variantsWritten << " variants in "
          << summary->elapsedMs << " ms";
    if (changes->unchanged > 0)
        out() << "; " << changes->unchanged << " products already matched";
    out() << Qt::endl;
    return Ok;
}

int exportCatalog(const Arguments& args, const QString& path)
{
    auto format = formatOf(args);
    if (!format)
        return fail(format.error());
    const bool toStdout = path.isEmpty() || path == u"-";
    // checked before anything is read: an export written over the store or its journal loses every order
    if (auto s = toStdout ? checkStdoutNotStoreFile(storePath(args), u"FILE"_s)
                          : checkNotStoreFile(path, storePath(args), u"FILE"_s);
        !s)
        return fail(s.error());
    auto store = openMerchantClient(args, true);
    if (!store)
        return fail(store.error());
    Client& client = *store->client;
    const catalog::Merchant& merchant = store->merchant;
    auto csv = wait(client.exportCatalog(merchant.id, *format));
    if (!csv)
        return fail(csv.error());
    if (toStdout) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(*csv) != csv->size() ||
            !stdoutFile.flush())
            return fail(Error::invalid(u"FILE"_s, u"cannot write standard output: "_s + stdoutFile.errorString()));
        return Ok;
    }
    if (auto s = writeWholeFile(path, *csv, u"FILE"_s); !s)
        return fail(s.error());
    return Ok;
}

int listCatalog(const Arguments& args)
{
    auto store = openMerchantClient(args, true);
    if (!store)
        return fail(store.error());
    Client& client = *store->client;
    const catalog::Merchant& merchant = store->merchant;
    QJsonArray rows;
    ProductPageQuery query{merchant.id, {}, ProductPageQuery::PageRowsMax};
    for (;;) {
        auto page = wait(client.productPage(query));
        if (!page)
            return fail(page.error());
        for (const auto& s : page->rows) {
            if (args.has(u"--json"_s))
                rows.append(toJson(s));
            else
                out() << s.id.toString() << '\t' << shown(s.firstSku) << '\t' << statusName(s.status) << '\t'
                      << shown(s.title) << Qt::endl;
        }
        if (!page->more)
            break;
        query.afterId = page->nextAfter;
    }
    if (args.has(u"--json"_s))
        out() << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    return Ok;
}

} // namespace

int runCatalog(const Arguments& args)
{
    const QString verb = args.words.value(1);
    if (verb == u"import") {
        if (args.words.size() != 3)
            return usageError(u"usage: soukctl --store FILE catalog import --format souk|shopify FILE"_s);
        return importCatalog(args, args.words[2]);
    }
    if (verb == u"export") {
        if (args.words.size() > 3)
            return usageError(u"usage: soukctl --store FILE catalog export --format souk|shopify [FILE]"_s);
        return exportCatalog(args, args.words.value(2));
    }
    if (verb == u"list") {
        if (args.words.size() != 2)
            return usageError(u"usage: soukctl --store FILE catalog list [--json]"_s);
        return listCatalog(args);
    }
    return usageError(verb.isEmpty() ? u"catalog needs a command: import, export or list"_s
                                     : u"unknown catalog command: "_s + verb);
}

} // namespace souk::cli
