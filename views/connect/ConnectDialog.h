#pragma once

#include <QDialog>
#include <QUrl>

#include <memory>
#include <optional>

#include "backend/client/RemoteClient.h"
#include "views/catalog/FieldErrors.h"
#include "views/connect/RecentConnections.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace souk {

class MessageBar;
class Prefs;
class SecretStore;
class TrustDialog;

/// File ▸ Connect to node…: a node's URL and either a password sign-in (user, password, the
/// two-step code when the account has one) or an API key; the recent connections to pick from
/// (their secrets in the keychain); the node's certificate trusted on first use (TrustDialog).
/// Connecting runs in the background with a progress bar and can be stopped; field errors show
/// beside their field. Accepted once connected and signed in: client() is the connection.
/// objectName "connectDialog". GUI thread.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)
public:
    enum class Purpose
    {
        Switch, ///< over a window: Close leaves it as it is
        Choose, ///< nothing is open behind it: offers this computer's store, or quitting
    };
    /// done() code when this computer's store was chosen instead (Purpose::Choose).
    static constexpr int LocalStoreChosen = 2;

    ConnectDialog(Prefs& prefs, SecretStore& secrets, Purpose purpose, QWidget* parent = nullptr);
    ~ConnectDialog() override;

    /// Options for every connection (retries, timeouts); URL, key and fingerprint are the dialog's.
    void setConnectOptions(const RemoteClient::Options& base) { m_base = base; }
    std::shared_ptr<RemoteClient> client() const { return m_client; }
    RecentConnection connection() const { return m_connection; }
    /// Why the secret was not kept in the keychain, for the window to say; empty when it was.
    QString keychainNote() const { return m_keychainNote; }
    bool isBusy() const { return m_busy; }

public slots:
    void reject() override;

private:
    /// What one connection attempt is made of, read from the form when it starts.
    struct Attempt
    {
        QUrl url;
        QList<QUrl> otherNodes; ///< a cluster's further nodes
        NodeBalancer::Policy policy = NodeBalancer::Policy::RoundRobin;
        RecentConnection::Kind kind = RecentConnection::Kind::Session;
        QString user;
        QString password;
        QString code;
        QString secret;     ///< the API key typed, or the secret read from the keychain
        bool saved = false; ///< the secret came from the keychain
    };

    QWidget* buildRecent();
    QWidget* buildForm();
    QWidget* buildProgress();
    QWidget* fieldBox(const QString& name, QWidget* field);
    void fillRecent();
    void recentChosen(QTreeWidgetItem* item);
    void forgetRecent();
    void probeKeychain();
    void setKind(RecentConnection::Kind kind);

    void submit();
    std::optional<Attempt> validated();
    std::optional<RecentConnection> savedFor(const Attempt& attempt) const;
    void readSaved(Attempt attempt, const RecentConnection& saved);
    void start(const Attempt& attempt);
    void connected(const Attempt& attempt, const std::shared_ptr<RemoteClient>& client);
    void keep(const Attempt& attempt, const std::shared_ptr<RemoteClient>& client);
    void failed(const Attempt& attempt, const Error& error);
    void failedSignIn(const Attempt& attempt, const Error& error);
    void askTrust(const Attempt& attempt, const QUrl& node, const QString& offered);
    /// The nodes typed, each checked; empty (with the error shown) when one is not a node's address.
    QList<QUrl> typedNodes();
    void updatePolicyRow();
    void stop();
    void setBusy(bool busy, const QString& status = {});

    Prefs& m_prefs;
    SecretStore& m_secrets;
    RecentConnections m_recent;
    const Purpose m_purpose;
    RemoteClient::Options m_base;
    MessageBar* m_messageBar = nullptr;
    FieldErrors m_errors;
    QTreeWidget* m_recentList = nullptr;
    QPushButton* m_forget = nullptr;
    QLineEdit* m_url = nullptr;
    QFormLayout* m_fields = nullptr;
    QComboBox* m_policy = nullptr; ///< shown when several nodes are typed
    QRadioButton* m_signInMode = nullptr;
    QRadioButton* m_keyMode = nullptr;
    QStackedWidget* m_modes = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_code = nullptr;
    QLineEdit* m_key = nullptr;
    QCheckBox* m_remember = nullptr;
    QLabel* m_keychainLabel = nullptr;
    QWidget* m_progressRow = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_connect = nullptr;
    QPushButton* m_local = nullptr;
    QWidget* m_formArea = nullptr;
    bool m_busy = false;
    bool m_keychainAvailable = true;
    int m_attempt = 0; ///< bumped by stop(): an older attempt's answers are dropped
    std::shared_ptr<RemoteClient> m_client;
    RecentConnection m_connection;
    QString m_keychainNote;
};

} // namespace souk
