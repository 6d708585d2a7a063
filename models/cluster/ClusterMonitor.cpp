#include "models/cluster/ClusterMonitor.h"

#include <QLocale>

#include <algorithm>
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

QString ClusterMonitor::troubleText(NodeTrouble trouble, int seconds)
{
    switch (trouble) {
    case NodeTrouble::NoAnswer:
        return tr("no answer");
    case NodeTrouble::Untrusted:
        return tr("its certificate is not the one trusted");
    case NodeTrouble::Unreadable:
        return tr("its metrics cannot be read");
    case NodeTrouble::NotSouk:
        return tr("what answers there is not a Souk node");
    case NodeTrouble::Slow:
        return tr("no answer for %n seconds", nullptr, seconds);
    case NodeTrouble::NotReady:
        return tr("not ready");
    case NodeTrouble::Draining:
        return tr("shutting down");
    case NodeTrouble::StoreDamaged:
        return tr("its store is damaged");
    }
    return {};
}

void ClusterMonitor::look(int index)
{
    Tracked& node = m_nodes[size_t(index)];
    const qint64 now = m_clock.nowMs();
    if (node.looking) {
        // the prober ends every look in time; if one still hangs, the node is not answering
        if (now - node.lookStartedMs > m_timing.suspectAfterMs)
            failed(index, now, NodeTrouble::Slow, {});
        return;
    }
    node.looking = true;
    node.lookStartedMs = now;
    onReady(node.prober->scrape(), this, [this, index](const Result<NodeScrape>& scrape) {
        m_nodes[size_t(index)].looking = false;
        const qint64 now = m_clock.nowMs();
        if (!scrape) {
            const bool untrusted = scrape.error().field == u"certificate"_s;
            return failed(index, now, untrusted ? NodeTrouble::Untrusted : NodeTrouble::NoAnswer,
                          scrape.error().message);
        }
        auto parsed = metrics::Exposition::parse(scrape->metricsText);
        if (!parsed)
            return failed(index, now, NodeTrouble::Unreadable, parsed.error().message);
        // an empty page or another program's metrics would read as a node that counted nothing
        if (!parsed->has(u"souk_http_requests_total"_s) && !parsed->has(u"souk_build_info"_s))
            return failed(index, now, NodeTrouble::NotSouk, {});
        answered(index, now, *parsed, scrape->readyStatus, scrape->readyDetail, scrape->roundTripMs);
    });
}

void ClusterMonitor::answered(int index, qint64 atMs, const metrics::Exposition& metrics, int readyStatus,
                              const QString& readyDetail, qint64 roundTripMs)
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
    noteDatabase(index, DatabaseFigures::from(metrics), atMs);
    node.failuresInRow = 0;
    if (readyStatus == 200) {
        node.shown.why.clear();
        node.shown.whyDetail.clear();
        setState(index, NodeState::Live, NodeTrouble::NotReady, atMs);
    } else {
        // the node's own word: it answered, so it is suspect at once
        const NodeTrouble trouble = readyDetail == u"draining"_s        ? NodeTrouble::Draining
                                    : readyDetail == u"store damaged"_s ? NodeTrouble::StoreDamaged
                                    : readyStatus == 0                  ? NodeTrouble::NoAnswer
                                                                        : NodeTrouble::NotReady;
        node.shown.why = troubleText(trouble);
        node.shown.whyDetail = readyDetail;
        setState(index, NodeState::Suspect, trouble, atMs);
    }
    watchFigures(index, node.shown.figures, atMs);
    emit nodeChanged(index);
}

void ClusterMonitor::failed(int index, qint64 atMs, NodeTrouble trouble, const QString& detail)
{
    Tracked& node = m_nodes[size_t(index)];
    const double nowS = seconds(atMs);
    const double keepFromS = seconds(atMs - KeepMs);
    for (SeriesPoints* series : {&node.shown.requestsPerS, &node.shown.p50Ms, &node.shown.p99Ms, &node.shown.errorsPerS})
        appendPoint(*series, nowS, NodeFigures::Unknown, keepFromS); // a gap in its lines
    m_database.byNode.remove(index);                                 // its word on the database is no longer current
    ++node.failuresInRow;
    const int waitedS = int(std::max<qint64>(0, atMs - node.lookStartedMs) / 1000);
    node.shown.why = troubleText(trouble, waitedS);
    node.shown.whyDetail = detail;
    const qint64 since = node.shown.lastAnswerMs > 0 ? node.shown.lastAnswerMs : m_startedMs;
    if (atMs - since >= m_timing.deadAfterMs)
        setState(index, NodeState::Dead, trouble, atMs);
    else if (node.failuresInRow >= 2 || node.shown.state == NodeState::Suspect)
        setState(index, NodeState::Suspect, trouble, atMs); // one failed look alone is a blip
    emit nodeChanged(index);
}

