#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <optional>

#include "backend/core/Error.h"
#include "models/people/RequestKey.h"
#include "models/risk/RiskRights.h"
#include "models/risk/RuleCheck.h"

class QLabel;
class QLineEdit;
class QLayout;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace souk {

class BacktestPanel;
class Client;
class Clock;
class MessageBar;
class RuleSetListModel;

/// The Risk page's Rules tab: every rule set version on the left, newest first; the selected
/// version's text on the right in an editor that parses as the user types (problems listed under
/// it with line and column, the line highlighted; Save waits until it parses). "Save as draft"
/// (Ctrl+S) saves the text as a new draft; Activate / Restore and Run in shadow / Stop shadow act
/// on the selected version. After a command the list is read again and the affected version
/// stays selected. A principal who may only read sees the text read-only. GUI thread; every read
/// and write goes through the Client.
class RulesTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesTab)
public:
    static constexpr int CheckDelayMs = 300; ///< typing pauses this long before the text is parsed

    /// `messageBar` is the page's; it must outlive the tab.
    /// `clock` (today, for the backtest's days) must outlive the tab.
    RulesTab(Client& client, const Clock& clock, MessageBar& messageBar, QWidget* parent = nullptr);
    RuleSetListModel* model() const { return m_model; }
    /// The version shown in the editor, 0 for none (a new rule set).
    qint64 currentVersion() const { return m_version; }
    /// The problems of the text as last parsed.
    const QList<RuleIssue>& issues() const { return m_issues; }
    /// The lists rules may name (from the Lists tab); the text is parsed again.
    void setListNames(const QStringList& names);
    /// Null when the principal may not backtest.
    BacktestPanel* backtestPanel() const { return m_backtest; }

signals:
    /// A command (save, activate, shadow) was answered and the list read again.
    void commandDone();

private:
    QWidget* buildEditorColumn(const Clock& clock);
    QLayout* buildCommandRows();
    void onLoaded();
    void goToProblem(QListWidgetItem* item);
    /// The editor's text when it parses and is not empty, for a backtest.
    std::optional<QString> textToTest();
    void onCurrentChanged();
    void showVersion(int row);
    void selectVersion(qint64 version);
    void scheduleCheck();
    void checkNow();
    void showIssues();
    void updateActions();
    bool isModified() const;
    bool confirmDiscard();
    void save();
    void activate();
    void toggleShadow();
    void afterCommand(qint64 version, const QString& success);
    void showCommandError(const Error& error);
    void markLines(const QList<RuleIssue>& issues);

    Client& m_client;
    MessageBar& m_messageBar;
    RiskRights m_rights;
    RuleSetListModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_emptyHint = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    QLabel* m_parseStatus = nullptr;
    QListWidget* m_problems = nullptr;
    QLineEdit* m_note = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_activate = nullptr;
    QPushButton* m_shadow = nullptr;
    BacktestPanel* m_backtest = nullptr;
    QTimer m_checkTimer;
    QStringList m_listNames;
    QList<RuleIssue> m_issues;
    bool m_checked = false;     ///< m_issues describe the editor's text as it is
    qint64 m_version = 0;       ///< the version in the editor
    QString m_baseText;         ///< its stored text: the editor differs from it when modified
    qint64 m_pendingSelect = 0; ///< the version to select when the list is read again
    bool m_busy = false;        ///< a command is under way
    RequestKey m_saveKey{QStringLiteral("ruleset-save-")};
};

} // namespace souk
