#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

#include "models/cluster/ClusterMonitor.h"

class QCustomPlot;
class QCPTextElement;

namespace souk {

/// One live chart of the Cluster page: the last 15 minutes, time along the bottom, a line per
/// series, and the alerts as marks at their time. Redrawn whole each second (a few thousand
/// points). GUI thread.
class LiveChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveChart)
public:
    struct Line
    {
        QString name;
        const SeriesPoints* points = nullptr;
        int colour = 0; ///< index into the chart's colours, one per node
        Qt::PenStyle style = Qt::SolidLine;
        bool dots = false; ///< mark each point: for series with many gaps (latency of sparse traffic)
    };

    LiveChart(const QString& objectName, QWidget* parent = nullptr);

    void setTitle(const QString& title);
    /// Said in the middle of the chart while no line has a value ("No payments in the last minute").
    void setEmptyText(const QString& text);
    /// Draws `lines` over [nowS - window, nowS], with a mark for each alert in that time.
    void draw(const QList<Line>& lines, const QList<ClusterAlert>& alerts, double nowS);
    /// Series colours, bright on dark and deep on light; `index` wraps around.
    static QColor colour(int index, const QPalette& palette);

    QCustomPlot* plot() const { return m_plot; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColours();
    /// From the oldest point (two minutes at least, fifteen at most) to now, labelled to fit.
    void setTimeAxis(const QList<Line>& lines, double nowS);

    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    QString m_emptyText;
};

} // namespace souk
