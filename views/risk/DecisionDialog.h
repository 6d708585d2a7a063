#pragma once

#include <QDialog>

#include "backend/risk/decisions/RiskTypes.h"

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace souk {

/// The one confirmation of a review decision: the verdict, a reason picked from the engine's list
/// for it (shown as text, sent as its code), an optional note and, for fraud, whether the card
/// and email join the block lists. Enter confirms. For one review or several. GUI thread.
class DecisionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecisionDialog)
public:
    /// `reviews`: how many reviews the decision is for (the title says so when more than one).
    DecisionDialog(risk::ReviewVerdict verdict, int reviews, QWidget* parent = nullptr);
    risk::ReviewVerdict verdict() const { return m_verdict; }
    QString reason() const;
    QString note() const;
    bool blockCardAndEmail() const;

private:
    const risk::ReviewVerdict m_verdict;
    QComboBox* m_reason = nullptr;
    QLineEdit* m_note = nullptr;
    QCheckBox* m_block = nullptr;
};

} // namespace souk
