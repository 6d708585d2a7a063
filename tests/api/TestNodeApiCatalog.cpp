// The node's API beyond orders and payments, over real HTTPS against the real soukd: products,
// stock, imports, customers and terms, disputes, the ledger, people, keys and the audit log.
// Every entry point that takes input refuses a bad one with problem+json naming the field and
// changes nothing; each area answers one good call.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

#include "tests/api/NodeFixture.h"
#include "tests/support/Keys.h"

using namespace Qt::StringLiterals;
using souk::test::NodeFixture;

namespace {

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QStringList namesIn(const QJsonArray& items)
{
    QStringList out;
    for (const QJsonValue& item : items)
        out << item[u"name"_s].toString();
    return out;
}

} // namespace

class TestNodeApiCatalog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusalsNameTheFieldAndChangeNothing_data();
    void refusalsNameTheFieldAndChangeNothing();
    void productSavedReadAndUndone();
    void ifMatchCarriesTheVersion();
    void stockAdjustedAndJournalled();
    void catalogExportedPlannedAndImported();
    void usersAndKeysAsAdminAndOwner();
    void ledgerPayoutAndAudit();
    void customersOrdersAndDisputes(); // after the payout: a lost dispute leaves nothing owed

private:
    /// A request as `key`'s principal; every request but a GET carries a new Idempotency-Key.
    NodeFixture::Reply call(const QByteArray& method, const QString& path, const QString& key,
                            const QByteArray& body = {}, const QString& idempotencyKey = {});
    QString keyOf(const QString& who) const;
    /// What the refusals must leave as it was, as the admin reads it.
    QByteArray state();
    /// A product's JSON for a request: one variant at `priceMinor` of the merchant's currency.
    QJsonObject productJson(const QString& title, const QString& sku, qint64 priceMinor) const;

    std::unique_ptr<NodeFixture> m_node;
    QString m_currency;
};

void TestNodeApiCatalog::initTestCase()
{
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    QVERIFY(m_node->start());
    const auto merchants = call("GET", u"/v1/merchants"_s, m_node->seeded().ownerAKey);
    QVERIFY2(merchants.status == 200, qPrintable(merchants.describe()));
    m_currency = merchants.json()[u"data"_s][0][u"currency"_s].toString();
    QCOMPARE(m_currency.size(), 3);
}

void TestNodeApiCatalog::cleanupTestCase()
{
    if (m_node->running())
        QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
    m_node.reset();
}

NodeFixture::Reply TestNodeApiCatalog::call(const QByteArray& method, const QString& path, const QString& key,
                                            const QByteArray& body, const QString& idempotencyKey)
{
    NodeFixture::Headers headers;
    if (method != "GET")
        headers.append({"Idempotency-Key", (idempotencyKey.isEmpty() ? souk::test::newKey() : idempotencyKey).toLatin1()});
    return m_node->request(method, path, key, body, headers);
}

QString TestNodeApiCatalog::keyOf(const QString& who) const
{
    const auto& s = m_node->seeded();
    return who == u"admin"_s ? s.adminKey : who == u"staff"_s ? s.staffAKey : s.ownerAKey;
}

QByteArray TestNodeApiCatalog::state()
{
    const auto& s = m_node->seeded();
    const QString a = s.merchantA.toString();
    const QStringList reads = {u"/v1/products?merchant_id=%1&limit=5000"_s.arg(a),
                               u"/v1/products/%1/stock"_s.arg(s.productA.toString()),
                               u"/v1/merchants/%1/categories"_s.arg(a),
                               u"/v1/users?limit=1000"_s,
                               u"/v1/merchants/%1/payouts?limit=1000"_s.arg(a),
                               u"/v1/ledger/balances"_s,
                               u"/v1/orders?limit=1000"_s};
    QByteArray out;
    for (const QString& path : reads) {
        const auto r = call("GET", path, s.adminKey);
        out += path.toUtf8() + ' ' + QByteArray::number(r.status) + ' ' + r.body + '\n';
    }
    // the keys, without when each was last used (every request uses one)
    const auto keys = call("GET", u"/v1/api_keys?limit=1000"_s, s.adminKey);
    for (const QJsonValue& k : keys.json()[u"data"_s].toArray())
        out += k[u"id"_s].toString().toUtf8() + ' ' + k[u"revoked_ms"_s].toVariant().toByteArray() + '\n';
    return out;
}

