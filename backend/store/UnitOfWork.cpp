#include "backend/store/UnitOfWork.h"

namespace souk::store {

UnitOfWork::UnitOfWork(QSqlDatabase& db, StatementCache& statements, IdGenerator& ids, Actor actor,
                       qint64 nowMs)
    : m_db(db), m_statements(statements), m_ids(ids), m_actor(std::move(actor)), m_nowMs(nowMs)
{
}

QSqlQuery& UnitOfWork::statement(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto q = std::make_unique<QSqlQuery>(m_db);
        q->setForwardOnly(true);
        q->prepare(sql); // a failed prepare surfaces as an error on exec()
        it = m_statements.emplace(sql, std::move(q)).first;
    }
    return *it->second;
}

void UnitOfWork::recordChange(const QString& entity, Id id, qint64 version, ChangeOp op)
{
    m_changes.append(Change{0, entity, id, version, op, m_actor.toString(), m_nowMs});
}

} // namespace souk::store
