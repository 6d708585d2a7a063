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

} // namespace

/// The node's API over real HTTPS against the real soukd: sign-in and bearer auth, validation
/// that names the field, idempotency, tenant isolation, paging, routing and the ETag. Every
/// refusal is checked for its status, problem+json, code and field, and for changing nothing.
class TestNodeApi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void healthAndReadiness();
    void openApiNeedsNoSignIn();
    void signInThenSignOut();
    void missingAuthorizationIs401();
    void revokedKeyIs401();
    void malformedJsonNamesBody();
    void wrongTypeNamesItsPath();
    void unknownFieldIsNamed();
    void numberOutOfRange_data();
    void numberOutOfRange();
    void idNotANumberInPath();
    void mutationNeedsIdempotencyKey();
    void idempotentReplayAndConflict();
    void orderWithoutCustomer();
    void otherMerchantsOrderIsNotFound();
    void pagesMerchants();
    void unknownQueryParameter();
    void wrongMethodIs405();
    void dotSegments_data();
    void dotSegments();
    void etagIsTheVersion();

private:
    NodeFixture::Reply get(const QString& path, const QString& key) { return m_node->request("GET", path, key); }
    NodeFixture::Reply post(const QString& path, const QByteArray& body, const QString& idempotencyKey)
    {
        NodeFixture::Headers headers;
        if (!idempotencyKey.isEmpty())
            headers.append({"Idempotency-Key", idempotencyKey.toLatin1()});
        return m_node->request("POST", path, m_node->seeded().ownerAKey, body, headers);
    }
    /// Every order, as the platform's admin sees them: the "before" and "after" of a refusal.
    QByteArray allOrders();
    QByteArray newOrder(qint64 quantity = 1) const;

    std::unique_ptr<NodeFixture> m_node;
};

void TestNodeApi::initTestCase()
{
    m_node = std::make_unique<NodeFixture>();
    QVERIFY(m_node->seed());
    QVERIFY(m_node->start());
}

void TestNodeApi::cleanupTestCase()
{
    if (m_node->running())
        QVERIFY2(m_node->stop(), qPrintable(m_node->log()));
    m_node.reset();
}

QByteArray TestNodeApi::allOrders()
{
    const auto r = get(u"/v1/orders?limit=1000"_s, m_node->seeded().adminKey);
    if (r.status != 200)
        qWarning().noquote() << "orders list:" << r.describe();
    return r.status == 200 ? QJsonDocument(r.json().value(u"data"_s).toArray()).toJson() : QByteArray("failed");
}

QByteArray TestNodeApi::newOrder(qint64 quantity) const
{
    const QJsonObject line{{u"sku"_s, m_node->seeded().skuA}, {u"quantity"_s, quantity}};
    return json({{u"order"_s, QJsonObject{{u"merchant_id"_s, m_node->seeded().merchantA.toString()},
                                          {u"customer_id"_s, m_node->seeded().customer.toString()},
                                          {u"lines"_s, QJsonArray{line}}}}});
}

void TestNodeApi::healthAndReadiness()
{
    const auto health = m_node->request("GET", u"/healthz"_s);
    QVERIFY2(health.status == 200, qPrintable(health.describe()));
    QCOMPARE(health.json().value(u"status"_s).toString(), u"ok"_s);
    const auto ready = m_node->request("GET", u"/readyz"_s);
    QVERIFY2(ready.status == 200, qPrintable(ready.describe()));
    QCOMPARE(ready.json().value(u"status"_s).toString(), u"ready"_s);
}

void TestNodeApi::openApiNeedsNoSignIn()
{
    const auto r = m_node->request("GET", u"/v1/openapi.json"_s);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QVERIFY(r.header("content-type").startsWith("application/json"));
    QVERIFY(r.json().value(u"openapi"_s).toString().startsWith(u"3.1"_s));
    QVERIFY(r.json().value(u"paths"_s).toObject().contains(u"/orders/{order_id}"_s));
}

