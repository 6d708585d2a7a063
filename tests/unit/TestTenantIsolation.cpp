#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include "backend/auth/Principal.h"
#include "backend/catalog/MerchantService.h"
#include "backend/engine/Engine.h"
#include "backend/payments/PaymentProvider.h"
#include "backend/store/Sql.h"
#include "tests/support/Keys.h"
#include "tests/support/StoreFixture.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::catalog;
using namespace souk::orders;
using namespace souk::payments;
using souk::test::newKey;
using souk::test::StoreFixture;

namespace {

template <typename T> T wait(QFuture<T> f)
{
    return StoreFixture::wait(std::move(f));
}

template <typename T> T checked(Result<T> result, const char* what)
{
    if (!result) {
        QTest::qFail(qPrintable(QString::fromLatin1(what) + u": "_s + result.error().toString()), __FILE__, __LINE__);
        return T{};
    }
    return std::move(result).value();
}

/// What one Client call answered, named for the failure message: nothing when it succeeded.
struct Outcome
{
    QString call;
    std::optional<Error> error;
};

template <typename T> Outcome outcome(const QString& call, QFuture<Result<T>> future)
{
    auto result = wait(std::move(future));
    return Outcome{call, result ? std::nullopt : std::optional<Error>(result.error())};
}

QString describe(const Outcome& o)
{
    return o.call + u": "_s + (o.error ? o.error->toString() : u"ok"_s);
}

CardInput card()
{
    return CardInput{QString::fromLatin1(SimulatedProvider::Approved), 12, 2030, u"123"_s};
}

const QByteArray ImportCsv = "Handle,Title,Variant SKU,Variant Price\nvase,Vase,VAS-1,12.00\n";

/// One merchant's objects, made by the store's local owner.
struct Shop
{
    Id merchant;
    Id location;
    Product product;
    Id variant;
    Id pendingOrder;      ///< waits for payment
    Id authorizedPayment; ///< held, not captured
    Payment captured;     ///< captured: refundable, disputable, its order can be fulfilled
    Id dispute;           ///< open, on another captured payment
};

} // namespace

/// Tenant isolation: a merchant's owner sees and changes its own merchant only. Another
/// merchant's objects answer NotFound, exactly as missing ones do (never Forbidden, which
/// would tell that they exist), lists leave them out, and nothing a refused call names changes.
/// Merchant A is the fixture's; B is made beside it; both are set up by the local owner, then
/// the client is reopened as B's owner.
class TestTenantIsolation final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listsShowOnlyTheOwnMerchant();
    void readsOfAnotherMerchantAreNotFound();
    void anotherMerchantLooksLikeNothing();
    void mutationsOfAnotherMerchantAreNotFound();
    void forgedUndoBulkEditCannotReachAnotherMerchant();
    void ownObjectsStillWork();
    void staffIsForbiddenBeforeScope();

private:
    Shop makeShop(Id merchant, Id location);
    Product addProduct(Id merchant, Id location);
    /// Closes the client and opens it again as `principal` (the store stays).
    void actAs(const auth::Principal& principal);
    auth::Principal principalOfB(auth::Role role) const;
    /// Every row of A's objects, table by table, read past any principal.
    QMap<QString, QStringList> footprintOfA();
    /// Every catalog, stock and import command, naming A's objects or A's merchant.
    QList<Outcome> catalogMutationsOfA(LocalClient& c);
    /// Every order, payment, dispute and terms command, naming A's objects or A's merchant.
    QList<Outcome> commerceMutationsOfA(LocalClient& c);
    /// The stored version of a product or variant, read past any principal.
    qint64 version(const QString& table, Id id);

    MockClock m_clock;
    std::unique_ptr<StoreFixture> m_f;
    Id m_customer;
    Shop m_a;
    Shop m_b;
};

