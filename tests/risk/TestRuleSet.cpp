#include <QRandomGenerator>
#include <QTest>

#include <memory>

#include "backend/core/Currency.h"
#include "backend/core/Money.h"
#include "backend/risk/rules/RuleParser.h"

using namespace Qt::StringLiterals;
using namespace souk::risk;

/// Evaluation: Radar's order, precedence, lists, missing facts, and a random cross-check against
/// a reference evaluator written here independently of RuleSet.
class TestRuleSet final : public QObject
{
    Q_OBJECT

private slots:
    void issueExamples();
    void radarOrderAllowBeatsBlock();
    void blockBeatsReviewAndTextOrderWithin();
    void precedence_data();
    void precedence();
    void listsIgnoreCase();
    void missingFactsNeverMatch();
    void amountFromMoney();
    void randomConditionsMatchReference();

private:
    static RuleSet parse(const QString& text)
    {
        const auto result = RuleParser({u"trusted_customers"_s, u"blocked"_s}).parse(text);
        if (!result.ok())
            qFatal("%s", qPrintable(result.problems().front().toString()));
        return result.rules();
    }
    static Lists lists()
    {
        Lists lists;
        lists.set(u"trusted_customers"_s, {u"vip@example.com"_s});
        lists.set(u"blocked"_s, {u"evil.example"_s});
        return lists;
    }
};

void TestRuleSet::issueExamples()
{
    const RuleSet rules = parse(u"Block if :card_country: != :ip_country: and :amount: > 300\n"
                                u"Review if :risk_score: >= 65\n"
                                u"Allow if :email: in @trusted_customers\n"_s);
    Facts facts;
    facts.setText(u"card_country", u"US"_s);
    facts.setText(u"ip_country", u"FR"_s);
    facts.setNumber(u"amount", *Decimal::parse(u"300.01"));
    facts.setNumber(u"risk_score", *Decimal::parse(u"70"));
    facts.setText(u"email", u"someone@example.com"_s);
    Decision decision = rules.evaluate(facts, lists());
    QCOMPARE(decision.action, RuleAction::Block); // block before review
    QCOMPARE(decision.ruleIndex, 0);
    QCOMPARE(decision.ruleLine, 1);
    QCOMPARE(decision.outcomes,
             (std::vector<RuleOutcome>{RuleOutcome::Match, RuleOutcome::Match, RuleOutcome::NoMatch}));

    facts.setNumber(u"amount", *Decimal::parse(u"300")); // not > 300: exact, no rounding
    decision = rules.evaluate(facts, lists());
    QCOMPARE(decision.action, RuleAction::Review);
    QCOMPARE(decision.ruleText, u"Review if :risk_score: >= 65"_s);

    facts.setNumber(u"risk_score", *Decimal::parse(u"64.999999"));
    QCOMPARE(rules.evaluate(facts, lists()).action, RuleAction::None);
    QCOMPARE(rules.evaluate(facts, lists()).ruleIndex, -1);
}

void TestRuleSet::radarOrderAllowBeatsBlock()
{
    const RuleSet rules = parse(u"Block if :amount: > 10\nAllow if :email: in @trusted_customers\n"_s);
    Facts facts;
    facts.setNumber(u"amount", *Decimal::fromInteger(500));
    facts.setText(u"email", u"vip@example.com"_s);
    const Decision decision = rules.evaluate(facts, lists());
    QCOMPARE(decision.action, RuleAction::Allow);
    QCOMPARE(decision.ruleIndex, 1);
    QCOMPARE(decision.outcomes[0], RuleOutcome::Match); // the block still shows in the explanation
}

void TestRuleSet::blockBeatsReviewAndTextOrderWithin()
{
    const RuleSet rules = parse(u"Review if :amount: > 1\nBlock if :amount: > 2\nBlock if :amount: > 3\n"_s);
    Facts facts;
    facts.setNumber(u"amount", *Decimal::fromInteger(5));
    Decision decision;
    rules.evaluate(facts, lists(), decision);
    QCOMPARE(decision.action, RuleAction::Block);
    QCOMPARE(decision.ruleIndex, 1);
    facts.setNumber(u"amount", *Decimal::parse(u"1.5"));
    rules.evaluate(facts, lists(), decision); // reusing the decision resets it
    QCOMPARE(decision.action, RuleAction::Review);
    QCOMPARE(decision.ruleIndex, 0);
}

