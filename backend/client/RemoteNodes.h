#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include "backend/client/MerchantMemory.h"
#include "backend/client/NodeBalancer.h"

class QNetworkReply;

namespace souk {

/// A node of a cluster as a console reaches it: its address and the certificate pinned for it
/// (SHA-256, "AB:CD:..."; empty: the CA file's or the system's CAs decide).
struct NodeAddress
{
    QUrl url;
    QString fingerprint;
};

/// The nodes one RemoteClient talks to, and which of them take requests now. With one node it
/// only says where that node is. With several:
/// - each request goes to a node chosen by the operator's policy (NodeBalancer), among the
///   healthy ones, and a retry to one it has not tried yet;
/// - every `checkMs` each node is asked `/readyz` (no credentials, a deadline of `checkMs`): a node
///   that does not answer 200 is left out, and `down` tells the client, which moves its requests
///   in flight there to another node; a node that answers again is taken back.
/// A request that failed on the network also takes its node out at once (`failed`), without
/// waiting for the next check. GUI thread (or the client's), never blocking.
class RemoteNodes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteNodes)
public:
    RemoteNodes(QList<NodeAddress> nodes, NodeBalancer::Policy policy, QString caFile, int checkMs,
                QObject* parent = nullptr);
    ~RemoteNodes() override;

    int count() const { return int(m_nodes.size()); }
    const NodeAddress& node(int index) const { return m_nodes[index]; }
    bool healthy(int index) const { return m_balancer.healthy(index); }
    int healthyCount() const { return m_balancer.healthyCount(); }

    /// The node for a request about `merchant` other than those `tried`; when each healthy node
    /// was tried, any healthy one; when none is healthy, the one after `previous` (-1: the first),
    /// so that a request still goes somewhere while the checks find a node back.
    int pick(Id merchant, const QSet<int>& tried, int previous);
    /// Whether a node other than those `tried` would take a request now.
    bool otherHealthy(const QSet<int>& tried) const;
    void started(int index) { m_balancer.started(index); }
    void finished(int index) { m_balancer.finished(index); }
    /// A request to it failed on the network: out until a check finds it ready.
    void failed(int index);

    /// Which merchant the orders, payments... answered so far belong to (the policy by merchant).
    MerchantMemory& merchants() { return m_merchants; }
    bool byMerchant() const { return m_byMerchant; }

    /// Starts checking (with more than one node); `connectTo` calls it once the client is whole.
    void startChecks();
    /// Asks every node now; `checked` follows when the last has answered or timed out.
    void checkNow();

signals:
    void down(int index);
    void up(int index);
    void checked();

private:
    void setHealthy(int index, bool healthy);

    QList<NodeAddress> m_nodes;
    NodeBalancer m_balancer;
    QString m_caFile;
    int m_checkMs;
    QNetworkAccessManager m_network; ///< the checks' own: never queued behind the client's requests
    QTimer m_timer;
    QList<QPointer<QNetworkReply>> m_checks; ///< per node: the check in flight
    int m_checksOpen = 0;
    MerchantMemory m_merchants;
    bool m_byMerchant = false; ///< several nodes, spread by merchant
};

} // namespace souk
