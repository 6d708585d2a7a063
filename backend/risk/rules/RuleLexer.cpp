#include "backend/risk/rules/RuleLexer.h"

using namespace Qt::StringLiterals;

namespace souk::risk::lexer {

namespace {

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

class Lexer
{
public:
    Lexer(QStringView line, int lineNumber) : m_line(line), m_lineNumber(lineNumber) {}

    LexedLine run()
    {
        while (!m_out.problem) {
            while (m_pos < m_line.size() && m_line[m_pos].isSpace())
                ++m_pos;
            if (m_pos >= m_line.size() || m_line[m_pos] == u'#') {
                push(TokenKind::End, m_pos, m_pos);
                break;
            }
            next();
        }
        return std::move(m_out);
    }

private:
    void next()
    {
        const QChar c = m_line[m_pos];
        const qsizetype start = m_pos;
        if (isNameStart(c)) {
            while (m_pos < m_line.size() && isNameChar(m_line[m_pos]))
                ++m_pos;
            push(TokenKind::Word, start, m_pos).value = m_line.sliced(start, m_pos - start).toString();
        } else if (c == u':' || c == u'@') {
            name(c == u':' ? TokenKind::Attribute : TokenKind::List);
        } else if (isDigit(c) || (c == u'-' && m_pos + 1 < m_line.size() && isDigit(m_line[m_pos + 1]))) {
            number();
        } else if (c == u'\'' || c == u'"') {
            string(c);
        } else if (c == u'(' || c == u')') {
            ++m_pos;
            push(c == u'(' ? TokenKind::LeftParen : TokenKind::RightParen, start, m_pos);
        } else if (c == u'=' || c == u'<' || c == u'>' || c == u'!') {
            ++m_pos;
            if (m_pos < m_line.size() && m_line[m_pos] == u'=')
                ++m_pos;
            if (c == u'!' && m_pos - start == 1)
                return fail(RuleProblemCode::Syntax, start, u"expected '!=', found '!'"_s);
            push(TokenKind::Operator, start, m_pos);
        } else {
            fail(RuleProblemCode::Syntax, start, u"unexpected character '%1'"_s.arg(c));
        }
    }

    void name(TokenKind kind)
    {
        const qsizetype start = m_pos++;
        while (m_pos < m_line.size() && isNameChar(m_line[m_pos]))
            ++m_pos;
        const QString name = m_line.sliced(start + 1, m_pos - start - 1).toString();
        if (kind == TokenKind::Attribute) {
            if (name.isEmpty() || m_pos >= m_line.size() || m_line[m_pos] != u':') {
                return fail(RuleProblemCode::Syntax, start,
                            u"expected an attribute name closed by ':' (like :amount:) after ':'"_s);
            }
            ++m_pos;
        } else if (name.isEmpty()) {
            return fail(RuleProblemCode::Syntax, start, u"expected a list name (like @trusted_customers) after '@'"_s);
        }
        push(kind, start, m_pos).value = name;
    }

    void number()
    {
        const qsizetype start = m_pos++;
        while (m_pos < m_line.size() && (isNameChar(m_line[m_pos]) || m_line[m_pos] == u'.'))
            ++m_pos;
        const QStringView text = m_line.sliced(start, m_pos - start);
        const auto value = Decimal::parse(text);
        if (!value) {
            return fail(RuleProblemCode::BadNumber, start,
                        u"'%1' is not a number this language holds exactly (digits, at most %2 after the "
                        u"point, below 9,000,000,000,000)"_s.arg(text.toString())
                            .arg(Decimal::FractionDigits));
        }
        push(TokenKind::Number, start, m_pos).number = *value;
    }

    void string(QChar quote)
    {
        const qsizetype start = m_pos++;
        QString value;
        while (m_pos < m_line.size() && m_line[m_pos] != quote) {
            QChar c = m_line[m_pos++];
            if (c == u'\\') {
                if (m_pos >= m_line.size())
                    break;
                const QChar escaped = m_line[m_pos];
                if (escaped == u'n')
                    c = u'\n';
                else if (escaped == u't')
                    c = u'\t';
                else if (escaped == u'\\' || escaped == u'\'' || escaped == u'"')
                    c = escaped;
                else
                    return fail(RuleProblemCode::BadString, m_pos - 1,
                                u"unknown escape '\\%1' (use \\\\, \\', \\\", \\n or \\t)"_s.arg(escaped));
                ++m_pos;
            }
            value += c;
        }
        if (m_pos >= m_line.size())
            return fail(RuleProblemCode::BadString, start, u"the string has no closing %1"_s.arg(quote));
        ++m_pos;
        push(TokenKind::String, start, m_pos).value = value;
    }

    Token& push(TokenKind kind, qsizetype start, qsizetype end)
    {
        Token token;
        token.kind = kind;
        token.column = int(start) + 1;
        token.text = m_line.sliced(start, end - start).toString();
        m_out.tokens.push_back(std::move(token));
        return m_out.tokens.back();
    }

    void fail(RuleProblemCode code, qsizetype at, const QString& message)
    {
        m_out.problem = RuleProblem{code, m_lineNumber, int(at) + 1, message};
    }

    QStringView m_line;
    int m_lineNumber;
    qsizetype m_pos = 0;
    LexedLine m_out;
};

} // namespace

QString Token::describe() const
{
    if (kind == TokenKind::End)
        return u"end of line"_s;
    return u"'"_s + text + u"'"_s;
}

LexedLine lexLine(QStringView line, int lineNumber)
{
    return Lexer(line, lineNumber).run();
}

} // namespace souk::risk::lexer
