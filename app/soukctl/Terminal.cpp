// What soukctl prints for people: data never reaches the terminal as control characters.
#include "app/soukctl/Cli.h"

using namespace Qt::StringLiterals;

namespace souk::cli {
namespace {

/// Characters a terminal would act on or that hide or reorder text: C0 and C1 controls (escape
/// sequences start with ESC or CSI), DEL, bidi overrides and isolates, zero-width and other format
/// characters (Cf), and line and paragraph separators. ZWNJ and ZWJ are Cf too but are kept: Persian
/// and Indic words and emoji sequences need them, and they move or hide nothing.
bool isHidden(char32_t c)
{
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return true;
    if (c == 0x200c || c == 0x200d)
        return false;
    const QChar::Category category = QChar::category(c);
    return category == QChar::Other_Format || category == QChar::Separator_Line ||
           category == QChar::Separator_Paragraph;
}

QString escaped(char32_t c)
{
    if (c <= 0xff)
        return u"\\x%1"_s.arg(uint(c), 2, 16, QChar(u'0'));
    if (c <= 0xffff)
        return u"\\u%1"_s.arg(uint(c), 4, 16, QChar(u'0'));
    return u"\\U%1"_s.arg(uint(c), 8, 16, QChar(u'0'));
}

} // namespace

QString shown(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        const QChar ch = text[i];
        qsizetype length = 1;
        char32_t c = ch.unicode();
        if (ch.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(ch, text[i + 1]);
            length = 2;
        } else if (ch.isSurrogate()) {
            out.append(QChar::ReplacementCharacter); // half a pair is no character at all
            ++i;
            continue;
        }
        if (isHidden(c))
            out.append(escaped(c));
        else
            out.append(text.sliced(i, length));
        i += length;
    }
    return out;
}

} // namespace souk::cli
