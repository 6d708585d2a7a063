#include <QTest>

#include <atomic>
#include <cstdlib>

#include "backend/risk/rules/RuleParser.h"

// Counts every heap allocation in the process (glibc: this executable's malloc interposes the C
// library's for Qt too), so the test can say "evaluating allocates nothing" and mean it.
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* pointer, std::size_t size);
}

namespace {
std::atomic<long> allocations{0};
}

extern "C" void* malloc(std::size_t size)
{
    allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_malloc(size);
}

extern "C" void* calloc(std::size_t count, std::size_t size)
{
    allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_calloc(count, size);
}

extern "C" void* realloc(void* pointer, std::size_t size)
{
    allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_realloc(pointer, size);
}

using namespace Qt::StringLiterals;
using namespace souk::risk;

/// The evaluator's hot path: with a reused Decision, evaluating a rule set allocates nothing.
class TestRuleAllocations final : public QObject
{
    Q_OBJECT

private slots:
    void evaluateAllocatesNothing();
};

void TestRuleAllocations::evaluateAllocatesNothing()
{
    const auto parsed =
        RuleParser({u"trusted"_s, u"bad_domains"_s})
            .parse(u"Allow if :email: in @trusted\n"
                   u"Block if :card_country: != :ip_country: and :amount: > 300\n"
                   u"Block if :email_domain: not in @bad_domains and not :is_new_customer:\n"
                   u"Review if (:risk_score: >= 65 or :card_brand: = 'amex') and :currency: = 'eur'\n"_s);
    QVERIFY(parsed.ok());
    Lists lists;
    lists.set(u"trusted"_s, {u"a@example.com"_s});
    lists.set(u"bad_domains"_s, {u"evil.example"_s});
    Facts facts;
    facts.setText(u"email", u"B@example.com"_s);
    facts.setText(u"card_country", u"US"_s);
    facts.setText(u"ip_country", u"FR"_s);
    facts.setNumber(u"amount", *Decimal::parse(u"99.99"));
    facts.setText(u"email_domain", u"example.com"_s);
    facts.setNumber(u"risk_score", *Decimal::parse(u"70"));
    facts.setText(u"currency", u"EUR"_s);
    facts.setBoolean(u"is_new_customer", true);
    Decision decision;
    parsed.rules().evaluate(facts, lists, decision); // grows decision.outcomes once
    const long before = allocations.load();
    for (int i = 0; i < 1000; ++i)
        parsed.rules().evaluate(facts, lists, decision);
    const long during = allocations.load() - before;
    QCOMPARE(decision.action, RuleAction::Review);
    QCOMPARE(during, 0L);
    // the counter counts: a plain QString copy that detaches does allocate
    QString copy = decision.ruleText;
    copy.append(u'!');
    QVERIFY(allocations.load() > before);
}

QTEST_GUILESS_MAIN(TestRuleAllocations)
#include "TestRuleAllocations.moc"
