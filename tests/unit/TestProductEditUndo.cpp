#include <QTest>

#include "backend/catalog/CatalogCheck.h"
#include "backend/engine/Engine.h"
#include "backend/payments/StoredResult.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;
using souk::test::newKey;
using souk::test::StoreFixture;

/// Undo of one product's saved edit (Client::editProduct / undoProductEdit): the product and its
/// variants come back as they were, a later change makes the undo refuse, and a retried undo
/// (same key) applies once. Every test ends with the catalog checked.
class TestProductEditUndo final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void undoRestoresProductAndVariants();
    void undoGivesBackSwappedSkus();
    void undoRefusedAfterLaterSave();
    void undoRefusedAfterBulkEdit();
    void undoRefusedWhenAddedVariantHasStock();
    void retriedUndoAppliesOnce();
    void retriedEditAppliesOnce();
    void editNeedsStoredProduct();
    void storedEditReadsBack();

private:
    template <typename T> static T wait(QFuture<T> f) { return StoreFixture::wait(std::move(f)); }
    Product stored(Id id) { return wait(m_f->client().product(id)).value(); }
    /// The edit most tests make: every product field, one price, one SKU, a variant removed and one added.
    Product editedShirt() const;
    static void verifySameContent(const Product& actual, const Product& expected);

    std::unique_ptr<StoreFixture> m_f;
    Product m_shirt;
};

void TestProductEditUndo::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    // no stock: a variant with stock history cannot be removed, and one test removes one
    m_shirt = m_f->addProduct(u"Linen shirt"_s, {u"SHIRT-S"_s, u"SHIRT-M"_s, u"SHIRT-L"_s}, 2500, 0, u"Shirts"_s);
    QVERIFY(!m_shirt.id.isNull());
}

void TestProductEditUndo::cleanup()
{
    if (m_f && m_f->ok()) {
        auto problems =
            wait(m_f->client().engine().read<QStringList>([](QSqlDatabase& db) { return CatalogCheck::run(db); }));
        QVERIFY(problems);
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
    }
    m_f.reset();
}

Product TestProductEditUndo::editedShirt() const
{
    Product p = m_shirt;
    p.title = u"Linen shirt, washed"_s;
    p.description = u"Stone washed."_s;
    p.vendor = u"Atelier"_s;
    p.category = u"Summer"_s;
    p.tags = {u"linen"_s, u"亚麻"_s};
    p.status = ProductStatus::Draft;
    p.variants[0].sku = u"SHIRT-XS"_s;
    p.variants[0].optionValues = {u"XS"_s};
    p.variants[1].price = m_f->money(2990);
    p.variants[1].compareAtPrice = m_f->money(3500);
    p.variants.removeAt(2); // SHIRT-L goes
    Variant xl;
    xl.sku = u"SHIRT-XL"_s;
    xl.optionValues = {u"XL"_s};
    xl.price = m_f->money(2700);
    p.variants.append(xl);
    return p;
}

void TestProductEditUndo::verifySameContent(const Product& actual, const Product& expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.handle, expected.handle);
    QCOMPARE(actual.title, expected.title);
    QCOMPARE(actual.description, expected.description);
    QCOMPARE(actual.vendor, expected.vendor);
    QCOMPARE(actual.category, expected.category);
    QCOMPARE(actual.tags, expected.tags);
    QCOMPARE(actual.status, expected.status);
    QCOMPARE(actual.optionNames, expected.optionNames);
    QCOMPARE(actual.variants.size(), expected.variants.size());
    for (int i = 0; i < expected.variants.size(); ++i) {
        const Variant& a = actual.variants[i];
        const Variant& e = expected.variants[i];
        QCOMPARE(a.id, e.id); // the same variants, a removed one under its old id
        QCOMPARE(a.sku, e.sku);
        QCOMPARE(a.optionValues, e.optionValues);
        QCOMPARE(a.price, e.price);
        QCOMPARE(a.compareAtPrice.has_value(), e.compareAtPrice.has_value());
        QCOMPARE(a.barcode, e.barcode);
    }
}

