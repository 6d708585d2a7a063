#include "backend/client/RemoteNodes.h"

#include <QLoggingCategory>
#include <QNetworkReply>

#include "backend/client/NodeTls.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNodes, "souk.client.nodes")

namespace souk {
namespace {

QStringList addressesOf(const QList<NodeAddress>& nodes)
{
    QStringList out;
    for (const NodeAddress& n : nodes)
        out << n.url.toString();
    return out;
}

} // namespace

RemoteNodes::RemoteNodes(QList<NodeAddress> nodes, NodeBalancer::Policy policy, QString caFile, int checkMs,
                         QObject* parent)
    : QObject(parent), m_nodes(std::move(nodes)), m_balancer(addressesOf(m_nodes), policy), m_caFile(std::move(caFile)),
      m_checkMs(std::max(250, checkMs)), m_byMerchant(m_nodes.size() > 1 && policy == NodeBalancer::Policy::ByMerchant)
{
    m_checks.resize(m_nodes.size());
    m_network.setAutoDeleteReplies(true);
    connect(&m_timer, &QTimer::timeout, this, &RemoteNodes::checkNow);
}

RemoteNodes::~RemoteNodes()
{
    // a check ended by our going answers nobody
    for (const QPointer<QNetworkReply>& reply : std::as_const(m_checks)) {
        if (reply)
            reply->disconnect(this);
    }
}

int RemoteNodes::pick(Id merchant, const QSet<int>& tried, int previous)
{
    int index = m_balancer.pick(merchant, tried);
    if (index < 0 && !tried.isEmpty())
        index = m_balancer.pick(merchant); // every healthy node was tried: any of them again
    if (index < 0)
        index = previous < 0 ? 0 : (previous + 1) % count();
    return index;
}

bool RemoteNodes::otherHealthy(const QSet<int>& tried) const
{
    for (int i = 0; i < count(); ++i) {
        if (m_balancer.healthy(i) && !tried.contains(i))
            return true;
    }
    return false;
}

void RemoteNodes::failed(int index)
{
    if (count() > 1) // one node is where requests go whatever its health: nothing to choose from
        setHealthy(index, false);
}

void RemoteNodes::setHealthy(int index, bool healthy)
{
    if (m_balancer.healthy(index) == healthy)
        return;
    m_balancer.setHealthy(index, healthy);
    qCInfo(lcNodes).noquote() << m_nodes[index].url.toString() << (healthy ? "is back" : "is left out");
    if (healthy)
        emit up(index);
    else
        emit down(index);
}

void RemoteNodes::startChecks()
{
    if (count() > 1 && !m_timer.isActive())
        m_timer.start(m_checkMs);
}

void RemoteNodes::checkNow()
{
    for (int i = 0; i < count(); ++i) {
        if (m_checks[i])
            continue; // still waiting for the last one: its deadline answers
        QNetworkReply* reply = getWithin(m_network, m_nodes[i].url.resolved(QUrl(u"/readyz"_s)), m_caFile,
                                         m_nodes[i].fingerprint, m_checkMs);
        m_checks[i] = reply;
        ++m_checksOpen;
        connect(reply, &QNetworkReply::finished, this, [this, i, reply] {
            m_checks[i] = nullptr;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            setHealthy(i, status == 200 && reply->error() == QNetworkReply::NoError);
            if (--m_checksOpen == 0)
                emit checked();
        });
    }
}

} // namespace souk
