#include "models/risk/RiskText.h"

#include "models/common/ErrorText.h"

using namespace Qt::StringLiterals;

namespace souk {

QString RiskText::ruleSetStatus(const QString& status)
{
    if (status == u"draft")
        return tr("Draft", "rule set state");
    if (status == u"active")
        return tr("Active", "rule set state");
    if (status == u"retired")
        return tr("Retired", "rule set state");
    return status;
}

QStringList RiskText::listKinds()
{
    // the engine's table (RiskPolicy::listKinds): the console cannot link the engine, so the
    // risk page's test checks that the two agree
    return {u"email"_s, u"card_fingerprint"_s, u"ip"_s, u"bin"_s, u"country"_s, u"device_id"_s, u"text"_s};
}

QString RiskText::listKind(const QString& kind)
{
    if (kind == u"email")
        return tr("Email addresses", "risk list kind");
    if (kind == u"card_fingerprint")
        return tr("Card fingerprints", "risk list kind");
    if (kind == u"ip")
        return tr("IP addresses", "risk list kind");
    if (kind == u"bin")
        return tr("Card BINs", "risk list kind");
    if (kind == u"country")
        return tr("Countries", "risk list kind");
    if (kind == u"device_id")
        return tr("Device ids", "risk list kind");
    if (kind == u"text")
        return tr("Text", "risk list kind");
    return kind;
}

QString RiskText::listKindExample(const QString& kind)
{
    if (kind == u"email")
        return u"ana@example.com"_s;
    if (kind == u"card_fingerprint")
        return tr("64 hexadecimal digits", "example of a card fingerprint");
    if (kind == u"ip")
        return u"203.0.113.7"_s;
    if (kind == u"bin")
        return u"424242"_s;
    if (kind == u"country")
        return u"NG"_s;
    if (kind == u"device_id")
        return u"dev-81c2"_s;
    return tr("any text", "example of a text list value");
}

QString RiskText::ruleAction(const QString& action)
{
    if (action == u"allow")
        return tr("Allow", "rule action");
    if (action == u"block")
        return tr("Block", "rule action");
    if (action == u"review")
        return tr("Review", "rule action");
    return action;
}

QString RiskText::ruleProblemKind(const QString& code)
{
    if (code == u"rule_syntax")
        return tr("syntax error", "rule problem");
    if (code == u"rule_unknown_attribute")
        return tr("unknown attribute", "rule problem");
    if (code == u"rule_unknown_list")
        return tr("unknown list", "rule problem");
    if (code == u"rule_type_mismatch")
        return tr("type mismatch", "rule problem");
    if (code == u"rule_text_ordering")
        return tr("text cannot be ordered", "rule problem");
    if (code == u"rule_bad_number")
        return tr("bad number", "rule problem");
    if (code == u"rule_bad_string")
        return tr("bad text", "rule problem");
    if (code == u"rule_too_long")
        return tr("too long", "rule problem");
    return {};
}

QString RiskText::ruleProblem(const RuleIssue& issue)
{
    const QString kind = ruleProblemKind(issue.code);
    if (kind.isEmpty())
        //: a problem in the rule editor; %3 is the parser's sentence (English)
        return tr("Line %1, column %2: %3").arg(issue.line).arg(issue.column).arg(issue.message);
    //: a problem in the rule editor; %3 its kind ("type mismatch"), %4 the parser's sentence (English)
    return tr("Line %1, column %2: %3 — %4").arg(issue.line).arg(issue.column).arg(kind, issue.message);
}

QString RiskText::fieldLabel(const QString& field)
{
    if (field == u"note")
        return tr("Note", "rule set field");
    if (field == u"version")
        return tr("Version", "rule set field");
    if (field == u"text")
        return tr("Rules", "rule set field: its text");
    if (field == u"name" || field == u"list")
        return tr("List name", "risk list field");
    if (field == u"kind")
        return tr("Holds", "risk list field: the kind of values");
    if (field == u"description")
        return tr("Description", "risk list field");
    if (field == u"values")
        return tr("Values", "risk list field");
    return souk::fieldLabel(field);
}

QString RiskText::errorWithField(const Error& error)
{
    if (error.field.isEmpty())
        return errorText(error);
    //: %1 is a field label such as "Note", %2 an error sentence
    return tr("%1: %2").arg(fieldLabel(error.field), errorText(error));
}

} // namespace souk
