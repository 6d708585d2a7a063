#include "backend/risk/rules/RuleSet.h"

using namespace Qt::StringLiterals;

namespace souk::risk {

namespace {

const FactValue& resolve(const RuleOperand& operand, const Facts& facts)
{
    return operand.attribute >= 0 ? facts.at(operand.attribute) : operand.literal;
}

template <typename T> bool compare(CompareOp op, const T& a, const T& b)
{
    switch (op) {
    case CompareOp::Equal:
        return a == b;
    case CompareOp::NotEqual:
        return a != b;
    case CompareOp::Less:
        return a < b;
    case CompareOp::LessOrEqual:
        return a <= b;
    case CompareOp::Greater:
        return a > b;
    case CompareOp::GreaterOrEqual:
        return a >= b;
    }
    return false;
}

// A missing fact makes the comparison false, whatever the operator: a rule never fires on data
// the payment does not have (see docs/risk-rules.md, "Missing facts").
bool compareValues(CompareOp op, const FactValue& a, const FactValue& b)
{
    if (a.kind != b.kind || a.kind == FactValue::Kind::Missing)
        return false;
    switch (a.kind) {
    case FactValue::Kind::Number:
        return compare(op, a.number, b.number);
    case FactValue::Kind::Text:
        return compare(op, a.text, b.text); // the parser allows = and != only
    case FactValue::Kind::Boolean:
        return compare(op, a.boolean, b.boolean);
    case FactValue::Kind::Missing:
        return false;
    }
    return false;
}

} // namespace

QString ruleActionName(RuleAction action)
{
    switch (action) {
    case RuleAction::None:
        return u"none"_s;
    case RuleAction::Allow:
        return u"allow"_s;
    case RuleAction::Block:
        return u"block"_s;
    case RuleAction::Review:
        return u"review"_s;
    }
    return u"none"_s;
}

RuleSet::RuleSet(std::vector<Rule> rules, std::vector<RuleNode> nodes)
    : m_rules(std::move(rules)), m_nodes(std::move(nodes))
{
    m_order.reserve(m_rules.size());
    for (RuleAction action : {RuleAction::Allow, RuleAction::Block, RuleAction::Review}) {
        for (std::size_t i = 0; i < m_rules.size(); ++i) {
            if (m_rules[i].action == action)
                m_order.push_back(int(i));
        }
    }
}

Decision RuleSet::evaluate(const Facts& facts, const Lists& lists) const
{
    Decision decision;
    evaluate(facts, lists, decision);
    return decision;
}

void RuleSet::evaluate(const Facts& facts, const Lists& lists, Decision& into) const
{
    into.action = RuleAction::None;
    into.ruleIndex = -1;
    into.ruleText.clear();
    into.ruleLine = 0;
    into.outcomes.resize(m_rules.size());
    // every rule is evaluated, so the explanation can show all that matched, not just the winner
    for (int index : m_order) {
        const bool matched = test(m_rules[std::size_t(index)].root, facts, lists);
        into.outcomes[std::size_t(index)] = matched ? RuleOutcome::Match : RuleOutcome::NoMatch;
        if (matched && into.ruleIndex < 0) {
            const Rule& rule = m_rules[std::size_t(index)];
            into.action = rule.action;
            into.ruleIndex = index;
            into.ruleText = rule.text; // implicitly shared: no copy of the characters
            into.ruleLine = rule.line;
        }
    }
}

bool RuleSet::matches(int ruleIndex, const Facts& facts, const Lists& lists) const
{
    return test(m_rules[std::size_t(ruleIndex)].root, facts, lists);
}

bool RuleSet::test(int index, const Facts& facts, const Lists& lists) const
{
    const RuleNode& node = m_nodes[std::size_t(index)];
    switch (node.kind) {
    case RuleNode::Kind::Or:
        return test(node.left, facts, lists) || test(node.right, facts, lists);
    case RuleNode::Kind::And:
        return test(node.left, facts, lists) && test(node.right, facts, lists);
    case RuleNode::Kind::Not:
        return !test(node.left, facts, lists);
    case RuleNode::Kind::Compare:
        return compareValues(node.op, resolve(node.a, facts), resolve(node.b, facts));
    case RuleNode::Kind::InList:
    case RuleNode::Kind::NotInList: {
        const FactValue& value = resolve(node.a, facts);
        if (value.kind != FactValue::Kind::Text)
            return false; // missing: neither in nor not in
        return lists.has(node.list, value.text) == (node.kind == RuleNode::Kind::InList);
    }
    case RuleNode::Kind::Flag: {
        const FactValue& value = resolve(node.a, facts);
        return value.kind == FactValue::Kind::Boolean && value.boolean;
    }
    }
    return false;
}

} // namespace souk::risk
