#include "models/risk/RiskListModel.h"

#include <QSet>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/Format.h"
#include "models/risk/RiskText.h"

using namespace Qt::StringLiterals;

namespace souk {

RiskListModel::RiskListModel(Client& client, QObject* parent) : QAbstractTableModel(parent), m_client(client) {}

void RiskListModel::reload()
{
    const int generation = ++m_generation;
    onReady(m_client.riskLists(), this, [this, generation](const Result<QList<risk::RiskList>>& result) {
        if (generation != m_generation)
            return;
        m_loaded = true;
        if (!result) {
            m_loadError = result.error();
            emit loaded();
            return;
        }
        m_loadError.reset();
        merge(*result);
        emit loaded();
    });
}

void RiskListModel::merge(const QList<risk::RiskList>& lists)
{
    QSet<QString> incoming;
    for (const risk::RiskList& l : lists)
        incoming.insert(l.name);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_rows[row].name)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (int i = 0; i < lists.size(); ++i) { // both sorted by name; what is shown is a subset
        const risk::RiskList& l = lists[i];
        if (i < m_rows.size() && m_rows[i].name == l.name) {
            const risk::RiskList& old = m_rows[i];
            if (old.entries != l.entries || old.kind != l.kind || old.description != l.description) {
                m_rows[i] = l;
                emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, i, i);
        m_rows.insert(i, l);
        endInsertRows();
    }
}

int RiskListModel::rowOf(const QString& name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].name == name)
            return i;
    }
    return -1;
}

QStringList RiskListModel::names() const
{
    QStringList out;
    for (const risk::RiskList& l : m_rows)
        out.append(l.name);
    return out;
}

int RiskListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RiskListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RiskListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const risk::RiskList& l = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return QString(u"@"_s + l.name); // as a rule names it
        case Kind:
            return RiskText::listKind(l.kind);
        case Entries:
            return formatQuantity(l.entries);
        case Description:
            return l.description;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == Description ? QVariant(l.description) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Entries ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case RawRole:
        switch (index.column()) {
        case Name:
            return l.name;
        case Kind:
            return l.kind;
        case Entries:
            return l.entries;
        case Description:
            return l.description;
        }
        return {};
    case NameRole:
        return l.name;
    }
    return {};
}

QVariant RiskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("List", "risk list column");
    case Kind:
        return tr("Holds", "risk list column: the kind of values");
    case Entries:
        return tr("Entries", "risk list column");
    case Description:
        return tr("Description", "risk list column");
    }
    return {};
}

} // namespace souk