QJsonObject TestNodeApiCatalog::productJson(const QString& title, const QString& sku, qint64 priceMinor) const
{
    const QJsonObject variant{{u"sku"_s, sku},
                              {u"price"_s, QJsonObject{{u"amount_minor"_s, priceMinor}, {u"currency"_s, m_currency}}}};
    return {{u"merchant_id"_s, m_node->seeded().merchantA.toString()},
            {u"title"_s, title},
            {u"status"_s, u"active"_s},
            {u"variants"_s, QJsonArray{variant}}};
}

void TestNodeApiCatalog::refusalsNameTheFieldAndChangeNothing_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("who");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const auto& s = m_node->seeded();
    const QString a = s.merchantA.toString();
    const QString p = s.productA.toString();
    QJsonObject negative = productJson(u"Bad"_s, u"BAD-1"_s, -5);
    QJsonObject unknownCurrency = productJson(u"Bad"_s, u"BAD-2"_s, 5);
    QJsonArray variants = unknownCurrency[u"variants"_s].toArray();
    QJsonObject variant = variants[0].toObject();
    variant[u"price"_s] = QJsonObject{{u"amount_minor"_s, 5}, {u"currency"_s, u"XYZ"_s}};
    variants[0] = variant;
    unknownCurrency[u"variants"_s] = variants;
    QJsonObject withId = productJson(u"Bad"_s, u"BAD-3"_s, 5);
    withId[u"id"_s] = u"1"_s;
    QJsonObject otherProduct = productJson(u"Bad"_s, u"BAD-4"_s, 5);
    otherProduct[u"id"_s] = u"1"_s;
    const QJsonObject terms{{u"tax_rate_bp"_s, u"825"_s}, {u"commission_bp"_s, 0}, {u"commission_fixed_minor"_s, 0},
                            {u"delivery_fee_minor"_s, 0}, {u"unpaid_expiry_minutes"_s, 30}};

    const auto row = [](const char* name, const QByteArray& method, const QString& path, const QString& who,
                        const QByteArray& body, int status, const QString& code, const QString& field) {
        QTest::newRow(name) << method << path << who << body << status << code << field;
    };
    const QString owner = u"owner"_s, admin = u"admin"_s;
    // products
    row("list: limit 0", "GET", u"/v1/products?merchant_id=%1&limit=0"_s.arg(a), owner, {}, 400, u"invalid"_s, u"limit"_s);
    row("search: limit", "GET", u"/v1/products/search?merchant_id=%1&text=mug&limit=10001"_s.arg(a), owner, {}, 400,
        u"invalid"_s, u"limit"_s);
    row("summaries: id", "GET", u"/v1/product_summaries?ids=%1,x"_s.arg(p), owner, {}, 400, u"invalid"_s, u"ids[1]"_s);
    row("product: id", "GET", u"/v1/products/abc"_s, owner, {}, 400, u"invalid"_s, u"product_id"_s);
    row("create: negative price", "POST", u"/v1/products"_s, owner, json({{u"product"_s, negative}}), 400,
        u"invalid"_s, u"variants[0].price"_s);
    row("create: unknown currency", "POST", u"/v1/products"_s, owner, json({{u"product"_s, unknownCurrency}}), 400,
        u"invalid"_s, u"product.variants[0].price.currency"_s);
    row("create: with an id", "POST", u"/v1/products"_s, owner, json({{u"product"_s, withId}}), 400, u"invalid"_s,
        u"product.id"_s);
    row("update: another id", "PUT", u"/v1/products/"_s + p, owner, json({{u"product"_s, otherProduct}}), 400,
        u"invalid"_s, u"product.id"_s);
    row("edit: no product", "POST", u"/v1/products/%1/edits"_s.arg(p), owner, json({{u"colour"_s, 1}}), 400,
        u"invalid"_s, u"product"_s);
    row("undo edit: another product", "POST", u"/v1/products/%1/edits/undo"_s.arg(p), owner,
        json({{u"edit"_s, QJsonObject{{u"before"_s, otherProduct}, {u"after"_s, otherProduct}}}}), 400, u"invalid"_s,
        u"edit.after.id"_s);
    row("bulk edit: kind", "POST", u"/v1/bulk_edits"_s, owner,
        json({{u"edit"_s, QJsonObject{{u"merchant_id"_s, a}, {u"product_ids"_s, QJsonArray{p}}, {u"kind"_s, u"double"_s}}}}),
        400, u"invalid"_s, u"edit.kind"_s);
    row("undo bulk edit: not an object", "POST", u"/v1/bulk_edits/undo"_s, owner, json({{u"result"_s, QJsonArray{}}}),
        400, u"invalid"_s, u"result"_s);
    row("categories: merchant", "GET", u"/v1/merchants/x/categories"_s, owner, {}, 400, u"invalid"_s, u"merchant_id"_s);
    // stock and imports
    row("stock: product", "GET", u"/v1/products/0/stock"_s, owner, {}, 400, u"invalid"_s, u"product_id"_s);
    row("movements: variant", "GET", u"/v1/variants/abc/movements"_s, owner, {}, 400, u"invalid"_s, u"variant_id"_s);
    row("adjust: variant not a number", "POST", u"/v1/stock_adjustments"_s, owner,
        json({{u"adjustment"_s, QJsonObject{{u"variant_id"_s, u"abc"_s}, {u"location_id"_s, s.locationA.toString()},
                                           {u"delta"_s, 5}, {u"reason"_s, u"count"_s}}}}),
        400, u"invalid"_s, u"adjustment.variant_id"_s);
    row("plan import: format", "POST", u"/v1/catalog/imports/plan"_s, owner,
        json({{u"merchant_id"_s, a}, {u"csv"_s, u"Handle\n"_s}, {u"format"_s, u"excel"_s}}), 400, u"invalid"_s,
        u"format"_s);
    row("run import: no plan", "POST", u"/v1/catalog/imports"_s, owner, json({{u"merchant_id"_s, a}}), 400,
        u"invalid"_s, u"plan"_s);
    row("export: format", "GET", u"/v1/catalog/export?merchant_id=%1&format=xml"_s.arg(a), owner, {}, 400,
        u"invalid"_s, u"format"_s);
    // customers, terms, orders
    row("customer: no name", "POST", u"/v1/customers"_s, owner,
        json({{u"customer"_s, QJsonObject{{u"email"_s, u"x@example.com"_s}}}}), 400, u"invalid"_s, u"customer.name"_s);
    row("terms: tax as text", "PUT", u"/v1/merchants/%1/terms"_s.arg(a), owner, json({{u"terms"_s, terms}}), 400,
        u"invalid"_s, u"terms.tax_rate_bp"_s);
    row("discount: kind", "POST", u"/v1/merchants/%1/discount_codes"_s.arg(a), owner,
        json({{u"code"_s, QJsonObject{{u"code"_s, u"HALF"_s}, {u"kind"_s, u"half"_s}, {u"value"_s, 5}}}}), 400,
        u"invalid"_s, u"code.kind"_s);
    row("advance: status", "POST", u"/v1/orders/%1/advance"_s.arg(s.orderA.toString()), owner,
        json({{u"to"_s, u"teleported"_s}}), 400, u"invalid"_s, u"to"_s);
    row("orders by id: id", "GET", u"/v1/orders/batch?ids=abc"_s, owner, {}, 400, u"invalid"_s, u"ids[0]"_s);
    row("counters: no day start", "GET", u"/v1/orders/counters"_s, owner, {}, 400, u"invalid"_s, u"day_start_ms"_s);
    // payments and the ledger
    row("authorize: no card", "POST", u"/v1/orders/%1/payments"_s.arg(s.orderA.toString()), owner,
        json({{u"card"_s, QJsonValue()}}), 400, u"invalid"_s, u"card"_s);
    row("dispute: amount as text", "POST", u"/v1/payments/%1/disputes"_s.arg(s.paymentA.toString()), owner,
        json({{u"amount_minor"_s, u"5"_s}}), 400, u"invalid"_s, u"amount_minor"_s);
    row("evidence: dispute", "POST", u"/v1/disputes/abc/evidence"_s, owner, {}, 400, u"invalid"_s, u"dispute_id"_s);
    row("resolve: won as text", "POST", u"/v1/disputes/1/resolve"_s, owner, json({{u"won"_s, u"yes"_s}}), 400,
        u"invalid"_s, u"won"_s);
    row("payout: unknown currency", "POST", u"/v1/merchants/%1/payouts"_s.arg(a), owner,
        json({{u"amounts"_s, QJsonObject{{u"XYZ"_s, 100}}}}), 400, u"invalid"_s, u"amounts"_s);
    row("payouts: merchant", "GET", u"/v1/merchants/abc/payouts"_s, owner, {}, 400, u"invalid"_s, u"merchant_id"_s);
    row("balances: merchant", "GET", u"/v1/ledger/balances?merchant_id=x"_s, owner, {}, 400, u"invalid"_s,
        u"merchant_id"_s);
    row("maintenance: takes no body", "POST", u"/v1/maintenance"_s, admin, json({{u"x"_s, 1}}), 400, u"invalid"_s,
        u"body"_s);
    // people, keys, audit
    row("password: no new one", "POST", u"/v1/me/password"_s, owner, json({{u"current_password"_s, u"x"_s}}), 400,
        u"invalid"_s, u"new_password"_s);
    row("add user: bad role", "POST", u"/v1/users"_s, admin,
        json({{u"user"_s, QJsonObject{{u"name"_s, u"zed"_s}, {u"role"_s, u"king"_s}}}}), 400, u"invalid"_s,
        u"user.role"_s);
    row("disable: user", "POST", u"/v1/users/abc/disable"_s, admin, {}, 400, u"invalid"_s, u"user_id"_s);
    row("reset totp: user", "POST", u"/v1/users/abc/totp/reset"_s, admin, {}, 400, u"invalid"_s, u"user_id"_s);
    row("confirm totp: no code", "POST", u"/v1/me/totp/confirm"_s, owner, json({{u"kode"_s, u"1"_s}}), 400,
        u"invalid"_s, u"code"_s);
    row("api keys: user", "GET", u"/v1/api_keys?user_id=x"_s, owner, {}, 400, u"invalid"_s, u"user_id"_s);
    row("create key as staff", "POST", u"/v1/api_keys"_s, u"staff"_s,
        json({{u"user_id"_s, u"1"_s}, {u"name"_s, u"mine"_s}}), 403, u"forbidden"_s, QString());
    row("create key: expiry as text", "POST", u"/v1/api_keys"_s, admin,
        json({{u"user_id"_s, u"1"_s}, {u"name"_s, u"x"_s}, {u"expires_ms"_s, u"soon"_s}}), 400, u"invalid"_s,
        u"expires_ms"_s);
    row("revoke: key", "POST", u"/v1/api_keys/abc/revoke"_s, admin, {}, 400, u"invalid"_s, u"key_id"_s);
    row("audit: limit", "GET", u"/v1/audit?limit=0"_s, admin, {}, 400, u"invalid"_s, u"limit"_s);
    row("audit: since", "GET", u"/v1/audit?since_ms=yesterday"_s, admin, {}, 400, u"invalid"_s, u"since_ms"_s);
}

