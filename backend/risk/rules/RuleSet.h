#pragma once

#include <QString>

#include <vector>

#include "backend/risk/rules/Facts.h"

namespace souk::risk {

enum class RuleAction : quint8
{
    None, ///< no rule matched
    Allow,
    Block,
    Review,
};

/// "allow", "block", "review", "none".
QString ruleActionName(RuleAction action);

enum class CompareOp : quint8
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
};

/// One side of a comparison: an attribute (its index in attributes()) or a literal.
struct RuleOperand
{
    int attribute = -1; ///< -1 for a literal
    FactValue literal;  ///< the value when attribute is -1 (text case-folded)
};

/// One node of a parsed condition. And/Or are binary (left, right); Not uses left.
struct RuleNode
{
    enum class Kind : quint8
    {
        Or,
        And,
        Not,
        Compare,   ///< a op b
        InList,    ///< a in @list
        NotInList, ///< a not in @list
        Flag,      ///< a boolean attribute standing alone
    };
    Kind kind = Kind::Flag;
    CompareOp op = CompareOp::Equal;
    int left = -1;
    int right = -1;
    RuleOperand a;
    RuleOperand b;
    QString list; ///< without '@'
};

struct Rule
{
    RuleAction action = RuleAction::None;
    int line = 0;  ///< 1-based line in the rule set's text
    QString text;  ///< the rule as written, trimmed, comment removed
    int root = -1; ///< the condition's top node in RuleSet::nodes()
};

/// A rule's outcome for one payment, for the explanation.
enum class RuleOutcome : quint8
{
    NoMatch,
    Match,
};

/// What a rule set says about one payment. Reusable: evaluate(…, Decision&) keeps its buffer.
struct Decision
{
    RuleAction action = RuleAction::None;
    int ruleIndex = -1; ///< the deciding rule's index in the set, -1 for None
    QString ruleText;
    int ruleLine = 0;
    std::vector<RuleOutcome> outcomes; ///< one per rule, in the set's order
};

/// A parsed rule set (made by RuleParser): immutable, so any number of threads may evaluate it.
/// Order is Radar's: the Allow rules first, then Block, then Review; within each, the first
/// rule in the text that matches decides.
class RuleSet
{
public:
    RuleSet() = default;
    RuleSet(std::vector<Rule> rules, std::vector<RuleNode> nodes);

    int size() const { return int(m_rules.size()); }
    const Rule& rule(int index) const { return m_rules[std::size_t(index)]; }
    const std::vector<RuleNode>& nodes() const { return m_nodes; }

    Decision evaluate(const Facts& facts, const Lists& lists) const;
    /// The same, into `into`; allocates nothing once `into.outcomes` has grown to size().
    void evaluate(const Facts& facts, const Lists& lists, Decision& into) const;
    /// Whether one rule's condition holds.
    bool matches(int ruleIndex, const Facts& facts, const Lists& lists) const;

private:
    bool test(int node, const Facts& facts, const Lists& lists) const;

    std::vector<Rule> m_rules;
    std::vector<RuleNode> m_nodes;
    std::vector<int> m_order; ///< rule indexes: Allow, then Block, then Review, each in text order
};

} // namespace souk::risk
