#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <QTest>
#include <QTranslator>

#include <limits>

#include "backend/risk/decisions/RiskTypes.h"
#include "models/risk/ReviewText.h"
#include "translations/Translator.h"

using namespace Qt::StringLiterals;

namespace souk {

namespace {

constexpr double Missing = std::numeric_limits<double>::quiet_NaN();

/// The values a reason can carry for any feature: a count or ratio, a flag either way, missing.
const QList<double> AnyValues{0.0, 1.0, 3.0, 12.4, Missing};

bool hasChinese(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    }
    return false;
}

} // namespace

/// A payment's risk reasons as the review queue and detail word them: from the engine's feature
/// name and value, in English and Chinese; every feature the engine computes has words.
class TestReviewText final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void english_data();
    void english();
    void countriesOfTheReview();
    void unknownFeatureKeepsTheEngineText();
    void everyEngineFeatureHasWords();
    void assessmentSummary_data();
    void assessmentSummary();
    void contribution_data();
    void contribution();
    void chinese();

private:
    QTranslator m_zh;
};

void TestReviewText::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(installTranslator(QLocale(QLocale::English))); // the English plural forms
    QVERIFY(loadTranslation(m_zh, QLocale(QLocale::Chinese, QLocale::China)));
}

void TestReviewText::cleanupTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestReviewText::english_data()
{
    QTest::addColumn<QString>("feature");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("expected");
    // the engine said "1 payments with this card in the last hour"
    QTest::addRow("one payment") << u"card_payments_1h"_s << 1.0 << QString()
                                 << u"1 payment with this card in the last hour"_s;
    QTest::addRow("none") << u"card_payments_1h"_s << 0.0 << QString()
                          << u"No other payment with this card in the last hour"_s;
    QTest::addRow("payments") << u"card_payments_1h"_s << 3.0 << QString()
                              << u"3 payments with this card in the last hour"_s;
    QTest::addRow("cards on a device") << u"device_distinct_cards_24h"_s << 4.0 << QString()
                                       << u"4 cards used on this device in the last 24 hours"_s;
    QTest::addRow("declines") << u"card_declines_24h"_s << 2.0 << QString()
                              << u"2 declined payments with this card in the last 24 hours"_s;
    QTest::addRow("amount in its currency") << u"amount"_s << 1234.5 << u"EUR"_s << u"Amount €1,234.50"_s;
    QTest::addRow("amount, currency unknown") << u"amount"_s << 1234.5 << QString() << u"Amount 1,234.50"_s;
    QTest::addRow("ratio") << u"amount_to_customer_mean"_s << 4.04 << QString()
                           << u"Amount 4.0× the customer's usual"_s;
    QTest::addRow("large ratio") << u"amount_to_merchant_mean"_s << 12.4 << QString()
                                 << u"Amount 12× the merchant's usual"_s;
    QTest::addRow("no earlier payment") << u"amount_to_customer_mean"_s << Missing << QString()
                                        << u"No earlier approved payment of this customer to compare with"_s;
    QTest::addRow("distance") << u"shipping_billing_distance_km"_s << 1250.4 << QString()
                              << u"Shipping address 1,250 km from billing"_s;
    QTest::addRow("hour") << u"hour_of_day"_s << 3.0 << QString() << u"Paid 03:00–03:59 UTC"_s;
    QTest::addRow("new device") << u"is_new_device"_s << 1.0 << QString() << u"Device new to this customer"_s;
    QTest::addRow("returning customer") << u"is_new_customer"_s << 0.0 << QString() << u"Returning customer"_s;
    QTest::addRow("countries differ") << u"card_ip_country_mismatch"_s << 1.0 << QString()
                                      << u"Card and IP address from different countries"_s;
    QTest::addRow("own domain") << u"free_email_domain"_s << 0.0 << QString() << u"Email at its own domain"_s;
}

void TestReviewText::english()
{
    QFETCH(QString, feature);
    QFETCH(double, value);
    QFETCH(QString, currency);
    QFETCH(QString, expected);
    QCOMPARE(ReviewText::riskReason(feature, value, u"engine text"_s, currency), expected);
}

void TestReviewText::countriesOfTheReview()
{
    risk::Review review;
    review.currency = u"USD"_s;
    review.cardCountry = u"US"_s;
    review.ipCountry = u"NG"_s;
    review.shippingCountry = u"NG"_s;
    const auto say = [&review](const QString& feature, double value) {
        return ReviewText::riskReason(risk::RiskReason{feature, value, 0.4, u"engine text"_s}, review);
    };
    QCOMPARE(say(u"card_ip_country_mismatch"_s, 1), u"Card from US, IP address in NG"_s);
    QCOMPARE(say(u"card_shipping_country_mismatch"_s, 1), u"Shipping to NG, card from US"_s);
    QCOMPARE(say(u"shipping_ip_country_mismatch"_s, 0), u"Shipping to the IP address's country"_s);
    QCOMPARE(say(u"amount"_s, 80), u"Amount $80.00"_s);
    review.ipCountry.clear(); // a country the engine had and the review does not: no half sentence
    QCOMPARE(say(u"card_ip_country_mismatch"_s, 1), u"Card and IP address from different countries"_s);
}

