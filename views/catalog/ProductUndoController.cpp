#include "views/catalog/ProductUndoController.h"

#include <QUuid>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/ErrorText.h"

using namespace Qt::StringLiterals;

namespace souk {

ProductUndoController::ProductUndoController(Client& client, QObject* parent) : QObject(parent), m_client(client) {}

QString ProductUndoController::savedText(const catalog::Product& product)
{
    //: %1 = product title
    return tr("Saved \u201c%1\u201d.").arg(product.title);
}

QString ProductUndoController::undoLabel()
{
    return tr("&Undo", "undo the saved product edit");
}

QString ProductUndoController::undoingText(const QString& title)
{
    //: %1 = product title
    return tr("Undoing the changes to \u201c%1\u201d\u2026").arg(title);
}

QString ProductUndoController::undoneText(const QString& title)
{
    //: %1 = product title
    return tr("Undid the changes to \u201c%1\u201d.").arg(title);
}

QString ProductUndoController::refusedText(const Error& error, const QString& title)
{
    if (error.code == ErrorCode::VersionConflict) {
        //: %1 = product title
        return tr("The changes to \u201c%1\u201d cannot be undone: the product was changed after they were saved. "
                  "Nothing was undone.")
            .arg(title);
    }
    if (error.code == ErrorCode::Conflict && error.field == u"variants"_s) {
        //: %1 = product title
        return tr("The changes to \u201c%1\u201d cannot be undone: a variant they added has stock history now and "
                  "cannot be removed. Nothing was undone.")
            .arg(title);
    }
    //: %1 = product title, %2 = the reason, e.g. "SKU (variant 2): This value is already in use."
    return tr("The changes to \u201c%1\u201d cannot be undone: %2 Nothing was undone.")
        .arg(title, errorTextWithField(error));
}

Id ProductUndoController::productId() const
{
    return m_last ? m_last->after.id : Id{};
}

void ProductUndoController::record(const catalog::ProductEdit& edit)
{
    setLast(edit);
    emit recorded(edit);
}

void ProductUndoController::forget()
{
    if (!m_busy) // an undo on its way keeps its edit until it answers
        setLast(std::nullopt);
}

void ProductUndoController::undo()
{
    if (!canUndo())
        return;
    setBusy(true);
    const catalog::ProductEdit sent = *m_last;
    emit undoStarted(sent.after.id, sent.after.title);
    onReady(m_client.undoProductEdit(sent, m_undoKey), this,
            [this, sent](const Result<catalog::ProductEdit>& result) { onUndone(sent, result); });
}

void ProductUndoController::onUndone(const catalog::ProductEdit& sent, const Result<catalog::ProductEdit>& result)
{
    // a later change makes the edit's snapshot stale for good: offering Undo again would only
    // fail again. Other refusals (a SKU taken meanwhile) may pass once that is put right.
    const bool settled = result || result.error().code == ErrorCode::VersionConflict;
    const bool same = m_last && m_last->after.id == sent.after.id && m_last->after.version == sent.after.version;
    if (settled && same)
        m_last.reset();
    setBusy(false);
    if (result)
        emit undone(result.value());
    else
        emit undoRefused(sent.after.id, result.error(), sent.after.title);
}

void ProductUndoController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    const bool could = canUndo();
    m_busy = busy;
    if (could != canUndo())
        emit undoAvailableChanged(canUndo());
}

void ProductUndoController::setLast(std::optional<catalog::ProductEdit> last)
{
    const bool could = canUndo();
    m_last = std::move(last);
    m_undoKey = m_last ? u"undo-product-edit-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) : QString();
    if (could != canUndo())
        emit undoAvailableChanged(canUndo());
}

} // namespace souk
