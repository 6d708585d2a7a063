#pragma once

#include <QDialog>

#include "backend/core/Error.h"
#include "backend/risk/decisions/RiskTypes.h"
#include "models/people/RequestKey.h"
#include "models/risk/PastedValues.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace souk {

class Client;
class MessageBar;
struct RiskListChange;

/// "Add values…" to a list: many pasted, one a line. The engine checks each against the list's
/// kind and adds none when one is bad; the dialog then names the line the user typed (the engine
/// counts values, not lines) and puts the cursor on it. Accepted once added (added()). Owned by
/// the Lists tab (deleted on close); GUI thread.
class AddValuesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddValuesDialog)
public:
    AddValuesDialog(Client& client, const risk::RiskList& list, QWidget* parent = nullptr);

signals:
    void added(const souk::RiskListChange& change);

private:
    void submit();
    void showStoreError(const Error& error, const PastedValues& sent);
    void markLine(int line);

    Client& m_client;
    risk::RiskList m_list;
    RequestKey m_key{QStringLiteral("risk-values-")};
    MessageBar* m_messageBar = nullptr;
    QPlainTextEdit* m_values = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_add = nullptr;
};

} // namespace souk
