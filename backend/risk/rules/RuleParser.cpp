#include "backend/risk/rules/RuleParser.h"

#include "backend/risk/rules/Attributes.h"
#include "backend/risk/rules/RuleLexer.h"

using namespace Qt::StringLiterals;

namespace souk::risk {

namespace {

using lexer::Token;
using lexer::TokenKind;

/// Parses one line's tokens into nodes appended to `nodes`; stops at the first problem.
class LineParser
{
public:
    LineParser(const std::vector<Token>& tokens, int line, const QStringList& lists, std::vector<RuleNode>& nodes)
        : m_tokens(tokens), m_line(line), m_lists(lists), m_nodes(nodes)
    {}

    std::optional<Rule> rule()
    {
        Rule rule;
        rule.line = m_line;
        const Token& action = peek();
        rule.action = actionOf(action);
        if (rule.action == RuleAction::None)
            return fail(action, u"expected 'Allow', 'Block' or 'Review', found %1"_s.arg(action.describe()));
        ++m_pos;
        if (!isWord(peek(), u"if"))
            return fail(peek(), u"expected 'if' after %1, found %2"_s.arg(action.describe(), peek().describe()));
        ++m_pos;
        rule.root = orExpr();
        if (m_problem)
            return std::nullopt;
        if (peek().kind != TokenKind::End) {
            return fail(peek(), u"expected 'and', 'or' or the end of the rule after %1, found %2"_s.arg(
                                    previous().describe(), peek().describe()));
        }
        return rule;
    }

    std::optional<RuleProblem> problem() const { return m_problem; }

private:
    int orExpr() { return binary(RuleNode::Kind::Or, u"or", &LineParser::andExpr); }
    int andExpr() { return binary(RuleNode::Kind::And, u"and", &LineParser::notExpr); }

    int binary(RuleNode::Kind kind, QStringView keyword, int (LineParser::*operandOf)())
    {
        int left = (this->*operandOf)();
        while (!m_problem && isWord(peek(), keyword)) {
            ++m_pos;
            const int right = (this->*operandOf)();
            if (m_problem)
                return -1;
            RuleNode node;
            node.kind = kind;
            node.left = left;
            node.right = right;
            left = add(std::move(node));
        }
        return left;
    }

    int notExpr()
    {
        if (!isWord(peek(), u"not"))
            return primary();
        const Token& keyword = peek();
        if (++m_depth > RuleParser::DepthMax)
            return failCode(RuleProblemCode::TooLong, keyword, u"conditions nest too deeply"_s);
        ++m_pos;
        RuleNode node;
        node.kind = RuleNode::Kind::Not;
        node.left = notExpr();
        --m_depth;
        return m_problem ? -1 : add(std::move(node));
    }

    int primary()
    {
        const Token& first = peek();
        if (first.kind == TokenKind::LeftParen) {
            if (++m_depth > RuleParser::DepthMax)
                return failCode(RuleProblemCode::TooLong, first, u"conditions nest too deeply"_s);
            ++m_pos;
            const int inner = orExpr();
            --m_depth;
            if (m_problem)
                return -1;
            if (peek().kind != TokenKind::RightParen) {
                return failAt(
                    peek(),
                    u"expected ')' to close the '(' at column %1, found %2"_s.arg(first.column).arg(peek().describe()));
            }
            ++m_pos;
            return inner;
        }
        const auto left = operand();
        if (m_problem)
            return -1;
        if (!left) {
            return failAt(first, u"expected a condition (an attribute, a number, a string, 'not' or '(') after "
                                 u"%1, found %2"_s.arg(previous().describe(), first.describe()));
        }
        return afterOperand(first, *left);
    }

    int afterOperand(const Token& first, const RuleOperand& left)
    {
        const Token& next = peek();
        if (next.kind == TokenKind::Operator)
            return comparison(first, left);
        if (isWord(next, u"in") || (isWord(next, u"not") && isWord(peek(1), u"in")))
            return inList(first, left);
        if (left.attribute >= 0 && attributes()[std::size_t(left.attribute)].type == AttributeType::Boolean) {
            RuleNode node;
            node.kind = RuleNode::Kind::Flag;
            node.a = left;
            return add(std::move(node));
        }
        return failAt(next, u"expected a comparison (=, !=, <, <=, >, >=) or 'in' after %1, found %2"_s.arg(
                                first.describe(), next.describe()));
    }

