#include "backend/client/NodeBalancer.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <limits>

namespace souk {

NodeBalancer::NodeBalancer(QStringList nodes, Policy policy) : m_policy(policy)
{
    for (QString& address : nodes)
        m_nodes.append({std::move(address), true, 0});
}

QString NodeBalancer::policyName(Policy policy)
{
    switch (policy) {
    case Policy::LeastOutstanding:
        return QStringLiteral("least-outstanding");
    case Policy::ByMerchant:
        return QStringLiteral("by-merchant");
    case Policy::RoundRobin:
        break;
    }
    return QStringLiteral("round-robin");
}

NodeBalancer::Policy NodeBalancer::policyNamed(const QString& name)
{
    for (Policy p : {Policy::LeastOutstanding, Policy::ByMerchant}) {
        if (policyName(p) == name)
            return p;
    }
    return Policy::RoundRobin;
}

bool NodeBalancer::eligible(int index, const QSet<int>& tried) const
{
    return m_nodes[index].healthy && !tried.contains(index);
}

quint64 NodeBalancer::weight(Id merchant, const QString& address)
{
    // SHA-256 of both: even over addresses that differ in one port digit, and the same on every console
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const qint64 value = qToBigEndian(merchant.value); // the same bytes on every machine
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(&value), sizeof value));
    hash.addData(address.toUtf8());
    const QByteArray digest = hash.result();
    quint64 w = 0;
    for (int i = 0; i < 8; ++i)
        w = (w << 8) | quint8(digest[i]);
    return w;
}

int NodeBalancer::pick(Id merchant, const QSet<int>& tried)
{
    const int n = nodeCount();
    if (m_policy == Policy::ByMerchant && merchant.value != 0) {
        int best = -1;
        quint64 bestWeight = 0;
        for (int i = 0; i < n; ++i) {
            if (!eligible(i, tried))
                continue;
            const quint64 w = weight(merchant, m_nodes[i].address);
            if (best < 0 || w > bestWeight) {
                best = i;
                bestWeight = w;
            }
        }
        return best;
    }
    // round robin, or the fewest outstanding with ties broken in turn: start where the turn is
    int best = -1;
    int fewest = std::numeric_limits<int>::max();
    for (int k = 0; k < n; ++k) {
        const int i = (m_next + k) % n;
        if (!eligible(i, tried))
            continue;
        if (m_policy != Policy::LeastOutstanding) {
            best = i;
            break;
        }
        if (m_nodes[i].outstanding < fewest) {
            best = i;
            fewest = m_nodes[i].outstanding;
        }
    }
    if (best >= 0)
        m_next = (best + 1) % n;
    return best;
}

void NodeBalancer::started(int index)
{
    ++m_nodes[index].outstanding;
}

void NodeBalancer::finished(int index)
{
    if (m_nodes[index].outstanding > 0)
        --m_nodes[index].outstanding;
}

void NodeBalancer::setHealthy(int index, bool healthy)
{
    m_nodes[index].healthy = healthy;
}

int NodeBalancer::healthyCount() const
{
    int count = 0;
    for (const Node& node : m_nodes)
        count += node.healthy;
    return count;
}

} // namespace souk
