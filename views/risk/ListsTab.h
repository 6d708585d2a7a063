#pragma once

#include <QWidget>

#include "models/risk/RiskRights.h"

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QStringListModel;
class QTableView;

namespace souk {

class Client;
class MessageBar;
class RiskListModel;

/// The Risk page's Lists tab: every list on the left (name, kind, entries, description) with
/// "New list…"; the selected list's values on the right with a filter, "Add values…" (many,
/// one a line) and "Remove selected" (after a confirmation with the count; also the Delete key).
/// Write buttons are there only for a principal who may run them. Failures go to the page's
/// message bar. GUI thread; every read and write goes through the Client.
class ListsTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListsTab)
public:
    /// `messageBar` is the page's; it must outlive the tab.
    ListsTab(Client& client, MessageBar& messageBar, QWidget* parent = nullptr);
    RiskListModel* model() const { return m_model; }
    /// The list whose values are shown, or an empty string.
    QString currentList() const { return m_current; }
    /// The values shown now (all of the list's, before the filter).
    QStringList values() const;

signals:
    /// The lists were read again (rules may name them; the Rules tab's parser is told).
    void listsLoaded(const QStringList& names);
    /// The values of the current list were read (after a selection or a command).
    void valuesLoaded();

private:
    void onCurrentChanged();
    void loadValues();
    void selectList(const QString& name);
    void newList();
    void addValues();
    void removeSelected();
    void updateActions();

    Client& m_client;
    MessageBar& m_messageBar;
    RiskRights m_rights;
    RiskListModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_newList = nullptr;
    QStackedWidget* m_right = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_description = nullptr;
    QLineEdit* m_filter = nullptr;
    QStringListModel* m_values = nullptr;
    QSortFilterProxyModel* m_filtered = nullptr;
    QListView* m_valuesView = nullptr;
    QLabel* m_count = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QString m_current;
    QString m_pendingSelect; ///< a list to select once the lists are read again
    int m_valuesGeneration = 0;
};

} // namespace souk