void TestTenantIsolation::init()
{
    m_f = std::make_unique<StoreFixture>(u"EUR"_s, m_clock);
    QVERIFY(m_f->ok());
    Customer customer; // customers belong to no merchant
    customer.name = u"Ana Lima"_s;
    customer.email = u"ana@example.com"_s;
    m_customer = checked(wait(m_f->client().createCustomer(customer, newKey())), "customer").id;
    auto made = wait(
        m_f->client().engine().write<Location>(m_f->client().actor(), [](store::UnitOfWork& uow) -> Result<Location> {
            auto merchant = MerchantService::createMerchant(uow, u"Shop B"_s, u"EUR"_s);
            if (!merchant)
                return merchant.error();
            return MerchantService::createLocation(uow, merchant->id, u"B warehouse"_s);
        }));
    QVERIFY2(made, qPrintable(made ? QString() : made.error().toString()));
    m_a = makeShop(m_f->merchantId(), m_f->locationId());
    m_b = makeShop(made->merchantId, made->id);
    QVERIFY(!m_a.dispute.isNull() && !m_b.dispute.isNull());
    QVERIFY(m_a.merchant != m_b.merchant);
}

void TestTenantIsolation::cleanup()
{
    if (m_f && m_f->ok()) {
        actAs(auth::Principal::localOwner()); // the check reads every merchant
        QVERIFY2(m_f->problems().isEmpty(), qPrintable(m_f->problems().join(u'\n')));
    }
    m_f.reset();
}

Product TestTenantIsolation::addProduct(Id merchant, Id location)
{
    Product p;
    p.merchantId = merchant;
    p.title = u"Mug"_s;
    p.category = u"Kitchen"_s;
    p.status = ProductStatus::Active;
    Variant v;
    v.sku = u"MUG-1"_s; // the same SKU in both shops: SKUs are per merchant
    v.price = m_f->money(1500);
    p.variants = {v};
    const Product saved = checked(wait(m_f->client().saveProduct(p)), "product");
    if (saved.variants.isEmpty())
        return saved;
    const StockAdjustment receive{saved.variants[0].id, location, MovementKind::Received, 50, u"delivery"_s, -1};
    checked(wait(m_f->client().adjustStock(receive, newKey())), "stock");
    return saved;
}

Shop TestTenantIsolation::makeShop(Id merchant, Id location)
{
    LocalClient& c = m_f->client();
    Shop s;
    s.merchant = merchant;
    s.location = location;
    s.product = addProduct(merchant, location);
    s.variant = s.product.variants.isEmpty() ? Id{} : s.product.variants[0].id;
    const auto order = [&] {
        return checked(wait(c.createOrder(NewOrder{merchant, m_customer, {{u"MUG-1"_s, 2}}, {}, {}}, newKey())),
                       "order")
            .id;
    };
    const auto authorize = [&](Id orderId) {
        return checked(wait(c.authorizePayment(orderId, card(), newKey())), "authorize").id;
    };
    const auto capture = [&] {
        return checked(wait(c.capturePayment(authorize(order()), std::nullopt, newKey())), "capture");
    };
    s.pendingOrder = order();
    s.authorizedPayment = authorize(order());
    s.captured = capture();
    s.dispute = checked(wait(c.openDispute(capture().id, 500, u"fraudulent"_s, newKey())), "dispute").id;
    return s;
}

void TestTenantIsolation::actAs(const auth::Principal& principal)
{
    m_f->close();
    m_f->options().principal = principal;
    QVERIFY(m_f->reopen());
    QCOMPARE(m_f->client().principal().userName, principal.userName);
}

auth::Principal TestTenantIsolation::principalOfB(auth::Role role) const
{
    auth::Principal p;
    p.userId = Id{42};
    p.userName = u"bea"_s;
    p.role = role;
    p.merchantId = m_b.merchant;
    p.via = auth::Via::Session;
    p.credentialId = Id{4242};
    p.origin = u"test"_s;
    return p;
}

