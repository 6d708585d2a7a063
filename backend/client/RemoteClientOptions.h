#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include "backend/client/NodeBalancer.h"
#include "backend/client/RemoteNodes.h"

namespace souk {

/// The link to a node as the status bar shows it.
struct LinkHealth
{
    enum class State
    {
        Online,
        Reconnecting, ///< a request failed on the network and is being retried
        Offline,      ///< the node has not answered since offlineSinceMs
    };
    State state = State::Online;
    qint64 latencyMs = 0; ///< of the last request answered
    qint64 offlineSinceMs = 0;
    int nodes = 1;   ///< in the connection
    int nodesUp = 1; ///< of them, taking requests now
};

/// How a RemoteClient reaches and trusts its node, or a cluster's nodes.
struct RemoteClientOptions
{
    QUrl url; ///< https://node-1:8443
    /// The node's certificate's SHA-256 ("AB:CD:..."); empty: verify with caFile or the system's CAs.
    QString fingerprint;
    QString caFile; ///< PEM of the CA that signed the node's certificate
    QString apiKey; ///< sk_...: acts as its user from the start; empty: signIn() first
    /// A cluster's further nodes (one database behind them all). Each request goes to a node
    /// chosen by `policy` among those ready; one that fails on the network is retried on
    /// another at once, under the same Idempotency-Key; each node is asked /readyz every
    /// nodeCheckMs, a node not ready is left out (its requests in flight that are safe to send
    /// again move to another), and taken back when ready. The feed moves with them.
    QList<NodeAddress> otherNodes;
    NodeBalancer::Policy policy = NodeBalancer::Policy::RoundRobin;
    int nodeCheckMs = 1'000;
    int retries = 3;        ///< further tries of a request that failed on the network
    int retryDelayMs = 250; ///< doubled at each try
    int timeoutMs = 30'000;
    /// Follow the change feed once signed in: over the WebSocket stream when preferStream and
    /// the node takes the upgrade, else by long poll (waiting up to feedWaitS a poll).
    bool followChanges = true;
    bool preferStream = true;
    int feedWaitS = 25;
    /// The stream is pinged this often; nothing heard for three of these ends it (and it is
    /// opened again from the last seq).
    int streamPingMs = 15'000;

    /// url (with fingerprint) first, then otherNodes.
    QList<NodeAddress> nodes() const { return QList<NodeAddress>{{url, fingerprint}} + otherNodes; }
};

} // namespace souk
