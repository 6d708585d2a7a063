#include "models/cluster/ClusterNodeModel.h"

#include <QLocale>

#include <cmath>

#include "models/cluster/ClusterMonitor.h"
#include "models/common/Theme.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

constexpr char16_t Dash = u'\u2014';

QString number(double value, int decimals)
{
    if (std::isnan(value))
        return QString(QChar(Dash));
    return QLocale().toString(value, 'f', decimals);
}

QString stateText(NodeState state)
{
    switch (state) {
    case NodeState::Connecting:
        return ClusterNodeModel::tr("connecting");
    case NodeState::Live:
        return ClusterNodeModel::tr("live");
    case NodeState::Suspect:
        return ClusterNodeModel::tr("suspect");
    case NodeState::Dead:
        return ClusterNodeModel::tr("dead");
    }
    return {};
}

theme::Tone stateTone(NodeState state)
{
    switch (state) {
    case NodeState::Live:
        return theme::Tone::Success;
    case NodeState::Suspect:
        return theme::Tone::Warning;
    case NodeState::Dead:
        return theme::Tone::Error;
    case NodeState::Connecting:
        break;
    }
    return theme::Tone::Info;
}

} // namespace

ClusterNodeModel::ClusterNodeModel(const ClusterMonitor& monitor, QObject* parent)
    : QAbstractTableModel(parent), m_monitor(monitor)
{
    connect(&monitor, &ClusterMonitor::nodeChanged, this,
            [this](int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
}

int ClusterNodeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_monitor.nodeCount();
}

int ClusterNodeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClusterNodeModel::durationText(double seconds)
{
    if (std::isnan(seconds))
        return QString(QChar(Dash));
    const qint64 s = qint64(seconds);
    if (s < 60)
        return tr("%n s", nullptr, int(s));
    if (s < 3600)
        return tr("%n min", nullptr, int(s / 60));
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    //: an uptime of days and hours: %1 days, %2 hours
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QVariant ClusterNodeModel::display(int row, int column) const
{
    const ClusterMonitor::Node& node = m_monitor.node(row);
    const NodeFigures& f = node.figures;
    const bool answering = node.state == NodeState::Live || node.state == NodeState::Suspect;
    if (!answering && column > StateColumn)
        return QString(QChar(Dash)); // figures of a node that does not answer would be stale
    switch (column) {
    case NodeColumn:
        return node.url;
    case StateColumn:
        return stateText(node.state);
    case VersionColumn:
        return f.version.isEmpty() ? QString(QChar(Dash)) : f.version;
    case UptimeColumn:
        return durationText(f.uptimeS);
    case RequestsColumn:
        return number(f.requestsPerS, 1);
    case P50Column:
        return number(f.p50Ms, 1);
    case P99Column:
        return number(f.p99Ms, 1);
    case ErrorsColumn:
        //: a share in percent, as the locale writes it
        return std::isnan(f.errorShare) ? QString(QChar(Dash))
                                        : tr("%1%").arg(QLocale().toString(f.errorShare * 100, 'f', 1));
    case InFlightColumn:
        return number(f.inFlight, 0);
    case RefusedColumn:
        return number(f.refusedPerS, 1);
    case WriterQueueColumn:
        return number(f.writerQueue, 0);
    case OutboxColumn:
        return number(f.outboxDepth, 0);
    case DeadLettersColumn:
        return number(f.deadLetters, 0);
    default:
        return {};
    }
}

QVariant ClusterNodeModel::tooltip(int row, int column) const
{
    const ClusterMonitor::Node& node = m_monitor.node(row);
    if (column == StateColumn && !node.why.isEmpty())
        return node.whyDetail.isEmpty() ? node.why : node.why + u'\n' + node.whyDetail;
    if (column == NodeColumn && node.roundTripMs > 0)
        return tr("Metrics answered in %n ms", nullptr, int(node.roundTripMs));
    return {};
}

QVariant ClusterNodeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(index.row(), index.column());
    case Qt::ToolTipRole:
        return tooltip(index.row(), index.column());
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return theme::text(stateTone(m_monitor.node(index.row()).state), theme::applicationPalette());
        if (index.column() == DeadLettersColumn && m_monitor.node(index.row()).figures.deadLetters > 0)
            return theme::text(theme::Tone::Error, theme::applicationPalette());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() > VersionColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ClusterNodeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RequestsColumn:
        case P50Column:
        case P99Column:
        case ErrorsColumn:
            return tr("API requests over the last 10 seconds, without health checks");
        case RefusedColumn:
            return tr("Requests and connections refused by a limit, per second");
        case WriterQueueColumn:
            return tr("Commands waiting for the node's writer");
        case OutboxColumn:
            return tr("Provider calls decided and not yet confirmed");
        case DeadLettersColumn:
            return tr("Provider calls that gave up and wait for a person");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeColumn:
        return tr("Node");
    case StateColumn:
        return tr("State");
    case VersionColumn:
        return tr("Version");
    case UptimeColumn:
        return tr("Uptime");
    case RequestsColumn:
        return tr("Requests/s");
    case P50Column:
        return tr("p50 ms");
    case P99Column:
        return tr("p99 ms");
    case ErrorsColumn:
        return tr("Errors");
    case InFlightColumn:
        return tr("In flight");
    case RefusedColumn:
        return tr("Refused/s");
    case WriterQueueColumn:
        return tr("Writer queue");
    case OutboxColumn:
        return tr("Outbox");
    case DeadLettersColumn:
        return tr("Dead letters");
    default:
        return {};
    }
}

} // namespace souk