    int comparison(const Token& first, const RuleOperand& left)
    {
        const Token& op = peek();
        ++m_pos;
        const Token& second = peek();
        const auto right = operand();
        if (m_problem)
            return -1;
        if (!right) {
            return failAt(second, u"expected an attribute, a number or a string after %1, found %2"_s.arg(
                                      op.describe(), second.describe()));
        }
        RuleNode node;
        node.kind = RuleNode::Kind::Compare;
        node.op = opOf(op.text);
        node.a = left;
        node.b = *right;
        if (left.attribute < 0 && right->attribute < 0)
            return failAt(first, u"a comparison needs at least one attribute, found two literals"_s);
        const AttributeType leftType = typeOf(left);
        const AttributeType rightType = typeOf(*right);
        if (leftType != rightType) {
            return failCode(RuleProblemCode::TypeMismatch, op,
                            u"cannot compare %1 (%2) with %3 (%4)"_s.arg(article(leftType), first.text,
                                                                         article(rightType), second.text));
        }
        if (leftType != AttributeType::Number && node.op != CompareOp::Equal && node.op != CompareOp::NotEqual) {
            return failCode(RuleProblemCode::TextOrdering, op,
                            u"%1 orders numbers only; %2 is %3, so use = or !="_s.arg(op.describe(), first.text,
                                                                                      article(leftType)));
        }
        return add(std::move(node));
    }

    int inList(const Token& first, const RuleOperand& left)
    {
        RuleNode node;
        node.kind = isWord(peek(), u"not") ? RuleNode::Kind::NotInList : RuleNode::Kind::InList;
        m_pos += node.kind == RuleNode::Kind::NotInList ? 2 : 1;
        const Token& list = peek();
        if (list.kind != TokenKind::List) {
            return failAt(list,
                          u"expected a list (like @trusted_customers) after 'in', found %1"_s.arg(list.describe()));
        }
        if (left.attribute < 0 || typeOf(left) != AttributeType::Text) {
            return failCode(RuleProblemCode::TypeMismatch, first,
                            u"only a text attribute can be looked up in a list; %1 is %2"_s.arg(
                                first.text, left.attribute < 0 ? u"a literal"_s : article(typeOf(left))));
        }
        if (!m_lists.contains(list.value)) {
            const QString close = closestName(list.value, m_lists);
            return failCode(
                RuleProblemCode::UnknownList, list,
                u"there is no list named %1%2"_s.arg(
                    list.describe(), close.isEmpty() ? QString() : u"; did you mean '@"_s + close + u"'?"_s));
        }
        ++m_pos;
        node.a = left;
        node.list = list.value;
        return add(std::move(node));
    }

    /// An attribute or a literal; nullopt (and no problem) when the token is neither.
    std::optional<RuleOperand> operand()
    {
        const Token& token = peek();
        RuleOperand result;
        switch (token.kind) {
        case TokenKind::Attribute: {
            result.attribute = attributeIndex(token.value);
            if (result.attribute < 0) {
                static const std::vector<QString> names = [] {
                    std::vector<QString> all;
                    for (const Attribute& attribute : attributes())
                        all.push_back(attribute.name);
                    return all;
                }();
                const QString close = closestName(token.value, names);
                failCode(RuleProblemCode::UnknownAttribute, token,
                         u"unknown attribute %1%2"_s.arg(token.describe(),
                                                         close.isEmpty() ? QString()
                                                                         : u"; did you mean ':"_s + close + u":'?"_s));
                return std::nullopt;
            }
            break;
        }
        case TokenKind::Number:
            result.literal.kind = FactValue::Kind::Number;
            result.literal.number = token.number;
            break;
        case TokenKind::String:
            result.literal.kind = FactValue::Kind::Text;
            result.literal.text = token.value.toCaseFolded();
            break;
        case TokenKind::Word:
            if (!isWord(token, u"true") && !isWord(token, u"false"))
                return std::nullopt;
            result.literal.kind = FactValue::Kind::Boolean;
            result.literal.boolean = isWord(token, u"true");
            break;
        default:
            return std::nullopt;
        }
        ++m_pos;
        return result;
    }

    static AttributeType typeOf(const RuleOperand& operand)
    {
        if (operand.attribute >= 0)
            return attributes()[std::size_t(operand.attribute)].type;
        switch (operand.literal.kind) {
        case FactValue::Kind::Number:
            return AttributeType::Number;
        case FactValue::Kind::Boolean:
            return AttributeType::Boolean;
        default:
            return AttributeType::Text;
        }
    }

