#include "models/cluster/ClusterMonitor.h"

#include <cmath>
#include <utility>

#include "backend/client/NodeProber.h"
#include "backend/core/Async.h"
#include "backend/core/Clock.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {


double seconds(qint64 ms)
{
    return double(ms) / 1000.0;
}

} // namespace

void appendPoint(SeriesPoints& series, double xS, double y, double keepFromS)
{
    series.x.append(xS);
    series.y.append(y);
    qsizetype old = 0;
    while (old < series.x.size() && series.x[old] < keepFromS)
        ++old;
    if (old > 0) {
        series.x.remove(0, old);
        series.y.remove(0, old);
    }
}

bool ClusterMonitor::shownTo(auth::Role role)
{
    return role == auth::Role::Operator || role == auth::Role::Admin;
}

ClusterMonitor::ClusterMonitor(std::vector<std::unique_ptr<NodeProber>> probers, const Clock& clock, Timing timing,
                               QObject* parent)
    : QObject(parent), m_clock(clock), m_timing(timing)
{
    m_nodes.resize(probers.size());
    for (size_t i = 0; i < probers.size(); ++i) {
        m_nodes[i].shown.url = probers[i]->url();
        m_nodes[i].prober = std::move(probers[i]);
    }
    m_timer.setInterval(m_timing.everyMs);
    connect(&m_timer, &QTimer::timeout, this, &ClusterMonitor::lookAll);
}

ClusterMonitor::~ClusterMonitor() = default;

void ClusterMonitor::start()
{
    if (m_timer.isActive())
        return;
    m_startedMs = m_clock.nowMs(); // a node that never answers is dead deadAfterMs after this
    m_lastSampleMs = 0;
    m_timer.start();
    lookAll();
}

void ClusterMonitor::stop()
{
    m_timer.stop();
}

void ClusterMonitor::lookAll()
{
    sampleBusiness(m_clock.nowMs());
    for (int i = 0; i < nodeCount(); ++i)
        look(i);
}

void ClusterMonitor::look(int index)
{
    Tracked& node = m_nodes[size_t(index)];
    if (node.looking)
        return; // the last look has not come back: its timeout will say so
    node.looking = true;
    onReady(node.prober->scrape(), this, [this, index](const Result<NodeScrape>& scrape) {
        m_nodes[size_t(index)].looking = false;
        const qint64 now = m_clock.nowMs();
        if (!scrape)
            return failed(index, now, scrape.error().message);
        auto parsed = metrics::Exposition::parse(scrape->metricsText);
        if (!parsed)
            return failed(index, now, tr("its metrics cannot be read: %1").arg(parsed.error().message));
        answered(index, now, *parsed, scrape->readyStatus, scrape->readyDetail, scrape->roundTripMs);
    });
}

void ClusterMonitor::answered(int index, qint64 atMs, const metrics::Exposition& metrics, int readyStatus,
                              const QString& why, qint64 roundTripMs)
{
    Tracked& node = m_nodes[size_t(index)];
    const double keepFromS = seconds(atMs - KeepMs);
    const double nowS = seconds(atMs);
    const metrics::Exposition* previous = node.recent.empty() ? nullptr : &node.recent.back().second;
    const double stepS = previous ? seconds(atMs - node.recent.back().first) : 0;
    // a gap (the node was away) is not one second: its rates would smear over the outage
    const bool continuous = previous && stepS <= seconds(m_timing.suspectAfterMs);
    const NodeFigures second = figuresBetween(continuous ? previous : nullptr, metrics, stepS, nowS);
    node.heard = true;
    if (continuous) { // the counts between two looks; rates times the time between them
        const auto count = [stepS](double perS) { return std::isnan(perS) ? 0.0 : std::round(perS * stepS); };
        node.counted.orders += count(second.ordersPerS);
        node.counted.approved += count(second.approvedPerS);
        node.counted.declined += count(second.declinedPerS);
        node.counted.providerFailed += count(second.providerFailedPerS);
    }
    appendPoint(node.shown.requestsPerS, nowS, second.requestsPerS, keepFromS);
    appendPoint(node.shown.p50Ms, nowS, second.p50Ms, keepFromS);
    appendPoint(node.shown.p99Ms, nowS, second.p99Ms, keepFromS);
    appendPoint(node.shown.errorsPerS, nowS,
                std::isnan(second.errorShare) ? second.errorShare : second.errorShare * second.requestsPerS,
                keepFromS);

    if (!continuous)
        node.recent.clear();
    node.recent.emplace_back(atMs, metrics);
    while (node.recent.size() > 2 && node.recent.front().first < atMs - TableWindowMs)
        node.recent.pop_front();
    const auto& [oldestMs, oldest] = node.recent.front();
    node.shown.figures = node.recent.size() > 1 ? figuresBetween(&oldest, metrics, seconds(atMs - oldestMs), nowS)
                                                : second;
    node.shown.lastAnswerMs = atMs;
    node.shown.roundTripMs = roundTripMs;
    if (readyStatus == 200)
        setState(index, NodeState::Live, {}, atMs);
    else
        setState(index, NodeState::Suspect, why.isEmpty() ? tr("not ready") : why, atMs);
    watchFigures(index, node.shown.figures, atMs);
    emit nodeChanged(index);
}

