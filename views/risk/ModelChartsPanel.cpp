#include "views/risk/ModelChartsPanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include "models/common/Theme.h"
#include "views/common/PlotStyle.h"
#include "models/risk/ModelCurves.h"
#include "models/risk/ModelListModel.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

/// The charts' colours on `palette`: the shown model solid, the compared one dashed in a colour
/// of its own, the chance line grey; each bright on dark and deep on light.
struct ChartColours
{
    QColor text;
    QColor model;
    QColor compare;
    QColor chance;

    static ChartColours of(const QPalette& palette)
    {
        const bool dark = theme::isDark(palette);
        ChartColours c;
        c.text = palette.color(QPalette::Text);
        c.model = dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x0b, 0x5c, 0xad);
        c.compare = dark ? QColor(0xff, 0xb8, 0x5c) : QColor(0xc2, 0x4e, 0x00);
        c.chance = palette.color(QPalette::PlaceholderText);
        return c;
    }
};

QString aucText(const risk::ModelVersion& m)
{
    return m.auc ? QLocale().toString(*m.auc, 'f', 3) : u"—"_s;
}

QCPCurve* addCurve(QCustomPlot* plot, const CurveSeries& s, const QPen& pen, const QString& name)
{
    auto* curve = new QCPCurve(plot->xAxis, plot->yAxis);
    curve->setData(s.x, s.y);
    curve->setPen(pen);
    curve->setName(name);
    return curve;
}

} // namespace

ModelChartsPanel::ModelChartsPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"modelChartsPanel"_s);
    m_notEvaluated = new QLabel(this);
    m_notEvaluated->setObjectName(u"notEvaluatedLabel"_s);
    m_notEvaluated->setWordWrap(true);
    m_notEvaluated->setAlignment(Qt::AlignCenter);
    m_roc = makePlot(u"rocPlot"_s, &m_rocTitle);
    m_pr = makePlot(u"precisionRecallPlot"_s, &m_prTitle);

    auto* chartsPage = new QWidget(this);
    auto* chartsRow = new QHBoxLayout(chartsPage);
    chartsRow->setContentsMargins(0, 0, 0, 0);
    chartsRow->addWidget(m_roc, 1);
    chartsRow->addWidget(m_pr, 1);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(chartsPage);
    m_stack->addWidget(m_notEvaluated);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack, 1);
    applyColours();
    showModel(nullptr, nullptr);
}

QCustomPlot* ModelChartsPanel::makePlot(const QString& name, QCPTextElement** title)
{
    auto* plot = new QCustomPlot(this);
    plot->setObjectName(name);
    plot->setMinimumSize(260, 240);
    plot->setNoAntialiasingOnDrag(true);
    plot->setAntialiasedElements(QCP::aeAll);
    // a good model hugs the left edge: the wheel zooms into low false positive rates, a drag pans,
    // a double click shows the whole curve again
    plot->setInteractions(QCP::iRangeZoom | QCP::iRangeDrag);
    plot->setToolTip(tr("Wheel: zoom · drag: move · double-click: whole curve"));
    connect(plot, &QCustomPlot::mouseDoubleClick, plot, [plot] {
        plot->xAxis->setRange(-2, 102);
        plot->yAxis->setRange(-2, 102);
        plot->replot();
    });
    plot->plotLayout()->insertRow(0);
    QFont bold = font();
    bold.setBold(true);
    *title = new QCPTextElement(plot, QString(), bold);
    plot->plotLayout()->addElement(0, 0, *title);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->ticker()->setTickCount(6); // 0, 20 .. 100 whole; finer when zoomed in
        axis->setRange(-2, 102);         // a curve along an edge stays clear of the axis
        axis->setPadding(4);
    }
    plot->legend->setVisible(true);
    return plot;
}

void ModelChartsPanel::showModel(const risk::ModelVersion* model, const risk::ModelVersion* compare)
{
    m_model = model ? std::optional(*model) : std::nullopt;
    m_compare = compare && compare->evaluation ? std::optional(*compare) : std::nullopt;
    draw();
}

void ModelChartsPanel::draw()
{
    if (!m_model) {
        m_notEvaluated->setText(tr("Select a model to see how well it tells fraud from good payments."));
        m_stack->setCurrentWidget(m_notEvaluated);
        return;
    }
    if (!m_model->evaluation) {
        m_notEvaluated->setText(tr("Not evaluated: the window after the cut-off had no fraud or no good payments. "
                                   "Train again with an earlier cut-off date to see its curves."));
        m_stack->setCurrentWidget(m_notEvaluated);
        return;
    }
    m_stack->setCurrentIndex(0);
    drawRoc();
    drawPrecisionRecall();
}

