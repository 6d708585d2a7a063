#include <QSqlQuery>
#include <QTest>

#include "backend/catalog/MerchantService.h"
#include "backend/engine/Engine.h"
#include "backend/payments/Idempotency.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/store/Sql.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;
using namespace souk::orders;
using souk::test::newKey;
using souk::test::StoreFixture;

/// The catalog and customer commands under an idempotency key: a retry with the same key has
/// one effect and answers as the first did, other parameters under it are a conflict, and keys
/// are scoped to the principal (merchant and user) that sent them. Every test ends with the
/// store checked.
class TestIdempotentCommands final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void adjustStockOnce();
    void createCustomerOnce();
    void setMerchantTermsOnce();
    void addDiscountCodeOnce();
    void bulkEditAppliesOnce();
    void undoBulkEditOnce();
    void commandsNeedAKey();
    void keysAreScopedPerMerchant();
    void keysAreScopedPerUser();
    void scopesCannotMeet();
    void orderAndPaymentKeysAreScoped();
    void storedResultsReadBack();
    void damagedResultsAreErrors();

private:
    template <typename T> static T wait(QFuture<T> f) { return StoreFixture::wait(std::move(f)); }
    qint64 count(const QString& sql, std::initializer_list<QVariant> binds = {});
    qint64 onHand(Id variantId);
    qint64 price(Id productId);
    /// A second merchant with a location and a product "MUG-1" of its own (variant, location).
    std::pair<Id, Id> otherMerchant();
    static void verifyConflict(const Error& error);

    std::unique_ptr<StoreFixture> m_f;
    Product m_mug;
};

void TestIdempotentCommands::init()
{
    m_f = std::make_unique<StoreFixture>();
    QVERIFY(m_f->ok());
    m_mug = m_f->addProduct(u"Mug"_s, {u"MUG-1"_s}, 1000, 0);
    QVERIFY(!m_mug.id.isNull());
}

void TestIdempotentCommands::cleanup()
{
    if (m_f && m_f->ok())
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    m_f.reset();
}

qint64 TestIdempotentCommands::count(const QString& sql, std::initializer_list<QVariant> binds)
{
    const QVariantList values(binds);
    auto n = wait(m_f->client().engine().read<QVariant>([sql, values](QSqlDatabase& db) -> Result<QVariant> {
        QSqlQuery q(db);
        q.prepare(sql);
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values[i]);
        if (auto s = store::exec(q, u"counting"_s); !s)
            return s.error();
        return q.next() ? q.value(0) : QVariant();
    }));
    return n ? n->toLongLong() : -1;
}

qint64 TestIdempotentCommands::onHand(Id variantId)
{
    return count(u"SELECT coalesce(sum(on_hand), 0) FROM stock_levels WHERE variant_id = ?"_s, {variantId.value});
}

qint64 TestIdempotentCommands::price(Id productId)
{
    auto p = wait(m_f->client().product(productId));
    return p && !p->variants.isEmpty() ? p->variants[0].price.minor() : -1;
}

std::pair<Id, Id> TestIdempotentCommands::otherMerchant()
{
    auto made = wait(
        m_f->client().engine().write<Location>(m_f->client().actor(), [](store::UnitOfWork& uow) -> Result<Location> {
            auto merchant = MerchantService::createMerchant(uow, u"Other Shop"_s, u"EUR"_s);
            if (!merchant)
                return merchant.error();
            return MerchantService::createLocation(uow, merchant->id, u"Back room"_s);
        }));
    if (!made)
        return {};
    Product p;
    p.merchantId = made->merchantId;
    p.title = u"Other mug"_s;
    p.status = ProductStatus::Active;
    Variant v;
    v.sku = u"MUG-1"_s; // SKUs are unique per merchant only
    v.price = m_f->money(700);
    p.variants = {v};
    auto saved = wait(m_f->client().saveProduct(p));
    if (!saved)
        return {};
    return {saved->variants[0].id, made->id};
}

void TestIdempotentCommands::verifyConflict(const Error& error)
{
    QCOMPARE(error.code, ErrorCode::IdempotencyConflict);
    QCOMPARE(error.field, u"idempotencyKey"_s);
}

