#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace souk {

/// Asks whether to go ahead with a change to a person (disable, reset two-step sign-in) and why:
/// the audit log keeps the reason beside who did it. The change runs only once a reason is
/// typed and the accept button clicked. Objects "reasonDialog", "reasonEdit", "reasonError",
/// "acceptButton". Opened with open() (no nested event loop); GUI thread.
class ReasonDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReasonDialog)
public:
    static constexpr int ReasonCharsMax = 255;

    ReasonDialog(const QString& title, const QString& question, const QString& acceptLabel, QWidget* parent = nullptr);
    /// The reason typed, trimmed.
    QString reason() const;

private:
    void submit();

    QLineEdit* m_reason = nullptr;
    QLabel* m_reasonError = nullptr;
};

} // namespace souk
