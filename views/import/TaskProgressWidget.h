#pragma once

#include <QWidget>

#include "backend/client/Client.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace souk {

/// A progress bar and a Cancel button for one long client command (planImport, runImport).
/// The engine writes a TaskProgress from its thread; this widget polls it on a timer (the
/// struct has no signal) and sets cancelRequested when the user cancels. Child widgets are
/// named "<prefix>ProgressBar" and "<prefix>CancelButton" ("progressBar" and "cancelButton"
/// when the prefix is empty). GUI thread.
class TaskProgressWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskProgressWidget)
public:
    explicit TaskProgressWidget(const QString& namePrefix = {}, QWidget* parent = nullptr);

    /// A fresh progress to hand to the client; shows the bar and starts polling.
    TaskProgressPtr start(const QString& text);
    /// Stops polling and hides the widget; the progress is forgotten.
    void stop();
    /// Asks the task under way, if any, to stop. Safe to call at any time.
    void requestCancel();
    bool isRunning() const { return m_progress != nullptr; }

signals:
    void cancelClicked();

private:
    void poll();

    TaskProgressPtr m_progress;
    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QTimer* m_timer = nullptr;
};

} // namespace souk
