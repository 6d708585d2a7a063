#include "models/cluster/ClusterAlertModel.h"

#include <QDateTime>
#include <QLocale>

#include "models/cluster/ClusterMonitor.h"
#include "models/common/Theme.h"

using namespace Qt::StringLiterals;

namespace souk {

ClusterAlertModel::ClusterAlertModel(const ClusterMonitor& monitor, QObject* parent)
    : QAbstractListModel(parent), m_monitor(monitor), m_shown(int(monitor.alerts().size()))
{
    connect(&monitor, &ClusterMonitor::alertRaised, this, [this] {
        // the monitor keeps at most AlertsMax: the oldest falls off the end as one arrives
        beginResetModel();
        m_shown = int(m_monitor.alerts().size());
        endResetModel();
    });
}

int ClusterAlertModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

QVariant ClusterAlertModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown)
        return {};
    const ClusterAlert& alert = m_monitor.alerts()[m_shown - 1 - index.row()]; // newest first
    switch (role) {
    case Qt::DisplayRole: {
        const QString time = QLocale().toString(QDateTime::fromMSecsSinceEpoch(alert.atMs).time(), u"HH:mm:ss"_s);
        const QString where = alert.node.isEmpty() ? tr("Cluster") : alert.node;
        //: an alert in the cluster's list: %1 time, %2 node address, %3 what happened
        return tr("%1  %2\n%3").arg(time, where, alert.text ? alert.text() : alert.message);
    }
    case Qt::ToolTipRole:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(alert.atMs), QLocale::LongFormat);
    case Qt::ForegroundRole:
        switch (alert.severity) {
        case ClusterAlert::Severity::Critical:
            return theme::text(theme::Tone::Error, theme::applicationPalette());
        case ClusterAlert::Severity::Warning:
            return theme::text(theme::Tone::Warning, theme::applicationPalette());
        case ClusterAlert::Severity::Info:
            return theme::text(theme::Tone::Success, theme::applicationPalette());
        }
        return {};
    case AtMsRole:
        return alert.atMs;
    case SeverityRole:
        return int(alert.severity);
    default:
        return {};
    }
}

} // namespace souk
