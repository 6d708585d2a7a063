// The API's one table and its JSON forms, without a node: every operation well formed, and the
// decoding of bad input naming the field.
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "backend/api/schema/OpenApi.h"
#include "backend/api/schema/Operations.h"
#include "backend/api/schema/Problem.h"
#include "backend/api/schema/Types.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::api;

class TestApiSchema : public QObject
{
    Q_OBJECT

private slots:
    void operationsAreWellFormed()
    {
        QSet<QString> ids;
        QSet<QString> routes;
        static const QRegularExpression segment(u"^([a-z0-9_]+|\\{[a-z_]+\\})$"_s);
        for (const ApiOperation& op : apiOperations()) {
            QVERIFY2(!ids.contains(op.id), qPrintable(op.id));
            ids.insert(op.id);
            const QString route = QString::fromLatin1(op.method) + u' ' + op.path;
            QVERIFY2(!routes.contains(route), qPrintable(route));
            routes.insert(route);
            QVERIFY2(op.path.startsWith(u"/v1/"_s), qPrintable(op.path));
            QVERIFY(op.serve);
            QVERIFY(!op.summary.isEmpty());
            // a mutation takes a key; a read never does
            QCOMPARE(op.idempotent, auth::specOf(op.op).mutation);
            QCOMPARE(op.method == "GET", !op.idempotent);
            QStringList pathParams;
            for (const QString& s : op.path.mid(1).split(u'/')) {
                QVERIFY2(segment.match(s).hasMatch(), qPrintable(op.path));
                if (s.startsWith(u'{'))
                    pathParams << s.mid(1, s.size() - 2);
            }
            for (const ParamSpec& p : op.params)
                if (p.in == In::Path)
                    QVERIFY2(pathParams.removeOne(p.name), qPrintable(op.id + u' ' + p.name));
            QVERIFY2(pathParams.isEmpty(), qPrintable(op.id + u" leaves path parameters undeclared"_s));
        }
    }

    void documentListsEveryOperation()
    {
        const QJsonObject doc = openApiDocument(u"1.0.0"_s);
        QCOMPARE(doc.value(u"openapi"_s).toString(), u"3.1.0"_s);
        const QJsonObject paths = doc.value(u"paths"_s).toObject();
        for (const ApiOperation& op : apiOperations()) {
            const QJsonObject o =
                paths.value(op.path.mid(3)).toObject().value(QString::fromLatin1(op.method).toLower()).toObject();
            QCOMPARE(o.value(u"operationId"_s).toString(), op.id);
            QVERIFY(o.value(u"responses"_s).toObject().contains(u"4XX"_s));
        }
        // every $ref resolves
        const QByteArray text = QJsonDocument(doc).toJson();
        static const QRegularExpression ref(u"\"#/components/schemas/([A-Za-z]+)\""_s);
        const QJsonObject schemas = doc.value(u"components"_s).toObject().value(u"schemas"_s).toObject();
        for (auto it = ref.globalMatch(QString::fromUtf8(text)); it.hasNext();) {
            const QString name = it.next().captured(1);
            QVERIFY2(schemas.contains(name), qPrintable(name));
        }
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("not an object") << QByteArray("[1]") << u"order"_s;
        QTest::newRow("unknown field") << QByteArray(R"({"merchant_id":"1","lines":[],"colour":"red"})") << u"order.colour"_s;
        QTest::newRow("missing") << QByteArray(R"({"lines":[]})") << u"order.merchant_id"_s;
        QTest::newRow("id as number") << QByteArray(R"({"merchant_id":1,"lines":[]})") << u"order.merchant_id"_s;
        QTest::newRow("id not digits") << QByteArray(R"({"merchant_id":"12a","lines":[]})") << u"order.merchant_id"_s;
        QTest::newRow("id negative") << QByteArray(R"({"merchant_id":"-4","lines":[]})") << u"order.merchant_id"_s;
        QTest::newRow("quantity as text")
            << QByteArray(R"({"merchant_id":"1","customer_id":"1","lines":[{"sku":"A","quantity":"2"}]})") << u"order.lines[0].quantity"_s;
        QTest::newRow("quantity fraction")
            << QByteArray(R"({"merchant_id":"1","customer_id":"1","lines":[{"sku":"A","quantity":1.5}]})") << u"order.lines[0].quantity"_s;
        QTest::newRow("fee out of range")
            << QByteArray(R"({"merchant_id":"1","customer_id":"1","lines":[],"delivery_fee_minor":1e30})") << u"order.delivery_fee_minor"_s;
        QTest::newRow("fee past int64")
            << QByteArray(R"({"merchant_id":"1","customer_id":"1","lines":[],"delivery_fee_minor":9223372036854775808})")
            << u"order.delivery_fee_minor"_s;
        QTest::newRow("lines not a list") << QByteArray(R"({"merchant_id":"1","customer_id":"1","lines":{}})") << u"order.lines"_s;
        QTest::newRow("answered-only field") << QByteArray(R"({"merchant_id":"1","lines":[],"id":"5"})") << u"order.id"_s;
    }

