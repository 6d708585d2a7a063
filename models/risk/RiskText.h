#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "backend/core/Error.h"
#include "models/risk/RuleCheck.h"

namespace souk {

/// What the rule sets' and lists' codes mean to a person: a version's state, a list's kind, where
/// a rule problem is. Translation context "RiskText". GUI thread (uses the installed translators).
class RiskText final
{
    Q_DECLARE_TR_FUNCTIONS(RiskText)
public:
    /// "Draft", "Active", "Retired" for the stored states; an unknown state as it is.
    static QString ruleSetStatus(const QString& status);
    /// The kinds a list may hold, in the engine's order (RiskPolicy::listKinds; a test compares them).
    static QStringList listKinds();
    /// "Email addresses" for "email"; an unknown kind as it is.
    static QString listKind(const QString& kind);
    /// An example value of the kind, for a placeholder: "ana@example.com".
    static QString listKindExample(const QString& kind);
    /// "Allow", "Block", "Review" for a rule's action ("allow", ...); an unknown one as it is.
    static QString ruleAction(const QString& action);
    /// "Line 3, column 14: type mismatch — <message>": the kind of problem in the user's language,
    /// then the parser's sentence (English, as the engine speaks).
    static QString ruleProblem(const RuleIssue& issue);
    /// "type mismatch" for "rule_type_mismatch"; empty for an unknown code.
    static QString ruleProblemKind(const QString& code);
    /// A translated label for the rule and list commands' fields ("note", "kind", "values"), else
    /// ErrorText's fieldLabel().
    static QString fieldLabel(const QString& field);
    /// errorText() preceded by the field's label when the error names one: "Note: This value is not valid."
    static QString errorWithField(const Error& error);
};

} // namespace souk
