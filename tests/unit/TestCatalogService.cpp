#include <QSignalSpy>
#include <QTest>

#include "backend/catalog/CatalogCheck.h"
#include "backend/engine/Engine.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;
using souk::test::StoreFixture;

class TestCatalogService final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createAndReload();
    void rejectsBadProducts_data();
    void rejectsBadProducts();
    void duplicateSkuAcrossProducts();
    void staleVersionConflicts();
    void derivedHandlesStayUnique();
    void searchEnglishAndChinese();
    void stockJournal();
    void stockNeverNegative();
    void stockStaleVersion();
    void bulkPriceAndUndo();
    void bulkRefusesNegativePrice();
    void undoAfterLaterEditConflicts();
    void importAllOrNothing();
    void importChecksSkusAgainstTheStore();
    void importUpdatesByHandle();
    void realSkusReplaceTheOnesSoukMade();
    void changeFeedNamesActor();
    void swapSkusWithinProduct();
    void bulkEditCountsEachProductOnce();

private:
    void verifyStoreSound();
    Product product(const QString& title, const QString& sku, qint64 priceMinor);
    std::unique_ptr<StoreFixture> m_f;
};

void TestCatalogService::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
}

void TestCatalogService::cleanup()
{
    if (m_f && m_f->ok())
        verifyStoreSound();
    m_f.reset();
}

void TestCatalogService::verifyStoreSound()
{
    auto problems = StoreFixture::wait(
        m_f->client().engine().read<QStringList>([](QSqlDatabase& db) { return CatalogCheck::run(db); }));
    QVERIFY(problems);
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
}

Product TestCatalogService::product(const QString& title, const QString& sku, qint64 priceMinor)
{
    Product p;
    p.merchantId = m_f->merchantId();
    p.title = title;
    Variant v;
    v.sku = sku;
    v.price = m_f->money(priceMinor);
    p.variants = {v};
    return p;
}

void TestCatalogService::createAndReload()
{
    Product p = product(u"Wireless earbuds"_s, u"EAR-1"_s, 4999);
    p.tags = {u"audio"_s, u"bluetooth"_s};
    p.variants[0].barcode = u"4006381333931"_s;
    auto saved = StoreFixture::wait(m_f->client().saveProduct(p));
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    QVERIFY(!saved->id.isNull());
    QCOMPARE(saved->version, 1);
    QCOMPARE(saved->handle, u"wireless-earbuds"_s);
    auto loaded = StoreFixture::wait(m_f->client().product(saved->id));
    QVERIFY(loaded);
    QCOMPARE(loaded->title, p.title);
    QCOMPARE(loaded->tags, p.tags);
    QCOMPARE(loaded->variants.size(), 1);
    QCOMPARE(loaded->variants[0].price.minor(), 4999);
    QCOMPARE(loaded->variants[0].barcode, u"4006381333931"_s);
}

void TestCatalogService::rejectsBadProducts_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("price");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("barcode");
    QTest::addColumn<QString>("field");
    QTest::addRow("empty title") << u"  "_s << u"1.00"_s << u"EUR"_s << u""_s << u"title"_s;
    QTest::addRow("absurd title") << QString(300, u'x') << u"1.00"_s << u"EUR"_s << u""_s << u"title"_s;
    QTest::addRow("negative price") << u"Cap"_s << u"-1.00"_s << u"EUR"_s << u""_s << u"variants[0].price"_s;
    QTest::addRow("wrong currency") << u"Cap"_s << u"1.00"_s << u"USD"_s << u""_s << u"variants[0].price"_s;
    QTest::addRow("bad check digit") << u"Cap"_s << u"1.00"_s << u"EUR"_s << u"4006381333932"_s
                                     << u"variants[0].barcode"_s;
}

