#include <QFile>
#include <QTest>

#include "backend/risk/rules/Attributes.h"
#include "backend/risk/rules/Decimal.h"
#include "backend/risk/rules/RuleParser.h"

using namespace Qt::StringLiterals;
using namespace souk::risk;

/// The rule language's grammar and every way a rule can be refused (line, column, message).
class TestRuleParser final : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheIssueExamples();
    void skipsBlankLinesAndComments();
    void keywordsIgnoreCase();
    void decimals_data();
    void decimals();
    void refuses_data();
    void refuses();
    void reportsEveryBadLine();
    void problemBecomesError();
    void docListsEveryAttribute();

private:
    static RuleParser parser() { return RuleParser({u"trusted_customers"_s, u"blocked_ips"_s}); }
};

void TestRuleParser::parsesTheIssueExamples()
{
    const auto result = parser().parse(u"Block if :card_country: != :ip_country: and :amount: > 300\n"
                                       u"Review if :risk_score: >= 65\n"
                                       u"Allow if :email: in @trusted_customers\n"_s);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.problems().front().toString()));
    QCOMPARE(result.rules().size(), 3);
    QCOMPARE(result.rules().rule(0).action, RuleAction::Block);
    QCOMPARE(result.rules().rule(0).text, u"Block if :card_country: != :ip_country: and :amount: > 300"_s);
    QCOMPARE(result.rules().rule(1).action, RuleAction::Review);
    QCOMPARE(result.rules().rule(2).action, RuleAction::Allow);
    QCOMPARE(result.rules().rule(2).line, 3);
}

void TestRuleParser::skipsBlankLinesAndComments()
{
    const auto result = parser().parse(u"# high risk\n\n   \nReview if :risk_score: >= 65  # from the model\r\n"_s);
    QVERIFY(result.ok());
    QCOMPARE(result.rules().size(), 1);
    QCOMPARE(result.rules().rule(0).line, 4);
    QCOMPARE(result.rules().rule(0).text, u"Review if :risk_score: >= 65"_s);
}

void TestRuleParser::keywordsIgnoreCase()
{
    const auto result = parser().parse(
        u"BLOCK IF NOT :is_new_customer: AND :email: NOT IN @blocked_ips OR :amount: == 1\nallow if true = :is_new_customer:"_s);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.problems().front().toString()));
    QCOMPARE(result.rules().size(), 2);
}

void TestRuleParser::decimals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("micros"); // -1: refused
    QTest::addRow("integer") << u"300"_s << 300'000'000LL;
    QTest::addRow("cents") << u"12.50"_s << 12'500'000LL;
    QTest::addRow("negative") << u"-0.5"_s << -500'000LL;
    QTest::addRow("six digits") << u"0.000001"_s << 1LL;
    QTest::addRow("seven digits") << u"0.0000001"_s << -1LL;
    QTest::addRow("exponent") << u"1e3"_s << -1LL;
    QTest::addRow("trailing point") << u"1."_s << -1LL;
    QTest::addRow("too big") << u"9300000000000"_s << -1LL;
}