void TestProductEditUndo::undoRestoresProductAndVariants()
{
    auto done = wait(m_f->client().editProduct(editedShirt(), newKey()));
    QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
    verifySameContent(done->before, m_shirt);
    QCOMPARE(done->after.title, u"Linen shirt, washed"_s);
    QCOMPARE(done->after.version, m_shirt.version + 1);
    QCOMPARE(stored(m_shirt.id).variants.size(), 3);
    QCOMPARE(stored(m_shirt.id).variants[2].sku, u"SHIRT-XL"_s);

    auto undone = wait(m_f->client().undoProductEdit(*done, newKey()));
    QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().toString()));
    const Product now = stored(m_shirt.id);
    verifySameContent(now, m_shirt);
    QCOMPARE(now.version, done->after.version + 1); // versions only move forward
    QVERIFY(now.variants[2].version > m_shirt.variants[2].version);
    verifySameContent(undone->after, m_shirt);
    QCOMPARE(undone->before.version, done->after.version);
    // the search index follows the restored title
    auto found = wait(m_f->client().searchProducts(m_f->merchantId(), u"washed"_s, 10));
    QVERIFY(found && found->isEmpty());
    found = wait(m_f->client().searchProducts(m_f->merchantId(), u"SHIRT-L"_s, 10));
    QVERIFY(found && found->contains(m_shirt.id));
}

void TestProductEditUndo::undoGivesBackSwappedSkus()
{
    // the edit drops SHIRT-L and gives its SKU to the first variant; undo takes it back
    Product p = m_shirt;
    p.variants.removeAt(2);
    p.variants[0].sku = u"SHIRT-L"_s;
    auto done = wait(m_f->client().editProduct(p, newKey()));
    QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
    auto undone = wait(m_f->client().undoProductEdit(*done, newKey()));
    QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().toString()));
    verifySameContent(stored(m_shirt.id), m_shirt);
}

void TestProductEditUndo::undoRefusedAfterLaterSave()
{
    auto done = wait(m_f->client().editProduct(editedShirt(), newKey()));
    QVERIFY(done);
    Product later = stored(m_shirt.id);
    later.title = u"Someone else's title"_s;
    QVERIFY(wait(m_f->client().saveProduct(later)));

    auto undo = wait(m_f->client().undoProductEdit(*done, newKey()));
    QVERIFY(!undo);
    QCOMPARE(undo.error().code, ErrorCode::VersionConflict);
    QVERIFY2(undo.error().message.contains(u"changed after the edit"_s), qPrintable(undo.error().message));
    const Product now = stored(m_shirt.id); // nothing was undone
    QCOMPARE(now.title, u"Someone else's title"_s);
    QCOMPARE(now.variants.size(), 3);
    QCOMPARE(now.variants[2].sku, u"SHIRT-XL"_s);
}

void TestProductEditUndo::undoRefusedAfterBulkEdit()
{
    auto done = wait(m_f->client().editProduct(editedShirt(), newKey()));
    QVERIFY(done);
    BulkEdit edit;
    edit.merchantId = m_f->merchantId();
    edit.productIds = {m_shirt.id};
    edit.kind = BulkEdit::Kind::AdjustPriceByAmount;
    edit.amountMinor = 100;
    QVERIFY(wait(m_f->client().bulkEdit(edit, newKey())));

    auto undo = wait(m_f->client().undoProductEdit(*done, newKey()));
    QVERIFY(!undo);
    QCOMPARE(undo.error().code, ErrorCode::VersionConflict);
    QCOMPARE(stored(m_shirt.id).variants[1].price.minor(), 3090);
}

void TestProductEditUndo::undoRefusedWhenAddedVariantHasStock()
{
    auto done = wait(m_f->client().editProduct(editedShirt(), newKey()));
    QVERIFY(done);
    // stock arrives for the variant the edit added: removing it would lose its journal
    const Variant added = done->after.variants[2];
    StockAdjustment a{added.id, m_f->locationId(), MovementKind::Received, 4, u"delivery"_s, -1};
    QVERIFY(wait(m_f->client().adjustStock(a, newKey())));

    auto undo = wait(m_f->client().undoProductEdit(*done, newKey()));
    QVERIFY(!undo);
    QCOMPARE(undo.error().code, ErrorCode::Conflict);
    QCOMPARE(undo.error().field, u"variants"_s);
    QVERIFY2(undo.error().message.contains(u"SHIRT-XL"_s), qPrintable(undo.error().message));
    QCOMPARE(stored(m_shirt.id).title, u"Linen shirt, washed"_s); // all or nothing
}

