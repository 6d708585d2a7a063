#include "backend/api/node/AddressRules.h"

#include <algorithm>

#include "backend/api/node/AddressText.h"

using namespace Qt::StringLiterals;

namespace souk::api {

namespace {

constexpr int EntriesMax = 10'000;   // each client is checked against every entry
constexpr int MappedPrefixBits = 96; // ::ffff:0:0/96

Result<int> parsePrefix(QStringView text, int bitsMax)
{
    // decimal only, no sign or padding: "/08" or "/ 8" is a typo here
    const bool digits = !text.isEmpty() && text.size() <= 3 &&
                        std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }) &&
                        (text.size() == 1 || text.front() != u'0');
    const int bits = digits ? text.toInt() : -1;
    if (bits < 0 || bits > bitsMax)
        return Error::invalid({}, u"the prefix length must be 0..%1"_s.arg(bitsMax));
    return bits;
}

/// A mapped IPv4 subnet as the IPv4 subnet it is, so it matches clients after unmapped().
AddressRules::Subnet plain(const QHostAddress& address, int bits)
{
    const QHostAddress base = address::unmapped(address);
    if (address.protocol() == QAbstractSocket::IPv6Protocol && base.protocol() == QAbstractSocket::IPv4Protocol &&
        bits >= MappedPrefixBits)
        return {base, bits - MappedPrefixBits};
    return {address, bits};
}

Result<AddressRules::Subnet> parseEntry(const QString& entry)
{
    const qsizetype slash = entry.indexOf(u'/');
    const QStringView addressText = QStringView(entry).left(slash < 0 ? entry.size() : slash);
    const auto address = address::parseIp(addressText);
    if (!address)
        return Error::invalid({}, u"not an IPv4 or IPv6 address"_s);
    const int bitsMax = address->protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
    if (slash < 0)
        return plain(*address, bitsMax);
    const auto bits = parsePrefix(QStringView(entry).mid(slash + 1), bitsMax);
    if (!bits)
        return bits.error();
    // "10.0.0.1/8" is a host written where a network was meant; say which network it would be
    const auto network = QHostAddress::parseSubnet(entry);
    if (network.first != *address)
        return Error::invalid(
            {}, u"has host bits set; the network is %1/%2"_s.arg(network.first.toString()).arg(network.second));
    return plain(network.first, network.second);
}

Result<QList<AddressRules::Subnet>> parseList(const QStringList& entries, const QString& field)
{
    if (entries.size() > EntriesMax)
        return Error::invalid(field, u"at most %1 entries"_s.arg(EntriesMax));
    QList<AddressRules::Subnet> out;
    out.reserve(entries.size());
    for (const QString& raw : entries) {
        const auto subnet = parseEntry(raw.trimmed());
        if (!subnet)
            return Error::invalid(field, u"\"%1\": %2"_s.arg(raw, subnet.error().message));
        out.append(*subnet);
    }
    return out;
}

bool matchesAny(const QList<AddressRules::Subnet>& subnets, const QHostAddress& address)
{
    return std::any_of(subnets.begin(), subnets.end(),
                       [&](const AddressRules::Subnet& subnet) { return address.isInSubnet(subnet); });
}

} // namespace

Result<AddressRules> AddressRules::parse(const QStringList& allow, const QStringList& deny)
{
    auto allowed = parseList(allow, u"firewall/allow"_s);
    if (!allowed)
        return allowed.error();
    auto denied = parseList(deny, u"firewall/deny"_s);
    if (!denied)
        return denied.error();
    AddressRules rules;
    rules.m_allow = std::move(*allowed);
    rules.m_deny = std::move(*denied);
    return rules;
}

bool AddressRules::admits(const QHostAddress& address) const
{
    if (address.isNull())
        return false; // no address to check is no reason to let it in
    const QHostAddress client = address::unmapped(address);
    if (matchesAny(m_deny, client))
        return false;
    return m_allow.isEmpty() || matchesAny(m_allow, client);
}

} // namespace souk::api