void TestRuleParser::decimals()
{
    QFETCH(QString, text);
    QFETCH(qint64, micros);
    const auto value = Decimal::parse(text);
    QCOMPARE(value.has_value(), micros != -1);
    if (value)
        QCOMPARE(value->micros(), micros);
    QCOMPARE(Decimal::fromMinor(1250, 2)->micros(), 12'500'000LL);    // 12.50 EUR
    QCOMPARE(Decimal::fromMinor(1250, 0)->micros(), 1'250'000'000LL); // 1250 JPY
    QCOMPARE(Decimal::fromMicros(12'500'000).toString(), u"12.5"_s);
}

void TestRuleParser::refuses_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<RuleProblemCode>("code");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    using C = RuleProblemCode;
    QTest::addRow("missing operand") << u"Block if :amount: >"_s << C::Syntax << 20
                                     << u"expected an attribute, a number or a string after '>', found end of line"_s;
    QTest::addRow("unknown action") << u"Blok if :amount: > 3"_s << C::Syntax << 1
                                    << u"expected 'Allow', 'Block' or 'Review', found 'Blok'"_s;
    QTest::addRow("missing if") << u"Block :amount: > 3"_s << C::Syntax << 7
                                << u"expected 'if' after 'Block', found ':amount:'"_s;
    QTest::addRow("unclosed paren") << u"Block if (:amount: > 3"_s << C::Syntax << 23
                                    << u"expected ')' to close the '(' at column 10, found end of line"_s;
    QTest::addRow("stray paren") << u"Block if :amount: > 3)"_s << C::Syntax << 22
                                 << u"expected 'and', 'or' or the end of the rule after '3', found ')'"_s;
    QTest::addRow("dangling and") << u"Block if :amount: > 3 and"_s << C::Syntax << 26
                                  << u"expected a condition (an attribute, a number, a string, 'not' or '(') after "
                                     u"'and', found end of line"_s;
    QTest::addRow("no operator")
        << u"Block if :amount: 3"_s << C::Syntax << 19
        << u"expected a comparison (=, !=, <, <=, >, >=) or 'in' after ':amount:', found '3'"_s;
    QTest::addRow("unknown attribute") << u"Block if :amout: > 3"_s << C::UnknownAttribute << 10
                                       << u"unknown attribute ':amout:'; did you mean ':amount:'?"_s;
    QTest::addRow("unknown attribute, nothing close")
        << u"Block if :zzzzzzzz: > 3"_s << C::UnknownAttribute << 10 << u"unknown attribute ':zzzzzzzz:'"_s;
    QTest::addRow("unknown list")
        << u"Allow if :email: in @trusted_customer"_s << C::UnknownList << 21
        << u"there is no list named '@trusted_customer'; did you mean '@trusted_customers'?"_s;
    QTest::addRow("type mismatch") << u"Block if :amount: > 'US'"_s << C::TypeMismatch << 19
                                   << u"cannot compare a number (:amount:) with text ('US')"_s;
    QTest::addRow("boolean with number") << u"Block if :is_new_customer: = 1"_s << C::TypeMismatch << 28
                                         << u"cannot compare a boolean (:is_new_customer:) with a number (1)"_s;
    QTest::addRow("text ordering") << u"Block if :card_country: < 'US'"_s << C::TextOrdering << 25
                                   << u"'<' orders numbers only; :card_country: is text, so use = or !="_s;
    QTest::addRow("number in list") << u"Block if :amount: in @blocked_ips"_s << C::TypeMismatch << 10
                                    << u"only a text attribute can be looked up in a list; :amount: is a number"_s;
    QTest::addRow("in without list") << u"Block if :ip: in 'x'"_s << C::Syntax << 18
                                     << u"expected a list (like @trusted_customers) after 'in', found ''x''"_s;
    QTest::addRow("two literals") << u"Block if 1 = 1"_s << C::Syntax << 10
                                  << u"a comparison needs at least one attribute, found two literals"_s;
    QTest::addRow("unterminated string") << u"Block if :email: = 'a@b"_s << C::BadString << 20
                                         << u"the string has no closing '"_s;
    QTest::addRow("bad escape") << u"Block if :email: = 'a\\qb'"_s << C::BadString << 22
                                << u"unknown escape '\\q' (use \\\\, \\', \\\", \\n or \\t)"_s;
    QTest::addRow("inexact number") << u"Block if :amount: > 0.0000001"_s << C::BadNumber << 21
                                    << u"'0.0000001' is not a number this language holds exactly (digits, at most 6 "
                                       u"after the point, below 9,000,000,000,000)"_s;
    QTest::addRow("bang") << u"Block if :amount: ! 3"_s << C::Syntax << 19 << u"expected '!=', found '!'"_s;
    QTest::addRow("stray character") << u"Block if :amount: > 3 & :risk_score: > 1"_s << C::Syntax << 23
                                     << u"unexpected character '&'"_s;
    QTest::addRow("too deep") << u"Block if "_s + QString(40, u'(') + u":amount: > 1"_s + QString(40, u')')
                              << C::TooLong << 42 << u"conditions nest too deeply"_s;
}

void TestRuleParser::refuses()
{
    QFETCH(QString, rule);
    QFETCH(RuleProblemCode, code);
    QFETCH(int, column);
    QFETCH(QString, message);
    // the bad rule sits on line 2 between good ones: nothing of the set is accepted
    const auto result = parser().parse(u"Review if :risk_score: >= 65\n"_s + rule + u"\nAllow if :amount: < 1\n"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.problems().size(), 1);
    const RuleProblem& problem = result.problems().front();
    QCOMPARE(problem.message, message);
    QCOMPARE(problem.code, code);
    QCOMPARE(problem.line, 2);
    QCOMPARE(problem.column, column);
}

void TestRuleParser::reportsEveryBadLine()
{
    const auto result =
        parser().parse(u"Block if :amount: > 'US'\nReview if :risk_score: >= 65\nAllow if :emial: = 'x'\n"
                       u"Block if\n"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.problems().size(), 3);
    QCOMPARE(result.problems()[0].line, 1);
    QCOMPARE(result.problems()[1].line, 3);
    QCOMPARE(result.problems()[1].code, RuleProblemCode::UnknownAttribute);
    QCOMPARE(result.problems()[2].line, 4);
    QCOMPARE(result.problems()[2].toString(),
             u"line 4, column 9: expected a condition (an attribute, a number, a string, 'not' or '(') after 'if', "
             u"found end of line"_s);
}

void TestRuleParser::problemBecomesError()
{
    const auto result = parser().parse(u"Block if :amount: > 'US'\nBlock if :x: = 1"_s);
    QVERIFY(!result.ok());
    const souk::Error error = result.error();
    QCOMPARE(error.code, souk::ErrorCode::Invalid);
    QCOMPARE(error.field, u"line 1, column 19"_s);
    QCOMPARE(error.message,
             u"rule_type_mismatch: cannot compare a number (:amount:) with text ('US') (and 1 more problems)"_s);
    QCOMPARE(ruleProblemCodeName(RuleProblemCode::UnknownList), u"rule_unknown_list"_s);
}

void TestRuleParser::docListsEveryAttribute()
{
    QFile file(QStringLiteral(SOUK_SOURCE_DIR "/docs/risk-rules.md"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QString doc = QString::fromUtf8(file.readAll());
    int rows = 0;
    for (const QString& line : doc.split(u'\n')) {
        if (line.startsWith(u"| `:"_s))
            ++rows;
    }
    QCOMPARE(rows, int(attributes().size())); // no attribute documented that the code lacks
    for (const Attribute& attribute : attributes()) {
        const QString row = u"| `:%1:` | %2 |"_s.arg(attribute.name, attributeTypeName(attribute.type));
        QVERIFY2(doc.contains(row), qPrintable(u"docs/risk-rules.md lacks a row starting "_s + row));
    }
}

QTEST_GUILESS_MAIN(TestRuleParser)
#include "TestRuleParser.moc"
