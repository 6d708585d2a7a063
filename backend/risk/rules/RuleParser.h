#pragma once

#include <QList>
#include <QStringList>

#include <optional>

#include "backend/risk/rules/RuleProblem.h"
#include "backend/risk/rules/RuleSet.h"

namespace souk::risk {

/// Either a rule set or every problem found in its text (the first of each bad line).
class RuleParseResult
{
public:
    explicit RuleParseResult(RuleSet rules) : m_rules(std::move(rules)) {}
    explicit RuleParseResult(QList<RuleProblem> problems) : m_problems(std::move(problems)) {}

    bool ok() const { return m_rules.has_value(); }
    const RuleSet& rules() const { return *m_rules; }
    const QList<RuleProblem>& problems() const { return m_problems; }
    /// The first problem as Souk's Error (the message says how many more there are).
    Error error() const;

private:
    std::optional<RuleSet> m_rules;
    QList<RuleProblem> m_problems;
};

/// Parses a rule set: one `Allow|Block|Review if <condition>` per line; blank lines and `#`
/// comments allowed. Stateless apart from the known list names; any thread.
class RuleParser
{
public:
    static constexpr int RulesMax = 1000;
    static constexpr int DepthMax = 32; ///< nested '(' and 'not'
    static constexpr int LineCharsMax = 2000;

    /// `listNames`: the lists a rule may name as `@name` (without '@').
    explicit RuleParser(QStringList listNames = {});

    RuleParseResult parse(const QString& text) const;

private:
    QStringList m_listNames;
};

} // namespace souk::risk
