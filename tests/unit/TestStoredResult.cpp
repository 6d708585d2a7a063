#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

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
    void firstBinaryFormStillReads();
    void recordWithoutANewerFieldReadsItsDefault();
    void recordFromANewerSoukSkipsWhatItDoesNotKnow();
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
        // the status's value follows the format, kind, field count, four typed ids and its type
        bytes[4 + 4 * 9 + 1] = char(42);
        const auto decoded = StoredResult<Order>::decode(bytes);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().code, ErrorCode::Internal);
    }
};

namespace {
/// Records written by the first binary form (format byte 1, untyped fields in a fixed order),
/// as Souk stored sampleOrder() and samplePayment() before the typed form existed.
const char* const OrderV1Hex =
        "014f01863ba1010000000200000000000000030000000000000004000000000000000800000000000000070000000000"
        "000003000000000000004555523930000000000000d2040000000000000900000000000000535052494e472d31309503"
        "000000000000f301000000000000ef30000000000000ef30000000000000d00700000000000004000000000000003432"
        "343210000000000000006cc3ad6e406578616d706c652e636f6da023f3cf8b0100000068e5cf8b0100002009edcf8b01"
        "0000090000000000000003000000000000000b0000000000000005000000000000005445412d311000000000000000e7"
        "bbbfe88cb620477265656e207465610200000000000000c20100000000000084030000000000000c0000000000000005"
        "000000000000004355502d3200000000000000000100000000000000000000000000000000000000000000000d000000"
        "000000000500000000000000504f542d330d00000000000000506f742c20226c61726765220a0300000000000000e70e"
        "000000000000b52c000000000000";
const char* const PaymentV1Hex =
        "01500150d6dc0100000001863ba101000000020000000000000002000000000000000300000000000000455552ef3000"
        "0000000000e02e000000000000d0070000000000000400000000000000766973610400000000000000343234320c0000"
        "0000000000ef070000000000000600000000000000616231326364000000000000000001000000000000000c00000000"
        "00000073696d5f617574685f313233a0eee6cf8b010000a072f3f38b0100000300000000000000";

/// A record of today's form with its last `drop` fields cut off and `extra` appended, as a
/// Souk with fewer (or more) fields would have written it.
QByteArray reshaped(QByteArray bytes, int drop, const QByteArray& extraFields, int extraCount, qsizetype lastFieldsSize)
{
    quint16 count = qFromLittleEndian<quint16>(bytes.constData() + 2);
    bytes.chop(lastFieldsSize);
    bytes.append(extraFields);
    count = quint16(count - drop + extraCount);
    qToLittleEndian(count, bytes.data() + 2);
    return bytes;
}
} // namespace

void TestStoredResult::firstBinaryFormStillReads()
{
    const auto order = StoredResult<Order>::decode(QByteArray::fromHex(OrderV1Hex));
    QVERIFY2(order, qPrintable(order ? QString() : order.error().toString()));
    QCOMPARE(asJson(*order), asJson(sampleOrder()));
    const auto payment = StoredResult<Payment>::decode(QByteArray::fromHex(PaymentV1Hex));
    QVERIFY2(payment, qPrintable(payment ? QString() : payment.error().toString()));
    QCOMPARE(asJson(*payment), asJson(samplePayment()));
}

void TestStoredResult::recordWithoutANewerFieldReadsItsDefault()
{
    // a payment stored before `version` and `attention` (its last two fields) existed: they
    // read as 0 and empty, the rest as stored
    const QByteArray today = StoredResult<Payment>::encode(samplePayment());
    const QByteArray older = reshaped(today, 2, {}, 0, (1 + 8) + (1 + 8 + 0));
    const auto back = StoredResult<Payment>::decode(older);
    QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
    Payment expected = samplePayment();
    expected.version = 0;
    QCOMPARE(asJson(*back), asJson(expected));
}

void TestStoredResult::recordFromANewerSoukSkipsWhatItDoesNotKnow()
{
    // a newer Souk added a text and an integer field to Payment: today's reader skips them
    QByteArray extra;
    extra.append('t');
    char len[8];
    qToLittleEndian(qint64(5), len);
    extra.append(len, 8).append("risk!");
    extra.append('i').append(8, '\x07');
    const QByteArray today = StoredResult<Payment>::encode(samplePayment());
    const auto back = StoredResult<Payment>::decode(reshaped(today, 0, extra, 2, 0));
    QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
    QCOMPARE(asJson(*back), asJson(samplePayment()));
    // an unknown field type is damage, not something to guess at
    QByteArray bad = extra;
    bad[0] = 'z';
    QVERIFY(!StoredResult<Payment>::decode(reshaped(today, 0, bad, 2, 0)));
}

QTEST_GUILESS_MAIN(TestStoredResult)
#include "TestStoredResult.moc"