void TestCatalogService::rejectsBadProducts()
{
    QFETCH(QString, title);
    QFETCH(QString, price);
    QFETCH(QString, currency);
    QFETCH(QString, barcode);
    QFETCH(QString, field);
    Product p = product(title, u"CAP-1"_s, 0);
    p.variants[0].price = *Money::parse(price, *Currency::find(currency), u"price"_s);
    p.variants[0].barcode = barcode;
    auto saved = StoreFixture::wait(m_f->client().saveProduct(p));
    QVERIFY(!saved);
    QCOMPARE(saved.error().field, field);
    auto page = StoreFixture::wait(m_f->client().productPage({m_f->merchantId(), {}, 100}));
    QVERIFY(page);
    QCOMPARE(page->rows.size(), 0); // nothing written
}

void TestCatalogService::duplicateSkuAcrossProducts()
{
    QVERIFY(StoreFixture::wait(m_f->client().saveProduct(product(u"Mug"_s, u"MUG-1"_s, 900))));
    auto second = StoreFixture::wait(m_f->client().saveProduct(product(u"Other mug"_s, u"MUG-1"_s, 900)));
    QVERIFY(!second);
    QCOMPARE(second.error().code, ErrorCode::Duplicate);
    QCOMPARE(second.error().field, u"variants[0].sku"_s);
    QVERIFY(second.error().message.contains(u"Mug"_s));
}

void TestCatalogService::staleVersionConflicts()
{
    auto saved = StoreFixture::wait(m_f->client().saveProduct(product(u"Lamp"_s, u"LAMP-1"_s, 2500)));
    QVERIFY(saved);
    Product first = *saved;
    Product second = *saved;
    first.title = u"Desk lamp"_s;
    QVERIFY(StoreFixture::wait(m_f->client().saveProduct(first)));
    second.title = u"Floor lamp"_s;
    auto stale = StoreFixture::wait(m_f->client().saveProduct(second));
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, ErrorCode::VersionConflict);
    QCOMPARE(StoreFixture::wait(m_f->client().product(saved->id))->title, u"Desk lamp"_s);
}

void TestCatalogService::derivedHandlesStayUnique()
{
    auto a = StoreFixture::wait(m_f->client().saveProduct(product(u"Tea"_s, u"TEA-1"_s, 100)));
    auto b = StoreFixture::wait(m_f->client().saveProduct(product(u"Tea"_s, u"TEA-2"_s, 100)));
    QVERIFY(a && b);
    QCOMPARE(a->handle, u"tea"_s);
    QCOMPARE(b->handle, u"tea-2"_s);
    Product c = product(u"Tea again"_s, u"TEA-3"_s, 100);
    c.handle = u"tea"_s; // asked for explicitly: refused, not renamed
    auto dup = StoreFixture::wait(m_f->client().saveProduct(c));
    QVERIFY(!dup);
    QCOMPARE(dup.error().field, u"handle"_s);
}

void TestCatalogService::searchEnglishAndChinese()
{
    m_f->addProduct(u"无线蓝牙耳机"_s, {u"BT-100"_s}, 19900);
    m_f->addProduct(u"Bluetooth speaker"_s, {u"SPK-7"_s}, 5900);
    m_f->addProduct(u"Coffee mug"_s, {u"MUG-3"_s}, 900);
    auto search = [&](const QString& text) {
        return StoreFixture::wait(m_f->client().searchProducts(m_f->merchantId(), text, 100))->size();
    };
    QCOMPARE(search(u"蓝牙"_s), 1);      // two characters: the scan path
    QCOMPARE(search(u"蓝牙耳机"_s), 1);  // trigram path
    QCOMPARE(search(u"bluetooth"_s), 1);
    QCOMPARE(search(u"BLUE"_s), 1);      // case-insensitive
    QCOMPARE(search(u"spk-7"_s), 1);     // SKU
    QCOMPARE(search(u"mu"_s), 1);
    QCOMPARE(search(u"zzz"_s), 0);
    QCOMPARE(search(u"%"_s), 0);         // LIKE wildcards are literal
    QCOMPARE(search(u"\""_s), 0);
}

