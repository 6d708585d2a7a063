#pragma once

#include <QByteArray>
#include <QFuture>
#include <QString>

#include "backend/core/Result.h"

namespace souk {

/// What one look at a node found: its readiness and its metrics, as the node served them.
struct NodeScrape
{
    int readyStatus = 0;     ///< HTTP status of GET /readyz: 200 ready, 503 not; 0 when it did not answer
    QString readyDetail;     ///< the node's word when not ready ("draining", "store damaged")
    QByteArray metricsText;  ///< GET /metrics, Prometheus text format
    qint64 roundTripMs = 0;  ///< of the metrics request
};

/// Looks at one node of a cluster: GET /readyz and GET /metrics. The cluster page asks every node
/// each second through one of these. A failed look (refused, timed out, a certificate not the one
/// trusted) is an Error; a node that answers "not ready" is a NodeScrape. Lives on its creator's
/// thread; answers arrive there.
class NodeProber
{
public:
    virtual ~NodeProber() = default;
    /// The node's address, as the user knows it.
    virtual QString url() const = 0;
    virtual QFuture<Result<NodeScrape>> scrape() = 0;
};

} // namespace souk
