#pragma once

#include <QDialog>

#include "backend/core/Error.h"
#include "backend/risk/decisions/RiskTypes.h"
#include "models/people/RequestKey.h"
#include "views/catalog/FieldErrors.h"

class QComboBox;
class QLineEdit;
class QPushButton;

namespace souk {

class Client;
class MessageBar;

/// "New list…": a list's name (as rules name it, @name), what it holds and a description. The
/// engine checks them; what it refuses is shown beside the field. Accepted once the list exists
/// (created()). Owned by the Lists tab (deleted on close); GUI thread.
class NewListDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewListDialog)
public:
    explicit NewListDialog(Client& client, QWidget* parent = nullptr);

signals:
    void created(const souk::risk::RiskList& list);

private:
    void submit();
    void showStoreError(const Error& error);

    Client& m_client;
    RequestKey m_key{QStringLiteral("risk-list-")};
    MessageBar* m_messageBar = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_description = nullptr;
    QPushButton* m_create = nullptr;
    FieldErrors m_errors;
};

} // namespace souk