void TestCatalogService::stockJournal()
{
    Product p = m_f->addProduct(u"Socks"_s, {u"SOCK-1"_s}, 500, 10);
    const Id variant = p.variants[0].id;
    StockAdjustment a{variant, m_f->locationId(), MovementKind::Adjusted, -3, u"damaged in transit"_s, -1};
    auto level = StoreFixture::wait(m_f->client().adjustStock(a, souk::test::newKey()));
    QVERIFY(level);
    QCOMPARE(level->onHand, 7);
    auto moves = StoreFixture::wait(m_f->client().movements(variant, 10));
    QVERIFY(moves);
    QCOMPARE(moves->size(), 2);
    QCOMPARE(moves->at(0).onHandDelta, -3);
    QCOMPARE(moves->at(0).reason, u"damaged in transit"_s);
    QCOMPARE(moves->at(0).actor, u"tester/owner"_s);
    QCOMPARE(moves->at(1).kind, MovementKind::Received);
    auto summary = StoreFixture::wait(m_f->client().productSummaries({p.id}));
    QCOMPARE(summary->at(0).onHand, 7);
}

void TestCatalogService::stockNeverNegative()
{
    Product p = m_f->addProduct(u"Gloves"_s, {u"GLV-1"_s}, 500, 2);
    StockAdjustment take{p.variants[0].id, m_f->locationId(), MovementKind::Adjusted, -5, u"count"_s, -1};
    auto r = StoreFixture::wait(m_f->client().adjustStock(take, souk::test::newKey()));
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Conflict);
    QCOMPARE(r.error().field, u"quantity"_s);
    StockAdjustment noReason{p.variants[0].id, m_f->locationId(), MovementKind::Adjusted, -1, u" "_s, -1};
    auto r2 = StoreFixture::wait(m_f->client().adjustStock(noReason, souk::test::newKey()));
    QVERIFY(!r2);
    QCOMPARE(r2.error().field, u"reason"_s);
    StockAdjustment negReceive{p.variants[0].id, m_f->locationId(), MovementKind::Received, -1, {}, -1};
    QCOMPARE(StoreFixture::wait(m_f->client().adjustStock(negReceive, souk::test::newKey())).error().field,
             u"quantity"_s);
    QCOMPARE(StoreFixture::wait(m_f->client().movements(p.variants[0].id, 10))->size(), 1);
}

void TestCatalogService::stockStaleVersion()
{
    Product p = m_f->addProduct(u"Hat"_s, {u"HAT-1"_s}, 500, 2);
    auto levels = StoreFixture::wait(m_f->client().stockLevels(p.id));
    QVERIFY(levels);
    StockAdjustment a{p.variants[0].id, m_f->locationId(), MovementKind::Received, 1, {}, levels->at(0).version};
    QVERIFY(StoreFixture::wait(m_f->client().adjustStock(a, souk::test::newKey())));
    auto stale = StoreFixture::wait(m_f->client().adjustStock(a, souk::test::newKey())); // same version again
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, ErrorCode::VersionConflict);
}

void TestCatalogService::bulkPriceAndUndo()
{
    Product a = m_f->addProduct(u"Pen"_s, {u"PEN-1"_s, u"PEN-2"_s}, 1000);
    Product b = m_f->addProduct(u"Pencil"_s, {u"PCL-1"_s}, 255);
    BulkEdit edit;
    edit.merchantId = m_f->merchantId();
    edit.productIds = {a.id, b.id};
    edit.kind = BulkEdit::Kind::AdjustPriceByPercent;
    edit.basisPoints = 1000; // +10 %
    auto done = StoreFixture::wait(m_f->client().bulkEdit(edit, souk::test::newKey()));
    QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
    QCOMPARE(done->variantsChanged(), 3);
    QCOMPARE(StoreFixture::wait(m_f->client().product(a.id))->variants[0].price.minor(), 1100);
    QCOMPARE(StoreFixture::wait(m_f->client().product(b.id))->variants[0].price.minor(), 281); // 280.5 rounds half up
    auto undone = StoreFixture::wait(m_f->client().undoBulkEdit(*done, souk::test::newKey()));
    QVERIFY(undone);
    QCOMPARE(StoreFixture::wait(m_f->client().product(a.id))->variants[1].price.minor(), 1000);
    QCOMPARE(StoreFixture::wait(m_f->client().product(b.id))->variants[0].price.minor(), 255);
}