void TestNodeApi::signInThenSignOut()
{
    const QByteArray credentials = json({{u"user"_s, m_node->seeded().ownerAName},
                                         {u"password"_s, m_node->seeded().ownerAPassword},
                                         {u"code"_s, u""_s}});
    const auto signedIn = m_node->request("POST", u"/v1/sessions"_s, {}, credentials);
    QVERIFY2(signedIn.status == 201, qPrintable(signedIn.describe()));
    const QString token = signedIn.json().value(u"token"_s).toString();
    QVERIFY2(token.startsWith(u"st_"_s), qPrintable(token));
    QVERIFY(signedIn.json().value(u"expires_ms"_s).toInteger() > 0);
    QCOMPARE(signedIn.json().value(u"principal"_s).toObject().value(u"user_name"_s).toString(),
             m_node->seeded().ownerAName);

    const auto orders = get(u"/v1/orders"_s, token);
    QVERIFY2(orders.status == 200, qPrintable(orders.describe()));
    for (const QJsonValue& o : orders.json().value(u"data"_s).toArray()) // the owner sees its merchant only
        QCOMPARE(o[u"merchant_id"_s].toString(), m_node->seeded().merchantA.toString());

    const auto out = m_node->request("DELETE", u"/v1/sessions/current"_s, token, {},
                                     {{"Idempotency-Key", souk::test::newKey().toLatin1()}});
    QVERIFY2(out.status == 200, qPrintable(out.describe()));
    const auto after = get(u"/v1/orders"_s, token);
    QCOMPARE_PROBLEM(after, 401, "unauthenticated", "Authorization");
    QVERIFY(after.header("www-authenticate").startsWith("Bearer"));
}

void TestNodeApi::missingAuthorizationIs401()
{
    const auto r = get(u"/v1/orders"_s, {});
    QCOMPARE_PROBLEM(r, 401, "unauthenticated", "Authorization");
    QVERIFY2(r.header("www-authenticate").startsWith("Bearer"), qPrintable(r.describe()));
    const auto wrongScheme = m_node->request("GET", u"/v1/orders"_s, {}, {},
                                             {{"Authorization", "Basic " + QByteArray("olga:x").toBase64()}});
    QCOMPARE_PROBLEM(wrongScheme, 401, "unauthenticated", "Authorization");
}

void TestNodeApi::revokedKeyIs401()
{
    const auto r = get(u"/v1/orders"_s, m_node->seeded().revokedKey);
    QCOMPARE_PROBLEM(r, 401, "unauthenticated", "Authorization");
    QVERIFY(r.header("www-authenticate").startsWith("Bearer"));
    // a key that never existed looks the same
    const auto made = get(u"/v1/orders"_s, u"sk_"_s + QString(40, u'a'));
    QCOMPARE_PROBLEM(made, 401, "unauthenticated", "Authorization");
}

void TestNodeApi::malformedJsonNamesBody()
{
    const QByteArray before = allOrders();
    const auto r = post(u"/v1/orders"_s, "{\"order\": {\"merchant_id\": ", souk::test::newKey());
    QCOMPARE_PROBLEM(r, 400, "invalid", "body");
    QCOMPARE(allOrders(), before);
}

void TestNodeApi::wrongTypeNamesItsPath()
{
    const QByteArray before = allOrders();
    QByteArray body = newOrder();
    body.replace("\"quantity\":1", "\"quantity\":\"1\"");
    QVERIFY(body.contains("\"quantity\":\"1\""));
    const auto r = post(u"/v1/orders"_s, body, souk::test::newKey());
    QCOMPARE_PROBLEM(r, 400, "invalid", "order.lines[0].quantity");
    QCOMPARE(allOrders(), before);
}

void TestNodeApi::unknownFieldIsNamed()
{
    const QByteArray before = allOrders();
    QJsonObject top = QJsonDocument::fromJson(newOrder()).object();
    top.insert(u"colour"_s, u"red"_s);
    QCOMPARE_PROBLEM(post(u"/v1/orders"_s, json(top), souk::test::newKey()), 400, "invalid", "colour");
    QJsonObject nested = QJsonDocument::fromJson(newOrder()).object();
    QJsonObject order = nested.value(u"order"_s).toObject();
    order.insert(u"total_minor"_s, 1);
    nested.insert(u"order"_s, order);
    QCOMPARE_PROBLEM(post(u"/v1/orders"_s, json(nested), souk::test::newKey()), 400, "invalid", "order.total_minor");
    QCOMPARE(allOrders(), before);
}

