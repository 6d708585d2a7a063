#pragma once

#include <QDialog>

class QPushButton;

namespace souk {

class OneTimeSecretView;

/// A window that hands over a secret Souk shows once (a one-time password, an API key): what it
/// is for, the secret with a Copy button and a plain note that it cannot be shown again, and one
/// button to close ("doneButton"). Deletes itself when closed; GUI thread.
class OneTimeSecretDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OneTimeSecretDialog)
public:
    /// `intro`: who the secret is for and what to do with it; `doneLabel`: "Done", "I have saved it".
    OneTimeSecretDialog(const QString& title, const QString& intro, const QString& secret, const QString& note,
                        const QString& doneLabel, QWidget* parent = nullptr);

    OneTimeSecretView* view() const { return m_view; }

private:
    OneTimeSecretView* m_view = nullptr;
};

} // namespace souk
