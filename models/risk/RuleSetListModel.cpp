#include "models/risk/RuleSetListModel.h"

#include <QFont>
#include <QSet>

#include "backend/client/Client.h"
#include "backend/core/Async.h"
#include "models/common/Format.h"
#include "models/risk/RiskText.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

const QString RuleSetEntity = u"risk_ruleset"_s;

bool sameRow(const risk::RuleSetVersion& a, const risk::RuleSetVersion& b)
{
    return a.version == b.version && a.status == b.status && a.shadow == b.shadow && a.note == b.note &&
           a.text == b.text && a.activatedMs == b.activatedMs && a.createdBy == b.createdBy;
}

} // namespace

RuleSetListModel::RuleSetListModel(Client& client, QObject* parent) : QAbstractTableModel(parent), m_client(client)
{
    connect(&m_client, &Client::changed, this, &RuleSetListModel::onChanges);
}

void RuleSetListModel::reload()
{
    const int generation = ++m_generation;
    onReady(m_client.ruleSets(), this, [this, generation](const Result<QList<risk::RuleSetVersion>>& result) {
        if (generation != m_generation)
            return; // a newer read is under way: it answers
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

void RuleSetListModel::merge(const QList<risk::RuleSetVersion>& versions)
{
    QSet<qint64> incoming;
    for (const risk::RuleSetVersion& v : versions)
        incoming.insert(v.version);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) { // versions are never deleted; still, follow
        if (!incoming.contains(m_rows[row].version)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    // both lists are newest first and what is shown is now a subset of `versions`
    for (int i = 0; i < versions.size(); ++i) {
        const risk::RuleSetVersion& v = versions[i];
        if (i < m_rows.size() && m_rows[i].version == v.version) {
            if (!sameRow(m_rows[i], v)) {
                m_rows[i] = v;
                emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, i, i);
        m_rows.insert(i, v);
        endInsertRows();
    }
}

void RuleSetListModel::onChanges(const ChangeList& changes)
{
    for (const Change& c : changes) {
        if (c.entity == RuleSetEntity) {
            reload(); // one read for the batch: the whole list is a few rows
            return;
        }
    }
}

int RuleSetListModel::rowOf(qint64 version) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].version == version)
            return i;
    }
    return -1;
}

qint64 RuleSetListModel::activeVersion() const
{
    for (const risk::RuleSetVersion& r : m_rows) {
        if (r.status == u"active")
            return r.version;
    }
    return 0;
}

int RuleSetListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RuleSetListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RuleSetListModel::display(const risk::RuleSetVersion& r, int column) const
{
    switch (column) {
    case Version:
        return QString::number(r.version);
    case State:
        //: a draft evaluated beside the active rules, acting on nothing; %1 is "Draft"
        return r.shadow ? tr("%1 · shadow").arg(RiskText::ruleSetStatus(r.status)) : RiskText::ruleSetStatus(r.status);
    case Note:
        return r.note;
    case Author:
        return r.createdBy;
    case Created:
        return formatDateTime(r.createdMs);
    }
    return {};
}

QVariant RuleSetListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const risk::RuleSetVersion& r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Note)
            return r.note;
        if (index.column() == State && r.shadow)
            return tr("Runs in shadow: judged beside the active rules on live payments, acting on nothing.");
        return {};
    case Qt::FontRole:
        if (r.status == u"active") {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case RawRole:
        switch (index.column()) {
        case Version:
            return r.version;
        case State:
            return r.status;
        case Note:
            return r.note;
        case Author:
            return r.createdBy;
        case Created:
            return r.createdMs;
        }
        return {};
    case VersionRole:
        return r.version;
    }
    return {};
}

QVariant RuleSetListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Version:
        return tr("Version", "rule set column");
    case State:
        return tr("State", "rule set column");
    case Note:
        return tr("Note", "rule set column");
    case Author:
        return tr("By", "rule set column: who saved it");
    case Created:
        return tr("Saved", "rule set column: when");
    }
    return {};
}

} // namespace souk