void ClusterMonitor::setState(int index, NodeState state, NodeTrouble trouble, qint64 atMs)
{
    Tracked& tracked = m_nodes[size_t(index)];
    Node& node = tracked.shown;
    const NodeState was = node.state;
    if (was == state)
        return;
    node.state = state;
    const int waitedS = int(std::max<qint64>(0, atMs - tracked.lookStartedMs) / 1000);
    switch (state) {
    case NodeState::Live:
        // back from dead, or from a suspect spell that lasted: not from every blip of a flapping node
        if (was == NodeState::Dead ||
            (was == NodeState::Suspect && atMs - tracked.suspectSinceMs >= m_timing.suspectAfterMs))
            raise(ClusterAlert::Severity::Info, node.url, atMs, [] { return tr("answering again"); });
        break;
    case NodeState::Suspect:
        tracked.suspectSinceMs = atMs;
        raise(ClusterAlert::Severity::Warning, node.url, atMs,
              [trouble, waitedS] { return tr("suspect: %1").arg(troubleText(trouble, waitedS)); });
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
              [share = figures.errorShare * 100] {
                  return tr("%1 % of requests failed in the last %n seconds", nullptr, int(TableWindowMs / 1000))
                      .arg(QLocale().toString(share, 'f', 1));
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
    // orders and failures per minute over the last ten seconds: a few orders a second would
    // otherwise draw a saw between 180 and 240 instead of the rate
    m_recent.push_back({atMs, spanS, fresh.orders, fresh.providerFailed});
    while (!m_recent.empty() && m_recent.front().atMs <= atMs - TableWindowMs)
        m_recent.pop_front();
    double windowS = 0, orders = 0, failures = 0;
    for (const Recent& r : m_recent) {
        windowS += r.spanS;
        orders += r.orders;
        failures += r.providerFailed;
    }
    appendPoint(m_business.ordersPerMin, nowS, orders * 60 / windowS, keepFromS);
    appendPoint(m_business.approvalPercent, nowS, decided > 0 ? 100 * minuteApproved / decided : NodeFigures::Unknown,
                keepFromS);
    appendPoint(m_business.providerFailuresPerMin, nowS, failures * 60 / windowS, keepFromS);
    emit sampled();
}

void ClusterMonitor::noteDatabase(int index, const DatabaseFigures& reported, qint64 atMs)
{
    const DatabaseFigures before = m_database.shown;
    m_database.heard(index, reported);
    const DatabaseFigures& now = m_database.shown;
    if (!now.known())
        return; // no node has told of a database (SQLite): nothing to alert on
    if (before.known() && before.primary != now.primary) {
        raise(ClusterAlert::Severity::Critical, {}, atMs, [from = before.primary, to = now.primary] {
            //: the database failed over: %1 and %2 are servers ("127.0.0.1:5432")
            return tr("database primary moved from %1 to %2").arg(from, to);
        });
    }
    if (const StandbyFigures* lagging = now.lagging(); lagging && !m_database.lagAlerted) {
        m_database.lagAlerted = true;
        raise(ClusterAlert::Severity::Warning, {}, atMs, [name = lagging->name, s = lagging->lagS] {
            //: %1 a standby's name, %2 seconds behind the primary
            return tr("database standby %1 is %2 s behind").arg(name).arg(s, 0, 'f', 1);
        });
    } else if (!now.lagging()) {
        m_database.lagAlerted = false;
    }
    if (now.standbys.isEmpty() && !m_database.aloneAlerted) {
        m_database.aloneAlerted = true;
        raise(ClusterAlert::Severity::Warning, {}, atMs,
              [] { return tr("database primary has no standby: a failure now would stop writes"); });
    } else if (!now.standbys.isEmpty()) {
        m_database.aloneAlerted = false;
    }
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
