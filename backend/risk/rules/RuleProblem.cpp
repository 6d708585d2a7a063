#include "backend/risk/rules/RuleProblem.h"

using namespace Qt::StringLiterals;

namespace souk::risk {

QString ruleProblemCodeName(RuleProblemCode code)
{
    switch (code) {
    case RuleProblemCode::Syntax:
        return u"rule_syntax"_s;
    case RuleProblemCode::UnknownAttribute:
        return u"rule_unknown_attribute"_s;
    case RuleProblemCode::UnknownList:
        return u"rule_unknown_list"_s;
    case RuleProblemCode::TypeMismatch:
        return u"rule_type_mismatch"_s;
    case RuleProblemCode::TextOrdering:
        return u"rule_text_ordering"_s;
    case RuleProblemCode::BadNumber:
        return u"rule_bad_number"_s;
    case RuleProblemCode::BadString:
        return u"rule_bad_string"_s;
    case RuleProblemCode::TooLong:
        return u"rule_too_long"_s;
    }
    return u"rule_syntax"_s;
}

QString RuleProblem::toString() const
{
    return u"line %1, column %2: %3"_s.arg(line).arg(column).arg(message);
}

Error RuleProblem::toError() const
{
    return Error::invalid(u"line %1, column %2"_s.arg(line).arg(column), ruleProblemCodeName(code) + u": "_s + message);
}

} // namespace souk::risk