void TestIdempotentCommands::adjustStockOnce()
{
    const Id variant = m_mug.variants[0].id;
    const StockAdjustment receive{variant, m_f->locationId(), MovementKind::Received, 5, u"delivery"_s, -1};
    const QString key = newKey();
    auto first = wait(m_f->client().adjustStock(receive, key));
    QVERIFY(first);
    auto retry = wait(m_f->client().adjustStock(receive, key));
    QVERIFY(retry);
    QCOMPARE(retry->onHand, 5);
    QCOMPARE(retry->version, first->version);
    QCOMPARE(retry->sku, first->sku);
    QCOMPARE(onHand(variant), 5);
    QCOMPARE(count(u"SELECT count(*) FROM stock_movements WHERE variant_id = ?"_s, {variant.value}), 1);

    StockAdjustment more = receive;
    more.delta = 6;
    auto other = wait(m_f->client().adjustStock(more, key));
    QVERIFY(!other);
    verifyConflict(other.error());
    QCOMPARE(onHand(variant), 5);

    // a refused command stores nothing: fixed, it may go again under the same key
    StockAdjustment bad{variant, m_f->locationId(), MovementKind::Adjusted, -1, QString(), -1};
    const QString badKey = newKey();
    QVERIFY(!wait(m_f->client().adjustStock(bad, badKey)));
    bad.reason = u"broken"_s;
    QVERIFY(wait(m_f->client().adjustStock(bad, badKey)));
    QCOMPARE(onHand(variant), 4);
}

void TestIdempotentCommands::createCustomerOnce()
{
    const Customer ida{{}, u"Ida"_s, u"ida@example.com"_s, {}, {}, 0};
    const QString key = newKey();
    auto first = wait(m_f->client().createCustomer(ida, key));
    QVERIFY(first);
    auto retry = wait(m_f->client().createCustomer(ida, key));
    QVERIFY(retry);
    QCOMPARE(retry->id, first->id);
    QCOMPARE(retry->email, first->email);
    QCOMPARE(count(u"SELECT count(*) FROM customers"_s), 1);

    Customer renamed = ida;
    renamed.name = u"Ida B."_s;
    auto other = wait(m_f->client().createCustomer(renamed, key));
    QVERIFY(!other);
    verifyConflict(other.error());
    QCOMPARE(count(u"SELECT count(*) FROM customers"_s), 1);
}

void TestIdempotentCommands::setMerchantTermsOnce()
{
    const MerchantTerms terms{m_f->merchantId(), 825, 290, 30, 0, 30, 0};
    const QString key = newKey();
    auto first = wait(m_f->client().setMerchantTerms(terms, key));
    QVERIFY(first);
    // without the key this would be a stale version; the retry gets the first answer instead
    auto retry = wait(m_f->client().setMerchantTerms(terms, key));
    QVERIFY2(retry, qPrintable(retry ? QString() : retry.error().toString()));
    QCOMPARE(retry->version, first->version);
    QCOMPARE(retry->taxRateBp, 825);
    QCOMPARE(count(u"SELECT version FROM merchant_terms WHERE merchant_id = ?"_s, {m_f->merchantId().value}),
             first->version);

    MerchantTerms higher = terms;
    higher.taxRateBp = 900;
    auto other = wait(m_f->client().setMerchantTerms(higher, key));
    QVERIFY(!other);
    verifyConflict(other.error());
    QCOMPARE(count(u"SELECT tax_rate_bp FROM merchant_terms WHERE merchant_id = ?"_s, {m_f->merchantId().value}), 825);

    // dispute fees are part of the request: the same key with other fees is a mistake, and a
    // replay returns the fees that were set
    MerchantTerms withFees = *first;
    withFees.disputeFeeMinor = QMap<QString, qint64>{{u"EUR"_s, 1200}};
    const QString feeKey = newKey();
    auto fees = wait(m_f->client().setMerchantTerms(withFees, feeKey));
    QVERIFY2(fees, qPrintable(fees ? QString() : fees.error().toString()));
    auto feesAgain = wait(m_f->client().setMerchantTerms(withFees, feeKey));
    QVERIFY(feesAgain);
    QVERIFY(feesAgain->disputeFeeMinor.has_value());
    QCOMPARE(feesAgain->disputeFeeMinor->value(u"EUR"_s), 1200);
    MerchantTerms otherFees = withFees;
    otherFees.disputeFeeMinor = QMap<QString, qint64>{{u"EUR"_s, 2000}};
    auto conflicting = wait(m_f->client().setMerchantTerms(otherFees, feeKey));
    QVERIFY(!conflicting);
    verifyConflict(conflicting.error());
}

