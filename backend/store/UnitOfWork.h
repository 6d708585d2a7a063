#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <unordered_map>

#include "backend/core/Actor.h"
#include "backend/core/Id.h"
#include "backend/core/Result.h"
#include "backend/core/Change.h"
#include "backend/store/Statement.h"

namespace souk::store {

class LookupCache;


/// One command's view of the open write transaction: the connection, the actor, the time, new
/// ids, and the change-feed rows it records. Created by the engine's writer thread for each
/// command and used only there; services never begin or commit transactions themselves.
class UnitOfWork final
{
    Q_DISABLE_COPY_MOVE(UnitOfWork)
public:
    UnitOfWork(QSqlDatabase& db, StatementCache& statements, IdGenerator& ids, Actor actor, qint64 nowMs,
               LookupCache* lookups = nullptr);

    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase& db() { return m_db; }
    const Actor& actor() const { return m_actor; }
    qint64 nowMs() const { return m_nowMs; }
    Id newId() { return m_ids.next(); }
    /// Every id made from now on is greater than `id` (one written by another node).
    void advanceIdsPast(Id id) { m_ids.advancePast(id); }

    /// A prepared statement, cached for the writer connection's lifetime (bindings reset by the caller).
    Statement& statement(const QString& sql);
    /// The writer's cache of reference rows (see LookupCache), or null: then read every time.
    LookupCache* lookups() { return m_lookups; }

    /// Notes that an entity changed; the engine writes the feed row before commit. One row per
    /// entity and command: a later note of the same entity updates its version (and keeps
    /// Created/Deleted over Updated).
    void recordChange(const QString& entity, Id id, qint64 version, ChangeOp op);
    const ChangeList& changes() const { return m_changes; }

    /// Registers work to run once when the command's own work has succeeded, before its
    /// savepoint is released (e.g. syncing a search index in one statement instead of one per
    /// row). Registering the same `key` again keeps the first. A failing finisher fails the command.
    void addFinisher(const QString& key, std::function<Status()> finisher);
    /// Runs the finishers in registration order; the engine calls this.
    Status runFinishers();

    /// Per-command state shared by the calls of one service (e.g. ids to index at the end),
    /// created empty on first use under `key`.
    template <typename T>
    std::shared_ptr<T> attachment(const QString& key)
    {
        auto& slot = m_attachments[key];
        if (!slot)
            slot = std::make_shared<T>();
        return std::static_pointer_cast<T>(slot);
    }


private:
    QSqlDatabase& m_db;
    StatementCache& m_statements;
    LookupCache* m_lookups;
    IdGenerator& m_ids;
    Actor m_actor;
    qint64 m_nowMs;
    ChangeList m_changes;
    QHash<std::pair<QString, qint64>, qsizetype> m_changeIndex;
    QList<std::pair<QString, std::function<Status()>>> m_finishers;
    QHash<QString, std::shared_ptr<void>> m_attachments;
};

} // namespace souk::store
