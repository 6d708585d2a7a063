#include "models/cluster/ClusterAlertModel.h"

#include <QDateTime>
#include <QLocale>

#include "models/cluster/ClusterMonitor.h"
#include "models/common/Theme.h"

using namespace Qt::StringLiterals;

namespace souk {

ClusterAlertModel::ClusterAlertModel(const ClusterMonitor& monitor, QObject* parent) : QAbstractListModel(parent)
{
    for (const ClusterAlert& alert : monitor.alerts())
        m_rows.prepend(alert);
    connect(&monitor, &ClusterMonitor::alertRaised, this, &ClusterAlertModel::add);
}

void ClusterAlertModel::add(const ClusterAlert& alert)
{
    if (m_rows.size() >= ClusterMonitor::AlertsMax) { // as the monitor does: the oldest goes
        beginRemoveRows({}, int(m_rows.size()) - 1, int(m_rows.size()) - 1);
        m_rows.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_rows.prepend(alert);
    endInsertRows();
}

int ClusterAlertModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ClusterAlertModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ClusterAlert& alert = m_rows[index.row()];
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
