#pragma once

#include <QAbstractListModel>
#include <QList>

#include "models/cluster/ClusterMonitor.h"

namespace souk {

/// The monitor's alerts, newest first: time, node and what happened, coloured by severity. Keeps
/// its own copy, so rows move in order (one inserted on top, the oldest removed at the limit) and
/// a view keeps its place and selection. GUI thread.
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
    void add(const ClusterAlert& alert);

    QList<ClusterAlert> m_rows; ///< newest first
};

} // namespace souk