void TestNodeApiCatalog::refusalsNameTheFieldAndChangeNothing()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, who);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const QByteArray before = state();
    const auto r = call(method, path, keyOf(who), body);
    const QString mismatch = r.problemMismatch(status, code, field);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    QCOMPARE(state(), before);
}

void TestNodeApiCatalog::productSavedReadAndUndone()
{
    const QString owner = m_node->seeded().ownerAKey;
    const auto created = call("POST", u"/v1/products"_s, owner, json({{u"product"_s, productJson(u"Teapot"_s, u"POT-1"_s, 1200)}}));
    QVERIFY2(created.status == 201, qPrintable(created.describe()));
    const QString id = created.json()[u"id"_s].toString();
    const qint64 version = created.json()[u"version"_s].toInteger();
    QVERIFY(!id.isEmpty());

    const auto read = call("GET", u"/v1/products/"_s + id, owner);
    QVERIFY2(read.status == 200, qPrintable(read.describe()));
    QCOMPARE(read.header("etag"), '"' + QByteArray::number(version) + '"');
    QCOMPARE(read.json()[u"title"_s].toString(), u"Teapot"_s);
    QCOMPARE(read.json()[u"variants"_s][0][u"price"_s][u"amount_minor"_s].toInteger(), 1200);

    QJsonObject changed = read.json();
    changed[u"title"_s] = u"Teapot II"_s;
    const auto updated = call("PUT", u"/v1/products/"_s + id, owner, json({{u"product"_s, changed}}));
    QVERIFY2(updated.status == 200, qPrintable(updated.describe()));
    QVERIFY(updated.json()[u"version"_s].toInteger() > version);
    // the version read is gone: a second save of it fails and changes nothing
    const auto stale = call("PUT", u"/v1/products/"_s + id, owner, json({{u"product"_s, changed}}));
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.json()[u"code"_s].toString(), u"version_conflict"_s);
    QCOMPARE(call("GET", u"/v1/products/"_s + id, owner).json()[u"title"_s].toString(), u"Teapot II"_s);

    const auto found = call("GET", u"/v1/products/search?merchant_id=%1&text=teapot"_s.arg(m_node->seeded().merchantA.toString()), owner);
    QVERIFY2(found.status == 200 && found.body.contains(id.toUtf8()), qPrintable(found.describe()));
    const auto summaries = call("GET", u"/v1/product_summaries?ids="_s + id, owner);
    QVERIFY2(summaries.status == 200, qPrintable(summaries.describe()));
    QCOMPARE(summaries.json()[u"data"_s][0][u"price_min"_s][u"amount_minor"_s].toInteger(), 1200);

    // an edit answers what it replaced, and undo puts it back
    QJsonObject third = updated.json();
    third[u"title"_s] = u"Teapot III"_s;
    const auto edit = call("POST", u"/v1/products/%1/edits"_s.arg(id), owner, json({{u"product"_s, third}}));
    QVERIFY2(edit.status == 200, qPrintable(edit.describe()));
    QCOMPARE(edit.json()[u"before"_s][u"title"_s].toString(), u"Teapot II"_s);
    const auto undone = call("POST", u"/v1/products/%1/edits/undo"_s.arg(id), owner, json({{u"edit"_s, edit.json()}}));
    QVERIFY2(undone.status == 200, qPrintable(undone.describe()));
    QCOMPARE(call("GET", u"/v1/products/"_s + id, owner).json()[u"title"_s].toString(), u"Teapot II"_s);
}

