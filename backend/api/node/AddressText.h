#pragma once

#include <optional>

#include <QHostAddress>
#include <QStringView>

// Internal to souk_api_node: one strict reading of addresses and host names for the listen
// setting, firewall rules and certificate names.
namespace souk::api::address {

/// An IPv4 dotted quad (four decimal parts, no leading zeros) or an IPv6 address. Stricter than
/// QHostAddress, which also takes "10" (= 0.0.0.10), "127.1" and "0x7f.0.0.1": in a firewall rule
/// those are typos, not intent. A "%scope" suffix is accepted only when `allowScope`.
std::optional<QHostAddress> parseIp(QStringView text, bool allowScope = false);

/// A DNS name: labels of letters, digits and inner hyphens, 1-63 characters each, 253 in all, and a
/// last label that is not all digits (that is a broken IPv4 address). `allowWildcard` admits a
/// leading "*." label, as certificates may carry.
bool isHostName(QStringView text, bool allowWildcard = false);

/// An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as plain IPv4, so one rule or certificate entry
/// covers both ways a dual-stack socket reports a client; any other address unchanged, scope dropped.
QHostAddress unmapped(const QHostAddress& address);

} // namespace souk::api::address
