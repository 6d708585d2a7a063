#include "backend/api/node/AddressText.h"

#include <algorithm>

#include <QList>

using namespace Qt::StringLiterals;

namespace souk::api::address {

namespace {

constexpr int LabelCharsMax = 63;
constexpr int NameCharsMax = 253;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isDottedQuad(QStringView text)
{
    const QList<QStringView> parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QStringView part : parts) {
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.front() == u'0'))
            return false;
        if (!std::all_of(part.begin(), part.end(), isAsciiDigit) || part.toInt() > 255)
            return false;
    }
    return true;
}

bool isIpv6Text(QStringView text)
{
    // hex digits, colons and an embedded dotted quad; brackets and spaces belong to the caller
    return text.contains(u':') && std::all_of(text.begin(), text.end(), [](QChar c) {
               return isAsciiDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F') || c == u':' || c == u'.';
           });
}

bool isLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > LabelCharsMax || label.front() == u'-' || label.back() == u'-')
        return false;
    return std::all_of(label.begin(), label.end(), [](QChar c) {
        return isAsciiDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-';
    });
}

} // namespace

std::optional<QHostAddress> parseIp(QStringView text, bool allowScope)
{
    if (isDottedQuad(text))
        return QHostAddress(text.toString());
    QStringView bare = text;
    const qsizetype percent = text.indexOf(u'%');
    if (percent >= 0) {
        const QStringView scope = text.mid(percent + 1);
        if (!allowScope || scope.isEmpty())
            return std::nullopt;
        bare = text.left(percent);
    }
    if (!isIpv6Text(bare))
        return std::nullopt;
    const QHostAddress address(text.toString());
    if (address.isNull() || address.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    return address;
}

bool isHostName(QStringView text, bool allowWildcard)
{
    if (allowWildcard && text.startsWith(u"*."))
        text = text.mid(2);
    if (text.isEmpty() || text.size() > NameCharsMax)
        return false;
    const QList<QStringView> labels = text.split(u'.');
    if (!std::all_of(labels.begin(), labels.end(), isLabel))
        return false;
    const QStringView last = labels.back();
    return !std::all_of(last.begin(), last.end(), isAsciiDigit);
}

QHostAddress unmapped(const QHostAddress& address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    // QHostAddress::toIPv4Address() also converts "::", so test the ::ffff:0:0/96 prefix itself
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    bool mapped = bytes[10] == 0xff && bytes[11] == 0xff;
    for (int i = 0; i < 10 && mapped; ++i)
        mapped = bytes[i] == 0;
    if (mapped)
        return QHostAddress(address.toIPv4Address());
    QHostAddress plain(address);
    plain.setScopeId({});
    return plain;
}

} // namespace souk::api::address