void TestNodeApiCatalog::ifMatchCarriesTheVersion()
{
    const QString owner = m_node->seeded().ownerAKey;
    const auto created = call("POST", u"/v1/products"_s, owner, json({{u"product"_s, productJson(u"Kettle"_s, u"KET-1"_s, 3000)}}));
    QVERIFY2(created.status == 201, qPrintable(created.describe()));
    const QString path = u"/v1/products/"_s + created.json()[u"id"_s].toString();
    const auto read = call("GET", path, owner);
    const QByteArray etag = read.header("etag");
    QVERIFY2(etag.size() > 2, qPrintable(read.describe()));
    const auto put = [&](const QJsonObject& product, const QByteArray& ifMatch, const QString& where = {}) {
        return m_node->request("PUT", where.isEmpty() ? path : where, owner, json({{u"product"_s, product}}),
                               {{"Idempotency-Key", souk::test::newKey().toLatin1()}, {"If-Match", ifMatch}});
    };
    QJsonObject changed = read.json();
    changed.remove(u"version"_s); // the header says which version this update expects
    changed[u"title"_s] = u"Kettle II"_s;
    const auto updated = put(changed, etag);
    QVERIFY2(updated.status == 200, qPrintable(updated.describe()));
    QVERIFY(updated.header("etag") != etag);
    QCOMPARE(updated.json()[u"title"_s].toString(), u"Kettle II"_s);

    // the ETag read is gone: 412, naming If-Match, and nothing changes
    changed[u"title"_s] = u"Kettle III"_s;
    QCOMPARE_PROBLEM(put(changed, etag), 412, "version_conflict", "If-Match");
    // a header that disagrees with the body's version, or is no ETag, or on an operation without one
    QJsonObject withVersion = changed;
    withVersion[u"version"_s] = updated.json()[u"version"_s];
    QCOMPARE_PROBLEM(put(withVersion, etag), 400, "invalid", "If-Match");
    QCOMPARE_PROBLEM(put(changed, updated.header("etag").mid(1).chopped(1)), 400, "invalid", "If-Match");
    QCOMPARE_PROBLEM(put(changed, "\"x\""), 400, "invalid", "If-Match");
    const auto other = m_node->request("POST", u"/v1/products"_s, owner,
                                       json({{u"product"_s, productJson(u"Cup"_s, u"CUP-9"_s, 100)}}),
                                       {{"Idempotency-Key", souk::test::newKey().toLatin1()}, {"If-Match", "\"1\""}});
    QCOMPARE_PROBLEM(other, 400, "invalid", "If-Match");
    QCOMPARE(call("GET", path, owner).json()[u"title"_s].toString(), u"Kettle II"_s);
    // the current ETag updates
    const auto again = put(changed, updated.header("etag"));
    QVERIFY2(again.status == 200, qPrintable(again.describe()));
    QCOMPARE(again.json()[u"title"_s].toString(), u"Kettle III"_s);
}

