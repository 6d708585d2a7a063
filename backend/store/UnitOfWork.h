#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <unordered_map>

#include "backend/core/Actor.h"
#include "backend/core/Id.h"
#include "backend/store/Change.h"

namespace souk::store {

/// Prepared statements of one connection, by SQL text. Owned by the thread of that connection.
using StatementCache = std::unordered_map<QString, std::unique_ptr<QSqlQuery>>;

/// One command's view of the open write transaction: the connection, the actor, the time, new
/// ids, and the change-feed rows it records. Created by the engine's writer thread for each
/// command and used only there; services never begin or commit transactions themselves.
class UnitOfWork final
{
    Q_DISABLE_COPY_MOVE(UnitOfWork)
public:
    UnitOfWork(QSqlDatabase& db, StatementCache& statements, IdGenerator& ids, Actor actor, qint64 nowMs);

    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase& db() { return m_db; }
    const Actor& actor() const { return m_actor; }
    qint64 nowMs() const { return m_nowMs; }
    Id newId() { return m_ids.next(); }

    /// A prepared statement, cached for the writer connection's lifetime (bindings reset by the caller).
    QSqlQuery& statement(const QString& sql);

    /// Notes that an entity changed; the engine writes the feed row before commit.
    void recordChange(const QString& entity, Id id, qint64 version, ChangeOp op);
    const ChangeList& changes() const { return m_changes; }
    void discardChanges(qsizetype keep) { m_changes.resize(keep); }

    /// Reports progress of a long command (rows done of total) and asks whether to go on.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

private:
    QSqlDatabase& m_db;
    StatementCache& m_statements;
    IdGenerator& m_ids;
    Actor m_actor;
    qint64 m_nowMs;
    ChangeList m_changes;
};

} // namespace souk::store
