#pragma once

#include <QString>

#include "backend/core/Error.h"

namespace souk::risk {

/// Why a rule was refused. Stable: the names below are what the API and logs show.
enum class RuleProblemCode
{
    Syntax,           ///< "rule_syntax": the text is not a rule (expected X, found Y)
    UnknownAttribute, ///< "rule_unknown_attribute": `:name:` is not in the attribute table
    UnknownList,      ///< "rule_unknown_list": `@name` names no list
    TypeMismatch,     ///< "rule_type_mismatch": a number compared with text, a list of a number...
    TextOrdering,     ///< "rule_text_ordering": <, <=, >, >= on text or booleans
    BadNumber,        ///< "rule_bad_number": a number literal that is not exact or out of range
    BadString,        ///< "rule_bad_string": an unterminated string or an unknown escape
    TooLong,          ///< "rule_too_long": more rules, or a deeper condition, than allowed
};

/// "rule_syntax", "rule_unknown_attribute", ...
QString ruleProblemCodeName(RuleProblemCode code);

/// One problem in a rule set's text: where (1-based line and column, in characters) and what.
struct RuleProblem
{
    RuleProblemCode code = RuleProblemCode::Syntax;
    int line = 0;
    int column = 0;
    QString message; ///< "expected an attribute, a number or a string after '>', found end of line"

    /// "line 3, column 14: <message>"
    QString toString() const;
    /// As Souk's Error: code Invalid, field "line 3, column 14", message "<code name>: <message>".
    Error toError() const;
};

} // namespace souk::risk
