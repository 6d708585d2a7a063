#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace souk {

/// One problem the parser found in a rule set's text: 1-based line and column (in characters).
struct RuleIssue
{
    int line = 0;
    int column = 0;
    QString code;    ///< "rule_type_mismatch" (RuleProblemCode's name), empty when not known
    QString message; ///< the parser's sentence (English): "unknown attribute ':emial:'; did you mean ..."
};

/// Where a rule problem is, read from an engine error's field ("line 3, column 14").
struct RuleLocation
{
    int line = 0;
    int column = 0;
};

/// Parses `text` as the engine will when it is saved (the same parser, linked into the console),
/// with `listNames` the lists a rule may name: every bad line's first problem, or none.
/// Pure; any thread. Takes about a millisecond for a few hundred rules.
QList<RuleIssue> checkRules(const QString& text, const QStringList& listNames);

/// The line and column an engine error names in its field, or nothing for another field.
std::optional<RuleLocation> ruleLocation(const QString& field);

} // namespace souk