QMap<QString, QStringList> TestTenantIsolation::footprintOfA()
{
    const QString a = QString::number(m_a.merchant.value);
    const QString orders = u"(SELECT id FROM orders WHERE merchant_id = %1)"_s.arg(a);
    const QString payments = u"(SELECT id FROM payments WHERE merchant_id = %1)"_s.arg(a);
    const QString variants = u"(SELECT id FROM variants WHERE merchant_id = %1)"_s.arg(a);
    const QMap<QString, QString> queries = {
        {u"merchants"_s, u"SELECT * FROM merchants WHERE id = %1"_s.arg(a)},
        {u"locations"_s, u"SELECT * FROM locations WHERE merchant_id = %1"_s.arg(a)},
        {u"merchant_terms"_s, u"SELECT * FROM merchant_terms WHERE merchant_id = %1"_s.arg(a)},
        {u"discount_codes"_s, u"SELECT * FROM discount_codes WHERE merchant_id = %1"_s.arg(a)},
        {u"products"_s, u"SELECT * FROM products WHERE merchant_id = %1"_s.arg(a)},
        {u"variants"_s, u"SELECT * FROM variants WHERE merchant_id = %1"_s.arg(a)},
        {u"stock_levels"_s, u"SELECT * FROM stock_levels WHERE variant_id IN "_s + variants},
        {u"stock_movements"_s, u"SELECT * FROM stock_movements WHERE variant_id IN "_s + variants},
        {u"orders"_s, u"SELECT * FROM orders WHERE merchant_id = %1"_s.arg(a)},
        {u"order_lines"_s, u"SELECT * FROM order_lines WHERE order_id IN "_s + orders},
        {u"order_events"_s, u"SELECT * FROM order_events WHERE order_id IN "_s + orders},
        {u"payment_attempts"_s, u"SELECT * FROM payment_attempts WHERE order_id IN "_s + orders},
        {u"payments"_s, u"SELECT * FROM payments WHERE merchant_id = %1"_s.arg(a)},
        {u"refunds"_s, u"SELECT * FROM refunds WHERE payment_id IN "_s + payments},
        {u"disputes"_s, u"SELECT * FROM disputes WHERE payment_id IN "_s + payments},
        {u"provider_outbox"_s, u"SELECT * FROM provider_outbox WHERE payment_id IN "_s + payments},
        {u"journal_entries"_s, u"SELECT * FROM journal_entries WHERE payment_id IN "_s + payments},
        {u"ledger_accounts"_s, u"SELECT * FROM ledger_accounts WHERE merchant_id = %1"_s.arg(a)},
        {u"payouts"_s, u"SELECT * FROM payouts WHERE merchant_id = %1"_s.arg(a)},
    };
    auto read = wait(m_f->client().engine().read<QMap<QString, QStringList>>(
        [queries](QSqlDatabase& db) -> Result<QMap<QString, QStringList>> {
            QMap<QString, QStringList> out;
            for (auto it = queries.cbegin(); it != queries.cend(); ++it) {
                QSqlQuery q(db);
                q.setForwardOnly(true);
                q.prepare(it.value());
                if (auto s = store::exec(q, it.key()); !s)
                    return s.error();
                QStringList rows;
                while (q.next()) {
                    QStringList values;
                    for (int i = 0; i < q.record().count(); ++i)
                        values << (q.value(i).isNull() ? u"<null>"_s : q.value(i).toString());
                    rows << values.join(u'|');
                }
                rows.sort();
                out.insert(it.key(), rows);
            }
            return out;
        }));
    if (!read) {
        QTest::qFail(qPrintable(read.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *read;
}

qint64 TestTenantIsolation::version(const QString& table, Id id)
{
    auto v = wait(m_f->client().engine().read<QVariant>([table, id](QSqlDatabase& db) {
        return store::scalar(db, u"SELECT version FROM "_s + table + u" WHERE id = ?"_s, {id.value});
    }));
    return v ? v->toLongLong() : -1;
}

void TestTenantIsolation::listsShowOnlyTheOwnMerchant()
{
    actAs(principalOfB(auth::Role::Owner));
    LocalClient& c = m_f->client();
    const auto merchants = checked(wait(c.merchants()), "merchants");
    QCOMPARE(merchants.size(), 1);
    QCOMPARE(merchants.first().id, m_b.merchant);

    // "every merchant" is every merchant the principal sees: B's four orders, none of A's
    const auto page = checked(wait(c.orderPage(OrderQuery{})), "orderPage");
    QCOMPARE(page.orders.size(), 4);
    for (const Order& o : page.orders)
        QCOMPARE(o.merchantId, m_b.merchant);

    // the platform's accounts (merchant 0) and A's are left out
    const auto balances = checked(wait(c.ledgerBalances(Id{})), "ledgerBalances");
    QVERIFY(!balances.isEmpty());
    for (const AccountBalance& b : balances)
        QCOMPARE(b.merchantId, m_b.merchant);

    // by id, another merchant's objects are as absent as deleted ones
    QVERIFY(checked(wait(c.productSummaries({m_a.product.id})), "productSummaries").isEmpty());
    QVERIFY(checked(wait(c.ordersById({m_a.pendingOrder, m_a.captured.orderId})), "ordersById").isEmpty());
    const auto mixed = checked(wait(c.productSummaries({m_a.product.id, m_b.product.id})), "productSummaries");
    QCOMPARE(mixed.size(), 1);
    QCOMPARE(mixed.first().id, m_b.product.id);
    const auto orders = checked(wait(c.ordersById({m_a.pendingOrder, m_b.pendingOrder})), "ordersById");
    QCOMPARE(orders.size(), 1);
    QCOMPARE(orders.first().id, m_b.pendingOrder);
}

void TestTenantIsolation::readsOfAnotherMerchantAreNotFound()
{
    actAs(principalOfB(auth::Role::Owner));
    LocalClient& c = m_f->client();
    const Id a = m_a.merchant;
    const QList<Outcome> reads = {
        outcome(u"locations"_s, c.locations(a)),
        outcome(u"productPage"_s, c.productPage({a, {}, 100})),
        outcome(u"searchProducts"_s, c.searchProducts(a, u"Mug"_s, 10)),
        outcome(u"categories"_s, c.categories(a)),
        outcome(u"exportCatalog"_s, c.exportCatalog(a, CsvFormat::Souk)),
        outcome(u"payouts"_s, c.payouts(a)),
        outcome(u"orderCounters"_s, c.orderCounters(a, 0)),
        outcome(u"planImport"_s, c.planImport(a, ImportCsv, CsvFormat::Shopify, {})),
        outcome(u"ledgerBalances"_s, c.ledgerBalances(a)),
        outcome(u"product"_s, c.product(m_a.product.id)),
        outcome(u"stockLevels"_s, c.stockLevels(m_a.product.id)),
        outcome(u"movements"_s, c.movements(m_a.variant, 10)),
        outcome(u"orderDetail"_s, c.orderDetail(m_a.pendingOrder)),
    };
    for (const Outcome& o : reads) {
        QVERIFY2(o.error, qPrintable(describe(o)));
        QVERIFY2(o.error->code == ErrorCode::NotFound, qPrintable(describe(o)));
    }
}

void TestTenantIsolation::anotherMerchantLooksLikeNothing()
{
    // the answer for A's object is the answer for an id that names nothing, word for word
    actAs(principalOfB(auth::Role::Owner));
    LocalClient& c = m_f->client();
    const Id missing{987654321};
    const auto same = [](const Outcome& theirs, const Outcome& none, Id theirId, Id noneId) {
        QVERIFY2(theirs.error && none.error, qPrintable(describe(theirs) + u" / "_s + describe(none)));
        QCOMPARE(theirs.error->code, none.error->code);
        QCOMPARE(theirs.error->field, none.error->field);
        QCOMPARE(QString(theirs.error->message).replace(theirId.toString(), u"<id>"_s),
                 QString(none.error->message).replace(noneId.toString(), u"<id>"_s));
    };
    same(outcome(u"product"_s, c.product(m_a.product.id)), outcome(u"product"_s, c.product(missing)), m_a.product.id,
         missing);
    same(outcome(u"orderDetail"_s, c.orderDetail(m_a.pendingOrder)), outcome(u"orderDetail"_s, c.orderDetail(missing)),
         m_a.pendingOrder, missing);
    same(outcome(u"refund"_s, c.refundPayment(m_a.captured.id, 100, u"x"_s, newKey())),
         outcome(u"refund"_s, c.refundPayment(missing, 100, u"x"_s, newKey())), m_a.captured.id, missing);
    same(outcome(u"resolveDispute"_s, c.resolveDispute(m_a.dispute, true, newKey())),
         outcome(u"resolveDispute"_s, c.resolveDispute(missing, true, newKey())), m_a.dispute, missing);
    same(outcome(u"locations"_s, c.locations(m_a.merchant)), outcome(u"locations"_s, c.locations(missing)),
         m_a.merchant, missing);
}

QList<Outcome> TestTenantIsolation::catalogMutationsOfA(LocalClient& c)
{
    // what B's owner could know of A's product: its id and (guessing) the rest; B's own merchant
    // id on it must not make it B's
    Product theirs = m_a.product;
    theirs.title = u"Taken over"_s;
    Product theirsAsMine = theirs;
    theirsAsMine.merchantId = m_b.merchant;
    const ProductEdit undoTheirs{m_a.product, theirs};
    BulkEdit bulkTheirs;
    bulkTheirs.merchantId = m_a.merchant;
    bulkTheirs.productIds = {m_a.product.id};
    bulkTheirs.kind = BulkEdit::Kind::SetCategory;
    bulkTheirs.category = u"Taken"_s;
    BulkEdit bulkTheirsAsMine = bulkTheirs;
    bulkTheirsAsMine.merchantId = m_b.merchant;
    BulkResult undoBulkTheirs;
    undoBulkTheirs.edit = bulkTheirs;
    const ImportPlan plan = checked(wait(c.planImport(m_b.merchant, ImportCsv, CsvFormat::Shopify, {})), "plan");
    const auto receive = [](Id variant, Id location) {
        return StockAdjustment{variant, location, MovementKind::Received, 5, u"x"_s, -1};
    };
    return {
        outcome(u"saveProduct"_s, c.saveProduct(theirs)),
        outcome(u"saveProduct (merchant B)"_s, c.saveProduct(theirsAsMine)),
        outcome(u"editProduct"_s, c.editProduct(theirs, newKey())),
        outcome(u"editProduct (merchant B)"_s, c.editProduct(theirsAsMine, newKey())),
        outcome(u"undoProductEdit"_s, c.undoProductEdit(undoTheirs, newKey())),
        outcome(u"bulkEdit"_s, c.bulkEdit(bulkTheirs, newKey())),
        outcome(u"bulkEdit (merchant B)"_s, c.bulkEdit(bulkTheirsAsMine, newKey())),
        outcome(u"undoBulkEdit"_s, c.undoBulkEdit(undoBulkTheirs, newKey())),
        outcome(u"adjustStock"_s, c.adjustStock(receive(m_a.variant, m_a.location), newKey())),
        outcome(u"adjustStock (B's location)"_s, c.adjustStock(receive(m_a.variant, m_b.location), newKey())),
        outcome(u"adjustStock (A's location)"_s, c.adjustStock(receive(m_b.variant, m_a.location), newKey())),
        outcome(u"runImport"_s, c.runImport(m_a.merchant, plan, {})),
    };
}

QList<Outcome> TestTenantIsolation::commerceMutationsOfA(LocalClient& c)
{
    const NewOrder basketOfA{m_a.merchant, m_customer, {{u"MUG-1"_s, 1}}, {}, {}};
    const Id order = m_a.pendingOrder;
    const Id paidOrder = m_a.captured.orderId;
    return {
        outcome(u"createOrder"_s, c.createOrder(basketOfA, newKey())),
        outcome(u"checkout"_s, c.checkout(basketOfA, card(), true, newKey())),
        outcome(u"cancelOrder"_s, c.cancelOrder(order, u"x"_s, newKey())),
        outcome(u"cancelOrder (paid)"_s, c.cancelOrder(paidOrder, u"x"_s, newKey())),
        outcome(u"advanceOrder"_s, c.advanceOrder(paidOrder, OrderStatus::Fulfilling, u"x"_s, newKey())),
        outcome(u"authorizePayment"_s, c.authorizePayment(order, card(), newKey())),
        outcome(u"capturePayment"_s, c.capturePayment(m_a.authorizedPayment, std::nullopt, newKey())),
        outcome(u"voidPayment"_s, c.voidPayment(m_a.authorizedPayment, u"x"_s, newKey())),
        outcome(u"refundPayment"_s, c.refundPayment(m_a.captured.id, 100, u"x"_s, newKey())),
        outcome(u"openDispute"_s, c.openDispute(m_a.captured.id, 100, u"x"_s, newKey())),
        outcome(u"submitDisputeEvidence"_s, c.submitDisputeEvidence(m_a.dispute, newKey())),
        outcome(u"resolveDispute"_s, c.resolveDispute(m_a.dispute, false, newKey())),
        outcome(u"payout"_s, c.payout(m_a.merchant, {}, newKey())),
        outcome(u"setMerchantTerms"_s, c.setMerchantTerms(MerchantTerms{m_a.merchant, 0, 9000, 0, 0, 30, 0}, newKey())),
        outcome(u"addDiscountCode"_s,
                c.addDiscountCode(DiscountCode{m_a.merchant, u"FREE"_s, DiscountKind::Percent, 10000, true}, newKey())),
    };
}

void TestTenantIsolation::mutationsOfAnotherMerchantAreNotFound()
{
    // the provider calls of A's payments go out in the background: the footprint is taken once
    // they have (a slower store, PostgreSQL's twin, may still be sending them)
    QTRY_VERIFY_WITH_TIMEOUT(wait(m_f->client().engine().read<QVariant>([](QSqlDatabase& db) {
                                 return store::scalar(db, u"SELECT count(*) FROM provider_outbox WHERE state = 0"_s);
                             }))->toLongLong() == 0,
                             15'000);
    const QMap<QString, QStringList> before = footprintOfA();
    QVERIFY(!before.value(u"payments"_s).isEmpty());
    actAs(principalOfB(auth::Role::Owner));
    const QList<Outcome> mutations = catalogMutationsOfA(m_f->client()) + commerceMutationsOfA(m_f->client());
    for (const Outcome& o : mutations) {
        QVERIFY2(o.error, qPrintable(describe(o)));
        QVERIFY2(o.error->code == ErrorCode::NotFound, qPrintable(describe(o))); // never Forbidden
    }
    const QMap<QString, QStringList> after = footprintOfA();
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const QString table = it.key();
        QVERIFY2(after.value(table) == it.value(), qPrintable(u"A's rows changed in "_s + table));
    }
    // each refusal is audited as what it looked like: an object that is not there
    auto audited = wait(m_f->client().engine().read<QVariant>([](QSqlDatabase& db) {
        return store::scalar(db, u"SELECT count(*) FROM audit_log WHERE user_name = 'bea' AND outcome = 'not_found'"_s);
    }));
    QVERIFY(audited);
    QCOMPARE(audited->toInt(), int(mutations.size()));
}

void TestTenantIsolation::forgedUndoBulkEditCannotReachAnotherMerchant()
{
    // An undo names its own merchant and carries the snapshots of what it changed. One forged by
    // B's owner - B's merchant id, A's product and variant in it, versions guessed (they count
    // up from 1) - must reach nothing of A's.
    const QMap<QString, QStringList> before = footprintOfA();
    const qint64 productVersion = version(u"products"_s, m_a.product.id);
    const qint64 variantVersion = version(u"variants"_s, m_a.variant);
    QVERIFY(productVersion > 0 && variantVersion > 0);
    BulkResult forged;
    forged.edit.merchantId = m_b.merchant;
    forged.edit.productIds = {m_a.product.id};
    forged.edit.kind = BulkEdit::Kind::AdjustPriceByAmount;
    forged.edit.amountMinor = -1400;
    forged.after.products = {{m_a.product.id, ProductStatus::Active, u"Kitchen"_s, productVersion}};
    forged.after.variants = {{m_a.variant, m_a.product.id, 1500, variantVersion}};
    forged.before.products = {{m_a.product.id, ProductStatus::Archived, u"Gone"_s, productVersion}};
    forged.before.variants = {{m_a.variant, m_a.product.id, 1, variantVersion}};

    actAs(principalOfB(auth::Role::Owner));
    const Outcome undo = outcome(u"undoBulkEdit"_s, m_f->client().undoBulkEdit(forged, newKey()));
    // the undo names its products itself: BulkEditService::undo checks each is the edit's merchant's
    QVERIFY2(undo.error && undo.error->code == ErrorCode::NotFound, qPrintable(describe(undo)));
    const QMap<QString, QStringList> after = footprintOfA();
    QVERIFY2(after == before, "a forged undo under B's merchant changed A's catalog");
}

void TestTenantIsolation::ownObjectsStillWork()
{
    // the same calls on B's own objects pass the tenant check: refusing everything would not
    actAs(principalOfB(auth::Role::Owner));
    LocalClient& c = m_f->client();
    const QList<Outcome> own = {
        outcome(u"locations"_s, c.locations(m_b.merchant)),
        outcome(u"productPage"_s, c.productPage({m_b.merchant, {}, 100})),
        outcome(u"product"_s, c.product(m_b.product.id)),
        outcome(u"stockLevels"_s, c.stockLevels(m_b.product.id)),
        outcome(u"movements"_s, c.movements(m_b.variant, 10)),
        outcome(u"orderDetail"_s, c.orderDetail(m_b.pendingOrder)),
        outcome(u"orderCounters"_s, c.orderCounters(m_b.merchant, 0)),
        outcome(u"payouts"_s, c.payouts(m_b.merchant)),
        outcome(u"exportCatalog"_s, c.exportCatalog(m_b.merchant, CsvFormat::Souk)),
        outcome(u"adjustStock"_s,
                c.adjustStock({m_b.variant, m_b.location, MovementKind::Received, 5, u"delivery"_s, -1}, newKey())),
        outcome(u"capturePayment"_s, c.capturePayment(m_b.authorizedPayment, std::nullopt, newKey())),
        outcome(u"refundPayment"_s, c.refundPayment(m_b.captured.id, 100, u"scratched"_s, newKey())),
        outcome(u"submitDisputeEvidence"_s, c.submitDisputeEvidence(m_b.dispute, newKey())),
        outcome(u"cancelOrder"_s, c.cancelOrder(m_b.pendingOrder, u"customer asked"_s, newKey())),
        outcome(u"createOrder"_s,
                c.createOrder(NewOrder{m_b.merchant, m_customer, {{u"MUG-1"_s, 1}}, {}, {}}, newKey())),
    };
    for (const Outcome& o : own)
        QVERIFY2(!o.error, qPrintable(describe(o)));
    // and one that fails for its own reason, not the tenant's: more than was captured
    const Outcome tooMuch = outcome(u"refundPayment"_s, c.refundPayment(m_b.captured.id, 1'000'000, u"x"_s, newKey()));
    QVERIFY2(tooMuch.error, qPrintable(describe(tooMuch)));
    QVERIFY2(tooMuch.error->code != ErrorCode::NotFound && tooMuch.error->code != ErrorCode::Forbidden,
             qPrintable(describe(tooMuch)));
}

void TestTenantIsolation::staffIsForbiddenBeforeScope()
{
    // The engine checks the role before the merchant (auth::check: checkRole, then checkScope):
    // staff may not refund at all, so a refund is Forbidden whoever's payment it names. That
    // tells B's staff nothing about A: the answer is the same for A's payment, B's own payment
    // and one that does not exist.
    actAs(principalOfB(auth::Role::Staff));
    LocalClient& c = m_f->client();
    const QList<Outcome> refunds = {
        outcome(u"refund of B's payment"_s, c.refundPayment(m_b.captured.id, 100, u"x"_s, newKey())),
        outcome(u"refund of A's payment"_s, c.refundPayment(m_a.captured.id, 100, u"x"_s, newKey())),
        outcome(u"refund of no payment"_s, c.refundPayment(Id{987654321}, 100, u"x"_s, newKey())),
    };
    for (const Outcome& o : refunds) {
        QVERIFY2(o.error, qPrintable(describe(o)));
        QVERIFY2(o.error->code == ErrorCode::Forbidden, qPrintable(describe(o)));
    }
    // what staff may do stays scoped: A's order is NotFound, B's is theirs
    const Outcome theirs = outcome(u"orderDetail"_s, c.orderDetail(m_a.pendingOrder));
    QVERIFY2(theirs.error && theirs.error->code == ErrorCode::NotFound, qPrintable(describe(theirs)));
    const Outcome own = outcome(u"orderDetail"_s, c.orderDetail(m_b.pendingOrder));
    QVERIFY2(!own.error, qPrintable(describe(own)));
}

QTEST_GUILESS_MAIN(TestTenantIsolation)
#include "TestTenantIsolation.moc"
