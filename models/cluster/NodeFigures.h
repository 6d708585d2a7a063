#pragma once

#include <QString>

#include <limits>

namespace souk::metrics {
class Exposition;
}

namespace souk {

/// What a node did between two looks at its /metrics, and what it holds now. A figure the node
/// did not report (an older node, a gauge not yet counted) is NaN and shows as a dash. Value type.
struct NodeFigures
{
    static constexpr double Unknown = std::numeric_limits<double>::quiet_NaN();

    QString version;
    double uptimeS = Unknown;
    // the API's traffic, without the health endpoints the console itself asks every second
    double requestsPerS = Unknown;
    double errorShare = Unknown; ///< answers 5xx over all answers, 0..1; NaN without traffic
    double p50Ms = Unknown;
    double p99Ms = Unknown;
    double inFlight = Unknown; ///< without the look that read it
    double refusedPerS = Unknown; ///< requests and connections refused by a limit
    double writerQueue = Unknown;
    double outboxDepth = Unknown;
    double deadLetters = Unknown;
    // the business, per second on this node: the cluster adds the nodes up
    double ordersPerS = Unknown;
    double approvedPerS = Unknown;
    double declinedPerS = Unknown;
    double providerFailedPerS = Unknown;
};

/// The figures between `before` (nullptr: the first look, rates unknown) and `after`, taken
/// `seconds` apart; `nowS` is the console's clock in Unix seconds, for the uptime.
NodeFigures figuresBetween(const metrics::Exposition* before, const metrics::Exposition& after, double seconds,
                           double nowS);

} // namespace souk
