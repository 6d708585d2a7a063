#pragma once

#include <QWidget>

#include "backend/auth/Operation.h"
#include "backend/auth/Principal.h"
#include "backend/auth/User.h"
#include "backend/core/Error.h"
#include "backend/core/Id.h"

class QLabel;
class QPushButton;
class QTableView;

namespace souk {

class Client;
class MessageBar;
class UserListModel;

/// The people who sign in to the store: their role, second factor, state and sign-ins, kept
/// current by the change feed. Adds a user (handing over a one-time password once), disables one
/// or resets their two-step sign-in (each asked and given a reason for the audit log), opens a
/// user's API keys, and sets up two-step sign-in for the signed-in user. What a role may not do
/// is disabled, and the table stays empty for a role that may not list people. objectName
/// "usersPage". Owned by the main window; GUI thread.
class UsersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersPage)
public:
    explicit UsersPage(Client& client, QWidget* parent = nullptr);

    UserListModel* model() const { return m_model; }
    MessageBar* messageBar() const { return m_messageBar; }
    /// The user of the selected row, or nullptr.
    const auth::User* selectedUser() const;
    /// Selects the row of `userId` (when it is shown; else once a read brings it).
    void selectUser(Id userId);

    // what the toolbar buttons do
    void addUser();
    void disableSelected();
    void resetSelectedTotp();
    void openApiKeys();
    void setUpTotp();

private:
    void buildUi();
    void showScope();
    void onUserAdded(const auth::AddedUser& added);
    void onLoadFailed(const Error& error);
    void updateButtons();
    void fitColumns();
    /// Whether the signed-in principal's role may run `op` (the store checks again).
    bool may(auth::Operation op) const;

    Client& m_client;
    UserListModel* m_model = nullptr;
    MessageBar* m_messageBar = nullptr;
    QLabel* m_scope = nullptr; ///< whose people these are, and what this role may do
    QTableView* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_disable = nullptr;
    QPushButton* m_resetTotp = nullptr;
    QPushButton* m_apiKeys = nullptr;
    QPushButton* m_setupTotp = nullptr;
    Id m_selectWhenShown; ///< a user just added: selected once a read brings its row
};

} // namespace souk