void TestRuleSet::precedence_data()
{
    // a, b, c are :card_payments_1h: = 1, :ip_payments_1h: = 1, :email_payments_1h: = 1
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("a");
    QTest::addColumn<bool>("b");
    QTest::addColumn<bool>("c");
    QTest::addColumn<bool>("expected");
    const QString a = u":card_payments_1h: = 1"_s, b = u":ip_payments_1h: = 1"_s, c = u":email_payments_1h: = 1"_s;
    QTest::addRow("a or b and c: and binds tighter")
        << a + u" or "_s + b + u" and "_s + c << true << false << false << true;
    QTest::addRow("(a or b) and c") << u"("_s + a + u" or "_s + b + u") and "_s + c << true << false << false << false;
    QTest::addRow("not binds tighter than and") << u"not "_s + a + u" and "_s + b << false << true << false << true;
    QTest::addRow("not (a and b)") << u"not ("_s + a + u" and "_s + b + u")"_s << true << false << false << true;
    QTest::addRow("not not a") << u"not not "_s + a << true << false << false << true;
    QTest::addRow("boolean alone") << u":is_new_customer: and "_s + a << true << false << false << true;
    QTest::addRow("not in list") << u":email_domain: not in @blocked and "_s + a << true << false << false << true;
}

void TestRuleSet::precedence()
{
    QFETCH(QString, condition);
    QFETCH(bool, a);
    QFETCH(bool, b);
    QFETCH(bool, c);
    QFETCH(bool, expected);
    const RuleSet rules = parse(u"Block if "_s + condition);
    Facts facts;
    facts.setNumber(u"card_payments_1h", *Decimal::fromInteger(a ? 1 : 0));
    facts.setNumber(u"ip_payments_1h", *Decimal::fromInteger(b ? 1 : 0));
    facts.setNumber(u"email_payments_1h", *Decimal::fromInteger(c ? 1 : 0));
    facts.setBoolean(u"is_new_customer", true);
    facts.setText(u"email_domain", u"good.example"_s);
    QCOMPARE(rules.matches(0, facts, lists()), expected);
}

void TestRuleSet::listsIgnoreCase()
{
    const RuleSet rules = parse(u"Allow if :email: in @trusted_customers\nBlock if :email_domain: = 'EVIL.example'"_s);
    Facts facts;
    facts.setText(u"email", u"VIP@Example.COM"_s);
    QCOMPARE(rules.evaluate(facts, lists()).action, RuleAction::Allow);
    facts.setText(u"email", u"x@evil.example"_s);
    facts.setText(u"email_domain", u"Evil.Example"_s);
    QCOMPARE(rules.evaluate(facts, lists()).action, RuleAction::Block);
    QCOMPARE(rules.evaluate(facts, Lists()).action, RuleAction::Block); // a list absent at run time is empty
}

void TestRuleSet::missingFactsNeverMatch()
{
    const RuleSet rules = parse(u"Block if :ip_country: != 'US'\nBlock if :email: not in @blocked\n"
                                u"Block if :is_new_customer:\nBlock if :amount: < 1\nReview if not :amount: < 1\n"_s);
    const Facts none;
    const Decision decision = rules.evaluate(none, lists());
    QCOMPARE(decision.action, RuleAction::Review); // only `not (false)` holds
    QCOMPARE(decision.ruleIndex, 4);
    QVERIFY(!Facts().setText(u"amount", u"3"_s)); // wrong type: refused, nothing set
    QVERIFY(!Facts().setNumber(u"no_such", Decimal()));
}

void TestRuleSet::amountFromMoney()
{
    const RuleSet rules = parse(u"Block if :amount: = 12.5 and :currency: = 'eur'\nReview if :amount: = 1250"_s);
    Facts facts;
    QVERIFY(facts.setAmount(souk::Money::ofMinor(1250, u"EUR").value()));
    QCOMPARE(rules.evaluate(facts, lists()).action, RuleAction::Block);
    QVERIFY(facts.setAmount(souk::Money::ofMinor(1250, u"JPY").value()));
    QCOMPARE(rules.evaluate(facts, lists()).action, RuleAction::Review);
}