void TestIdempotentCommands::addDiscountCodeOnce()
{
    const DiscountCode ten{m_f->merchantId(), u"TEN"_s, DiscountKind::Percent, 1000, true};
    const QString key = newKey();
    QVERIFY(wait(m_f->client().addDiscountCode(ten, key)));
    auto retry = wait(m_f->client().addDiscountCode(ten, key));
    QVERIFY2(retry, qPrintable(retry ? QString() : retry.error().toString()));
    QVERIFY(*retry);
    QCOMPARE(count(u"SELECT count(*) FROM discount_codes"_s), 1);

    DiscountCode twenty = ten;
    twenty.value = 2000;
    auto other = wait(m_f->client().addDiscountCode(twenty, key));
    QVERIFY(!other);
    verifyConflict(other.error());
    QCOMPARE(count(u"SELECT value FROM discount_codes WHERE code = 'TEN'"_s), 1000);
    // a new key is a new command: it sets the code's value (the code is kept once per merchant)
    QVERIFY(wait(m_f->client().addDiscountCode(twenty, newKey())));
    QCOMPARE(count(u"SELECT count(*) FROM discount_codes"_s), 1);
    QCOMPARE(count(u"SELECT value FROM discount_codes WHERE code = 'TEN'"_s), 2000);
}

void TestIdempotentCommands::bulkEditAppliesOnce()
{
    BulkEdit edit;
    edit.merchantId = m_f->merchantId();
    edit.productIds = {m_mug.id};
    edit.kind = BulkEdit::Kind::AdjustPriceByPercent;
    edit.basisPoints = 1000; // +10 %: applied twice it would be 1210
    const QString key = newKey();
    auto first = wait(m_f->client().bulkEdit(edit, key));
    QVERIFY(first);
    auto retry = wait(m_f->client().bulkEdit(edit, key));
    QVERIFY(retry);
    QCOMPARE(price(m_mug.id), 1100);
    QCOMPARE(retry->variantsChanged(), 1);
    QCOMPARE(retry->after.variants[0].priceMinor, 1100);
    QCOMPARE(retry->before.variants[0].priceMinor, 1000);
    QCOMPARE(retry->after.variants[0].version, first->after.variants[0].version);
    QCOMPARE(retry->edit.basisPoints, 1000);
    QCOMPARE(retry->edit.productIds, edit.productIds);

    BulkEdit more = edit;
    more.basisPoints = 2000;
    auto other = wait(m_f->client().bulkEdit(more, key));
    QVERIFY(!other);
    verifyConflict(other.error());
    QCOMPARE(price(m_mug.id), 1100);
}

void TestIdempotentCommands::undoBulkEditOnce()
{
    BulkEdit edit;
    edit.merchantId = m_f->merchantId();
    edit.productIds = {m_mug.id};
    edit.kind = BulkEdit::Kind::AdjustPriceByAmount;
    edit.amountMinor = 250;
    auto done = wait(m_f->client().bulkEdit(edit, newKey()));
    QVERIFY(done);
    QCOMPARE(price(m_mug.id), 1250);
    const QString key = newKey();
    auto undone = wait(m_f->client().undoBulkEdit(*done, key));
    QVERIFY(undone);
    QCOMPARE(price(m_mug.id), 1000);
    // without the key a second undo would find the versions moved on (a conflict)
    auto retry = wait(m_f->client().undoBulkEdit(*done, key));
    QVERIFY2(retry, qPrintable(retry ? QString() : retry.error().toString()));
    QCOMPARE(retry->after.variants[0].version, undone->after.variants[0].version);
    QCOMPARE(price(m_mug.id), 1000);

    // the same key for the undo of another edit is a conflict
    auto second = wait(m_f->client().bulkEdit(edit, newKey()));
    QVERIFY(second);
    auto other = wait(m_f->client().undoBulkEdit(*second, key));
    QVERIFY(!other);
    verifyConflict(other.error());
    QCOMPARE(price(m_mug.id), 1250);
}

