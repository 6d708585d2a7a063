#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringList>

#include "backend/core/Result.h"

namespace souk::api {

/// Which client addresses the node serves: allow and deny lists of addresses and CIDR subnets.
/// Deny wins; an empty allow list admits everyone not denied. IPv4-mapped IPv6 addresses
/// (::ffff:a.b.c.d, as a dual-stack socket reports IPv4 clients) count as IPv4, in rules and
/// clients alike. Immutable value; any thread.
class AddressRules
{
public:
    using Subnet = QPair<QHostAddress, int>;

    /// Entries like "10.0.0.0/8", "192.168.1.7", "2001:db8::/32", "::1". The Error names
    /// "firewall/allow" or "firewall/deny" and quotes the entry.
    static Result<AddressRules> parse(const QStringList& allow, const QStringList& deny);

    bool admits(const QHostAddress& address) const;

    const QList<Subnet>& allowed() const { return m_allow; }
    const QList<Subnet>& denied() const { return m_deny; }

private:
    QList<Subnet> m_allow;
    QList<Subnet> m_deny;
};

} // namespace souk::api