namespace {

// The reference: a condition tree built here, printed with as few parentheses as precedence
// allows, parsed by RuleParser, and evaluated here by the obvious recursion.
struct Expr
{
    enum Kind
    {
        Or,
        And,
        Not,
        NumberAtLeast,
        TextEquals,
        InList,
        Flag
    } kind;
    std::unique_ptr<Expr> left, right;
    int attribute = 0; // index into numbers/texts
    int threshold = 0;
    QString text;
};

const QStringList Numbers{u"amount"_s, u"risk_score"_s, u"card_payments_1h"_s};
const QStringList Texts{u"card_country"_s, u"ip_country"_s, u"email"_s};
const QStringList Values{u"US"_s, u"FR"_s, u"vip@example.com"_s};

std::unique_ptr<Expr> randomExpr(QRandomGenerator& random, int depth)
{
    auto e = std::make_unique<Expr>();
    const int pick = depth > 3 ? 3 + random.bounded(4) : random.bounded(7);
    e->kind = Expr::Kind(pick);
    if (e->kind == Expr::Or || e->kind == Expr::And) {
        e->left = randomExpr(random, depth + 1);
        e->right = randomExpr(random, depth + 1);
    } else if (e->kind == Expr::Not) {
        e->left = randomExpr(random, depth + 1);
    }
    e->attribute = random.bounded(3);
    e->threshold = random.bounded(5);
    e->text = Values[random.bounded(3)];
    return e;
}

int precedenceOf(const Expr& e)
{
    return e.kind == Expr::Or ? 0 : e.kind == Expr::And ? 1 : 2;
}

QString print(const Expr& e)
{
    auto child = [](const Expr& c, int needed) {
        const QString text = print(c);
        return precedenceOf(c) < needed ? u"("_s + text + u")"_s : text;
    };
    switch (e.kind) {
    case Expr::Or:
        return child(*e.left, 0) + u" or "_s + child(*e.right, 1); // left-associative
    case Expr::And:
        return child(*e.left, 1) + u" AND "_s + child(*e.right, 2);
    case Expr::Not:
        return u"not "_s + child(*e.left, 2);
    case Expr::NumberAtLeast:
        return u":"_s + Numbers[e.attribute] + u": >= "_s + QString::number(e.threshold);
    case Expr::TextEquals:
        return u":"_s + Texts[e.attribute] + u": = \""_s + e.text + u"\""_s;
    case Expr::InList:
        return u":"_s + Texts[e.attribute] + u": in @trusted_customers"_s;
    case Expr::Flag:
        return u":is_new_customer:"_s;
    }
    return {};
}

struct RefFacts
{
    std::optional<int> numbers[3];
    std::optional<QString> texts[3];
    std::optional<bool> flag;
};

bool reference(const Expr& e, const RefFacts& f)
{
    switch (e.kind) {
    case Expr::Or:
        return reference(*e.left, f) || reference(*e.right, f);
    case Expr::And:
        return reference(*e.left, f) && reference(*e.right, f);
    case Expr::Not:
        return !reference(*e.left, f);
    case Expr::NumberAtLeast:
        return f.numbers[e.attribute] && *f.numbers[e.attribute] >= e.threshold;
    case Expr::TextEquals:
        return f.texts[e.attribute] && f.texts[e.attribute]->compare(e.text, Qt::CaseInsensitive) == 0;
    case Expr::InList:
        return f.texts[e.attribute] && *f.texts[e.attribute] == u"vip@example.com"_s;
    case Expr::Flag:
        return f.flag.value_or(false);
    }
    return false;
}

} // namespace

void TestRuleSet::randomConditionsMatchReference()
{
    QRandomGenerator random(20261206); // fixed seed: a failure replays
    const Lists lists = TestRuleSet::lists();
    for (int round = 0; round < 300; ++round) {
        const auto expr = randomExpr(random, 0);
        const QString text = u"Review if "_s + print(*expr);
        const auto parsed = RuleParser({u"trusted_customers"_s}).parse(text);
        QVERIFY2(parsed.ok(), qPrintable(text));
        for (int row = 0; row < 30; ++row) {
            RefFacts ref;
            Facts facts;
            for (int i = 0; i < 3; ++i) {
                if (random.bounded(5) != 0) {
                    ref.numbers[i] = random.bounded(5);
                    facts.setNumber(Numbers[i], *Decimal::fromInteger(*ref.numbers[i]));
                }
                if (random.bounded(5) != 0) {
                    ref.texts[i] = Values[random.bounded(3)];
                    facts.setText(Texts[i], *ref.texts[i]);
                }
            }
            if (random.bounded(3) != 0) {
                ref.flag = random.bounded(2) == 1;
                facts.setBoolean(u"is_new_customer", *ref.flag);
            }
            const bool expected = reference(*expr, ref);
            const RuleSet& rules = parsed.rules();
            QVERIFY2(rules.matches(0, facts, lists) == expected, qPrintable(text));
            QCOMPARE(rules.evaluate(facts, lists).action, expected ? RuleAction::Review : RuleAction::None);
            QCOMPARE(rules.matches(0, facts, lists), expected); // deterministic
        }
    }
}

QTEST_GUILESS_MAIN(TestRuleSet)
#include "TestRuleSet.moc"
