// MerchantMemory: which merchant an order or payment belongs to, from the answers that named both,
// for the client's policy by merchant.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "backend/client/MerchantMemory.h"

using namespace Qt::StringLiterals;
using souk::Id;
using souk::MerchantMemory;

namespace {

QJsonValue json(const QByteArray& text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

class TestMerchantMemory final : public QObject
{
    Q_OBJECT

private slots:
    void anOrderDetailTeachesItsOrderAndPayments()
    {
        MerchantMemory m;
        m.learn(json(R"({"order": {"id": "11", "merchant_id": "7"},
                         "payments": [{"id": "12", "merchant_id": "7"}, {"id": "13", "merchant_id": "7"}]})"));
        QCOMPARE(m.merchantOf(Id{11}), Id{7});
        QCOMPARE(m.merchantOf(Id{12}), Id{7});
        QCOMPARE(m.merchantOf(Id{13}), Id{7});
        QCOMPARE(m.size(), 3);
    }

    void aListTeachesEachItem()
    {
        MerchantMemory m;
        m.learn(json(R"([{"id": "1", "merchant_id": "5"}, {"id": "2", "merchant_id": "6"}])"));
        QCOMPARE(m.merchantOf(Id{1}), Id{5});
        QCOMPARE(m.merchantOf(Id{2}), Id{6});
    }

    void unknownOrMalformedIdsTeachNothing()
    {
        MerchantMemory m;
        // a number where the API writes a string, a missing merchant, a null one, text, a merchant itself
        m.learn(json(R"([{"id": 3, "merchant_id": "5"}, {"id": "4"}, {"id": "5", "merchant_id": null},
                         {"id": "x", "merchant_id": "5"}, {"id": "-6", "merchant_id": "5"}, {"id": "5", "merchant_id": "5"}])"));
        QCOMPARE(m.size(), 0);
        QVERIFY(m.merchantOf(Id{99}).isNull());
    }

    void tooDeepIsNotWalked()
    {
        MerchantMemory m;
        m.learn(json(R"({"a": {"b": {"c": {"d": {"id": "8", "merchant_id": "2"}}}}})"));
        QVERIFY(m.merchantOf(Id{8}).isNull());
    }

    void pastItsCapacityItStartsAgain()
    {
        MerchantMemory m(2);
        m.learn(json(R"([{"id": "1", "merchant_id": "9"}, {"id": "2", "merchant_id": "9"}])"));
        QCOMPARE(m.size(), 2);
        m.learn(json(R"({"id": "2", "merchant_id": "9"})")); // known: nothing to forget
        QCOMPARE(m.size(), 2);
        m.learn(json(R"({"id": "3", "merchant_id": "4"})"));
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.merchantOf(Id{3}), Id{4});
        QVERIFY(m.merchantOf(Id{1}).isNull());
    }
};

} // namespace

QTEST_GUILESS_MAIN(TestMerchantMemory)
#include "TestMerchantMemory.moc"