void TestIdempotentCommands::commandsNeedAKey()
{
    const StockAdjustment receive{m_mug.variants[0].id, m_f->locationId(), MovementKind::Received, 1, {}, -1};
    auto none = wait(m_f->client().adjustStock(receive, QString()));
    QVERIFY(!none);
    QCOMPARE(none.error().field, u"idempotencyKey"_s);
    auto spaced = wait(m_f->client().createCustomer(Customer{{}, u"Bo"_s, u"bo@example.com"_s, {}, {}, 0}, u"a b"_s));
    QVERIFY(!spaced);
    QCOMPARE(spaced.error().field, u"idempotencyKey"_s);
    QCOMPARE(onHand(m_mug.variants[0].id), 0);
    QCOMPARE(count(u"SELECT count(*) FROM customers"_s), 0);
}

void TestIdempotentCommands::keysAreScopedPerMerchant()
{
    const auto [otherVariant, otherLocation] = otherMerchant();
    QVERIFY(!otherVariant.isNull());
    const QString key = u"restock-monday"_s; // one key string, chosen by two merchants
    QVERIFY(wait(m_f->client().adjustStock(
        StockAdjustment{m_mug.variants[0].id, m_f->locationId(), MovementKind::Received, 3, {}, -1}, key)));
    auto theirs = wait(m_f->client().adjustStock(
        StockAdjustment{otherVariant, otherLocation, MovementKind::Received, 7, {}, -1}, key));
    QVERIFY2(theirs, qPrintable(theirs ? QString() : theirs.error().toString()));
    QCOMPARE(onHand(m_mug.variants[0].id), 3);
    QCOMPARE(onHand(otherVariant), 7);

    const Id otherMerchantId{count(u"SELECT merchant_id FROM variants WHERE id = ?"_s, {otherVariant.value})};
    const QString termsKey = u"terms-2026"_s;
    QVERIFY(wait(m_f->client().setMerchantTerms(MerchantTerms{m_f->merchantId(), 825, 290, 30, 0, 30, 0}, termsKey)));
    QVERIFY(wait(m_f->client().setMerchantTerms(MerchantTerms{otherMerchantId, 500, 100, 0, 0, 30, 0}, termsKey)));
    QCOMPARE(count(u"SELECT tax_rate_bp FROM merchant_terms WHERE merchant_id = ?"_s, {otherMerchantId.value}), 500);
    // within one merchant a key stays one command's, whatever the command
    auto reused = wait(m_f->client().setMerchantTerms(MerchantTerms{otherMerchantId, 500, 100, 0, 0, 30, 1}, key));
    QVERIFY(!reused);
    verifyConflict(reused.error());

    // each stored key names its merchant and the user
    for (const Id merchant : {m_f->merchantId(), otherMerchantId}) {
        QCOMPARE(count(u"SELECT count(*) FROM idempotency_keys WHERE key IN (?, ?)"_s,
                       {QString(merchant.toString() + u"/tester/"_s + key),
                        QString(merchant.toString() + u"/tester/"_s + termsKey)}),
                 2);
    }
}

void TestIdempotentCommands::keysAreScopedPerUser()
{
    const QString key = newKey();
    const Customer ida{{}, u"Ida"_s, u"ida@example.com"_s, {}, {}, 0};
    auto mine = wait(m_f->client().createCustomer(ida, key));
    QVERIFY(mine);
    const QString path = m_f->storePath();
    m_f->close();
    {
        // another user on the same store sends the same key: a command of its own
        LocalClient::Options options;
        options.store.path = path;
        options.actor = Actor{u"ana"_s, u"owner"_s};
        options.maintenanceIntervalMs = 0;
        auto ana = LocalClient::open(options);
        QVERIFY2(ana, qPrintable(ana ? QString() : ana.error().toString()));
        const Customer bo{{}, u"Bo"_s, u"bo@example.com"_s, {}, {}, 0};
        auto theirs = wait((*ana)->createCustomer(bo, key));
        QVERIFY2(theirs, qPrintable(theirs ? QString() : theirs.error().toString()));
        QVERIFY(theirs->id != mine->id);
        auto again = wait((*ana)->createCustomer(bo, key));
        QVERIFY(again);
        QCOMPARE(again->id, theirs->id);
    }
    QVERIFY(m_f->reopen());
    auto retry = wait(m_f->client().createCustomer(ida, key));
    QVERIFY(retry);
    QCOMPARE(retry->id, mine->id);
    QCOMPARE(count(u"SELECT count(*) FROM customers"_s), 2);
    QCOMPARE(count(u"SELECT count(*) FROM idempotency_keys WHERE key IN (?, ?)"_s,
                   {QString(u"-/tester/"_s + key), QString(u"-/ana/"_s + key)}),
             2);
}

