#pragma once

#include <QList>
#include <QSet>
#include <QString>

#include "backend/core/Id.h"

namespace souk {

/// Chooses the node for each request of a console connected to a cluster, by the policy the
/// operator picked, among the nodes currently healthy:
/// - round robin: each in turn;
/// - least outstanding: the node with the fewest requests in flight (ties in turn);
/// - by merchant: rendezvous hashing of the merchant over the nodes' addresses, so one merchant's
///   work stays on one node while it is healthy, only the merchants of a node that goes down
///   move, and they come back with it.
/// A retry names the nodes it already tried, and gets another while there is one. Pure logic:
/// health comes from the caller (its /readyz checks). Not thread-safe; its owner's thread.
class NodeBalancer final
{
public:
    enum class Policy
    {
        RoundRobin,
        LeastOutstanding,
        ByMerchant,
    };

    NodeBalancer(QStringList nodes, Policy policy);

    /// "round-robin", "least-outstanding", "by-merchant": as settings and options write them.
    static QString policyName(Policy policy);
    /// The policy of that name; round robin for any other.
    static Policy policyNamed(const QString& name);

    int nodeCount() const { return int(m_nodes.size()); }
    const QString& node(int index) const { return m_nodes[index].address; }
    Policy policy() const { return m_policy; }
    void setPolicy(Policy policy) { m_policy = policy; }

    /// The node for a request about `merchant` (an empty id: about no merchant in particular),
    /// other than those in `tried`; -1 when no healthy node is left.
    int pick(Id merchant = {}, const QSet<int>& tried = {});
    /// A request went out to / came back from a node (least outstanding counts them).
    void started(int index);
    void finished(int index);
    int outstanding(int index) const { return m_nodes[index].outstanding; }

    void setHealthy(int index, bool healthy);
    bool healthy(int index) const { return m_nodes[index].healthy; }
    int healthyCount() const;

    /// The rendezvous weight of `merchant` on the node at `address`: the highest wins. Public for tests.
    static quint64 weight(Id merchant, const QString& address);

private:
    struct Node
    {
        QString address;
        bool healthy = true;
        int outstanding = 0;
    };

    bool eligible(int index, const QSet<int>& tried) const;

    QList<Node> m_nodes;
    Policy m_policy;
    int m_next = 0; ///< where round robin goes on
};

} // namespace souk