void TestCatalogService::bulkRefusesNegativePrice()
{
    Product a = m_f->addProduct(u"Cheap"_s, {u"CH-1"_s}, 100);
    Product b = m_f->addProduct(u"Dear"_s, {u"DR-1"_s}, 10000);
    BulkEdit edit;
    edit.merchantId = m_f->merchantId();
    edit.productIds = {b.id, a.id};
    edit.kind = BulkEdit::Kind::AdjustPriceByAmount;
    edit.amountMinor = -500;
    auto r = StoreFixture::wait(m_f->client().bulkEdit(edit, souk::test::newKey()));
    QVERIFY(!r);
    QCOMPARE(r.error().field, u"amount"_s);
    QCOMPARE(StoreFixture::wait(m_f->client().product(b.id))->variants[0].price.minor(), 10000); // all or nothing
}

void TestCatalogService::undoAfterLaterEditConflicts()
{
    Product a = m_f->addProduct(u"Bowl"_s, {u"BWL-1"_s}, 1000);
    BulkEdit edit;
    edit.merchantId = m_f->merchantId();
    edit.productIds = {a.id};
    edit.kind = BulkEdit::Kind::SetCategory;
    edit.category = u"Kitchen"_s;
    auto done = StoreFixture::wait(m_f->client().bulkEdit(edit, souk::test::newKey()));
    QVERIFY(done);
    Product later = *StoreFixture::wait(m_f->client().product(a.id));
    later.title = u"Big bowl"_s;
    QVERIFY(StoreFixture::wait(m_f->client().saveProduct(later)));
    auto undo = StoreFixture::wait(m_f->client().undoBulkEdit(*done, souk::test::newKey()));
    QVERIFY(!undo);
    QCOMPARE(undo.error().code, ErrorCode::VersionConflict);
    QCOMPARE(StoreFixture::wait(m_f->client().product(a.id))->category, u"Kitchen"_s);
}

void TestCatalogService::importAllOrNothing()
{
    const QByteArray csv = "Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\n"
                           "new-one,New one,NEW-1,5.00,3\n"
                           "clash,Clash,DUP-1,5.00,1\n";
    auto plan = StoreFixture::wait(m_f->client().planImport(m_f->merchantId(), csv, CsvFormat::Shopify, {}));
    QVERIFY(plan);
    QVERIFY2(plan->ok(), qPrintable(plan->errors.isEmpty() ? QString() : plan->errors.first().message));
    // the SKU is taken after the check (another window, another user): the write refuses it, and all rows
    m_f->addProduct(u"Existing"_s, {u"DUP-1"_s}, 100);
    auto run = StoreFixture::wait(m_f->client().runImport(m_f->merchantId(), *plan, {}));
    QVERIFY(!run);
    QCOMPARE(run.error().code, ErrorCode::Duplicate);
    QVERIFY2(run.error().field.startsWith(u"line 3"_s), qPrintable(run.error().field));
    QCOMPARE(StoreFixture::wait(m_f->client().productPage({m_f->merchantId(), {}, 100}))->rows.size(), 1);
}

