#pragma once

#include <QDialog>
#include <QList>

#include "backend/auth/User.h"
#include "backend/core/Change.h"
#include "backend/core/Clock.h"

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace souk {

class Client;
class MessageBar;

/// A user's API keys: the start of each (the rest was shown once, when it was made), its name,
/// when it was made, expires and was last used, and whether it still works. Makes a key
/// (CreateApiKeyDialog, then the secret once) and revokes one after asking. Follows the change
/// feed. Objects "apiKeysDialog", "apiKeysTable", "noKeysLabel", "createKeyButton",
/// "revokeKeyButton"; the secret's window is "apiKeySecretDialog". GUI thread.
class ApiKeysDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiKeysDialog)
public:
    enum Column
    {
        Key,
        Name,
        Created,
        Expires,
        LastUsed,
        State,
        ColumnCount
    };

    ApiKeysDialog(Client& client, const auth::User& user, QWidget* parent = nullptr,
                  const Clock& clock = SystemClock::instance());

    /// Reads the keys again.
    void reload();
    const QList<auth::ApiKeyInfo>& keys() const { return m_keys; }

signals:
    /// A read is in and shown.
    void loaded();

private:
    /// Shows m_keys, the key `selected` selected again.
    void present(Id selected);
    void createKey();
    void onCreated(const auth::CreatedApiKey& key);
    void revokeSelected();
    void updateButtons();
    const auth::ApiKeyInfo* selectedKey() const;

    Client& m_client;
    const Clock& m_clock;
    auth::User m_user;
    QList<auth::ApiKeyInfo> m_keys;
    int m_generation = 0; ///< answers of an older reload() are dropped
    MessageBar* m_messageBar = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_noKeys = nullptr;
    QPushButton* m_create = nullptr;
    QPushButton* m_revoke = nullptr;
    QTimer* m_reloadSoon = nullptr;
};

} // namespace souk
