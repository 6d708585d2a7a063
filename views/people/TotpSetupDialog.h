#pragma once

#include <QDialog>
#include <QStringList>

#include "backend/auth/User.h"
#include "backend/core/Error.h"
#include "models/people/RequestKey.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace souk {

class Client;
class MessageBar;

/// Turns on two-step sign-in for the signed-in user: asks the store for a new secret, shows it
/// as a QR code to scan and as text to type, takes a code from the authenticator app to prove
/// the app has it, then shows the recovery codes once. A wrong code is said beside the field and
/// the window stays. Objects "totpSetupDialog", "qrLabel", "secretLabel", "codeEdit",
/// "codeError", "confirmButton"; then "recoveryCodesPage" with "secretText" and "savedButton".
/// GUI thread.
class TotpSetupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TotpSetupDialog)
public:
    /// The QR code's side at least, in device-independent pixels.
    static constexpr int QrSideMinPx = 220;

    explicit TotpSetupDialog(Client& client, QWidget* parent = nullptr);

    /// The secret to type into an app (base32), once the store has made it; empty before.
    const QString& secret() const { return m_enrolment.secretBase32; }
    /// The recovery codes, once the code is confirmed; empty before.
    const QStringList& recoveryCodes() const { return m_codes; }

signals:
    /// The enrolment began (the QR code and key are shown) or failed.
    void ready();
    /// Two-step sign-in is on for the user.
    void enabled();

private:
    QWidget* buildEnrolPage();
    QWidget* buildRecoveryPage();
    void begin();
    void showEnrolment(const auth::TotpEnrolment& enrolment);
    void showQr(const QString& uri);
    void confirm();
    void onConfirmed(const Result<QStringList>& codes);
    void showCodeError(const QString& text, const QString& details = {});
    void setPending(bool pending);

    Client& m_client;
    auth::TotpEnrolment m_enrolment;
    QStringList m_codes;
    QStackedWidget* m_pages = nullptr;
    MessageBar* m_messageBar = nullptr;
    QLabel* m_qr = nullptr;
    QLabel* m_secret = nullptr;
    QLineEdit* m_code = nullptr;
    QLabel* m_codeError = nullptr;
    QPushButton* m_confirm = nullptr;
    QWidget* m_recoveryPage = nullptr;
    bool m_pending = false;
    RequestKey m_confirmKey{QStringLiteral("confirm-totp-")};
};

} // namespace souk