void TestProductEditUndo::retriedUndoAppliesOnce()
{
    auto done = wait(m_f->client().editProduct(editedShirt(), newKey()));
    QVERIFY(done);
    const QString key = newKey();
    auto undone = wait(m_f->client().undoProductEdit(*done, key));
    QVERIFY(undone);
    const qint64 version = stored(m_shirt.id).version;

    // the answer was lost, say, and the console sends the same undo again: one effect, the same answer
    auto retry = wait(m_f->client().undoProductEdit(*done, key));
    QVERIFY2(retry, qPrintable(retry ? QString() : retry.error().toString()));
    QCOMPARE(retry->after.version, undone->after.version);
    QCOMPARE(retry->after.variants[2].id, undone->after.variants[2].id);
    verifySameContent(retry->after, undone->after);
    QCOMPARE(stored(m_shirt.id).version, version);

    // without the key the second undo finds the product moved on, and refuses
    auto fresh = wait(m_f->client().undoProductEdit(*done, newKey()));
    QVERIFY(!fresh);
    QCOMPARE(fresh.error().code, ErrorCode::VersionConflict);

    // the key names that undo: another edit's undo under it is refused
    Product again = stored(m_shirt.id);
    again.title = u"Again"_s;
    auto second = wait(m_f->client().editProduct(again, newKey()));
    QVERIFY(second);
    auto other = wait(m_f->client().undoProductEdit(*second, key));
    QVERIFY(!other);
    QCOMPARE(other.error().code, ErrorCode::IdempotencyConflict);
    QCOMPARE(stored(m_shirt.id).title, u"Again"_s);
}

void TestProductEditUndo::retriedEditAppliesOnce()
{
    const QString key = newKey();
    const Product edited = editedShirt();
    auto first = wait(m_f->client().editProduct(edited, key));
    QVERIFY(first);
    auto retry = wait(m_f->client().editProduct(edited, key)); // not a version conflict: the first answer
    QVERIFY2(retry, qPrintable(retry ? QString() : retry.error().toString()));
    QCOMPARE(retry->after.version, first->after.version);
    QCOMPARE(retry->before.version, m_shirt.version);
    QCOMPARE(stored(m_shirt.id).version, first->after.version);
    // and its undo record still works
    QVERIFY(wait(m_f->client().undoProductEdit(*retry, newKey())));
    verifySameContent(stored(m_shirt.id), m_shirt);
}

void TestProductEditUndo::editNeedsStoredProduct()
{
    Product fresh = m_shirt;
    fresh.id = {};
    for (Variant& v : fresh.variants) {
        v.id = {};
        v.sku += u"-NEW"_s;
    }
    auto r = wait(m_f->client().editProduct(fresh, newKey()));
    QVERIFY(!r);
    QCOMPARE(r.error().field, u"id"_s);

    // an undo whose before and after name different products changes nothing
    Product other = m_f->addProduct(u"Straw hat"_s, {u"HAT-1"_s}, 1500);
    auto done = wait(m_f->client().editProduct(editedShirt(), newKey()));
    QVERIFY(done);
    ProductEdit mixed{other, done->after};
    auto undo = wait(m_f->client().undoProductEdit(mixed, newKey()));
    QVERIFY(!undo);
    QCOMPARE(undo.error().code, ErrorCode::Invalid);
    QCOMPARE(stored(m_shirt.id).title, u"Linen shirt, washed"_s);
}

void TestProductEditUndo::storedEditReadsBack()
{
    ProductEdit edit{m_shirt, editedShirt()};
    edit.after.variants[0].cost = m_f->money(1200);
    edit.after.variants[1].barcode = u"4006381333931"_s;
    edit.after.createdMs = 1'700'000'000'123;
    edit.after.id = Id{(1LL << 60) + 5}; // ids beyond a double's precision survive
    auto back = payments::StoredResult<ProductEdit>::decode(payments::StoredResult<ProductEdit>::encode(edit));
    QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
    verifySameContent(back->before, edit.before);
    QCOMPARE(back->after.id, edit.after.id);
    QCOMPARE(back->after.tags, edit.after.tags);
    QCOMPARE(back->after.variants[0].cost, edit.after.variants[0].cost);
    QVERIFY(!back->after.variants[0].compareAtPrice);
    QCOMPARE(back->after.variants[1].compareAtPrice, edit.after.variants[1].compareAtPrice);
    QCOMPARE(back->after.variants[1].barcode, edit.after.variants[1].barcode);
    QCOMPARE(back->after.createdMs, edit.after.createdMs);
    QCOMPARE(back->after.status, ProductStatus::Draft);
    QCOMPARE(payments::StoredResult<ProductEdit>::decode("{\"before\":{}}").error().code, ErrorCode::Internal);
}

QTEST_GUILESS_MAIN(TestProductEditUndo)
#include "TestProductEditUndo.moc"
