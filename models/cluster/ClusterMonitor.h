#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

#include "backend/api/metrics/Exposition.h"
#include "backend/auth/Role.h"
#include "models/cluster/DatabaseFigures.h"
#include "models/cluster/NodeFigures.h"

namespace souk {

class Clock;
class NodeProber;

/// A node's health as the console sees it.
enum class NodeState
{
    Connecting, ///< not looked at yet
    Live,       ///< answered the last look, and ready
    Suspect,    ///< the last look failed, or the node says it is not ready
    Dead,       ///< no answer for ClusterMonitor::Timing::deadAfterMs
};

/// Why a node is not live, in words the page translates.
enum class NodeTrouble
{
    NoAnswer,     ///< refused, reset, timed out
    Untrusted,    ///< its certificate is not the one the connection trusts
    Unreadable,   ///< its /metrics is not in the text format
    NotSouk,      ///< something answers there, but not a Souk node
    Slow,         ///< a look has taken longer than Timing::suspectAfterMs
    NotReady,     ///< it answers, and says it is not ready
    Draining,     ///< it is shutting down
    StoreDamaged, ///< its store is damaged
};

/// Points of one line on a chart: x in Unix seconds.
struct SeriesPoints
{
    QVector<double> x;
    QVector<double> y;
};

/// One event an operator should see: a node turning suspect, dead or live again, errors rising,
/// dead letters. Listed with its time and drawn as a mark on the charts.
struct ClusterAlert
{
    enum class Severity
    {
        Info,
        Warning,
        Critical,
    };
    qint64 atMs = 0;
    Severity severity = Severity::Warning;
    QString node;    ///< the node's address; empty for the cluster as a whole
    QString message; ///< in the user's language when it was raised
    /// The message in the language installed now: the list shows this, so it follows a change of language.
    std::function<QString()> text;
};

/// How often the cluster monitor looks, and how long an unanswering node stays suspect before it is dead.
struct MonitorTiming
{
    int everyMs = 1'000;
    qint64 suspectAfterMs = 3'000; ///< a gap longer than this is an outage, not one slow second
    qint64 deadAfterMs = 10'000;
};

/// Looks at every node of a cluster each second (GET /readyz and /metrics, through a NodeProber),
/// keeps each node's state and figures, the last 15 minutes of its charts' points, the
/// cluster's business beside them, and the alerts. Nothing here waits: each look is answered
/// later, on this object's thread (the GUI thread). Owns its probers.
class ClusterMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterMonitor)
public:
    using Timing = MonitorTiming;
    static constexpr qint64 KeepMs = 15 * 60'000;    ///< what the charts show
    static constexpr qint64 TableWindowMs = 10'000; ///< the table's figures: steadier than one second
    static constexpr double ErrorShareAlert = 0.05;
    static constexpr int AlertsMax = 500;

    struct Node
    {
        QString url;
        NodeState state = NodeState::Connecting;
        QString why;            ///< the last trouble, in the user's language; empty when live
        QString whyDetail;      ///< what the network or the node said, as it said it (a tooltip)
        qint64 lastAnswerMs = 0; ///< 0: never
        qint64 roundTripMs = 0;
        NodeFigures figures;    ///< over the last TableWindowMs
        SeriesPoints requestsPerS, p50Ms, p99Ms, errorsPerS;
    };

    struct Business
    {
        /// orders and failing provider calls per minute over the last TableWindowMs; approvals over
        /// the last minute
        SeriesPoints ordersPerMin, approvalPercent, providerFailuresPerMin;
    };

    /// A trouble in the user's language; `seconds` for Slow.
    static QString troubleText(NodeTrouble trouble, int seconds = 0);

    /// Whether a role watches the cluster: operators and admins. The nodes' health is not a
    /// merchant's business, and support works the review queue.
    static bool shownTo(auth::Role role);

    ClusterMonitor(std::vector<std::unique_ptr<NodeProber>> probers, const Clock& clock, Timing timing = {},
                   QObject* parent = nullptr);
    ~ClusterMonitor() override;

    /// Starts looking, at once and then every Timing::everyMs.
    void start();
    void stop();
    bool running() const { return m_timer.isActive(); }

    int nodeCount() const { return int(m_nodes.size()); }
    const Node& node(int i) const { return m_nodes[size_t(i)].shown; }
    const Business& business() const { return m_business; }
    const DatabaseFigures& database() const { return m_database.shown; } ///< the freshest node's word
    const Timing& timing() const { return m_timing; }
    const QList<ClusterAlert>& alerts() const { return m_alerts; }

    /// One round of looks now (the timer calls it). Public for tests.
    void lookAll();

signals:
    /// A node's state or figures changed.
    void nodeChanged(int index);
    /// The charts have a new second.
    void sampled();
    void alertRaised(const ClusterAlert& alert);

private:
    /// What nodes counted (orders, authorizations, failed provider calls) and the business has not yet charted.
    struct Counts
    {
        double orders = 0;
        double approved = 0;
        double declined = 0;
        double providerFailed = 0;
    };
    struct Tracked
    {
        std::unique_ptr<NodeProber> prober;
        Node shown;
        bool looking = false;
        qint64 lookStartedMs = 0;
        int failuresInRow = 0;   ///< one failed look is a blip; two make a node suspect
        qint64 suspectSinceMs = 0;
        std::deque<std::pair<qint64, metrics::Exposition>> recent; ///< looks of the last TableWindowMs
        bool errorsAlerted = false;
        double deadLetters = NodeFigures::Unknown;
        Counts counted;
        bool heard = false; ///< answered since the business's last sample
    };
    void look(int index);
    void answered(int index, qint64 atMs, const metrics::Exposition& metrics, int readyStatus,
                  const QString& readyDetail, qint64 roundTripMs);
    void failed(int index, qint64 atMs, NodeTrouble trouble, const QString& detail);
    void setState(int index, NodeState state, NodeTrouble trouble, qint64 atMs);
    void noteDatabase(int index, const DatabaseFigures& now, qint64 atMs); ///< the alerts a change raises
    void watchFigures(int index, const NodeFigures& figures, qint64 atMs);
    void sampleBusiness(qint64 atMs);
    void raise(ClusterAlert::Severity severity, const QString& node, qint64 atMs, std::function<QString()> text);

    std::vector<Tracked> m_nodes;
    const Clock& m_clock;
    const Timing m_timing;
    QTimer m_timer;
    Business m_business;
    DatabaseWatch m_database;
    std::deque<std::tuple<qint64, double, double>> m_authorizations; ///< per second: approved, declined
    struct Recent
    {
        qint64 atMs = 0;
        double spanS = 0;
        double orders = 0;
        double providerFailed = 0;
    };
    std::deque<Recent> m_recent; ///< the business's samples of the last TableWindowMs
    QList<ClusterAlert> m_alerts;
    qint64 m_startedMs = 0;
    qint64 m_lastSampleMs = 0;
};

/// Appends a point and drops those older than `keepFromS`.
void appendPoint(SeriesPoints& series, double xS, double y, double keepFromS);

} // namespace souk
