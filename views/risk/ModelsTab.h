#pragma once

#include <QTimer>
#include <QWidget>

#include "backend/client/Client.h"
#include "models/people/RequestKey.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QShortcut;
class QStackedWidget;
class QTableView;

namespace souk {

class Clock;
class MessageBar;
class ModelChartsPanel;
class ModelListModel;
class ModelSummaryPanel;

/// The Risk page's Models tab: every trained scoring model, newest first, with the selected one's
/// confusion counts beside the list and its ROC and precision-recall curves under both, another model
/// overlaid for comparison (the active one unless the user picks another). "Train model…" asks for
/// a kind and a cut-off and trains with a progress bar and Cancel (Escape); the new version is then
/// selected. "Activate" and "Stop scoring" ask first, naming the change. Buttons a principal may
/// not use are hidden. GUI thread; every read and write goes through the Client.
class ModelsTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelsTab)
public:
    static constexpr int ProgressPollMs = 100; ///< how often the progress bar reads the training's count

    /// `messageBar` is the page's and `clock` gives the default cut-off; both must outlive the tab.
    ModelsTab(Client& client, MessageBar& messageBar, const Clock& clock, QWidget* parent = nullptr);
    ModelListModel* model() const { return m_model; }
    ModelChartsPanel* charts() const { return m_charts; }
    /// The version shown on the right, 0 for none.
    qint64 currentVersion() const { return m_version; }
    bool isTraining() const { return m_training != nullptr; }

    /// Opens the training dialog (what "Train model…" does).
    void openTrainDialog();
    /// Asks a training to stop (Cancel, Escape); nothing is kept.
    void cancelTraining();

signals:
    /// A training or an activation was answered (and the list read again when it succeeded).
    void commandDone();

private:
    void onLoaded();
    void onCurrentChanged();
    void selectVersion(qint64 version);
    void fillCompareCombo();
    void showCharts();
    void updateActions();
    void train(const QString& kind, qint64 untilMs, const QString& key);
    void pollProgress();
    void finishTraining(const Result<risk::ModelVersion>& result);
    void activate(qint64 version);
    void showCommandError(const Error& error);

    Client& m_client;
    MessageBar& m_messageBar;
    const Clock& m_clock;
    bool m_mayTrain = false;
    bool m_mayActivate = false;
    ModelListModel* m_model = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyText = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_compare = nullptr;
    ModelChartsPanel* m_charts = nullptr;
    ModelSummaryPanel* m_summary = nullptr;
    QPushButton* m_train = nullptr;
    QPushButton* m_emptyTrain = nullptr;
    QPushButton* m_activate = nullptr;
    QPushButton* m_stop = nullptr;
    QWidget* m_progressRow = nullptr;
    QLabel* m_progressText = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QShortcut* m_escape = nullptr; ///< cancels; enabled only while training, so Escape is free otherwise
    QTimer m_progressTimer;
    TaskProgressPtr m_training; ///< the training under way, null when none
    RequestKey m_activateKey{QStringLiteral("risk-model-activate-")};
    qint64 m_version = 0;
    qint64 m_pendingSelect = 0; ///< selected once the list has been read again
};

} // namespace souk