void TestNodeApiCatalog::stockAdjustedAndJournalled()
{
    const auto& s = m_node->seeded();
    const QString stockPath = u"/v1/products/%1/stock"_s.arg(s.productA.toString());
    const auto levels = call("GET", stockPath, s.staffAKey);
    QVERIFY2(levels.status == 200, qPrintable(levels.describe()));
    const qint64 onHand = QJsonDocument::fromJson(levels.body).array()[0][u"on_hand"_s].toInteger(); // an array: not paged
    const QByteArray body = json({{u"adjustment"_s, QJsonObject{{u"variant_id"_s, s.variantA.toString()},
                                                               {u"location_id"_s, s.locationA.toString()},
                                                               {u"kind"_s, u"received"_s},
                                                               {u"delta"_s, 5},
                                                               {u"reason"_s, u"delivery"_s}}}});
    const QString key = souk::test::newKey();
    const auto adjusted = call("POST", u"/v1/stock_adjustments"_s, s.staffAKey, body, key);
    QVERIFY2(adjusted.status == 200, qPrintable(adjusted.describe()));
    QCOMPARE(adjusted.json()[u"on_hand"_s].toInteger(), onHand + 5);
    QCOMPARE(adjusted.json()[u"available"_s].toInteger(), adjusted.json()[u"on_hand"_s].toInteger()
                                                                - adjusted.json()[u"reserved"_s].toInteger());
    // a retry with the same key answers the first result and moves nothing more
    const auto again = call("POST", u"/v1/stock_adjustments"_s, s.staffAKey, body, key);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json()[u"on_hand"_s].toInteger(), onHand + 5);
    const auto journal = call("GET", u"/v1/variants/%1/movements?limit=1"_s.arg(s.variantA.toString()), s.staffAKey);
    QVERIFY2(journal.status == 200, qPrintable(journal.describe()));
    QCOMPARE(journal.json()[u"data"_s][0][u"kind"_s].toString(), u"received"_s);
    QCOMPARE(journal.json()[u"data"_s][0][u"on_hand_delta"_s].toInteger(), 5);
    QVERIFY(journal.json()[u"has_more"_s].toBool());
}

