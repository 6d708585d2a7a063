#pragma once

#include <optional>

#include <QObject>
#include <QString>

#include "backend/catalog/BulkEdit.h"
#include "backend/core/Result.h"

class QWidget;

namespace souk {

class Client;
class MessageBar;

/// Runs a bulk edit after asking (souk::Dialogs), reports it in the page's MessageBar with an
/// "Undo" action, and undoes the last one on request. Owned by the catalog page; GUI thread.
class BulkEditController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkEditController)
public:
    BulkEditController(Client& client, MessageBar* messageBar, QWidget* dialogParent);

    /// Asks for confirmation, then runs `edit` (merchant and product ids set). `variantCount` is
    /// how many variants the selection holds, for the question.
    void run(const catalog::BulkEdit& edit, qint64 variantCount);
    /// Puts back what the last successful bulk edit changed.
    void undo();
    /// Forgets the last bulk edit: a newer action (a saved product edit) took its place.
    void forget();
    bool canUndo() const { return m_last.has_value() && !m_busy; }
    bool isBusy() const { return m_busy; }

    /// "1 product", "1,234 products" (translated, %Ln).
    static QString productsText(int n);
    static QString variantsText(int n);

signals:
    void undoAvailableChanged(bool available);
    void busyChanged(bool busy);

private:
    QString question(const catalog::BulkEdit& edit, qint64 variantCount) const;
    QString doneText(const catalog::BulkResult& result) const;
    void onDone(const Result<catalog::BulkResult>& result);
    void onUndone(const Result<catalog::BulkResult>& result);
    void setBusy(bool busy);
    void setLast(std::optional<catalog::BulkResult> last);

    Client& m_client;
    MessageBar* m_messageBar;
    QWidget* m_dialogParent;
    std::optional<catalog::BulkResult> m_last;
    /// The undo of m_last's key, made with it: a second Undo click sends the same key.
    QString m_undoKey;
    bool m_busy = false;
};

} // namespace souk