void TestIdempotentCommands::scopesCannotMeet()
{
    // a '/' in a user name must not let "a/b" + "c" meet "a" + "b/c"
    const auto request = payments::IdempotentRequest::of(u"b/c"_s, u"create_customer"_s, {});
    const auto slashed = payments::IdempotentRequest::of(u"c"_s, u"create_customer"_s, {});
    const QString plain = request.within(Id{7}, Actor{u"a"_s, u"owner"_s}).storedKey();
    const QString tricky = slashed.within(Id{7}, Actor{u"a/b"_s, u"owner"_s}).storedKey();
    QCOMPARE(plain, u"7/a/b/c"_s);
    QVERIFY(plain != tricky);
    QCOMPARE(request.within(Id{}, Actor{u"a"_s, u"owner"_s}).storedKey(), u"-/a/b/c"_s);
    QVERIFY(request.within(Id{7}, Actor{u"a"_s, u"owner"_s}).storedKey() !=
            request.within(Id{8}, Actor{u"a"_s, u"owner"_s}).storedKey());
}

void TestIdempotentCommands::orderAndPaymentKeysAreScoped()
{
    m_f->addProduct(u"Lamp"_s, {u"LAMP"_s}, 4000, 5);
    auto customer =
        wait(m_f->client().createCustomer(Customer{{}, u"Ida"_s, u"ida@example.com"_s, {}, {}, 0}, newKey()));
    QVERIFY(customer);
    const NewOrder lamp{m_f->merchantId(), customer->id, {{u"LAMP"_s, 1}}, {}, {}};
    QVERIFY(wait(m_f->client().createOrder(lamp, u"order-1"_s)));
    const payments::CardInput card{QString::fromLatin1(payments::SimulatedProvider::Approved), 12, 2030, u"123"_s};
    auto paid = wait(m_f->client().checkout(lamp, card, true, u"checkout-1"_s));
    QVERIFY2(paid, qPrintable(paid ? QString() : paid.error().toString()));
    auto refund = wait(m_f->client().refundPayment(paid->payment.id, 100, u"dented"_s, u"refund-1"_s));
    QVERIFY2(refund, qPrintable(refund ? QString() : refund.error().toString()));
    const QString scope = m_f->merchantId().toString() + u"/tester/"_s;
    QCOMPARE(count(u"SELECT count(*) FROM idempotency_keys WHERE key IN (?, ?, ?)"_s,
                   {QString(scope + u"order-1"_s), QString(scope + u"checkout-1"_s), QString(scope + u"refund-1"_s)}),
             3);
    QCOMPARE(count(u"SELECT count(*) FROM payment_attempts WHERE request_key = ?"_s, {QString(scope + u"checkout-1"_s)}),
             1);
    // a refund stored before keys were scoped sits under the bare key: retried across the
    // upgrade, it answers as it did and is paid once
    auto unscope = m_f->client().engine().write<bool>(m_f->client().actor(), [scope](store::UnitOfWork& uow) -> Result<bool> {
        if (auto s = store::exec(uow.db(), u"UPDATE idempotency_keys SET key = 'refund-1' WHERE key = ?"_s,
                                 {QString(scope + u"refund-1"_s)});
            !s)
            return s.error();
        return true;
    });
    QVERIFY(wait(unscope));
    auto again = wait(m_f->client().refundPayment(paid->payment.id, 100, u"dented"_s, u"refund-1"_s));
    QVERIFY2(again, qPrintable(again ? QString() : again.error().toString()));
    QCOMPARE(again->id, refund->id);
    QCOMPARE(count(u"SELECT refunded_minor FROM payments WHERE id = ?"_s, {paid->payment.id.value}), 100);
}