void TestNodeApiCatalog::catalogExportedPlannedAndImported()
{
    const QString owner = m_node->seeded().ownerAKey;
    const QString a = m_node->seeded().merchantA.toString();
    const auto exported = call("GET", u"/v1/catalog/export?merchant_id=%1"_s.arg(a), owner);
    QVERIFY2(exported.status == 200, qPrintable(exported.describe()));
    const QString csv = QJsonDocument::fromJson("[" + exported.body + "]").array()[0].toString();
    QVERIFY2(csv.contains(m_node->seeded().skuA), qPrintable(csv));
    const auto plan = call("POST", u"/v1/catalog/imports/plan"_s, owner,
                           json({{u"merchant_id"_s, a}, {u"csv"_s, csv}, {u"format"_s, u"souk"_s}}));
    QVERIFY2(plan.status == 200, qPrintable(plan.describe()));
    QVERIFY2(plan.json()[u"errors"_s].toArray().isEmpty(), qPrintable(plan.describe()));
    QVERIFY(!plan.json()[u"products"_s].toArray().isEmpty());
    const auto run = call("POST", u"/v1/catalog/imports"_s, owner, json({{u"merchant_id"_s, a}, {u"plan"_s, plan.json()}}));
    QVERIFY2(run.status == 200, qPrintable(run.describe()));
    QCOMPARE(run.json()[u"products_created"_s].toInteger(), 0); // matched by handle: the same products
    QCOMPARE(run.json()[u"products_updated"_s].toInteger(), plan.json()[u"products"_s].toArray().size());
}