void ModelChartsPanel::drawRoc()
{
    const ChartColours c = ChartColours::of(palette());
    m_roc->clearPlottables();
    m_roc->xAxis->setLabel(tr("False positive rate (%): good payments flagged"));
    m_roc->yAxis->setLabel(tr("Recall (%): fraud caught"));
    //: chart title; %1 is the area under the curve, e.g. 0.962
    m_rocTitle->setText(tr("ROC curve · AUC %1").arg(aucText(*m_model)));
    auto* chance = addCurve(m_roc, CurveSeries{{0, 100}, {0, 100}}, QPen(c.chance, 1, Qt::DotLine),
                            tr("Chance", "a model that guesses"));
    if (m_compare) {
        //: legend; %1 names a model, %2 is its AUC
        addCurve(m_roc, modelcurves::roc(*m_compare->evaluation), QPen(c.compare, 2, Qt::DashLine),
                 tr("%1 · AUC %2").arg(ModelListModel::modelName(*m_compare), aucText(*m_compare)));
    }
    addCurve(m_roc, modelcurves::roc(*m_model->evaluation), QPen(c.model, 2.5),
             tr("%1 · AUC %2").arg(ModelListModel::modelName(*m_model), aucText(*m_model)));
    // where the threshold sits on the curve
    const auto at = modelcurves::operatingPoint(m_model->evaluation->confusion);
    auto* point = new QCPGraph(m_roc->xAxis, m_roc->yAxis);
    point->setData({at.falsePositiveRate}, {at.recall});
    point->setLineStyle(QCPGraph::lsNone);
    point->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c.model, c.model, 8));
    point->setName(tr("Threshold %1", "the score from which payments are flagged").arg(m_model->evaluation->threshold));
    chance->setLayer(u"grid"_s); // under the curves
    m_roc->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignRight | Qt::AlignBottom);
    m_roc->replot();
}

void ModelChartsPanel::drawPrecisionRecall()
{
    const ChartColours c = ChartColours::of(palette());
    m_pr->clearPlottables();
    m_pr->xAxis->setLabel(tr("Recall (%): fraud caught"));
    m_pr->yAxis->setLabel(tr("Precision (%): flagged that is fraud"));
    m_prTitle->setText(tr("Precision and recall"));
    const double base = modelcurves::fraudShare(*m_model);
    //: legend: a model that guesses flags fraud at the rate fraud occurs; %1 is that rate
    const QString chanceName = tr("Chance (%1 fraud)").arg(ModelListModel::percent(base / 100.0));
    auto* chance = addCurve(m_pr, CurveSeries{{0, 100}, {base, base}}, QPen(c.chance, 1, Qt::DotLine), chanceName);
    if (m_compare)
        addCurve(m_pr, modelcurves::precisionRecall(*m_compare->evaluation), QPen(c.compare, 2, Qt::DashLine),
                 ModelListModel::modelName(*m_compare));
    addCurve(m_pr, modelcurves::precisionRecall(*m_model->evaluation), QPen(c.model, 2.5),
             ModelListModel::modelName(*m_model));
    const auto at = modelcurves::operatingPoint(m_model->evaluation->confusion);
    auto* point = new QCPGraph(m_pr->xAxis, m_pr->yAxis);
    point->setData({at.recall}, {at.precision});
    point->setLineStyle(QCPGraph::lsNone);
    point->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c.model, c.model, 8));
    point->setName(tr("Threshold %1", "the score from which payments are flagged").arg(m_model->evaluation->threshold));
    chance->setLayer(u"grid"_s);
    m_pr->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignBottom);
    m_pr->replot();
}

void ModelChartsPanel::applyColours()
{
    const QPalette& p = palette();
    const ChartColours c = ChartColours::of(p);
    QFont tickFont = font();
    for (QCustomPlot* plot : {m_roc, m_pr}) {
        stylePlot(plot, p);
        for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
            axis->setTickLabelFont(tickFont);
            axis->setLabelFont(tickFont);
        }
        plot->legend->setFont(tickFont);
        // measured and painted text differ by a few pixels on some screens: room for descenders and CJK
        plot->legend->setIconSize(24, QFontMetrics(tickFont).height() * 4 / 3);
    }
    m_rocTitle->setTextColor(c.text);
    m_prTitle->setTextColor(c.text);
}

void ModelChartsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyColours();
        if (m_model && m_model->evaluation) {
            drawRoc();
            drawPrecisionRecall();
        }
    }
}

} // namespace souk
