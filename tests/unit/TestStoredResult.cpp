#include <QJsonDocument>
#include <QTest>

#include "backend/payments/PaymentJson.h"
#include "backend/payments/StoredResult.h"

using namespace Qt::StringLiterals;
using namespace souk;
using souk::orders::Order;
using souk::payments::Payment;
using souk::payments::StoredResult;

namespace {

Order sampleOrder()
{
    Order o;
    o.id = Id{7'000'000'001};
    o.merchantId = Id{2};
    o.customerId = Id{3};
    o.locationId = Id{4};
    o.status = orders::OrderStatus::PartiallyRefunded;
    o.paymentState = orders::PaymentState::Disputed;
    o.currency = u"EUR"_s;
    o.subtotalMinor = 12'345;
    o.discountMinor = 1'234;
    o.discountCode = u"SPRING-10"_s;
    o.taxMinor = 917;
    o.deliveryFeeMinor = 499;
    o.totalMinor = 12'527;
    o.capturedMinor = 12'527;
    o.refundedMinor = 2'000;
    o.cardLast4 = u"4242"_s;
    o.customerEmail = u"lín@example.com"_s;
    o.expiresMs = 1'700'000'900'000;
    o.createdMs = 1'700'000'000'000;
    o.updatedMs = 1'700'000'500'000;
    o.version = 9;
    o.lines = {{Id{11}, u"TEA-1"_s, u"绿茶 Green tea"_s, 2, 450, 900},
               {Id{12}, u"CUP-2"_s, u""_s, 1, 0, 0},
               {Id{13}, u"POT-3"_s, u"Pot, \"large\"\n"_s, 3, 3'815, 11'445}};
    return o;
}

Payment samplePayment()
{
    Payment p;
    p.id = Id{8'000'000'001};
    p.orderId = Id{7'000'000'001};
    p.merchantId = Id{2};
    p.status = payments::PaymentStatus::Captured;
    p.currency = u"EUR"_s;
    p.amountMinor = 12'527;
    p.capturedMinor = 12'000;
    p.refundedMinor = 2'000;
    p.card = {u"visa"_s, u"4242"_s, 12, 2031, u"ab12cd"_s};
    p.declineCode = u""_s;
    p.retryable = true;
    p.providerRef = u"sim_auth_123"_s;
    p.authorizedMs = 1'700'000'100'000;
    p.authExpiresMs = 1'700'604'900'000;
    p.version = 3;
    return p;
}

/// Field by field through the JSON form, which names every field: equal JSON, equal values.
QByteArray asJson(const Order& o)
{
    return QJsonDocument(payments::PaymentJson::order(o)).toJson(QJsonDocument::Compact);
}
QByteArray asJson(const Payment& p)
{
    return QJsonDocument(payments::PaymentJson::payment(p)).toJson(QJsonDocument::Compact);
}

} // namespace

/// Idempotency records keep orders and payments in a binary form; these check that a replay
/// returns exactly what was stored, that records of the older JSON form still read, and that a
/// damaged record is an error, never a wrong result.
class TestStoredResult final : public QObject
{
    Q_OBJECT

private slots:
    void orderRoundTrips()
    {
        const Order o = sampleOrder();
        const QByteArray bytes = StoredResult<Order>::encode(o);
        QVERIFY(!bytes.startsWith('{'));
        QVERIFY(bytes.size() < asJson(o).size());
        const auto back = StoredResult<Order>::decode(bytes);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
        QCOMPARE(asJson(*back), asJson(o));
    }

    void paymentRoundTrips()
    {
        const Payment p = samplePayment();
        const auto back = StoredResult<Payment>::decode(StoredResult<Payment>::encode(p));
        QVERIFY(back);
        QCOMPARE(asJson(*back), asJson(p));
        QCOMPARE(back->retryable, true);
    }

    void jsonRecordsStillRead()
    {
        const auto order = StoredResult<Order>::decode(asJson(sampleOrder()));
        QVERIFY(order);
        QCOMPARE(asJson(*order), asJson(sampleOrder()));
        const auto payment = StoredResult<Payment>::decode(asJson(samplePayment()));
        QVERIFY(payment);
        QCOMPARE(asJson(*payment), asJson(samplePayment()));
    }

    void damagedRecordIsAnError()
    {
        const QByteArray order = StoredResult<Order>::encode(sampleOrder());
        for (qsizetype cut : {qsizetype(0), qsizetype(1), qsizetype(2), qsizetype(40), order.size() - 1})
            QVERIFY2(!StoredResult<Order>::decode(order.left(cut)), qPrintable(u"cut at %1"_s.arg(cut)));
        QVERIFY(!StoredResult<Order>::decode(order + 'x')); // trailing bytes
        // a payment record is not an order
        QVERIFY(!StoredResult<Order>::decode(StoredResult<Payment>::encode(samplePayment())));
        // an unknown status number
        Order bad = sampleOrder();
        QByteArray bytes = StoredResult<Order>::encode(bad);
        bytes[2 + 4 * 8] = char(42); // the status follows the format, kind and four ids
        const auto decoded = StoredResult<Order>::decode(bytes);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().code, ErrorCode::Internal);
    }
};

QTEST_GUILESS_MAIN(TestStoredResult)
#include "TestStoredResult.moc"