void TestNodeApiCatalog::usersAndKeysAsAdminAndOwner()
{
    const auto& s = m_node->seeded();
    const auto all = call("GET", u"/v1/users"_s, s.adminKey);
    QVERIFY2(all.status == 200, qPrintable(all.describe()));
    const QStringList names = namesIn(all.json()[u"data"_s].toArray());
    for (const QString& name : {u"ada"_s, s.ownerAName, u"bea"_s, u"sam"_s, u"stan"_s})
        QVERIFY2(names.contains(name), qPrintable(names.join(u", "_s)));
    // an owner manages its merchant's people only
    const auto own = call("GET", u"/v1/users"_s, s.ownerAKey);
    QVERIFY2(own.status == 200, qPrintable(own.describe()));
    QStringList ownNames = namesIn(own.json()[u"data"_s].toArray());
    ownNames.sort();
    QCOMPARE(ownNames, (QStringList{s.ownerAName, u"stan"_s}));
    // keys are listed by prefix; their secrets never
    const auto keys = call("GET", u"/v1/api_keys"_s, s.adminKey);
    QVERIFY2(keys.status == 200, qPrintable(keys.describe()));
    QVERIFY(!keys.json()[u"data"_s].toArray().isEmpty());
    QVERIFY(!keys.body.contains(s.adminKey.toUtf8()));
    QCOMPARE_PROBLEM(call("GET", u"/v1/users"_s, s.staffAKey), 403, "forbidden", "");
}

