#include "backend/store/UnitOfWork.h"

namespace souk::store {

UnitOfWork::UnitOfWork(QSqlDatabase& db, StatementCache& statements, IdGenerator& ids, Actor actor,
                       qint64 nowMs, LookupCache* lookups)
    : m_db(db), m_statements(statements), m_lookups(lookups), m_ids(ids), m_actor(std::move(actor)), m_nowMs(nowMs)
{
}

Statement& UnitOfWork::statement(const QString& sql)
{
    return m_statements.get(m_db, sql);
}

void UnitOfWork::recordChange(const QString& entity, Id id, qint64 version, ChangeOp op)
{
    const auto key = std::pair(entity, id.value);
    const auto it = m_changeIndex.constFind(key);
    if (it != m_changeIndex.constEnd()) {
        Change& c = m_changes[*it];
        c.version = std::max(c.version, version);
        if (op != ChangeOp::Updated)
            c.op = op;
        return;
    }
    m_changeIndex.insert(key, m_changes.size());
    m_changes.append(Change{0, entity, id, version, op, m_actor.toString(), m_nowMs});
}

} // namespace souk::store

namespace souk::store {

void UnitOfWork::addFinisher(const QString& key, std::function<Status()> finisher)
{
    for (const auto& f : m_finishers) {
        if (f.first == key)
            return;
    }
    m_finishers.append({key, std::move(finisher)});
}

Status UnitOfWork::runFinishers()
{
    // a finisher may register another (it runs too): index, not iterator
    for (qsizetype i = 0; i < m_finishers.size(); ++i) {
        if (auto s = m_finishers[i].second(); !s)
            return s;
    }
    return {};
}

} // namespace souk::store
