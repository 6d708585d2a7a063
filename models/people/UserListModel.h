#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "backend/auth/User.h"
#include "backend/core/Change.h"
#include "backend/core/Error.h"

class QTimer;

namespace souk {

class Client;

/// The store's users as the principal may see them (an owner its merchant's, an admin everyone),
/// sorted by name. A read brings the whole list (people are few) and is applied row by row: new
/// users are inserted, changed ones updated in place, gone ones removed, so a selection stays
/// where it was. Reads again, at most once per ReloadDelayMs, when the change feed carries a user
/// or an API key, and after a sign-in. Owned by its page; GUI thread.
class UserListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserListModel)
public:
    enum Column
    {
        Name,
        Role,
        TwoStep,
        State,
        LastSignIn,
        FailedSignIns,
        ColumnCount
    };
    enum DataRole
    {
        RawRole = Qt::UserRole, ///< unformatted: the name, int role, bools, qint64 times (0: never), int count
        IdRole,                 ///< the user id as qint64
    };

    static constexpr int ReloadDelayMs = 300; ///< a burst of changes costs one read

    explicit UserListModel(Client& client, QObject* parent = nullptr);

    /// Reads the users again (once more after the read on its way, if one is).
    void reload();
    bool isLoading() const { return m_inFlight; }
    /// A read has come in since the model was made (an empty list too).
    bool hasLoaded() const { return m_loaded; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const auth::User* userAt(int row) const;
    /// The row of a user, or -1.
    int rowOf(Id userId) const;

signals:
    /// A read is in and its rows are applied.
    void loaded();
    /// A read failed; the rows shown stay as they were.
    void loadFailed(const souk::Error& error);

private:
    void onChanges(const souk::ChangeList& changes);
    void apply(const QList<auth::User>& fresh);
    QVariant displayData(const auth::User& user, int column) const;
    QVariant rawData(const auth::User& user, int column) const;

    Client& m_client;
    std::vector<auth::User> m_rows; ///< sorted as the store sorts them: by name
    QTimer* m_reloadSoon = nullptr;
    int m_generation = 0; ///< bumps when the principal changes: older answers are dropped
    bool m_inFlight = false;
    bool m_again = false; ///< asked again while a read was on its way
    bool m_loaded = false;
};

} // namespace souk
