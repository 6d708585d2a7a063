#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

#include "backend/risk/rules/Decimal.h"
#include "backend/risk/rules/RuleProblem.h"

/// Private to RuleParser: splits one line of a rule set into tokens.
namespace souk::risk::lexer {

enum class TokenKind
{
    Word,      ///< allow, if, and, not, true... (compared case-insensitively by the parser)
    Attribute, ///< :amount: (value holds "amount")
    List,      ///< @trusted_customers (value holds "trusted_customers")
    Number,    ///< 12.50 (number holds it)
    String,    ///< 'US' (value holds the unescaped text)
    Operator,  ///< = == != < <= > >=
    LeftParen,
    RightParen,
    End, ///< end of the line, or a # comment
};

struct Token
{
    TokenKind kind = TokenKind::End;
    int column = 0; ///< 1-based
    QString text;   ///< as written, for messages
    QString value;
    Decimal number;

    /// "'>'", "':amount:'", "end of line": how an error message names it.
    QString describe() const;
};

struct LexedLine
{
    std::vector<Token> tokens; ///< always ends with an End token when there is no problem
    std::optional<RuleProblem> problem;
};

LexedLine lexLine(QStringView line, int lineNumber);

} // namespace souk::risk::lexer