void TestNodeApiCatalog::customersOrdersAndDisputes()
{
    const auto& s = m_node->seeded();
    const QString a = s.merchantA.toString();
    const auto customer = call("POST", u"/v1/customers"_s, s.ownerAKey,
                               json({{u"customer"_s, QJsonObject{{u"name"_s, u"Rui"_s}, {u"email"_s, u"rui@example.com"_s}}}}));
    QVERIFY2(customer.status == 201, qPrintable(customer.describe()));
    QVERIFY(!customer.json()[u"id"_s].toString().isEmpty());
    const QJsonObject code{{u"code"_s, u"TENOFF"_s}, {u"kind"_s, u"percent"_s}, {u"value"_s, 1000}};
    const auto added = call("POST", u"/v1/merchants/%1/discount_codes"_s.arg(a), s.ownerAKey, json({{u"code"_s, code}}));
    QVERIFY2(added.status == 201 && added.body == "true", qPrintable(added.describe()));

    const auto batch = call("GET", u"/v1/orders/batch?ids=%1,%2"_s.arg(s.orderA.toString(), s.orderB.toString()), s.ownerAKey);
    QVERIFY2(batch.status == 200, qPrintable(batch.describe()));
    QCOMPARE(batch.json()[u"data"_s].toArray().size(), 1); // merchant B's order is not the owner's to see
    const auto counters = call("GET", u"/v1/orders/counters?day_start_ms=0"_s, s.ownerAKey);
    QVERIFY2(counters.status == 200, qPrintable(counters.describe()));
    QVERIFY(counters.json()[u"awaiting_payment"_s].toInteger() >= 1);

    // a dispute from open to lost shows in the order's detail with its ledger postings
    const auto opened = call("POST", u"/v1/payments/%1/disputes"_s.arg(s.paymentA.toString()), s.ownerAKey,
                             json({{u"amount_minor"_s, 500}, {u"reason"_s, u"fraudulent"_s}}));
    QVERIFY2(opened.status == 201, qPrintable(opened.describe()));
    const QString dispute = opened.json()[u"id"_s].toString();
    const auto evidence = call("POST", u"/v1/disputes/%1/evidence"_s.arg(dispute), s.ownerAKey);
    QVERIFY2(evidence.status == 200, qPrintable(evidence.describe()));
    QCOMPARE(evidence.json()[u"status"_s].toString(), u"under_review"_s);
    const auto lost = call("POST", u"/v1/disputes/%1/resolve"_s.arg(dispute), s.ownerAKey, json({{u"won"_s, false}}));
    QVERIFY2(lost.status == 200, qPrintable(lost.describe()));
    const auto detail = call("GET", u"/v1/orders/"_s + s.paidOrderA.toString(), s.ownerAKey);
    QVERIFY2(detail.status == 200, qPrintable(detail.describe()));
    QCOMPARE(detail.json()[u"disputes"_s][0][u"status"_s].toString(), u"lost"_s);
    QVERIFY(detail.body.contains("\"entry_kind\":\"dispute_lost\""));
}

void TestNodeApiCatalog::ledgerPayoutAndAudit()
{
    const auto& s = m_node->seeded();
    const QString a = s.merchantA.toString();
    const auto balances = call("GET", u"/v1/ledger/balances?merchant_id="_s + a, s.ownerAKey);
    QVERIFY2(balances.status == 200, qPrintable(balances.describe()));
    QVERIFY(!QJsonDocument::fromJson(balances.body).array().isEmpty());
    // the captured order of the seed is owed to merchant A: paid out whole
    const auto paid = call("POST", u"/v1/merchants/%1/payouts"_s.arg(a), s.ownerAKey, json({}));
    QVERIFY2(paid.status == 201, qPrintable(paid.describe()));
    const QJsonArray payouts = QJsonDocument::fromJson(paid.body).array();
    QCOMPARE(payouts.size(), 1);
    QCOMPARE(payouts[0][u"amount"_s][u"currency"_s].toString(), m_currency);
    const auto history = call("GET", u"/v1/merchants/%1/payouts"_s.arg(a), s.ownerAKey);
    QVERIFY2(history.status == 200, qPrintable(history.describe()));
    QCOMPARE(history.json()[u"data"_s][0][u"id"_s], payouts[0][u"id"_s]);

    const auto audit = call("GET", u"/v1/audit?limit=3"_s, s.adminKey);
    QVERIFY2(audit.status == 200, qPrintable(audit.describe()));
    const QJsonArray rows = QJsonDocument::fromJson(audit.body).array();
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows[0][u"seq"_s].toInteger() > rows[1][u"seq"_s].toInteger()); // newest first
    const auto next = call("GET", u"/v1/audit?limit=1&starting_after=%1"_s.arg(rows[0][u"seq"_s].toInteger()), s.adminKey);
    QCOMPARE(QJsonDocument::fromJson(next.body).array()[0][u"seq"_s], rows[1][u"seq"_s]);
    const auto verified = call("GET", u"/v1/audit/verify"_s, s.adminKey);
    QVERIFY2(verified.status == 200, qPrintable(verified.describe()));
    QVERIFY(verified.json()[u"first_bad_seq"_s].isNull());
    QVERIFY(verified.json()[u"rows"_s].toInteger() > 0);
}

QTEST_GUILESS_MAIN(TestNodeApiCatalog)
#include "TestNodeApiCatalog.moc"
