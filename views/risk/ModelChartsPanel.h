#pragma once

#include <QWidget>

#include <optional>

#include "backend/risk/decisions/RiskTypes.h"

class QCustomPlot;
class QCPTextElement;
class QLabel;
class QStackedWidget;

namespace souk {

/// One model's evaluation on the payments after its cut-off, drawn: the ROC curve (false positive
/// rate → recall, the diagonal as chance) and the precision-recall curve side by side, the point
/// where its threshold sits marked, and a second model drawn dashed over them for comparison. A
/// model without an evaluation says why. Colours follow the palette (light or dark) and change
/// with it. Owned by the Models tab; GUI thread.
class ModelChartsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelChartsPanel)
public:
    explicit ModelChartsPanel(QWidget* parent = nullptr);
    /// Shows `model` (nothing when null) with `compare` overlaid (none when null or not evaluated).
    void showModel(const risk::ModelVersion* model, const risk::ModelVersion* compare);
    QCustomPlot* rocPlot() const { return m_roc; }
    QCustomPlot* precisionRecallPlot() const { return m_pr; }

protected:
    void changeEvent(QEvent* event) override;

private:
    QCustomPlot* makePlot(const QString& name, QCPTextElement** title);
    void draw();
    void drawRoc();
    void drawPrecisionRecall();
    void applyColours();

    std::optional<risk::ModelVersion> m_model;
    std::optional<risk::ModelVersion> m_compare;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_notEvaluated = nullptr;
    QCustomPlot* m_roc = nullptr;
    QCustomPlot* m_pr = nullptr;
    QCPTextElement* m_rocTitle = nullptr;
    QCPTextElement* m_prTitle = nullptr;
};

} // namespace souk
