#pragma once

#include <QAbstractListModel>

namespace souk {

class ClusterMonitor;

/// The monitor's alerts, newest first: time, node and what happened, coloured by severity.
/// GUI thread.
class ClusterAlertModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterAlertModel)
public:
    enum Roles
    {
        AtMsRole = Qt::UserRole + 1,
        SeverityRole,
    };

    explicit ClusterAlertModel(const ClusterMonitor& monitor, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    const ClusterMonitor& m_monitor;
    int m_shown = 0;
};

} // namespace souk