void TestCatalogService::importChecksSkusAgainstTheStore()
{
    const QString composed = u"CAF\u00C9-1"_s;
    const QString decomposed = u"CAFE\u0301-1"_s;
    m_f->addProduct(u"Existing"_s, {composed, u"EX-2"_s}, 100);
    // a SKU the store gives to another product is caught by the check, compared in NFC as stored
    const QByteArray csv = (u"Handle,Title,Variant SKU,Variant Price\n"
                            "new-one,New one,NEW-1,5.00\n"
                            "clash,Clash,%1,5.00\n"
                            "other,Other,EX-2,5.00\n"_s.arg(decomposed))
                               .toUtf8();
    auto plan = StoreFixture::wait(m_f->client().planImport(m_f->merchantId(), csv, CsvFormat::Shopify, {}));
    QVERIFY(plan);
    QStringList found;
    for (const RowError& e : plan->errors)
        found.append(u"%1|%2|%3"_s.arg(e.line).arg(e.column, e.message));
    QCOMPARE(found,
             (QStringList{
                 u"3|Variant SKU|SKU \"%1\" already belongs to the product \"existing\" in the store"_s.arg(composed),
                 u"4|Variant SKU|SKU \"EX-2\" already belongs to the product \"existing\" in the store"_s,
             }));
    // the product's own SKUs, in a row that updates it by its handle, are no conflict
    const QByteArray update = (u"Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"
                               "existing,Existing,Size,S,%1,5.00\n"
                               "existing,,,M,EX-2,5.00\n"_s.arg(decomposed))
                                  .toUtf8();
    plan = StoreFixture::wait(m_f->client().planImport(m_f->merchantId(), update, CsvFormat::Shopify, {}));
    QVERIFY(plan);
    QVERIFY2(plan->ok(), qPrintable(plan->errors.isEmpty() ? QString() : plan->errors.first().message));
    auto run = StoreFixture::wait(m_f->client().runImport(m_f->merchantId(), *plan, {}));
    QVERIFY2(run, qPrintable(run ? QString() : run.error().toString()));
    QCOMPARE(run->productsUpdated, 1);
    auto page = StoreFixture::wait(m_f->client().productPage({m_f->merchantId(), {}, 100}));
    QCOMPARE(page->rows.size(), 1);
    QCOMPARE(page->rows[0].variantCount, 2); // the decomposed SKU is the stored variant, not a third one
}

void TestCatalogService::importUpdatesByHandle()
{
    const QByteArray first = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n"
                             "tee,T-shirt,Size,S,TEE-S,10.00,5\n"
                             "tee,,Size,M,TEE-M,10.00,6\n";
    auto plan = StoreFixture::wait(m_f->client().planImport(m_f->merchantId(), first, CsvFormat::Shopify, {}));
    QVERIFY(plan && plan->ok());
    auto run = StoreFixture::wait(m_f->client().runImport(m_f->merchantId(), *plan, {}));
    QVERIFY2(run, qPrintable(run ? QString() : run.error().toString()));
    QCOMPARE(run->productsCreated, 1);
    const QByteArray second = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n"
                              "tee,T-shirt v2,Size,S,TEE-S,12.00,2\n";
    plan = StoreFixture::wait(m_f->client().planImport(m_f->merchantId(), second, CsvFormat::Shopify, {}));
    QVERIFY(plan && plan->ok());
    run = StoreFixture::wait(m_f->client().runImport(m_f->merchantId(), *plan, {}));
    QVERIFY(run);
    QCOMPARE(run->productsUpdated, 1);
    auto page = StoreFixture::wait(m_f->client().productPage({m_f->merchantId(), {}, 100}));
    QCOMPARE(page->rows.size(), 1);
    QCOMPARE(page->rows[0].title, u"T-shirt v2"_s);
    QCOMPARE(page->rows[0].variantCount, 2); // TEE-M kept
    QCOMPARE(page->rows[0].onHand, 8);        // S set to 2 (adjusted), M still 6
}