void TestNodeApi::numberOutOfRange_data()
{
    QTest::addColumn<QByteArray>("amount");
    QTest::addRow("2^63") << QByteArray("9223372036854775808");
    QTest::addRow("1e30") << QByteArray("1e30");
    QTest::addRow("-2^63-1") << QByteArray("-9223372036854775809");
    QTest::addRow("fraction") << QByteArray("10.5");
}

void TestNodeApi::numberOutOfRange()
{
    QFETCH(QByteArray, amount);
    const QString orderPath = u"/v1/orders/"_s + m_node->seeded().paidOrderA.toString();
    const QByteArray before = get(orderPath, m_node->seeded().adminKey).body;
    const auto r = post(u"/v1/payments/%1/refunds"_s.arg(m_node->seeded().paymentA.toString()),
                        "{\"amount_minor\": " + amount + "}", souk::test::newKey());
    QCOMPARE_PROBLEM(r, 400, "invalid", "amount_minor");
    QCOMPARE(get(orderPath, m_node->seeded().adminKey).body, before);
}

void TestNodeApi::idNotANumberInPath()
{
    QCOMPARE_PROBLEM(get(u"/v1/orders/abc"_s, m_node->seeded().adminKey), 400, "invalid", "order_id");
    QCOMPARE_PROBLEM(get(u"/v1/orders/-1"_s, m_node->seeded().adminKey), 400, "invalid", "order_id");
    QCOMPARE_PROBLEM(get(u"/v1/orders/99999999999999999999"_s, m_node->seeded().adminKey), 400, "invalid", "order_id");
}

void TestNodeApi::mutationNeedsIdempotencyKey()
{
    const QByteArray before = allOrders();
    QCOMPARE_PROBLEM(post(u"/v1/orders"_s, newOrder(), {}), 400, "invalid", "Idempotency-Key");
    QCOMPARE_PROBLEM(post(u"/v1/orders/%1/cancel"_s.arg(m_node->seeded().orderA.toString()), {}, {}), 400, "invalid",
                     "Idempotency-Key");
    QCOMPARE(allOrders(), before);
}

void TestNodeApi::idempotentReplayAndConflict()
{
    const int before = QJsonDocument::fromJson(allOrders()).array().size();
    const QString key = souk::test::newKey();
    const auto first = post(u"/v1/orders"_s, newOrder(2), key);
    QVERIFY2(first.status == 201, qPrintable(first.describe()));
    const auto again = post(u"/v1/orders"_s, newOrder(2), key);
    QVERIFY2(again.status == 201, qPrintable(again.describe()));
    QCOMPARE(again.json().value(u"id"_s).toString(), first.json().value(u"id"_s).toString());
    QCOMPARE(QJsonDocument::fromJson(allOrders()).array().size(), before + 1); // one order made

    const QByteArray afterOne = allOrders();
    const auto other = post(u"/v1/orders"_s, newOrder(3), key);
    QCOMPARE_PROBLEM(other, 409, "idempotency_conflict", "Idempotency-Key");
    QCOMPARE(allOrders(), afterOne);
}

void TestNodeApi::orderWithoutCustomer()
{
    // customer_id is optional in NewOrder ("the customer, if known"): leaving it out is either
    // served or refused as a bad request naming it, never a 404 about the engine's own names
    QJsonObject body = QJsonDocument::fromJson(newOrder()).object();
    QJsonObject order = body.value(u"order"_s).toObject();
    order.remove(u"customer_id"_s);
    body.insert(u"order"_s, order);
    const auto r = post(u"/v1/orders"_s, json(body), souk::test::newKey());
    if (r.status != 201)
        QCOMPARE_PROBLEM(r, 400, "invalid", "order.customer_id");
}

void TestNodeApi::otherMerchantsOrderIsNotFound()
{
    const QString bKey = m_node->seeded().ownerBKey;
    const auto own = get(u"/v1/orders/"_s + m_node->seeded().orderB.toString(), bKey);
    QVERIFY2(own.status == 200, qPrintable(own.describe()));
    const auto foreign = get(u"/v1/orders/"_s + m_node->seeded().orderA.toString(), bKey);
    const auto madeUp = get(u"/v1/orders/7393829471029248"_s, bKey);
    QCOMPARE_PROBLEM(foreign, 404, "not_found", "order_id");
    QCOMPARE_PROBLEM(madeUp, 404, "not_found", "order_id");
    // nothing tells the two apart but the id asked for (in the path, and named in the detail)
    QJsonObject a = foreign.json(), b = madeUp.json();
    a.remove(u"instance"_s);
    b.remove(u"instance"_s);
    a.insert(u"detail"_s, a.value(u"detail"_s).toString().replace(m_node->seeded().orderA.toString(), u"ID"_s));
    b.insert(u"detail"_s, b.value(u"detail"_s).toString().replace(u"7393829471029248"_s, u"ID"_s));
    QCOMPARE(a, b);
}

