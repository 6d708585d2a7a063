#pragma once

#include <QDialog>

#include "backend/core/Id.h"

class QLabel;
class QStackedWidget;
class QTableView;

namespace souk {

class Client;
class MessageBar;
class MovementModel;
struct Error;

/// The stock journal of one SKU, newest first, updating live as stock moves. Read-only.
/// objectName "movementHistoryDialog"; owns its MovementModel; GUI thread.
class MovementHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MovementHistoryDialog)
public:
    MovementHistoryDialog(Client& client, Id variantId, const QString& sku, QWidget* parent = nullptr);

    MovementModel* model() const { return m_model; }

private:
    void updateState();
    void onLoadFailed(const Error& error);

    MovementModel* m_model = nullptr;
    MessageBar* m_messageBar = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QLabel* m_countLabel = nullptr;
    bool m_failed = false;
};

} // namespace souk