void TestIdempotentCommands::storedResultsReadBack()
{
    using payments::StoredResult;
    const StockLevel level{Id{11}, Id{12}, u"Back room"_s, u"MUG-1"_s, 9, 2, 3, 4};
    auto l = StoredResult<StockLevel>::decode(StoredResult<StockLevel>::encode(level));
    QVERIFY(l);
    QCOMPARE(l->variantId, level.variantId);
    QCOMPARE(l->locationName, level.locationName);
    QCOMPARE(l->onHand, 9);
    QCOMPARE(l->reserved, 2);
    QCOMPARE(l->lowStockThreshold, 3);
    QCOMPARE(l->version, 4);

    BulkResult bulk;
    bulk.edit.merchantId = Id{1};
    bulk.edit.productIds = {Id{(1LL << 60) + 3}}; // ids beyond a double's precision survive
    bulk.edit.kind = BulkEdit::Kind::SetCategory;
    bulk.edit.category = u"Küche"_s;
    bulk.edit.rounding = Rounding::HalfEven;
    bulk.before.products = {{Id{(1LL << 60) + 3}, ProductStatus::Archived, u"Old"_s, 7}};
    bulk.after.products = {{Id{(1LL << 60) + 3}, ProductStatus::Archived, u"Küche"_s, 8}};
    bulk.after.variants = {{Id{21}, Id{(1LL << 60) + 3}, 4'000'000'000'000LL, 2}};
    auto b = StoredResult<BulkResult>::decode(StoredResult<BulkResult>::encode(bulk));
    QVERIFY(b);
    QCOMPARE(b->edit.productIds, bulk.edit.productIds);
    QCOMPARE(b->edit.kind, BulkEdit::Kind::SetCategory);
    QCOMPARE(b->edit.category, bulk.edit.category);
    QCOMPARE(b->edit.rounding, Rounding::HalfEven);
    QCOMPARE(b->before.products[0].category, u"Old"_s);
    QCOMPARE(b->after.products[0].status, ProductStatus::Archived);
    QCOMPARE(b->after.products[0].version, 8);
    QCOMPARE(b->after.variants[0].priceMinor, 4'000'000'000'000LL);

    Customer customer{Id{5}, u"Ida"_s, u"ida@example.com"_s, u"+49 30 1"_s, {}, 3};
    customer.addresses = {
        Address{Id{6}, u"Home"_s, u"Hauptstr. 1"_s, u"Berlin"_s, u"10115"_s, u"DE"_s, 52520000, 13400000}};
    auto c = StoredResult<Customer>::decode(StoredResult<Customer>::encode(customer));
    QVERIFY(c);
    QCOMPARE(c->id, customer.id);
    QCOMPARE(c->phone, customer.phone);
    QCOMPARE(c->addresses.size(), 1);
    QCOMPARE(c->addresses[0].postcode, u"10115"_s);
    QCOMPARE(c->addresses[0].latE6, 52520000);

    const MerchantTerms terms{Id{1}, 825, 290, 30, 299, 45, 6};
    auto t = StoredResult<MerchantTerms>::decode(StoredResult<MerchantTerms>::encode(terms));
    QVERIFY(t);
    QCOMPARE(t->taxRateBp, 825);
    QCOMPARE(t->deliveryFeeMinor, 299);
    QCOMPARE(t->unpaidExpiryMinutes, 45);
    QCOMPARE(t->version, 6);

    auto done = StoredResult<bool>::decode(StoredResult<bool>::encode(true));
    QVERIFY(done);
    QVERIFY(*done);
}

void TestIdempotentCommands::damagedResultsAreErrors()
{
    using payments::StoredResult;
    const QByteArray other = R"({"done":true})";
    QCOMPARE(StoredResult<StockLevel>::decode(other).error().code, ErrorCode::Internal);
    QCOMPARE(StoredResult<BulkResult>::decode(other).error().code, ErrorCode::Internal);
    QCOMPARE(StoredResult<Customer>::decode(other).error().code, ErrorCode::Internal);
    QCOMPARE(StoredResult<MerchantTerms>::decode(other).error().code, ErrorCode::Internal);
    QCOMPARE(StoredResult<bool>::decode("{}").error().code, ErrorCode::Internal);
    QCOMPARE(StoredResult<bool>::decode("garbage").error().code, ErrorCode::Internal);
    const QByteArray badKind =
        R"({"edit":{"merchantId":"1","productIds":[],"kind":9,"status":0,"rounding":0},"before":{},"after":{}})";
    QCOMPARE(StoredResult<BulkResult>::decode(badKind).error().code, ErrorCode::Internal);
}

QTEST_GUILESS_MAIN(TestIdempotentCommands)
#include "TestIdempotentCommands.moc"
