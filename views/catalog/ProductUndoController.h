#pragma once

#include <optional>

#include <QObject>
#include <QString>

#include "backend/catalog/ProductEdit.h"
#include "backend/core/Error.h"

namespace souk {

class Client;

/// Remembers the last saved edit of a product and undoes it on request. The product editor's
/// "Undo" and the catalog page's Edit → Undo share one, so an edit is undone once, whichever
/// asks. The undo's idempotency key is made with the edit it undoes: a second click sends the
/// same key. Reports by signals; each view says it in its own MessageBar. Owned by the catalog
/// page (or by an editor that has none); GUI thread.
class ProductUndoController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductUndoController)
public:
    explicit ProductUndoController(Client& client, QObject* parent = nullptr);

    /// Remembers `edit` as the one to undo, in place of any other.
    void record(const catalog::ProductEdit& edit);
    /// Forgets the remembered edit: another action took its place.
    void forget();
    /// Sends the undo of the remembered edit.
    void undo();
    bool canUndo() const { return m_last.has_value() && !m_busy; }
    bool isBusy() const { return m_busy; }
    /// The product of the remembered edit; null when there is none.
    Id productId() const;

    /// "Saved “Linen shirt”." (also the editor's text after a save).
    static QString savedText(const catalog::Product& product);
    /// The label of the message bar's button.
    static QString undoLabel();
    static QString undoingText(const QString& title);
    static QString undoneText(const QString& title);
    /// Why the undo of the edit of `title` was refused, naming the cause.
    static QString refusedText(const Error& error, const QString& title);

signals:
    void recorded(const souk::catalog::ProductEdit& edit);
    void undoStarted(souk::Id productId, const QString& title);
    /// `result.after` is the product as restored.
    void undone(const souk::catalog::ProductEdit& result);
    void undoRefused(souk::Id productId, const souk::Error& error, const QString& title);
    void undoAvailableChanged(bool available);

private:
    void onUndone(const catalog::ProductEdit& sent, const Result<catalog::ProductEdit>& result);
    void setBusy(bool busy);
    void setLast(std::optional<catalog::ProductEdit> last);

    Client& m_client;
    std::optional<catalog::ProductEdit> m_last;
    QString m_undoKey; ///< made with m_last: every undo of it sends this key
    bool m_busy = false;
};

} // namespace souk
