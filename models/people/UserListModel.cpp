#include "models/people/UserListModel.h"

#include <QBrush>
#include <QLocale>
#include <QSet>
#include <QTimer>

#include <utility>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/Theme.h"
#include "models/people/UserText.h"

using namespace Qt::StringLiterals;
using souk::auth::User;

namespace souk {
namespace {

/// Whether anything a row shows differs (the version alone misses sign-in counters).
bool sameRow(const User& a, const User& b)
{
    return a.version == b.version && a.name == b.name && a.role == b.role && a.totpEnabled == b.totpEnabled &&
           a.failedSignIns == b.failedSignIns && a.lastSignInMs == b.lastSignInMs && a.disabledMs == b.disabledMs &&
           a.mustChangePassword == b.mustChangePassword;
}

} // namespace

UserListModel::UserListModel(Client& client, QObject* parent) : QAbstractTableModel(parent), m_client(client)
{
    m_reloadSoon = new QTimer(this);
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(ReloadDelayMs);
    connect(m_reloadSoon, &QTimer::timeout, this, &UserListModel::reload);
    connect(&m_client, &Client::changed, this, &UserListModel::onChanges);
    // someone else at the console: nothing of what the last one saw stays, then read what this
    // one may see (an owner its merchant's people, nobody none)
    connect(&m_client, &Client::principalChanged, this, [this] {
        ++m_generation; // a read on its way was asked as the one before
        beginResetModel();
        m_rows.clear();
        endResetModel();
        m_loaded = false;
        reload();
    });
}

void UserListModel::onChanges(const ChangeList& changes)
{
    for (const Change& c : changes) {
        // a key's change touches its user's row too (disabling a user revokes its keys)
        if (c.entity == u"user"_s || c.entity == u"api_key"_s) {
            if (!m_reloadSoon->isActive())
                m_reloadSoon->start(); // not restarted: steady sign-ins must not put it off for ever
            return;
        }
    }
}

void UserListModel::reload()
{
    m_reloadSoon->stop();
    if (m_inFlight) {
        m_again = true; // the answer on its way may predate the change: read once more after it
        return;
    }
    m_inFlight = true;
    const int generation = m_generation;
    onReady(m_client.users(), this, [this, generation](const Result<QList<User>>& users) {
        m_inFlight = false;
        if (generation != m_generation) {
            m_again = false;
            return reload(); // what the one before could see: ask again as the one now
        }
        if (users)
            apply(*users);
        else
            emit loadFailed(users.error());
        if (std::exchange(m_again, false))
            return reload();
        if (users) {
            m_loaded = true;
            emit loaded();
        }
    });
}

void UserListModel::apply(const QList<User>& fresh)
{
    QSet<qint64> wanted;
    for (const User& u : fresh)
        wanted.insert(u.id.value);
    for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
        if (!wanted.contains(m_rows[size_t(r)].id.value)) {
            beginRemoveRows({}, r, r);
            m_rows.erase(m_rows.begin() + r);
            endRemoveRows();
        }
    }
    // what is left is in the fresh list's order (both sorted by name, and names never change):
    // walk both, updating rows that are there and inserting the ones that are not
    for (int i = 0; i < fresh.size(); ++i) {
        const User& u = fresh[i];
        if (i < int(m_rows.size()) && m_rows[size_t(i)].id == u.id) {
            if (!sameRow(m_rows[size_t(i)], u)) {
                m_rows[size_t(i)] = u;
                emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
            continue;
        }
        if (rowOf(u.id) >= 0) { // the order differs after all (a store that sorts otherwise): start over
            beginResetModel();
            m_rows.assign(fresh.cbegin(), fresh.cend());
            endResetModel();
            return;
        }
        beginInsertRows({}, i, i);
        m_rows.insert(m_rows.begin() + i, u);
        endInsertRows();
    }
}

int UserListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UserListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const User* UserListModel::userAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

int UserListModel::rowOf(Id userId) const
{
    for (size_t r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].id == userId)
            return int(r);
    }
    return -1;
}

QVariant UserListModel::data(const QModelIndex& index, int role) const
{
    const User* user = index.isValid() ? userAt(index.row()) : nullptr;
    if (!user || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*user, index.column());
    case RawRole:
        return rawData(*user, index.column());
    case IdRole:
        return user->id.value;
    case Qt::TextAlignmentRole:
        if (index.column() == FailedSignIns)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        // a disabled user is history: the row steps back, the palette's muted text on every theme
        if (user->isDisabled())
            return QBrush(theme::applicationPalette().color(QPalette::PlaceholderText));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == State && user->disabledMs)
            //: %1 is a date and time
            return tr("Disabled on %1: cannot sign in, and its API keys are revoked.")
                .arg(UserText::timeOr(user->disabledMs, {}));
        if (index.column() == State && user->mustChangePassword)
            return tr("Has a one-time password: chooses their own at the next sign-in.");
        if (index.column() == Role)
            return UserText::roleDescription(user->role);
        if (index.column() == FailedSignIns && user->failedSignIns > 0)
            return tr("Wrong passwords or codes since the last sign-in; many in a row pause sign-in for a while.");
        return {};
    default:
        return {};
    }
}

QVariant UserListModel::displayData(const User& user, int column) const
{
    switch (column) {
    case Name:
        return user.name;
    case Role:
        return UserText::role(user.role);
    case TwoStep:
        return UserText::twoStep(user.totpEnabled);
    case State:
        return UserText::userState(user.isDisabled());
    case LastSignIn:
        return UserText::timeOr(user.lastSignInMs, UserText::never());
    case FailedSignIns:
        return QLocale().toString(user.failedSignIns);
    default:
        return {};
    }
}

QVariant UserListModel::rawData(const User& user, int column) const
{
    switch (column) {
    case Name:
        return user.name;
    case Role:
        return int(user.role);
    case TwoStep:
        return user.totpEnabled;
    case State:
        return user.isDisabled();
    case LastSignIn:
        return user.lastSignInMs.value_or(0);
    case FailedSignIns:
        return user.failedSignIns;
    default:
        return {};
    }
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name", "user name");
    case Role:
        return tr("Role", "user role");
    //: whether the user signs in with a code from an authenticator app too
    case TwoStep:
        return tr("Two-step");
    case State:
        return tr("State", "user active or disabled");
    case LastSignIn:
        return tr("Last sign-in");
    case FailedSignIns:
        return tr("Failed sign-ins");
    default:
        return {};
    }
}

} // namespace souk
