#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QListView;
class QTableView;

namespace souk {

class ClusterAlertModel;
class ClusterMonitor;
class ClusterNodeModel;
class Clock;
class LiveChart;

/// The Cluster page, for operators: each node's state and figures, live charts of the last 15
/// minutes per node and of the business beside them, and the alerts with their time. Owns the
/// monitor, which keeps looking at the nodes while the window is open, so no alert is missed
/// while another page is shown. GUI thread.
class ClusterPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterPage)
public:
    ClusterPage(std::unique_ptr<ClusterMonitor> monitor, const Clock& clock, QWidget* parent = nullptr);
    ~ClusterPage() override;

    ClusterMonitor& monitor() const { return *m_monitor; }

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildTable();
    QWidget* buildCharts();
    QWidget* buildAlerts(const QFont& headingFont);
    void retranslate();
    void redraw();
    void updateSummary();
    void updateDatabase(); ///< the line on the cluster's PostgreSQL primary and standbys

    std::unique_ptr<ClusterMonitor> m_monitor;
    const Clock& m_clock;
    ClusterNodeModel* m_nodes = nullptr;
    ClusterAlertModel* m_alerts = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_database = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_alertsHeading = nullptr;
    QListView* m_alertList = nullptr;
    QLabel* m_noAlerts = nullptr;
    LiveChart* m_requests = nullptr;
    LiveChart* m_latency = nullptr;
    LiveChart* m_errors = nullptr;
    LiveChart* m_orders = nullptr;
    LiveChart* m_approval = nullptr;
    LiveChart* m_provider = nullptr;
};

} // namespace souk
