#include "views/risk/ModelSummaryPanel.h"

#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "models/common/Theme.h"
#include "models/risk/ModelCurves.h"
#include "models/risk/ModelListModel.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

enum Cell
{
    Caught,
    Missed,
    GoodFlagged,
    GoodPassed,
    CellCount
};

QString shareOf(qint64 part, qint64 whole)
{
    return ModelListModel::percent(whole > 0 ? double(part) / double(whole) : 0.0);
}

QString count(qint64 n)
{
    return QLocale().toString(qlonglong(n));
}

} // namespace

ModelSummaryPanel::ModelSummaryPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"modelSummaryPanel"_s);
    m_title = new QLabel(this);
    m_title->setObjectName(u"modelTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"modelSummary"_s);
    m_summary->setWordWrap(true);

    m_confusionBox = new QGroupBox(this);
    m_confusionBox->setObjectName(u"confusionBox"_s);
    m_thresholdText = new QLabel(m_confusionBox);
    m_thresholdText->setObjectName(u"thresholdText"_s);
    m_thresholdText->setWordWrap(true);
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(6);
    const char* const names[CellCount] = {"fraudCaught", "fraudMissed", "goodFlagged", "goodPassed"};
    for (int i = 0; i < CellCount; ++i) {
        m_cells[i] = new QLabel(m_confusionBox);
        m_cells[i]->setObjectName(QString::fromLatin1(names[i]));
        m_cells[i]->setAlignment(Qt::AlignCenter);
        m_cells[i]->setAutoFillBackground(true);
        m_cells[i]->setMargin(4);
        m_cells[i]->setTextFormat(Qt::RichText);
        grid->addWidget(m_cells[i], 1 + i / 2, 1 + i % 2);
    }
    grid->addWidget(new QLabel(tr("Flagged", "confusion matrix column: the model flagged it"), m_confusionBox), 0, 1,
                    Qt::AlignCenter);
    grid->addWidget(new QLabel(tr("Passed", "confusion matrix column: the model let it pass"), m_confusionBox), 0, 2,
                    Qt::AlignCenter);
    grid->addWidget(new QLabel(tr("Fraud", "confusion matrix row"), m_confusionBox), 1, 0);
    grid->addWidget(new QLabel(tr("Good payments", "confusion matrix row"), m_confusionBox), 2, 0);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    auto* boxLayout = new QVBoxLayout(m_confusionBox);
    boxLayout->addWidget(m_thresholdText);
    boxLayout->addLayout(grid);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_confusionBox);
    layout->addStretch(1);
    // never clipped: the counts' six lines and the words above them, two cells and the row label
    // wide; the list beside takes the rest of the width
    const QFontMetrics fm = fontMetrics();
    setMinimumSize(fm.horizontalAdvance(tr("Good payments flagged")) +
                       fm.horizontalAdvance(tr("Good payments passed")) +
                       fm.horizontalAdvance(tr("Good payments", "confusion matrix row")) + 80,
                   fm.lineSpacing() * 17);
    applyColours();
    showModel(nullptr);
}

void ModelSummaryPanel::showModel(const risk::ModelVersion* model)
{
    if (!model) {
        m_title->clear();
        m_summary->clear();
        m_confusionBox->hide();
        return;
    }
    const risk::ModelVersion& m = *model;
    m_title->setText(m.active ? tr("%1 · scores payments now").arg(ModelListModel::modelName(m))
                              : ModelListModel::modelName(m));
    const QString until =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(m.trainedUntilMs).toLocalTime().date(), QLocale::ShortFormat);
    //: %1 payments (%2 of them fraud) before the date %3; evaluated on %4 (%5 fraud) after it
    m_summary->setText(
        tr("Trained on %1 payments (%2 fraud) before %3; evaluated on the %4 after it (%5 fraud).")
            .arg(count(m.trainRows), count(m.trainPositives), until, count(m.evalRows), count(m.evalPositives)));
    m_confusionBox->setVisible(m.evaluation.has_value());
    if (m.evaluation)
        showConfusion(*m.evaluation);
}

void ModelSummaryPanel::showConfusion(const risk::ModelEvaluation& e)
{
    const risk::Confusion& k = e.confusion;
    const qint64 fraud = k.truePositives + k.falseNegatives;
    const qint64 good = k.falsePositives + k.trueNegatives;
    const auto at = modelcurves::operatingPoint(k);
    //: %1 is the threshold score (0-100)
    m_confusionBox->setTitle(tr("At threshold %1", "confusion matrix").arg(e.threshold));
    //: %1 threshold, %2 share of flagged payments that are fraud
    m_thresholdText->setText(tr("Payments scoring %1 or more are flagged; %2 of those flagged were fraud.")
                                 .arg(e.threshold)
                                 .arg(ModelListModel::percent(at.precision / 100.0)));
    const struct
    {
        qint64 count;
        QString word;
        QString share;
    } cells[CellCount] = {
        {k.truePositives, tr("Fraud caught"), tr("%1 of fraud").arg(shareOf(k.truePositives, fraud))},
        {k.falseNegatives, tr("Fraud missed"), tr("%1 of fraud").arg(shareOf(k.falseNegatives, fraud))},
        {k.falsePositives, tr("Good payments flagged"), tr("%1 of good payments").arg(shareOf(k.falsePositives, good))},
        {k.trueNegatives, tr("Good payments passed"), tr("%1 of good payments").arg(shareOf(k.trueNegatives, good))},
    };
    for (int i = 0; i < CellCount; ++i) {
        m_cells[i]->setText(
            u"<span style='font-size:large; font-weight:600'>%1</span><br>%2<br><small>%3</small>"_s.arg(
                count(cells[i].count), cells[i].word.toHtmlEscaped(), cells[i].share.toHtmlEscaped()));
        m_cells[i]->setProperty("count", cells[i].count);              // for tests: the number, unformatted
        m_cells[i]->setMinimumHeight(m_cells[i]->sizeHint().height()); // three lines, never clipped
    }
}

void ModelSummaryPanel::applyColours()
{
    const QPalette& p = palette();
    // the four outcomes tinted by what they mean: caught is good news, missed is the loss,
    // flagged good payments are a cost, passed good payments are the plain case
    const theme::Tone tones[CellCount] = {theme::Tone::Success, theme::Tone::Error, theme::Tone::Warning,
                                          theme::Tone::Info};
    for (int i = 0; i < CellCount; ++i) {
        const theme::Tint tint = theme::tint(tones[i], p);
        QPalette cell = m_cells[i]->palette();
        cell.setColor(QPalette::Window, i == GoodPassed ? p.color(QPalette::AlternateBase) : tint.background);
        cell.setColor(QPalette::WindowText, i == GoodPassed ? p.color(QPalette::Text) : tint.text);
        m_cells[i]->setPalette(cell);
    }
}

void ModelSummaryPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

} // namespace souk
