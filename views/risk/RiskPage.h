#pragma once

#include <QWidget>

class QTabWidget;

namespace souk {

class Client;
class Clock;
class ListsTab;
class MessageBar;
class RulesTab;

/// The Risk page: the rule sets (Rules tab) and the lists rules name (Lists tab), with one
/// message bar for what the engine answers. Shown to a principal who may read the rules; each
/// write button only to one who may run it (support keeps lists but reads rules only). GUI
/// thread; every read and write goes through the Client.
class RiskPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RiskPage)
public:
    /// `clock` (today, for a backtest's days) must outlive the page.
    RiskPage(Client& client, const Clock& clock, QWidget* parent = nullptr);
    RulesTab* rulesTab() const { return m_rules; }
    /// Null when the principal may not read the lists.
    ListsTab* listsTab() const { return m_lists; }
    MessageBar* messageBar() const { return m_messageBar; }

private:
    MessageBar* m_messageBar = nullptr;
    QTabWidget* m_tabs = nullptr;
    RulesTab* m_rules = nullptr;
    ListsTab* m_lists = nullptr;
};

} // namespace souk
