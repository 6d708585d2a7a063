// RemoteClient, fourth part: a cluster's nodes. Which node a request goes to is RemoteNodes'
// choice; this file moves the requests in flight, and the feed, off a node that was left out.
#include "backend/client/RemoteClient.h"

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QWebSocket>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcRemote)

namespace souk {

void RemoteClient::nodeDown(int node)
{
    const QList<QNetworkReply*> replies = m_network.findChildren<QNetworkReply*>();
    for (QNetworkReply* reply : replies) {
        // a command without a key is left to end where it is: sent again, it might be done twice
        if (reply->isRunning() && reply->property("soukNode").toInt() == node && reply->property("soukResend").toBool())
            reply->abort(); // answers with no status: moved to another node
    }
    if (node != m_feedNode)
        return;
    if (m_feedSocket)
        m_feedSocket->abort(); // the stream ends, and opens again on another node
    else if (m_feedReply)
        m_feedReply->abort();
}

void RemoteClient::chooseFeedNode()
{
    if (m_nodes->count() > 1 && !m_nodes->healthy(m_feedNode) && m_nodes->healthyCount() > 0) {
        const int was = m_feedNode;
        m_feedNode = m_nodes->pick({}, {m_feedNode}, m_feedNode);
        qCInfo(lcRemote).noquote() << "the change feed moves from" << m_nodes->node(was).url.toString() << "to"
                                   << m_nodes->node(m_feedNode).url.toString() << "after seq" << m_feedSeq;
    }
}

int RemoteClient::feedRetryMs(int usualMs) const
{
    // its node is out and another is ready: the feed goes on there at once, from the same seq
    // (positions are the cluster's, not a node's)
    const bool moves = m_nodes->count() > 1 && !m_nodes->healthy(m_feedNode) && m_nodes->healthyCount() > 0;
    return moves ? 0 : usualMs;
}

} // namespace souk