void TestCatalogService::realSkusReplaceTheOnesSoukMade()
{
    // a Shopify export without SKUs, imported; later the merchant gives the variants SKUs in
    // Shopify and imports again: the same variants take the SKUs, with their stock and ids
    const QByteArray first = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n"
                             "shirt,Shirt,Size,S,,10.00,5\n"
                             "shirt,,,M,,10.00,6\n";
    auto plan = StoreFixture::wait(m_f->client().planImport(m_f->merchantId(), first, CsvFormat::Shopify, {}));
    QVERIFY(plan && plan->ok());
    QVERIFY(StoreFixture::wait(m_f->client().runImport(m_f->merchantId(), *plan, {})));
    const Id productId = StoreFixture::wait(m_f->client().productPage({m_f->merchantId(), {}, 100}))->rows[0].id;
    const Product before = *StoreFixture::wait(m_f->client().product(productId));
    QCOMPARE(before.variants[0].sku, u"shirt-s"_s);
    const QByteArray second = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"
                              "shirt,Shirt,Size,S,SH-S,10.00\n"
                              "shirt,,,M,SH-M,10.00\n";
    plan = StoreFixture::wait(m_f->client().planImport(m_f->merchantId(), second, CsvFormat::Shopify, {}));
    QVERIFY2(plan && plan->ok(), qPrintable(plan && !plan->errors.isEmpty() ? plan->errors.first().message : QString()));
    auto run = StoreFixture::wait(m_f->client().runImport(m_f->merchantId(), *plan, {}));
    QVERIFY2(run, qPrintable(run ? QString() : run.error().toString()));
    const Product after = *StoreFixture::wait(m_f->client().product(productId));
    QCOMPARE(after.variants.size(), 2);
    QStringList skus;
    for (const Variant& v : after.variants)
        skus.append(v.sku);
    skus.sort();
    QCOMPARE(skus, (QStringList{u"SH-M"_s, u"SH-S"_s}));
    QCOMPARE(after.variants[0].id, before.variants[0].id); // the same variants, not new ones
    QCOMPARE(StoreFixture::wait(m_f->client().productPage({m_f->merchantId(), {}, 100}))->rows[0].onHand, 11);
}

void TestCatalogService::changeFeedNamesActor()
{
    QSignalSpy spy(&m_f->client(), &Client::changed);
    m_f->addProduct(u"Kite"_s, {u"KITE-1"_s}, 1500);
    QTRY_VERIFY(!spy.isEmpty());
    const ChangeList changes = spy.first().at(0).value<ChangeList>();
    QVERIFY(std::any_of(changes.begin(), changes.end(), [](const Change& c) {
        return c.entity == u"product" && c.op == ChangeOp::Created && c.actor == u"tester/owner";
    }));
}

void TestCatalogService::swapSkusWithinProduct()
{
    Product p = m_f->addProduct(u"Socks pair"_s, {u"SOCK-A"_s, u"SOCK-B"_s}, 500);
    std::swap(p.variants[0].sku, p.variants[1].sku);
    auto saved = StoreFixture::wait(m_f->client().saveProduct(p));
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    auto loaded = StoreFixture::wait(m_f->client().product(p.id));
    QCOMPARE(loaded->variants[0].sku, u"SOCK-B"_s);
    QCOMPARE(loaded->variants[1].sku, u"SOCK-A"_s);
    QCOMPARE(loaded->variants[0].id, p.variants[0].id); // same variants, SKUs exchanged
}

void TestCatalogService::bulkEditCountsEachProductOnce()
{
    Product a = m_f->addProduct(u"Pot"_s, {u"POT-1"_s}, 1000);
    BulkEdit edit;
    edit.merchantId = m_f->merchantId();
    edit.productIds = {a.id, a.id};
    edit.kind = BulkEdit::Kind::SetStatus;
    edit.status = ProductStatus::Archived;
    auto done = StoreFixture::wait(m_f->client().bulkEdit(edit, souk::test::newKey()));
    QVERIFY(done);
    QCOMPARE(done->productsChanged(), 1);
    QVERIFY(
        StoreFixture::wait(m_f->client().undoBulkEdit(*done, souk::test::newKey()))); // undo still matches the versions
    QCOMPARE(StoreFixture::wait(m_f->client().product(a.id))->status, ProductStatus::Active);
}

QTEST_GUILESS_MAIN(TestCatalogService)
#include "TestCatalogService.moc"