void TestNodeApi::pagesMerchants()
{
    const QString admin = m_node->seeded().adminKey;
    const auto all = get(u"/v1/merchants"_s, admin);
    QVERIFY2(all.status == 200, qPrintable(all.describe()));
    const QJsonArray everyone = all.json().value(u"data"_s).toArray();
    QCOMPARE(everyone.size(), 2);
    QJsonArray walked;
    QString after;
    for (int page = 0; page < 5; ++page) {
        const auto r =
            get(u"/v1/merchants?limit=1"_s + (after.isEmpty() ? QString() : u"&starting_after="_s + after), admin);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.json().value(u"object"_s).toString(), u"list"_s);
        const QJsonArray data = r.json().value(u"data"_s).toArray();
        QCOMPARE(data.size(), 1);
        walked.append(data.at(0));
        after = data.at(0)[u"id"_s].toString();
        if (!r.json().value(u"has_more"_s).toBool())
            break;
    }
    QCOMPARE(walked, everyone);
    QCOMPARE_PROBLEM(get(u"/v1/merchants?limit=0"_s, admin), 400, "invalid", "limit");
    QCOMPARE_PROBLEM(get(u"/v1/merchants?starting_after=123"_s, admin), 400, "invalid", "starting_after");
}

void TestNodeApi::unknownQueryParameter()
{
    QCOMPARE_PROBLEM(get(u"/v1/merchants?colour=red"_s, m_node->seeded().adminKey), 400, "invalid", "colour");
    QCOMPARE_PROBLEM(get(u"/v1/orders?limit=1&limit=2"_s, m_node->seeded().adminKey), 400, "invalid", "limit");
}

void TestNodeApi::wrongMethodIs405()
{
    const QByteArray before = allOrders();
    const auto put = m_node->request("PUT", u"/v1/orders"_s, m_node->seeded().ownerAKey, newOrder(),
                                     {{"Idempotency-Key", souk::test::newKey().toLatin1()}});
    QCOMPARE_PROBLEM(put, 405, "invalid", "method");
    const auto del = m_node->request("DELETE", u"/v1/orders/"_s + m_node->seeded().orderA.toString(),
                                     m_node->seeded().ownerAKey, {}, {{"Idempotency-Key", "k-405"}});
    QCOMPARE_PROBLEM(del, 405, "invalid", "method");
    QCOMPARE(allOrders(), before);
}

void TestNodeApi::dotSegments_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("..") << QByteArray("/v1/orders/../merchants");
    QTest::newRow("%2e%2e") << QByteArray("/v1/orders/%2e%2e/merchants");
    QTest::newRow("%2E%2E") << QByteArray("/v1/orders/%2E%2E/merchants");
    QTest::newRow(".") << QByteArray("/v1/./merchants");
    QTest::newRow("%2f") << QByteArray("/v1/orders%2f..%2fmerchants");
}

void TestNodeApi::dotSegments()
{
    QFETCH(QByteArray, target);
    // raw bytes: an HTTP library would remove the dot segments before sending
    const auto r = m_node->exchange("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                                    m_node->seeded().adminKey.toLatin1() + "\r\nConnection: close\r\n\r\n");
    QCOMPARE_PROBLEM(r, 400, "invalid", "path");
}

void TestNodeApi::etagIsTheVersion()
{
    const auto r = get(u"/v1/orders/"_s + m_node->seeded().orderA.toString(), m_node->seeded().ownerAKey);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const qint64 version = r.json().value(u"order"_s).toObject().value(u"version"_s).toInteger(-1);
    QVERIFY(version >= 1);
    QCOMPARE(r.header("etag"), QByteArray('"' + QByteArray::number(version) + '"'));
}

QTEST_GUILESS_MAIN(TestNodeApi)
#include "TestNodeApi.moc"
