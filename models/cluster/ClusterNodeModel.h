#pragma once

#include <QAbstractTableModel>

namespace souk {

class ClusterMonitor;

/// The cluster's nodes, one row each: state, version, uptime and the figures of the last ten
/// seconds. Reads the monitor; repaints a row when its node changes. GUI thread.
class ClusterNodeModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterNodeModel)
public:
    enum Column
    {
        NodeColumn,
        StateColumn,
        VersionColumn,
        UptimeColumn,
        RequestsColumn,
        P50Column,
        P99Column,
        ErrorsColumn,
        InFlightColumn,
        RefusedColumn,
        WriterQueueColumn,
        OutboxColumn,
        DeadLettersColumn,
        ColumnCount
    };

    explicit ClusterNodeModel(const ClusterMonitor& monitor, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "3 h 12 min", "45 s": an uptime in the user's words.
    static QString durationText(double seconds);

private:
    QVariant display(int row, int column) const;
    QVariant tooltip(int row, int column) const;

    const ClusterMonitor& m_monitor;
};

} // namespace souk