    static QString article(AttributeType type)
    {
        switch (type) {
        case AttributeType::Number:
            return u"a number"_s;
        case AttributeType::Text:
            return u"text"_s;
        case AttributeType::Boolean:
            return u"a boolean"_s;
        }
        return u"text"_s;
    }

    static CompareOp opOf(const QString& text)
    {
        if (text == u"!=")
            return CompareOp::NotEqual;
        if (text == u"<")
            return CompareOp::Less;
        if (text == u"<=")
            return CompareOp::LessOrEqual;
        if (text == u">")
            return CompareOp::Greater;
        if (text == u">=")
            return CompareOp::GreaterOrEqual;
        return CompareOp::Equal; // "=" and "=="
    }

    static RuleAction actionOf(const Token& token)
    {
        if (isWord(token, u"allow"))
            return RuleAction::Allow;
        if (isWord(token, u"block"))
            return RuleAction::Block;
        if (isWord(token, u"review"))
            return RuleAction::Review;
        return RuleAction::None;
    }

    static bool isWord(const Token& token, QStringView word)
    {
        return token.kind == TokenKind::Word && token.value.compare(word, Qt::CaseInsensitive) == 0;
    }

    const Token& peek(int ahead = 0) const
    {
        return m_tokens[std::min(m_pos + std::size_t(ahead), m_tokens.size() - 1)];
    }
    const Token& previous() const { return m_tokens[m_pos > 0 ? m_pos - 1 : 0]; }

    int add(RuleNode node)
    {
        m_nodes.push_back(std::move(node));
        return int(m_nodes.size()) - 1;
    }

    int failAt(const Token& at, const QString& message) { return failCode(RuleProblemCode::Syntax, at, message); }
    int failCode(RuleProblemCode code, const Token& at, const QString& message)
    {
        if (!m_problem)
            m_problem = RuleProblem{code, m_line, at.column, message};
        return -1;
    }
    std::nullopt_t fail(const Token& at, const QString& message)
    {
        failAt(at, message);
        return std::nullopt;
    }

    const std::vector<Token>& m_tokens;
    int m_line;
    const QStringList& m_lists;
    std::vector<RuleNode>& m_nodes;
    std::size_t m_pos = 0;
    int m_depth = 0;
    std::optional<RuleProblem> m_problem;
};

} // namespace

Error RuleParseResult::error() const
{
    if (m_problems.isEmpty())
        return Error::internal(u"the rule set parsed"_s);
    Error error = m_problems.front().toError();
    if (m_problems.size() > 1)
        error.message += u" (and %1 more problems)"_s.arg(m_problems.size() - 1);
    return error;
}

RuleParser::RuleParser(QStringList listNames) : m_listNames(std::move(listNames)) {}

RuleParseResult RuleParser::parse(const QString& text) const
{
    std::vector<Rule> rules;
    std::vector<RuleNode> nodes;
    QList<RuleProblem> problems;
    const QList<QStringView> lines = QStringView(text).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i) + 1;
        QStringView line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.size() > LineCharsMax) {
            problems.append({RuleProblemCode::TooLong, lineNumber, LineCharsMax + 1,
                             u"a rule may be at most %1 characters long"_s.arg(LineCharsMax)});
            continue;
        }
        const lexer::LexedLine lexed = lexer::lexLine(line, lineNumber);
        if (lexed.problem) {
            problems.append(*lexed.problem);
            continue;
        }
        if (lexed.tokens.front().kind == TokenKind::End)
            continue; // blank or comment
        const std::size_t nodesBefore = nodes.size();
        LineParser parser(lexed.tokens, lineNumber, m_listNames, nodes);
        auto rule = parser.rule();
        if (!rule) {
            nodes.resize(nodesBefore); // a bad line leaves nothing behind
            problems.append(*parser.problem());
            continue;
        }
        const qsizetype end = lexed.tokens.back().column - 1;
        rule->text = line.first(std::min(end, line.size())).trimmed().toString();
        if (int(rules.size()) == RulesMax) {
            problems.append(
                {RuleProblemCode::TooLong, lineNumber, 1, u"a rule set may hold at most %1 rules"_s.arg(RulesMax)});
            break;
        }
        rules.push_back(std::move(*rule));
    }
    if (!problems.isEmpty())
        return RuleParseResult(std::move(problems));
    return RuleParseResult(RuleSet(std::move(rules), std::move(nodes)));
}

} // namespace souk::risk
