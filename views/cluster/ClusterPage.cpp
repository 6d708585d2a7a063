#include "views/cluster/ClusterPage.h"

#include <algorithm>
#include <cmath>

#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QSet>
#include <QUrl>
#include <QVBoxLayout>

#include "backend/core/Clock.h"
#include "models/cluster/ClusterAlertModel.h"
#include "models/cluster/ClusterMonitor.h"
#include "models/cluster/ClusterNodeModel.h"
#include "views/cluster/LiveChart.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// Gives each alert a few pixels more than the style measures: a wrapped line holding Chinese is a
/// little taller than the font's line spacing the style counts, and the last line would end in "…".
class AlertDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(0, option.fontMetrics.height() / 4);
    }
};

} // namespace

ClusterPage::ClusterPage(std::unique_ptr<ClusterMonitor> monitor, const Clock& clock, QWidget* parent)
    : QWidget(parent), m_monitor(std::move(monitor)), m_clock(clock)
{
    setObjectName(u"clusterPage"_s);
    m_nodes = new ClusterNodeModel(*m_monitor, this);
    m_alerts = new ClusterAlertModel(*m_monitor, this);
    m_heading = new QLabel(this);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_heading->setFont(big);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"clusterSummary"_s);
    m_database = new QLabel(this);
    m_database->setObjectName(u"databaseSummary"_s);
    m_database->setWordWrap(true);
    m_database->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_database->hide(); // until a node tells of a PostgreSQL store
    buildTable();
    QWidget* charts = buildCharts();
    QWidget* alertsPane = buildAlerts(big);

    // the table across the whole width (its columns need it), the charts and the alerts under it
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(charts);
    split->addWidget(alertsPane);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setSizes({1000, 260});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(m_heading);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    layout->addWidget(m_database);
    layout->addWidget(split, 1);

    connect(m_monitor.get(), &ClusterMonitor::sampled, this, &ClusterPage::redraw);
    connect(m_monitor.get(), &ClusterMonitor::nodeChanged, this, &ClusterPage::updateSummary);
    retranslate();
    m_monitor->start();
}

void ClusterPage::buildTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(u"clusterNodes"_s);
    m_table->setModel(m_nodes);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ClusterNodeModel::NodeColumn, QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);
    // a few nodes: the table is as tall as its rows (six at most), the charts take the rest
    const int rows = std::clamp(m_monitor->nodeCount(), 1, 6);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            m_table->verticalHeader()->defaultSectionSize() * rows + 2 * m_table->frameWidth() +
                            (m_monitor->nodeCount() > 6 ? 0 : 2));
    m_table->setVerticalScrollBarPolicy(m_monitor->nodeCount() > 6 ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
}

QWidget* ClusterPage::buildCharts()
{
    m_requests = new LiveChart(u"requestsChart"_s, this);
    m_latency = new LiveChart(u"latencyChart"_s, this);
    m_errors = new LiveChart(u"errorsChart"_s, this);
    m_orders = new LiveChart(u"ordersChart"_s, this);
    m_approval = new LiveChart(u"approvalChart"_s, this);
    m_provider = new LiveChart(u"providerChart"_s, this);
    auto* charts = new QWidget(this);
    auto* grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_requests, 0, 0);
    grid->addWidget(m_latency, 0, 1);
    grid->addWidget(m_errors, 0, 2);
    grid->addWidget(m_orders, 1, 0);
    grid->addWidget(m_approval, 1, 1);
    grid->addWidget(m_provider, 1, 2);
    return charts;
}

