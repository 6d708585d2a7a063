#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace souk {

class Client;
class MessageBar;
struct Error;

/// Signs a user in to a store that has users: user name, password and, when the user has
/// two-step sign-in, the code from the authenticator app (or a recovery code). In Unlock mode
/// the console was locked after idle time: the user name is fixed, and "Sign out" lets
/// another person sign in instead. The check runs off the GUI thread; errors stay in the
/// dialog, which stays open until a sign-in succeeds (accepted) or the user gives up
/// (rejected, or signOutRequested in Unlock mode). objectName "signInDialog". GUI thread.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)
public:
    enum class Mode
    {
        SignIn,
        Unlock,
    };

    SignInDialog(Client& client, Mode mode, const QString& userName = {}, QWidget* parent = nullptr);

signals:
    /// Unlock mode: the person at the console is not the one who locked it.
    void signOutRequested();

private:
    void submit();
    void failed(const Error& error);
    void setBusy(bool busy);

    Client& m_client;
    const Mode m_mode;
    MessageBar* m_messageBar = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_code = nullptr;
    QPushButton* m_signIn = nullptr;
    bool m_inFlight = false;
};

} // namespace souk
