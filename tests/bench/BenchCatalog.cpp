// Catalog figures: import of a generated 100k-SKU Shopify CSV against a raw SQLite insert of the
// same rows, search p50/p95 over 100k products, and a bulk price change on 10k SKUs.
// Usage: bench_catalog [SKUS] (default 100000). Build in Release.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include "backend/catalog/CatalogCsv.h"
#include "backend/client/LocalClient.h"
#include "backend/sim/DemoCatalog.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"
#include "backend/store/StoreFile.h"
#include "tests/bench/BenchSupport.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;

namespace {

template <typename T>
T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

/// Enough demo products for `skus` variants.
ImportPlan planForSkus(const Currency& currency, int skus)
{
    ImportPlan plan = sim::demoCatalog(currency, skus * 3 / 5, 7);
    while (plan.variantCount > skus) {
        plan.variantCount -= int(plan.products.last().product.variants.size());
        plan.products.removeLast();
    }
    return plan;
}

/// The baseline: the same product and variant rows, inserted with plain prepared statements in
/// one transaction into a fresh store: no parsing, validation, search index, journal or feed.
double rawInsertRowsPerSecond(const QString& path, const ImportPlan& plan, const Currency& currency)
{
    store::StoreOptions options{path};
    auto file = store::StoreFile::prepare(options, SystemClock::instance());
    auto conn = store::Connection::open(options, u"raw"_s);
    if (!file || !conn)
        qFatal("cannot prepare the raw store");
    QSqlDatabase& db = (*conn)->db();
    if (!store::exec(db, u"INSERT INTO merchants VALUES (1, 'raw', ?, 1, 0, 0)"_s, {currency.code}))
        qFatal("cannot prepare the raw store");
    QElapsedTimer t;
    t.start();
    db.transaction();
    QSqlQuery p(db), v(db);
    p.prepare(u"INSERT INTO products (id, merchant_id, handle, title, description, vendor, category, tags, status, "
              "option_names, version, created_ms, updated_ms) VALUES (?,1,?,?,?,?,?,?,?,?,1,0,0)"_s);
    v.prepare(u"INSERT INTO variants (id, product_id, merchant_id, position, sku, option_values, price_minor, "
              "compare_at_minor, cost_minor, currency, barcode, weight_grams, low_stock_threshold, version) "
              "VALUES (?,?,1,?,?,?,?,?,?,?,?,?,?,1)"_s);
    qint64 id = 1;
    for (const auto& item : plan.products) {
        const Product& pr = item.product;
        const qint64 pid = ++id;
        const QVariantList pv = {pid, store::nonNull(pr.handle), pr.title, store::nonNull(pr.description),
                                 store::nonNull(pr.vendor), store::nonNull(pr.category), store::nonNull(pr.tags.join(u',')),
                                 int(pr.status), store::nonNull(pr.optionNames.join(u','))};
        for (int i = 0; i < pv.size(); ++i)
            p.bindValue(i, pv[i]);
        if (!p.exec()) // a baseline of failing statements would flatter the import: stop instead
            qFatal("raw product insert failed: %s", qPrintable(p.lastError().text()));
        for (int n = 0; n < pr.variants.size(); ++n) {
            const Variant& va = pr.variants[n];
            const QVariantList vv = {++id, pid, n, va.sku, store::nonNull(va.optionValues.join(u',')), va.price.minor(),
                                     va.compareAtPrice ? QVariant(va.compareAtPrice->minor()) : QVariant(),
                                     va.cost ? QVariant(va.cost->minor()) : QVariant(), currency.code,
                                     store::nonNull(va.barcode), va.weightGrams, va.lowStockThreshold};
            for (int i = 0; i < vv.size(); ++i)
                v.bindValue(i, vv[i]);
            if (!v.exec())
                qFatal("raw variant insert failed: %s", qPrintable(v.lastError().text()));
        }
    }
    if (!db.commit())
        qFatal("raw commit failed");
    const qint64 elapsedMs = t.elapsed();
    // the baseline must have written what the import writes: every product and variant row
    auto rows = store::scalar(db, u"SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM variants)"_s);
    qint64 expected = 0;
    for (const auto& item : plan.products)
        expected += 1 + item.product.variants.size();
    if (!rows || rows->toLongLong() != expected)
        qFatal("raw baseline wrote %lld rows, expected %lld", rows ? rows->toLongLong() : -1LL, expected);
    return plan.rowCount * 1000.0 / std::max<qint64>(1, elapsedMs);
}

QList<double> timeSearches(LocalClient& client, Id merchant, const QStringList& queries, int rounds)
{
    QList<double> ms;
    QElapsedTimer t;
    for (int r = 0; r < rounds; ++r) {
        for (const QString& q : queries) {
            t.start();
            auto ids = wait(client.searchProducts(merchant, q, 1000));
            ms.append(t.nsecsElapsed() / 1e6);
            if (!ids)
                qFatal("search failed");
        }
    }
    return ms;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"souk.*.info=false"_s);
    const int skus = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100'000;
    QTemporaryDir dir;
    const Currency eur = *Currency::find(u"EUR"_s);
    const ImportPlan generated = planForSkus(eur, skus);
    QList<Product> products;
    for (const auto& item : generated.products)
        products.append(item.product);
    const QByteArray csv = writeCatalogCsv(products, {}, CsvFormat::Shopify);
    QTextStream(stdout) << "bench_catalog: " << generated.variantCount << " SKUs in " << generated.products.size()
                        << " products, Shopify CSV " << csv.size() / 1024 / 1024 << " MB" << Qt::endl;

