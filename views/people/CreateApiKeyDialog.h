#pragma once

#include <QDialog>

#include "backend/auth/User.h"
#include "backend/core/Clock.h"
#include "backend/core/Error.h"
#include "models/people/RequestKey.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace souk {

class Client;
class MessageBar;

/// Makes an API key for a user: what it is for (its name) and when it stops working (never, or
/// in 30, 90 or 365 days). The secret comes back once, in created(). Objects
/// "createApiKeyDialog", "keyNameEdit", "keyNameError", "expiryCombo", "createButton". GUI thread.
class CreateApiKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateApiKeyDialog)
public:
    static constexpr int KeyNameCharsMax = 80; ///< as the store checks

    /// `clock` says when "in 30 days" ends.
    CreateApiKeyDialog(Client& client, const auth::User& user, QWidget* parent = nullptr,
                       const Clock& clock = SystemClock::instance());

signals:
    void created(const souk::auth::CreatedApiKey& key);

private:
    void submit();
    void showError(const Error& error);
    void setPending(bool pending);

    Client& m_client;
    const Clock& m_clock;
    auth::User m_user;
    MessageBar* m_messageBar = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_nameError = nullptr;
    QComboBox* m_expiry = nullptr;
    QLabel* m_expiryError = nullptr;
    QPushButton* m_create = nullptr;
    bool m_pending = false;
    RequestKey m_key{QStringLiteral("create-api-key-")};
    /// When the key last asked for expires: the same name and term asked again is the same request.
    int m_sentDays = -1;
    std::optional<qint64> m_sentExpiresMs;
};

} // namespace souk
