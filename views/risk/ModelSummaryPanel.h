#pragma once

#include <QWidget>

#include <optional>

#include "backend/risk/decisions/RiskTypes.h"

class QGroupBox;
class QLabel;

namespace souk {

/// What a model is, in words: its name and whether it scores payments, what it learned from and
/// was judged on, and the confusion counts at its threshold as a 2×2 table ("Fraud caught", "Fraud
/// missed", "Good payments flagged", "Good payments passed") tinted by what each outcome means.
/// Owned by the Models tab; GUI thread.
class ModelSummaryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelSummaryPanel)
public:
    explicit ModelSummaryPanel(QWidget* parent = nullptr);
    /// Shows `model`; nothing when null.
    void showModel(const risk::ModelVersion* model);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showConfusion(const risk::ModelEvaluation& evaluation);
    void applyColours();

    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    QGroupBox* m_confusionBox = nullptr;
    QLabel* m_thresholdText = nullptr;
    QLabel* m_cells[4] = {};
};

} // namespace souk
