#include "views/catalog/BulkEditController.h"

#include <algorithm>
#include <limits>

#include <QUuid>
#include <QWidget>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/catalog/CatalogText.h"
#include "views/common/Dialogs.h"
#include "views/common/MessageBar.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

using Kind = catalog::BulkEdit::Kind;

int clampToInt(qint64 n)
{
    return int(std::clamp<qint64>(n, 0, std::numeric_limits<int>::max()));
}

} // namespace

QString BulkEditController::productsText(int n)
{
    return tr("%Ln product(s)", nullptr, n);
}

QString BulkEditController::variantsText(int n)
{
    return tr("%Ln variant(s)", nullptr, n);
}

BulkEditController::BulkEditController(Client& client, MessageBar* messageBar, QWidget* dialogParent)
    : QObject(dialogParent), m_client(client), m_messageBar(messageBar), m_dialogParent(dialogParent)
{}

QString BulkEditController::question(const catalog::BulkEdit& edit, qint64 variantCount) const
{
    const QString products = productsText(int(edit.productIds.size()));
    const QString variants = variantsText(clampToInt(variantCount));
    switch (edit.kind) {
    case Kind::SetStatus:
        //: %1 = "120 products", %2 = a status such as "Archived"
        return tr("Set the status of %1 to \u201c%2\u201d?").arg(products, CatalogText::status(edit.status));
    case Kind::SetCategory:
        if (edit.category.isEmpty())
            return tr("Remove the category of %1?").arg(products);
        return tr("Move %1 to the category \u201c%2\u201d?").arg(products, edit.category);
    case Kind::AdjustPriceByAmount:
    case Kind::AdjustPriceByPercent:
        break;
    }
    //: %1 = "1,234 variants", %2 = "120 products"
    return tr("Change the price of %1 in %2?").arg(variants, products);
}

void BulkEditController::run(const catalog::BulkEdit& edit, qint64 variantCount)
{
    if (m_busy || edit.productIds.isEmpty())
        return;
    if (!Dialogs::confirm(m_dialogParent, tr("Bulk edit"), question(edit, variantCount), tr("&Change")))
        return;
    setBusy(true);
    m_messageBar->showInfo(tr("Applying the bulk edit\u2026"));
    // one key per confirmed edit: the confirmation is the user's action, and m_busy keeps a
    // second one from starting while this runs
    const QString key = u"bulk-edit-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    onReady(m_client.bulkEdit(edit, key), this, [this](const Result<catalog::BulkResult>& result) { onDone(result); });
}

QString BulkEditController::doneText(const catalog::BulkResult& result) const
{
    const QString products = productsText(result.productsChanged());
    switch (result.edit.kind) {
    case Kind::SetStatus:
        return tr("Set the status of %1 to \u201c%2\u201d.").arg(products, CatalogText::status(result.edit.status));
    case Kind::SetCategory:
        if (result.edit.category.isEmpty())
            return tr("Removed the category of %1.").arg(products);
        return tr("Moved %1 to the category \u201c%2\u201d.").arg(products, result.edit.category);
    case Kind::AdjustPriceByAmount:
    case Kind::AdjustPriceByPercent:
        break;
    }
    const QString variants = variantsText(result.variantsChanged());
    return tr("Changed the price of %1 in %2.").arg(variants, products);
}

void BulkEditController::onDone(const Result<catalog::BulkResult>& result)
{
    setBusy(false);
    if (!result) {
        m_messageBar->showError(result.error());
        return;
    }
    setLast(result.value());
    m_messageBar->showSuccess(doneText(result.value()));
    m_messageBar->setAction(tr("&Undo", "undo the bulk edit"), [this] { undo(); });
}

void BulkEditController::undo()
{
    if (!canUndo())
        return;
    setBusy(true);
    m_messageBar->showInfo(tr("Undoing the bulk edit\u2026"));
    onReady(m_client.undoBulkEdit(*m_last, m_undoKey), this,
            [this](const Result<catalog::BulkResult>& result) { onUndone(result); });
}

void BulkEditController::forget()
{
    if (!m_busy) // an undo on its way keeps its edit until it answers
        setLast(std::nullopt);
}

void BulkEditController::onUndone(const Result<catalog::BulkResult>& result)
{
    setBusy(false);
    if (!result && result.error().code == ErrorCode::VersionConflict) {
        // the snapshot is stale for good: offering Undo again would only fail again
        setLast(std::nullopt);
        m_messageBar->showError(tr("The bulk edit cannot be undone: some of these products were changed after it. "
                                   "Nothing was undone."),
                                result.error().message);
        return;
    }
    if (!result) {
        m_messageBar->showError(result.error());
        return;
    }
    setLast(std::nullopt);
    const QString products = productsText(int(result->after.products.size()));
    m_messageBar->showSuccess(tr("Undid the bulk edit: %1 restored.").arg(products));
}

void BulkEditController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    const bool couldUndo = canUndo();
    m_busy = busy;
    emit busyChanged(busy);
    if (couldUndo != canUndo())
        emit undoAvailableChanged(canUndo());
}

void BulkEditController::setLast(std::optional<catalog::BulkResult> last)
{
    const bool couldUndo = canUndo();
    m_last = std::move(last);
    m_undoKey = m_last ? u"undo-bulk-edit-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) : QString();
    if (couldUndo != canUndo())
        emit undoAvailableChanged(canUndo());
}

} // namespace souk