void ClusterMonitor::failed(int index, qint64 atMs, const QString& why)
{
    Tracked& node = m_nodes[size_t(index)];
    const double nowS = seconds(atMs);
    const double keepFromS = seconds(atMs - KeepMs);
    for (SeriesPoints* series : {&node.shown.requestsPerS, &node.shown.p50Ms, &node.shown.p99Ms, &node.shown.errorsPerS})
        appendPoint(*series, nowS, NodeFigures::Unknown, keepFromS); // a gap in its lines
    const qint64 since = node.shown.lastAnswerMs > 0 ? node.shown.lastAnswerMs : m_startedMs;
    setState(index, atMs - since >= m_timing.deadAfterMs ? NodeState::Dead : NodeState::Suspect, why, atMs);
    emit nodeChanged(index);
}

void ClusterMonitor::setState(int index, NodeState state, const QString& why, qint64 atMs)
{
    Node& node = m_nodes[size_t(index)].shown;
    const NodeState was = node.state;
    node.why = why;
    if (was == state)
        return;
    node.state = state;
    switch (state) {
    case NodeState::Live:
        if (was != NodeState::Connecting)
            raise(ClusterAlert::Severity::Info, node.url, atMs, [] { return tr("answering again"); });
        break;
    case NodeState::Suspect:
        raise(ClusterAlert::Severity::Warning, node.url, atMs, [why] { return tr("suspect: %1").arg(why); });
        break;
    case NodeState::Dead:
        raise(ClusterAlert::Severity::Critical, node.url, atMs,
              [s = int(m_timing.deadAfterMs / 1000)] { return tr("dead: no answer for %n seconds", nullptr, s); });
        break;
    case NodeState::Connecting:
        break;
    }
}

void ClusterMonitor::watchFigures(int index, const NodeFigures& figures, qint64 atMs)
{
    Tracked& node = m_nodes[size_t(index)];
    const bool erring = figures.errorShare > ErrorShareAlert;
    if (erring && !node.errorsAlerted)
        raise(ClusterAlert::Severity::Warning, node.shown.url, atMs,
              [share = QString::number(figures.errorShare * 100, 'f', 1)] {
                  return tr("%1 % of requests failed in the last %n seconds", nullptr, int(TableWindowMs / 1000))
                      .arg(share);
              });
    node.errorsAlerted = erring;
    if (!std::isnan(figures.deadLetters) && !std::isnan(node.deadLetters) && figures.deadLetters > node.deadLetters)
        raise(ClusterAlert::Severity::Critical, node.shown.url, atMs, [n = int(figures.deadLetters)] {
            return tr("%n provider calls need a person (dead letters)", nullptr, n);
        });
    if (!std::isnan(figures.deadLetters))
        node.deadLetters = figures.deadLetters;
}

void ClusterMonitor::sampleBusiness(qint64 atMs)
{
    // what the nodes counted since the last sample: exact counts, whatever the looks' timing
    Counts fresh;
    bool heard = false;
    for (Tracked& node : m_nodes) {
        heard = heard || node.heard;
        node.heard = false;
        fresh.orders += std::exchange(node.counted.orders, 0);
        fresh.approved += std::exchange(node.counted.approved, 0);
        fresh.declined += std::exchange(node.counted.declined, 0);
        fresh.providerFailed += std::exchange(node.counted.providerFailed, 0);
    }
    const double nowS = seconds(atMs);
    const double keepFromS = seconds(atMs - KeepMs);
    const double spanS = m_lastSampleMs > 0 ? seconds(atMs - m_lastSampleMs) : 0;
    m_lastSampleMs = atMs;
    if (!heard || !(spanS > 0)) {
        // no node answered: a gap, not a fall to zero
        for (SeriesPoints* s : {&m_business.ordersPerMin, &m_business.approvalPercent, &m_business.providerFailuresPerMin})
            appendPoint(*s, nowS, NodeFigures::Unknown, keepFromS);
        emit sampled();
        return;
    }
    // the approval rate over the last minute: one second holds too few payments to mean much
    m_authorizations.emplace_back(atMs, fresh.approved, fresh.declined);
    while (!m_authorizations.empty() && std::get<0>(m_authorizations.front()) <= atMs - 60'000)
        m_authorizations.pop_front();
    double minuteApproved = 0, minuteDeclined = 0;
    for (const auto& [ms, a, d] : m_authorizations) {
        minuteApproved += a;
        minuteDeclined += d;
    }
    const double decided = minuteApproved + minuteDeclined;
    appendPoint(m_business.ordersPerMin, nowS, fresh.orders * 60 / spanS, keepFromS);
    appendPoint(m_business.approvalPercent, nowS, decided > 0 ? 100 * minuteApproved / decided : NodeFigures::Unknown,
                keepFromS);
    appendPoint(m_business.providerFailuresPerMin, nowS, fresh.providerFailed * 60 / spanS, keepFromS);
    emit sampled();
}

void ClusterMonitor::raise(ClusterAlert::Severity severity, const QString& node, qint64 atMs,
                           std::function<QString()> text)
{
    ClusterAlert alert{atMs, severity, node, text(), std::move(text)};
    m_alerts.append(alert);
    if (m_alerts.size() > AlertsMax)
        m_alerts.removeFirst();
    emit alertRaised(alert);
}

} // namespace souk
