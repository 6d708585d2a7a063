#include "models/risk/RuleCheck.h"

#include <QRegularExpression>

#include "backend/risk/rules/RuleParser.h"

using namespace Qt::StringLiterals;

namespace souk {

QList<RuleIssue> checkRules(const QString& text, const QStringList& listNames)
{
    const risk::RuleParseResult parsed = risk::RuleParser(listNames).parse(text);
    QList<RuleIssue> issues;
    for (const risk::RuleProblem& p : parsed.problems())
        issues.append({p.line, p.column, risk::ruleProblemCodeName(p.code), p.message});
    return issues;
}

std::optional<RuleLocation> ruleLocation(const QString& field)
{
    static const QRegularExpression where(u"^line (\\d+), column (\\d+)$"_s);
    const auto match = where.match(field);
    if (!match.hasMatch())
        return std::nullopt;
    return RuleLocation{match.captured(1).toInt(), match.captured(2).toInt()};
}

} // namespace souk
