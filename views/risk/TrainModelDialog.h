#pragma once

#include <QDialog>

#include "models/people/RequestKey.h"

class QComboBox;
class QDateEdit;
class QPushButton;

namespace souk {

class Clock;

/// "Train model…": the kind of model and the cut-off date (thirty days ago unless changed); the
/// model learns from the payments before the cut-off and is evaluated on those after it. Only
/// asks: the Models tab trains once it is accepted, showing progress. Each dialog has a key of its
/// own, so a training sent twice from it is trained once. GUI thread; `clock` must outlive it.
class TrainModelDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainModelDialog)
public:
    static constexpr int DefaultCutOffDays = 30;

    explicit TrainModelDialog(const Clock& clock, QWidget* parent = nullptr);
    /// "lr" or "gbdt".
    QString kind() const;
    /// The cut-off: the start of the chosen day, local time.
    qint64 untilMs() const;
    /// The idempotency key of the training this dialog asks for.
    QString requestKey();

private:
    QComboBox* m_kind = nullptr;
    QDateEdit* m_cutOff = nullptr;
    QPushButton* m_train = nullptr;
    RequestKey m_key{QStringLiteral("risk-train-")};
};

} // namespace souk
