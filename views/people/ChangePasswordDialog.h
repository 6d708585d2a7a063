#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace souk {

class Client;
class MessageBar;
struct Error;

/// Sets the signed-in user's own password: the current one, the new one twice. Required after
/// a sign-in with a one-time password (then Cancel signs out instead). The check and the hash
/// run off the GUI thread; errors stay in the dialog. objectName "changePasswordDialog".
class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangePasswordDialog)
public:
    ChangePasswordDialog(Client& client, bool required, QWidget* parent = nullptr);

private:
    void submit();
    void failed(const Error& error);

    Client& m_client;
    MessageBar* m_messageBar = nullptr;
    QLineEdit* m_current = nullptr;
    QLineEdit* m_next = nullptr;
    QLineEdit* m_repeat = nullptr;
    QPushButton* m_save = nullptr;
    bool m_inFlight = false;
};

} // namespace souk
