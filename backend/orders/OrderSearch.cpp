#include "backend/orders/OrderSearch.h"

using namespace Qt::StringLiterals;

namespace souk::orders {
namespace {

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

OrderSearch OrderSearch::parse(const QString& input)
{
    OrderSearch s;
    s.text = input.trimmed();
    if (s.text.isEmpty())
        return s;
    bool fits = false;
    if (s.text.startsWith(u'#') && allDigits(QStringView(s.text).mid(1))) {
        s.value = QStringView(s.text).mid(1).toLongLong(&fits);
        if (fits) {
            s.kind = Kind::Number;
            return s;
        }
    } else if (allDigits(s.text)) {
        s.value = s.text.toLongLong(&fits);
        if (fits) {
            s.kind = Kind::Digits;
            s.digits = int(s.text.size());
            return s;
        }
    }
    s.value = 0;
    s.email = s.text.toLower();
    if (s.text.contains(u'@')) {
        s.kind = Kind::Email;
        return s;
    }
    s.kind = Kind::Text;
    s.name = foldLatin(s.text);
    return s;
}

QString OrderSearch::foldLatin(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    }
    return out;
}

qint64 OrderSearch::modulus() const
{
    qint64 p = 1;
    for (int i = 0; i < digits && i < 18; ++i)
        p *= 10;
    return p;
}

bool OrderSearch::isSuffixOf(qint64 n) const
{
    if (!isSuffix() || n <= 0)
        return false;
    const qint64 p = modulus();
    return n % p == value && n >= p / 10;
}

bool OrderSearch::matches(const Order& o) const
{
    switch (kind) {
    case Kind::All:
        return true;
    case Kind::Email:
        return o.customerEmail == email;
    case Kind::Number:
        return o.number == value;
    case Kind::Digits:
        return o.id.value == value || isSuffixOf(o.number) || (searchesIdSuffix() && isSuffixOf(o.id.value)) ||
               (searchesCard() && o.cardLast4 == text);
    case Kind::Text:
        return o.customerEmail.startsWith(email) || foldLatin(o.customerName).contains(name);
    }
    return false;
}

} // namespace souk::orders