    void badInputNamesTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const QJsonValue value = QJsonDocument::fromJson("[" + json + "]").array().at(0);
        orders::NewOrder order;
        const Status s = Json<orders::NewOrder>::decode(value, order, u"order"_s, Source::Json);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Invalid);
        QCOMPARE(s.error().field, field);
    }

    void textParametersAreParsed()
    {
        qint64 n = 0;
        QVERIFY(Json<qint64>::decode(u"42"_s, n, u"limit"_s, Source::Text));
        QCOMPARE(n, 42);
        QVERIFY(!Json<qint64>::decode(u"42"_s, n, u"limit"_s, Source::Json)); // a body's number is a number
        QVERIFY(!Json<qint64>::decode(u"4x"_s, n, u"limit"_s, Source::Text));
        bool b = false;
        QVERIFY(Json<bool>::decode(u"true"_s, b, u"capture"_s, Source::Text));
        QVERIFY(b);
        QVERIFY(!Json<bool>::decode(u"yes"_s, b, u"capture"_s, Source::Text));
        orders::OrderStatus status{};
        const Status bad = Json<orders::OrderStatus>::decode(u"sent"_s, status, u"status"_s, Source::Text);
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.contains(u"pending_payment"_s), qPrintable(bad.error().message));
    }

    /// What a node answers, RemoteClient reads back the same.
    void answersRoundTrip()
    {
        orders::Order o;
        o.id = Id{12345};
        o.number = 1042;
        o.merchantId = Id{7};
        o.status = orders::OrderStatus::Paid;
        o.paymentState = orders::PaymentState::Captured;
        o.currency = u"JPY"_s;
        o.totalMinor = 9'007'199'254'740'993; // past 2^53: exact only as an integer
        o.lines = {{Id{9}, u"SKU-1"_s, u"Tea"_s, 2, 150, 300}};
        o.version = 4;
        const QJsonValue json = Json<orders::Order>::encode(o);
        QCOMPARE(json.toObject().value(u"total"_s).toObject().value(u"amount_minor"_s).toInteger(), o.totalMinor);
        QCOMPARE(json.toObject().value(u"id"_s).toString(), u"12345"_s);
        // through text, as it travels
        const QJsonValue back =
            QJsonDocument::fromJson(QJsonDocument(QJsonArray{json}).toJson()).array().at(0);
        orders::Order read;
        QVERIFY(Json<orders::Order>::decode(back, read, {}, Source::Answer));
        QCOMPARE(read.id, o.id);
        QCOMPARE(read.totalMinor, o.totalMinor);
        QCOMPARE(read.currency, o.currency);
        QCOMPARE(read.status, o.status);
        QCOMPARE(read.lines.size(), 1);
        QCOMPARE(read.lines.first().sku, u"SKU-1"_s);
        QCOMPARE(read.version, 4);
    }

    void problemsCarryCodeAndField()
    {
        const Error e = Error::invalid(u"order.lines[0].quantity"_s, u"must be an integer"_s);
        const QJsonObject p = problem(e, httpStatusOf(e.code), u"/v1/orders"_s);
        QCOMPARE(p.value(u"status"_s).toInt(), 400);
        QCOMPARE(p.value(u"code"_s).toString(), u"invalid"_s);
        QCOMPARE(p.value(u"field"_s).toString(), u"order.lines[0].quantity"_s);
        QCOMPARE(p.value(u"type"_s).toString(), u"urn:souk:problem:invalid"_s);
        const Error back = errorFromProblem(p, 400);
        QCOMPARE(back.code, e.code);
        QCOMPARE(back.field, e.field);
        QCOMPARE(back.message, e.message);
        QCOMPARE(httpStatusOf(ErrorCode::NotFound), 404);
        QCOMPARE(httpStatusOf(ErrorCode::Unauthenticated), 401);
        QCOMPARE(httpStatusOf(ErrorCode::Forbidden), 403);
        QCOMPARE(httpStatusOf(ErrorCode::IdempotencyConflict), 409);
        QCOMPARE(httpStatusOf(ErrorCode::Unavailable), 503);
    }
};

QTEST_GUILESS_MAIN(TestApiSchema)
#include "TestApiSchema.moc"