QWidget* ClusterPage::buildAlerts(const QFont& headingFont)
{
    m_alertsHeading = new QLabel(this);
    m_alertsHeading->setFont(headingFont);
    m_alertList = new QListView(this);
    m_alertList->setObjectName(u"clusterAlerts"_s);
    m_alertList->setModel(m_alerts);
    m_alertList->setWordWrap(true);
    m_alertList->setItemDelegate(new AlertDelegate(m_alertList));
    m_alertList->setResizeMode(QListView::Adjust); // wrapped again when the splitter moves
    m_alertList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_alertList->setSpacing(3);
    m_alertList->setAlternatingRowColors(true);
    auto* alertsPane = new QWidget(this);
    auto* alertsLayout = new QVBoxLayout(alertsPane);
    alertsLayout->setContentsMargins(0, 0, 0, 0);
    alertsLayout->addWidget(m_alertsHeading);
    alertsLayout->addWidget(m_alertList, 1);
    m_noAlerts = new QLabel(m_alertList->viewport());
    m_noAlerts->setObjectName(u"noAlertsLabel"_s);
    m_noAlerts->setWordWrap(true);
    m_noAlerts->setAlignment(Qt::AlignCenter);
    m_noAlerts->setForegroundRole(QPalette::PlaceholderText);
    auto* overlay = new QVBoxLayout(m_alertList->viewport());
    overlay->addWidget(m_noAlerts);
    const auto showNoAlerts = [this] { m_noAlerts->setVisible(m_alerts->rowCount() == 0); };
    connect(m_alerts, &QAbstractItemModel::modelReset, this, showNoAlerts);
    connect(m_alerts, &QAbstractItemModel::rowsInserted, this, showNoAlerts);
    showNoAlerts();
    return alertsPane;
}

ClusterPage::~ClusterPage()
{
    m_monitor->stop();
}

void ClusterPage::retranslate()
{
    m_heading->setText(tr("Cluster"));
    m_alertsHeading->setText(tr("Alerts"));
    m_noAlerts->setText(tr("No alerts: a node turning suspect or dead, failing requests and dead letters "
                           "are listed here with their time, and marked on the charts."));
    m_requests->setTitle(tr("Requests per second"));
    m_latency->setTitle(tr("Latency (ms): p50 solid, p99 dashed"));
    m_errors->setTitle(tr("Server errors per second"));
    m_orders->setTitle(tr("Orders per minute"));
    m_approval->setTitle(tr("Payments approved (%), last minute"));
    m_provider->setTitle(tr("Provider calls failing per minute"));
    const QString noAnswer = tr("No node has\nanswered yet");
    for (LiveChart* chart : {m_requests, m_latency, m_errors, m_orders, m_provider})
        chart->setEmptyText(noAnswer);
    m_latency->setEmptyText(tr("No API requests\nto time yet"));
    m_approval->setEmptyText(tr("No payment decided\nin the last minute"));
    // the models' texts come from tr() when painted: the headers are sized again, the alerts wrapped again
    emit m_nodes->headerDataChanged(Qt::Horizontal, 0, ClusterNodeModel::ColumnCount - 1);
    m_table->viewport()->update();
    m_alertList->reset();
    updateSummary();
    redraw();
}

void ClusterPage::updateSummary()
{
    int live = 0, suspect = 0, dead = 0;
    for (int i = 0; i < m_monitor->nodeCount(); ++i) {
        switch (m_monitor->node(i).state) {
        case NodeState::Live:
            ++live;
            break;
        case NodeState::Suspect:
            ++suspect;
            break;
        case NodeState::Dead:
            ++dead;
            break;
        case NodeState::Connecting:
            break;
        }
    }
    QStringList parts;
    //: the cluster's summary: %1 nodes answering out of %n
    parts << tr("%1 of %n nodes live", nullptr, m_monitor->nodeCount()).arg(live);
    if (suspect > 0)
        parts << tr("%n suspect", nullptr, suspect);
    if (dead > 0)
        parts << tr("%n dead", nullptr, dead);
    parts << tr("each looked at every second");
    m_summary->setText(parts.join(u" \u00b7 "_s));
}

