#pragma once

#include <QGroupBox>
#include <QTimer>

#include <functional>

#include "backend/client/Client.h"

class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace souk {

class Clock;
class MessageBar;

/// "Backtest" under the rule editor: what the editor's rules would have done to the stored
/// payments of a date range (From and To, local days, both included): how many it would have
/// blocked and sent to review, of which fraud, disputed and refunded, the approved revenue it
/// would have stopped per currency (fraud and legitimate), and each rule's hits. Runs on the
/// engine's readers with a progress bar and Cancel. Owned by the Rules tab; GUI thread.
class BacktestPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BacktestPanel)
public:
    static constexpr int DefaultDays = 30;
    static constexpr int ProgressTickMs = 100;

    /// `clock` (today, for the default range) and `messageBar` must outlive the panel;
    /// `rulesText` gives the text to test when Run is pressed, or nothing to refuse (it does not parse).
    BacktestPanel(Client& client, const Clock& clock, MessageBar& messageBar,
                  std::function<std::optional<QString>()> rulesText, QWidget* parent = nullptr);
    bool isRunning() const { return m_progress != nullptr; }

signals:
    /// A run ended: answered, failed or cancelled.
    void finished();

private:
    void run();
    void cancel();
    void tick();
    void show(const risk::BacktestResult& result);
    void setRunning(bool running);

    Client& m_client;
    MessageBar& m_messageBar;
    std::function<std::optional<QString>()> m_rulesText;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_bar = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_hits = nullptr;
    QTimer m_tick;
    TaskProgressPtr m_progress;
};

} // namespace souk
