// ContractSuite, first part: merchants, the catalog, stock, imports and exports.
#include <QTest>

#include "tests/contract/ContractSuite.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using namespace souk::catalog;

namespace souk::test {
namespace {

constexpr int ChangeWaitMs = 10'000; // the remote feed is a long poll: a few seconds at most

Id firstId(const Result<QList<Id>>& ids)
{
    return ids && !ids->isEmpty() ? ids->first() : Id{};
}

} // namespace

void ContractSuite::merchantsAndLocations()
{
    const auto merchants = settle(client().merchants());
    QVERIFY_OK(merchants);
    QCOMPARE(merchants->size(), 2);
    QCOMPARE(merchants->at(0).id, seed().merchantA);
    QCOMPARE(merchants->at(0).name, u"Test Shop"_s);
    QCOMPARE(merchants->at(0).currency.code, u"EUR"_s);
    QCOMPARE(merchants->at(1).id, seed().merchantB);
    QCOMPARE(merchants->at(1).name, u"Shop B"_s);
    const auto a = settle(client().locations(seed().merchantA));
    QVERIFY_OK(a);
    QCOMPARE(a->size(), 1);
    QCOMPARE(a->first().name, u"Main warehouse"_s);
    QCOMPARE(a->first().merchantId, seed().merchantA);
    const auto b = settle(client().locations(seed().merchantB));
    QVERIFY_OK(b);
    QCOMPARE(b->size(), 1);
    QCOMPARE(b->first().name, u"B warehouse"_s);
}

void ContractSuite::productPageAndSummaries()
{
    const auto page = settle(client().productPage({seed().merchantA, {}, 100}));
    QVERIFY_OK(page);
    const auto mug = std::find_if(page->rows.cbegin(), page->rows.cend(),
                                  [&](const ProductSummary& s) { return s.firstSku == seed().skuA; });
    QVERIFY(mug != page->rows.cend());
    QCOMPARE(mug->title, u"Mug"_s);
    QCOMPARE(mug->merchantId, seed().merchantA);
    QCOMPARE(mug->priceMinMinor, 1500);
    QCOMPARE(mug->currency, u"EUR"_s);
    QCOMPARE(mug->variantCount, 1);
    QVERIFY(mug->onHand > 0);
    // keyset paging: a page of one, then the next after it
    const auto first = settle(client().productPage({seed().merchantA, {}, 1}));
    QVERIFY_OK(first);
    QCOMPARE(first->rows.size(), 1);
    QCOMPARE(first->more, page->rows.size() > 1);
    QCOMPARE(first->rows.first().id, page->rows.first().id);
    const auto summaries = settle(client().productSummaries({mug->id}));
    QVERIFY_OK(summaries);
    QCOMPARE(summaries->size(), 1);
    QCOMPARE(summaries->first().id, mug->id);
    QCOMPARE(summaries->first().title, mug->title);
    QCOMPARE(summaries->first().onHand, mug->onHand);
    QCOMPARE(summaries->first().version, mug->version);
    // merchant B's product is not on A's page
    const auto other = settle(client().productPage({seed().merchantB, {}, 100}));
    QVERIFY_OK(other);
    QCOMPARE(other->rows.size(), 1);
    QCOMPARE(other->rows.first().firstSku, u"TEA-1"_s);
}

void ContractSuite::searchFindsAnyScript()
{
    const auto teacup = makeProduct(u"景德镇青花瓷茶杯"_s, {u"CTR-ZH-1"_s}, 4800);
    QVERIFY_OK(teacup);
    const auto chinese = settle(client().searchProducts(seed().merchantA, u"青花瓷"_s, 10));
    QVERIFY_OK(chinese);
    QCOMPARE(*chinese, QList<Id>{teacup->id});
    const auto bySku = settle(client().searchProducts(seed().merchantA, u"ctr-zh"_s, 10));
    QVERIFY_OK(bySku);
    QCOMPARE(*bySku, QList<Id>{teacup->id});
    const auto mug = settle(client().searchProducts(seed().merchantA, seed().skuA, 10));
    QVERIFY_OK(mug);
    QCOMPARE(mug->size(), 1);
    const auto none = settle(client().searchProducts(seed().merchantA, u"no such thing anywhere"_s, 10));
    QVERIFY_OK(none);
    QVERIFY(none->isEmpty());
    // merchant B has no teacup
    const auto otherShop = settle(client().searchProducts(seed().merchantB, u"青花瓷"_s, 10));
    QVERIFY_OK(otherShop);
    QVERIFY(otherShop->isEmpty());
}

void ContractSuite::saveProductCreatesUpdatesAndRefusesStaleVersion()
{
    const auto created = makeProduct(u"Contract lamp"_s, {u"CTR-LAMP-1"_s, u"CTR-LAMP-2"_s}, 2500);
    QVERIFY_OK(created);
    QVERIFY(!created->id.isNull());
    QCOMPARE(created->title, u"Contract lamp"_s);
    QCOMPARE(created->handle, u"contract-lamp"_s);
    QCOMPARE(created->variants.size(), 2);
    QCOMPARE(created->variants.at(1).sku, u"CTR-LAMP-2"_s);
    QCOMPARE(created->variants.at(1).price.minor(), 2500);
    QTRY_VERIFY_WITH_TIMEOUT(changeArrived(u"product"_s, created->id), ChangeWaitMs);

    const auto read = settle(client().product(created->id));
    QVERIFY_OK(read);
    QCOMPARE(read->version, created->version);
    QCOMPARE(read->optionNames, QStringList{u"Kind"_s});
    Product changed = *read;
    changed.title = u"Contract desk lamp"_s;
    changed.variants[0].price = eur(2700);
    const auto updated = settle(client().saveProduct(changed));
    QVERIFY_OK(updated);
    QCOMPARE(updated->title, u"Contract desk lamp"_s);
    QCOMPARE(updated->version, read->version + 1);
    QCOMPARE(updated->variants.at(0).price.minor(), 2700);
    QCOMPARE(updated->handle, u"contract-lamp"_s); // a handle is kept: links to it stay good

    // the version read before the update is gone: the save is refused and changes nothing
    Product stale = *read;
    stale.title = u"Stale lamp"_s;
    const auto refused = settle(client().saveProduct(stale));
    QCOMPARE_ERROR(refused, ErrorCode::VersionConflict, u"version"_s);
    QCOMPARE(settle(client().product(created->id))->title, u"Contract desk lamp"_s);

    // a second product with a SKU the first has
    Product twin;
    twin.merchantId = seed().merchantA;
    twin.title = u"Twin lamp"_s;
    Variant v;
    v.sku = u"CTR-LAMP-1"_s;
    v.price = eur(100);
    twin.variants = {v};
    QCOMPARE_ERROR(settle(client().saveProduct(twin)), ErrorCode::Duplicate, u"variants[0].sku"_s);
    // bad input names its field
    twin.variants[0].sku = u"CTR-TWIN-1"_s;
    twin.title.clear();
    QCOMPARE_ERROR(settle(client().saveProduct(twin)), ErrorCode::Invalid, u"title"_s);
}

void ContractSuite::editProductAndUndo()
{
    const auto made = makeProduct(u"Contract vase"_s, {u"CTR-VASE-1"_s}, 3900);
    QVERIFY_OK(made);
    Product changed = *made;
    changed.title = u"Contract tall vase"_s;
    changed.category = u"Decor"_s;
    const QString key = newKey();
    const auto edit = settle(client().editProduct(changed, key));
    QVERIFY_OK(edit);
    QCOMPARE(edit->before.title, u"Contract vase"_s);
    QCOMPARE(edit->before.version, made->version);
    QCOMPARE(edit->after.title, u"Contract tall vase"_s);
    QCOMPARE(edit->after.category, u"Decor"_s);
    QCOMPARE(edit->after.version, made->version + 1);
    // the same key replays the edit
    const auto replay = settle(client().editProduct(changed, key));
    QVERIFY_OK(replay);
    QCOMPARE(replay->after.version, edit->after.version);

    const auto undone = settle(client().undoProductEdit(*edit, newKey()));
    QVERIFY_OK(undone);
    QCOMPARE(undone->after.title, u"Contract vase"_s);
    QCOMPARE(undone->after.category, QString());
    const auto read = settle(client().product(made->id));
    QVERIFY_OK(read);
    QCOMPARE(read->title, u"Contract vase"_s);
    QCOMPARE(read->version, undone->after.version);
    // the product moved on since the edit: a second undo of it is refused
    QCOMPARE_ERROR(settle(client().undoProductEdit(*edit, newKey())), ErrorCode::VersionConflict, u"version"_s);
}

void ContractSuite::bulkEditAndUndo()
{
    const auto one = makeProduct(u"Contract bowl"_s, {u"CTR-BOWL-1"_s}, 1000);
    const auto two = makeProduct(u"Contract plate"_s, {u"CTR-PLATE-1"_s}, 2000);
    QVERIFY_OK(one);
    QVERIFY_OK(two);
    BulkEdit edit;
    edit.merchantId = seed().merchantA;
    edit.productIds = {one->id, two->id};
    edit.kind = BulkEdit::Kind::SetCategory;
    edit.category = u"Contract tableware"_s;
    const auto done = settle(client().bulkEdit(edit, newKey()));
    QVERIFY_OK(done);
    QCOMPARE(done->productsChanged(), 2);
    QCOMPARE(done->before.products.size(), 2);
    QCOMPARE(done->after.products.at(0).category, u"Contract tableware"_s);
    const auto categories = settle(client().categories(seed().merchantA));
    QVERIFY_OK(categories);
    QVERIFY2(categories->contains(u"Contract tableware"_s), qPrintable(categories->join(u", "_s)));
    QStringList sorted = *categories;
    sorted.sort();
    QCOMPARE(*categories, sorted);
    QTRY_VERIFY_WITH_TIMEOUT(changeArrived(u"product"_s, two->id), ChangeWaitMs);

    const auto undone = settle(client().undoBulkEdit(*done, newKey()));
    QVERIFY_OK(undone);
    QCOMPARE(settle(client().product(one->id))->category, QString());
    QVERIFY(!settle(client().categories(seed().merchantA))->contains(u"Contract tableware"_s));
    // undoing it again: the products changed since (the undo itself)
    QCOMPARE_ERROR(settle(client().undoBulkEdit(*done, newKey())), ErrorCode::VersionConflict, u"productIds"_s);

    BulkEdit prices = edit;
    prices.kind = BulkEdit::Kind::AdjustPriceByPercent;
    prices.basisPoints = 1000; // +10 %
    const auto raised = settle(client().bulkEdit(prices, newKey()));
    QVERIFY_OK(raised);
    QCOMPARE(raised->variantsChanged(), 2);
    QCOMPARE(settle(client().product(two->id))->variants.first().price.minor(), 2200);
    const auto lowered = settle(client().undoBulkEdit(*raised, newKey()));
    QVERIFY_OK(lowered);
    QCOMPARE(settle(client().product(two->id))->variants.first().price.minor(), 2000);
}

void ContractSuite::stockAdjustedAndJournaled()
{
    const auto made = makeProduct(u"Contract candle"_s, {u"CTR-CANDLE-1"_s}, 900);
    QVERIFY_OK(made);
    const Id variant = made->variants.first().id;
    const auto locations = settle(client().locations(seed().merchantA));
    QVERIFY_OK(locations);
    const Id location = locations->first().id;
    const QString key = newKey();
    const StockAdjustment in{variant, location, MovementKind::Received, 7, u"delivery 12"_s, -1};
    const auto level = settle(client().adjustStock(in, key));
    QVERIFY_OK(level);
    QCOMPARE(level->onHand, 7);
    QCOMPARE(level->reserved, 0);
    QCOMPARE(level->sku, u"CTR-CANDLE-1"_s);
    QTRY_VERIFY_WITH_TIMEOUT(changeArrived(u"stock"_s, variant), ChangeWaitMs);
    // a retry with the same key is the same adjustment, not a second one
    const auto replay = settle(client().adjustStock(in, key));
    QVERIFY_OK(replay);
    QCOMPARE(replay->onHand, 7);
    // the same key for another adjustment
    StockAdjustment more = in;
    more.delta = 8;
    QCOMPARE_ERROR(settle(client().adjustStock(more, key)), ErrorCode::IdempotencyConflict, u"idempotencyKey"_s);
    // a count that corrects stock says why
    const StockAdjustment counted{variant, location, MovementKind::Adjusted, -2, {}, -1};
    QCOMPARE_ERROR(settle(client().adjustStock(counted, newKey())), ErrorCode::Invalid, u"reason"_s);
    const StockAdjustment stale{variant, location, MovementKind::Adjusted, -2, u"broken"_s, level->version - 1};
    QCOMPARE_ERROR(settle(client().adjustStock(stale, newKey())), ErrorCode::VersionConflict, u"quantity"_s);
    const StockAdjustment broken{variant, location, MovementKind::Adjusted, -2, u"broken"_s, level->version};
    const auto after = settle(client().adjustStock(broken, newKey()));
    QVERIFY_OK(after);
    QCOMPARE(after->onHand, 5);

    const auto levels = settle(client().stockLevels(made->id));
    QVERIFY_OK(levels);
    QCOMPARE(levels->size(), 1);
    QCOMPARE(levels->first().variantId, variant);
    QCOMPARE(levels->first().locationName, u"Main warehouse"_s);
    QCOMPARE(levels->first().onHand, 5);
    const auto journal = settle(client().movements(variant, 10));
    QVERIFY_OK(journal);
    QCOMPARE(journal->size(), 2); // newest first
    QCOMPARE(journal->at(0).kind, MovementKind::Adjusted);
    QCOMPARE(journal->at(0).onHandDelta, -2);
    QCOMPARE(journal->at(0).reason, u"broken"_s);
    QCOMPARE(journal->at(1).kind, MovementKind::Received);
    QCOMPARE(journal->at(1).onHandDelta, 7);
    QCOMPARE(journal->at(1).actor, client().actor().user + u'/' + client().actor().role);
    const auto newest = settle(client().movements(variant, 1));
    QVERIFY_OK(newest);
    QCOMPARE(newest->size(), 1);
    QCOMPARE(newest->first().id, journal->first().id);
}

void ContractSuite::importPlannedAndRun()
{
    const QByteArray csv = "handle,title,sku,price,inventory_qty,status\n"
                           "ctr-kettle,Contract kettle,CTR-KETTLE-1,39.00,4,active\n"
                           "ctr-teapot,Contract teapot,CTR-TEAPOT-1,29.50,2,active\n";
    const auto plan = settle(client().planImport(seed().merchantA, csv, CsvFormat::Souk, {}));
    QVERIFY_OK(plan);
    QVERIFY2(plan->ok(), qPrintable(plan->errors.isEmpty() ? QString() : plan->errors.first().message));
    QCOMPARE(plan->rowCount, 2);
    QCOMPARE(plan->products.size(), 2);
    QCOMPARE(plan->products.at(1).product.variants.first().price.minor(), 2950);
    QCOMPARE(plan->products.at(0).inventoryQuantities.first(), std::optional<qint64>(4));
    const auto run = settle(client().runImport(seed().merchantA, *plan, {}));
    QVERIFY_OK(run);
    QCOMPARE(run->productsCreated, 2);
    QCOMPARE(run->productsUpdated, 0);
    QCOMPARE(run->variantsWritten, 2);
    const Id kettle = firstId(settle(client().searchProducts(seed().merchantA, u"CTR-KETTLE-1"_s, 10)));
    QVERIFY(!kettle.isNull());
    QCOMPARE(settle(client().stockLevels(kettle))->first().onHand, 4);

    // a bad file: every error names its line and column, and nothing is written
    const QByteArray bad = "handle,title,sku,price\n"
                           "ctr-bad,Contract bad,CTR-BAD-1,not a price\n"
                           "ctr-worse,,CTR-BAD-2,1.00\n";
    const auto refused = settle(client().planImport(seed().merchantA, bad, CsvFormat::Souk, {}));
    QVERIFY_OK(refused);
    QCOMPARE(refused->errors.size(), 2);
    QCOMPARE(refused->errors.at(0).line, 2);
    QCOMPARE(refused->errors.at(0).column, u"price"_s);
    QCOMPARE(refused->errors.at(1).line, 3);
    QCOMPARE(refused->errors.at(1).column, u"title"_s);
    QCOMPARE_ERROR(settle(client().runImport(seed().merchantA, *refused, {})), ErrorCode::Invalid, u"plan"_s);
    // a Shopify file read as Souk's: the plan suggests the other dialect
    const QByteArray shopify = "Handle,Title,Variant SKU,Variant Price\nctr-s,Contract S,CTR-S-1,1.00\n";
    const auto suggested = settle(client().planImport(seed().merchantA, shopify, CsvFormat::Souk, {}));
    QVERIFY_OK(suggested);
    QCOMPARE(suggested->suggestedFormat, std::optional<CsvFormat>(CsvFormat::Shopify));
}

void ContractSuite::exportHasTheCatalog()
{
    const auto souk = settle(client().exportCatalog(seed().merchantA, CsvFormat::Souk));
    QVERIFY_OK(souk);
    QVERIFY2(souk->startsWith("handle,title,"), souk->left(200).constData());
    QVERIFY(souk->contains(QByteArray(',' + seed().skuA.toUtf8() + ',')));
    QVERIFY(!souk->contains("TEA-1")); // merchant B's
    const auto shopify = settle(client().exportCatalog(seed().merchantA, CsvFormat::Shopify));
    QVERIFY_OK(shopify);
    QVERIFY2(shopify->startsWith("Handle,Title,"), shopify->left(200).constData());
    // what is exported imports again as the same catalog: every product is an update
    const auto plan = settle(client().planImport(seed().merchantA, *souk, CsvFormat::Souk, {}));
    QVERIFY_OK(plan);
    QVERIFY2(plan->ok(), qPrintable(plan->errors.isEmpty() ? QString() : plan->errors.first().message));
    QCOMPARE(settle(client().productPage({seed().merchantA, {}, 1000}))->rows.size(), plan->products.size());
}

} // namespace souk::test