namespace {

/// The nodes' names in the charts' legends, as short as still tells them apart: the port when
/// they share a host (a local cluster), the host when each has its own, else host and port.
QStringList legendNames(const ClusterMonitor& monitor)
{
    QStringList hosts;
    QStringList authorities;
    for (int i = 0; i < monitor.nodeCount(); ++i) {
        const QUrl url(monitor.node(i).url);
        hosts << url.host();
        authorities << url.authority();
    }
    const qsizetype distinctHosts = QSet<QString>(hosts.begin(), hosts.end()).size();
    QStringList names;
    for (int i = 0; i < monitor.nodeCount(); ++i) {
        const QUrl url(monitor.node(i).url);
        if (distinctHosts == 1 && hosts.size() > 1 && url.port() > 0)
            names << u":%1"_s.arg(url.port());
        else if (distinctHosts == hosts.size())
            names << url.host();
        else
            names << authorities[i];
    }
    return names;
}

} // namespace

void ClusterPage::updateDatabase()
{
    const DatabaseFigures& d = m_monitor->database();
    m_database->setVisible(d.known());
    if (!d.known())
        return;
    QStringList parts;
    //: %1 the PostgreSQL server the nodes write to ("127.0.0.1:5432")
    parts << tr("Database: primary %1").arg(d.primary);
    if (std::isfinite(d.connections))
        parts << tr("%n connection(s)", nullptr, int(d.connections));
    if (d.standbys.isEmpty())
        parts << tr("no standby");
    const QLocale locale;
    for (const StandbyFigures& standby : d.standbys) {
        const QString state = standby.state.isEmpty()  ? tr("state not visible (grant pg_monitor to the nodes' role)")
                              : standby.sync.isEmpty() ? standby.state
                                                       : u"%1, %2"_s.arg(standby.state, standby.sync);
        const QString bytes =
            std::isfinite(standby.lagBytes)
                ? locale.formattedDataSize(qint64(standby.lagBytes), 1, QLocale::DataSizeTraditionalFormat)
                : u"?"_s;
        const QString secs = std::isfinite(standby.lagS) ? locale.toString(standby.lagS, 'f', 1) : u"?"_s;
        //: %1 the standby's name, %2 its address, %3 its state ("streaming, sync"), %4 bytes and %5 seconds behind
        parts << tr("standby %1 (%2): %3, %4 and %5 s behind").arg(standby.name, standby.address, state, bytes, secs);
    }
    m_database->setText(parts.join(u" \u00b7 "_s));
}

void ClusterPage::redraw()
{
    updateDatabase();
    if (!isVisible())
        return; // the monitor keeps its points; showEvent draws them
    const double nowS = double(m_clock.nowMs()) / 1000.0;
    QList<LiveChart::Line> requests, latency, errors;
    const bool many = m_monitor->nodeCount() > 1;
    const QStringList names = legendNames(*m_monitor);
    for (int i = 0; i < m_monitor->nodeCount(); ++i) {
        const ClusterMonitor::Node& node = m_monitor->node(i);
        const QString& name = names[i];
        requests.append({name, &node.requestsPerS, i});
        // several nodes: one legend entry per node (its colour); the title says which line is which
        latency.append({many ? name : u"p50"_s, &node.p50Ms, i, Qt::SolidLine, true});
        latency.append({many ? QString() : u"p99"_s, &node.p99Ms, i, Qt::DashLine, true});
        errors.append({name, &node.errorsPerS, i});
    }
    const ClusterMonitor::Business& b = m_monitor->business();
    const QList<ClusterAlert>& alerts = m_monitor->alerts();
    m_requests->draw(requests, alerts, nowS);
    m_latency->draw(latency, alerts, nowS);
    m_errors->draw(errors, alerts, nowS);
    m_orders->draw({{tr("all nodes"), &b.ordersPerMin, 0}}, alerts, nowS);
    m_approval->draw({{tr("all nodes"), &b.approvalPercent, 2}}, alerts, nowS);
    m_provider->draw({{tr("all nodes"), &b.providerFailuresPerMin, 1}}, alerts, nowS);
}

void ClusterPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    redraw();
}

void ClusterPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace souk