void TestReviewText::unknownFeatureKeepsTheEngineText()
{
    QVERIFY(!ReviewText::knowsFeature(u"bin_velocity_1h"_s));
    QCOMPARE(ReviewText::riskReason(u"bin_velocity_1h"_s, 5, u"5 cards of this BIN in the last hour"_s),
             u"5 cards of this BIN in the last hour"_s);
    QCOMPARE(ReviewText::riskReason(u"bin_velocity_1h"_s, 5), u"bin_velocity_1h"_s);
    risk::Review review;
    QCOMPARE(ReviewText::riskReason(risk::RiskReason{u"bin_velocity_1h"_s, 5, 0, {}}, review), u"bin_velocity_1h"_s);
}

/// Fails when the engine gains a feature the console cannot say, or words two features alike.
void TestReviewText::everyEngineFeatureHasWords()
{
    QSet<QString> seen;
    for (int i = 0; i < risk::FeatureCount; ++i) {
        const QString name = risk::featureName(risk::Feature(i));
        QVERIFY2(ReviewText::knowsFeature(name), qPrintable(name));
        for (const double value : AnyValues) {
            const QString text = ReviewText::riskReason(name, value, u"engine text"_s);
            QVERIFY2(!text.isEmpty() && text != u"engine text"_s && !text.contains(u'_') && !text.contains(u"(s)"_s) &&
                         !text.contains(u'%'),
                     qPrintable(name + u": "_s + text));
        }
        // the same value words every feature differently: a name mapped to the wrong feature shows
        const QString text = ReviewText::riskReason(name, 3.0);
        QVERIFY2(!seen.contains(text), qPrintable(name + u": "_s + text));
        seen.insert(text);
    }
}

void TestReviewText::assessmentSummary_data()
{
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("expected");
    // as risk::Assessment::summary() writes them on the order's timeline
    QTest::addRow("held") << u"held for review by rule 3: Review if :risk_score: >= 65 (risk score 92); rule set v1"_s
                          << u"Rule 3: Review if :risk_score: >= 65; risk score 92; rule set v1"_s;
    QTest::addRow("blocked, no model") << u"blocked by rule 1: Block if :ip_country: in @bad; rule set v4"_s
                                       << u"Rule 1: Block if :ip_country: in @bad; rule set v4"_s;
    QTest::addRow("allowed by no rule") << u"allowed (risk score 0); rule set v1"_s << u"risk score 0; rule set v1"_s;
    QTest::addRow("allowed, nothing else") << u"allowed"_s << u"No rule matched"_s;
    QTest::addRow("a rule naming a score")
        << u"blocked by rule 2: Block if :email: = 'a (risk score 9)' (risk score 5)"_s
        << u"Rule 2: Block if :email: = 'a (risk score 9)'; risk score 5"_s;
    QTest::addRow("not a summary") << u"order placed"_s << u"order placed"_s;
}

void TestReviewText::assessmentSummary()
{
    QFETCH(QString, summary);
    QFETCH(QString, expected);
    QCOMPARE(ReviewText::assessmentSummary(summary), expected);
}

void TestReviewText::contribution_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::addRow("up") << 0.8 << u"+0.80"_s;
    QTest::addRow("down") << -0.35 << u"\u22120.35"_s;
    QTest::addRow("rounds to nothing: no sign") << -0.001 << u"0.00"_s;
    QTest::addRow("not weighed") << 0.0 << QString();
    QTest::addRow("missing") << Missing << QString();
}

void TestReviewText::contribution()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(ReviewText::contribution(value), expected);
}

void TestReviewText::chinese()
{
    QCoreApplication::installTranslator(&m_zh);
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(ReviewText::riskReason(u"card_payments_1h"_s, 3), u"过去一小时内此卡已付款 3 笔"_s);
    QCOMPARE(ReviewText::riskReason(u"amount_to_customer_mean"_s, 4.04), u"金额为该客户平时的 4.0 倍"_s);
    QCOMPARE(ReviewText::riskReason(u"is_new_device"_s, 1), u"该客户首次使用此设备"_s);
    QCOMPARE(ReviewText::riskReason(u"device_distinct_cards_24h"_s, 0), u"过去 24 小时内此设备未使用过卡"_s);
    QCOMPARE(ReviewText::assessmentSummary(
                 u"held for review by rule 3: Review if :risk_score: >= 65 (risk score 92); rule set v1"_s),
             u"规则 3：Review if :risk_score: >= 65；风险评分 92；规则集 v1"_s);
    risk::Review review;
    review.cardCountry = u"US"_s;
    review.ipCountry = u"NG"_s;
    QCOMPARE(ReviewText::riskReason(risk::RiskReason{u"card_ip_country_mismatch"_s, 1, 0, {}}, review),
             u"卡来自 US，IP 地址位于 NG"_s);
    // every feature, every kind of value: Chinese words, no English left
    for (int i = 0; i < risk::FeatureCount; ++i) {
        const QString name = risk::featureName(risk::Feature(i));
        for (const double value : AnyValues) {
            const QString text = ReviewText::riskReason(name, value);
            QVERIFY2(hasChinese(text) && !text.contains(u"(s)"_s), qPrintable(name + u": "_s + text));
        }
    }
    QCoreApplication::removeTranslator(&m_zh);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

} // namespace souk

QTEST_GUILESS_MAIN(souk::TestReviewText)
#include "TestReviewText.moc"
