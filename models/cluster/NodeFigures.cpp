#include "models/cluster/NodeFigures.h"

#include <QSet>

#include <cmath>

#include "backend/api/metrics/Exposition.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

using metrics::Exposition;
using metrics::Sample;

/// The console's own looks, and the probes of load balancers: not the API's traffic.
bool isApiRoute(const Sample& sample)
{
    static const QSet<QString> health{u"/metrics"_s, u"/readyz"_s, u"/healthz"_s};
    return !health.contains(sample.label(u"route"_s));
}

bool isServerError(const Sample& sample)
{
    return sample.label(u"status"_s).startsWith(u'5');
}

/// The sum of a counter's samples that pass `keep`; NaN when the counter has no sample at all. A
/// counter with samples none of which pass counts 0: a node just (re)started has answered only looks.
double counterSum(const Exposition& e, const QString& name, bool (*keep)(const Sample&) = nullptr,
                  bool (*also)(const Sample&) = nullptr)
{
    double total = 0;
    bool any = false;
    for (const Sample& s : e.samples()) {
        if (s.name != name)
            continue;
        any = true;
        if ((keep && !keep(s)) || (also && !also(s)))
            continue;
        total += s.value;
    }
    return any ? total : NodeFigures::Unknown;
}

/// A counter's rate; a counter that went down means the node restarted: all it counted is new. One
/// that had no sample before began since: a labelled counter shows its first sample at its first count.
double rate(double before, double after, double seconds)
{
    if (std::isnan(after) || !(seconds > 0))
        return NodeFigures::Unknown;
    if (std::isnan(before))
        before = 0;
    return (after >= before ? after - before : after) / seconds;
}

double rateOf(const Exposition* before, const Exposition& after, double seconds, const QString& name,
              const metrics::LabelFilter& filter = {})
{
    if (!before)
        return NodeFigures::Unknown;
    return rate(before->sum(name, filter), after.sum(name, filter), seconds);
}

void latencyBetween(const Exposition& before, const Exposition& after, NodeFigures& out)
{
    const QString name = u"souk_http_request_duration_seconds"_s;
    const auto window = metrics::bucketsBetween(before.buckets(name, isApiRoute), after.buckets(name, isApiRoute));
    out.p50Ms = metrics::histogramQuantile(0.5, window) * 1000;
    out.p99Ms = metrics::histogramQuantile(0.99, window) * 1000;
}

} // namespace

NodeFigures figuresBetween(const Exposition* before, const Exposition& after, double seconds, double nowS)
{
    // restarted between the looks, however much it has counted since: everything it holds is new
    static const Exposition nothing;
    if (before) {
        const double was = before->sum(u"process_start_time_seconds"_s);
        const double is = after.sum(u"process_start_time_seconds"_s);
        if (!std::isnan(was) && !std::isnan(is) && was != is)
            before = &nothing;
    }
    NodeFigures out;
    out.version = after.labelOf(u"souk_build_info"_s, u"version"_s);
    if (const double started = after.sum(u"process_start_time_seconds"_s); !std::isnan(started))
        out.uptimeS = std::max(0.0, nowS - started);
    // the look that read the gauge was in flight itself: one request the node's users did not make
    if (const double inFlight = after.sum(u"souk_http_requests_in_flight"_s); !std::isnan(inFlight))
        out.inFlight = std::max(0.0, inFlight - 1);
    out.writerQueue = after.sum(u"souk_writer_queue_depth"_s);
    out.outboxDepth = after.sum(u"souk_outbox_depth"_s);
    out.deadLetters = after.sum(u"souk_outbox_dead_letters"_s);
    if (!before || !(seconds > 0))
        return out;

    const QString requests = u"souk_http_requests_total"_s;
    out.requestsPerS = rate(counterSum(*before, requests, isApiRoute), counterSum(after, requests, isApiRoute), seconds);
    const double errorsPerS = rate(counterSum(*before, requests, isApiRoute, isServerError),
                                   counterSum(after, requests, isApiRoute, isServerError), seconds);
    if (out.requestsPerS > 0)
        out.errorShare = std::isnan(errorsPerS) ? 0.0 : errorsPerS / out.requestsPerS;
    latencyBetween(*before, after, out);
    out.refusedPerS = rateOf(before, after, seconds, u"souk_http_refused_total"_s);
    out.ordersPerS = rateOf(before, after, seconds, u"souk_orders_placed_total"_s);
    const QString authorizations = u"souk_payment_authorizations_total"_s;
    out.approvedPerS = rateOf(before, after, seconds, authorizations, {{u"outcome"_s, u"approved"_s}});
    out.declinedPerS = rateOf(before, after, seconds, authorizations, {{u"outcome"_s, u"declined"_s}});
    out.providerFailedPerS =
        rateOf(before, after, seconds, u"souk_provider_calls_total"_s, {{u"outcome"_s, u"failed"_s}});
    return out;
}

} // namespace souk