    const double rawRate = rawInsertRowsPerSecond(dir.filePath(u"raw.souk"_s), generated, eur);

    LocalClient::Options options;
    options.store.path = dir.filePath(u"bench.souk"_s);
    auto client = LocalClient::open(options);
    if (!client)
        qFatal("%s", qPrintable(client.error().toString()));
    const Id merchant = wait((*client)->merchants())->first().id;
    QElapsedTimer t;
    t.start();
    auto plan = wait((*client)->planImport(merchant, csv, CsvFormat::Shopify, {}));
    const qint64 planMs = t.elapsed();
    if (!plan || !plan->ok())
        qFatal("plan failed: %s", plan ? qPrintable(plan->errors.first().message) : qPrintable(plan.error().toString()));
    auto summary = wait((*client)->runImport(merchant, *plan, {}));
    const qint64 totalMs = t.elapsed();
    if (!summary)
        qFatal("import failed: %s", qPrintable(summary.error().toString()));
    const double importRate = plan->rowCount * 1000.0 / std::max<qint64>(1, totalMs);
    bench::report(u"import parse+validate"_s, planMs, u"ms"_s);
    bench::report(u"import write"_s, totalMs - planMs, u"ms"_s);
    bench::report(u"import rows/s (parse, validate, write)"_s, importRate, u"rows/s"_s);
    bench::report(u"raw SQLite insert rows/s (same rows)"_s, rawRate, u"rows/s"_s);
    bench::report(u"import / raw insert"_s, 100.0 * importRate / rawRate, u"%"_s);
    if (qEnvironmentVariableIsSet("SOUK_BENCH_IMPORT_ONLY")) // for profiling the import alone
        return 0;

    const QStringList english = {u"mug"_s, u"premium"_s, u"earbuds 1"_s, u"p00123"_s, u"lamp"_s, u"tea"_s, u"xyzzy"_s};
    const QStringList chinese = {u"蓝牙"_s, u"耳机"_s, u"马克杯"_s, u"无线蓝牙耳机"_s, u"茶"_s};
    const auto en = timeSearches(**client, merchant, english, 60);
    const auto zh = timeSearches(**client, merchant, chinese, 60);
    bench::report(u"search English p50"_s, bench::percentile(en, 50), u"ms"_s);
    bench::report(u"search English p95"_s, bench::percentile(en, 95), u"ms"_s);
    bench::report(u"search Chinese p50"_s, bench::percentile(zh, 50), u"ms"_s);
    bench::report(u"search Chinese p95"_s, bench::percentile(zh, 95), u"ms"_s);

    // bulk price change: the first products holding 10k SKUs
    BulkEdit edit;
    edit.merchantId = merchant;
    edit.kind = BulkEdit::Kind::AdjustPriceByPercent;
    edit.basisPoints = 500;
    int variants = 0;
    ProductPageQuery q{merchant, {}, ProductPageQuery::PageRowsMax};
    while (variants < 10'000) {
        auto page = wait((*client)->productPage(q));
        for (const auto& row : page->rows) {
            if (variants >= 10'000)
                break;
            edit.productIds.append(row.id);
            variants += row.variantCount;
        }
        if (!page->more)
            break;
        q.afterId = page->nextAfter;
    }
    t.start();
    auto bulk = wait((*client)->bulkEdit(edit, souk::test::newKey()));
    const qint64 bulkMs = t.elapsed();
    if (!bulk)
        qFatal("bulk failed: %s", qPrintable(bulk.error().toString()));
    bench::report(u"bulk price change SKUs"_s, bulk->variantsChanged(), u"SKUs"_s);
    bench::report(u"bulk price change"_s, bulkMs, u"ms"_s);
    t.start();
    auto undo = wait((*client)->undoBulkEdit(*bulk, souk::test::newKey()));
    bench::report(u"bulk price undo"_s, t.elapsed(), u"ms"_s);
    return undo ? 0 : 1;
}
