#pragma once

#include <QDialog>

#include "backend/auth/User.h"
#include "backend/core/Error.h"
#include "models/people/RequestKey.h"
#include "views/catalog/FieldErrors.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace souk {

class Client;
class MessageBar;

/// Adds a user: a name, a role, the merchant an owner or staff works for, and a password or
/// none (Souk then makes a one-time one, handed over once by whoever opened this). A merchant's
/// owner adds owners and staff of its own merchant; a platform principal (an admin) any role,
/// picking the merchant from the store's. Checks what it can before sending; the store's
/// answer lands beside the field it names. Objects "addUserDialog", "nameEdit", "roleCombo",
/// "merchantCombo", "passwordEdit", "<field>Error", "addButton". GUI thread.
class AddUserDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddUserDialog)
public:
    explicit AddUserDialog(Client& client, QWidget* parent = nullptr);

signals:
    /// The user is in the store; `added.oneTimePassword` is set when Souk made the password.
    void added(const souk::auth::AddedUser& added);

private:
    QWidget* buildForm();
    void loadMerchants();
    void onRoleChanged();
    /// The user to send, or nothing when a field is wrong (its error shown).
    std::optional<auth::NewUser> check();
    void submit();
    void onAnswer(const Result<auth::AddedUser>& result);
    void showStoreError(const Error& error);
    void setPending(bool pending);
    bool picksMerchant() const;

    Client& m_client;
    FieldErrors m_errors;
    MessageBar* m_messageBar = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_role = nullptr;
    QLabel* m_merchantLabel = nullptr;
    QComboBox* m_merchant = nullptr;
    QLineEdit* m_password = nullptr;
    QPushButton* m_add = nullptr;
    bool m_pending = false;
    RequestKey m_key{QStringLiteral("add-user-")};
};

} // namespace souk
