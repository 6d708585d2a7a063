#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>

#include "backend/core/Result.h"
#include "backend/core/Change.h"

namespace souk::store {

/// Reads and appends the change feed table. Stateless; callers pass their own connection.
class ChangeFeed final
{
public:
    static constexpr int ReadLimitMax = 10'000;
    /// The advisory lock a PostgreSQL writer holds from numbering its changes to its COMMIT
    /// ("Souk" and 2).
    static constexpr qint64 FeedLock = 0x536F756B'00000002;
    /// Appends the rows in the caller's open transaction and fills in their seq, as one batch
    /// (see RowBatch), so a group commit of thousands of changes costs little more than one.
    static Status append(QSqlDatabase& db, ChangeList& changes);
    /// Rows with seq > after, oldest first, at most `limit` (capped at ReadLimitMax).
    static Result<ChangeList> readAfter(QSqlDatabase& db, qint64 after, int limit);
    /// Forgets at most `batch` rows written before `beforeMs`, oldest first, and never the newest
    /// row, which keeps the feed's position (a reader asking for a pruned one is told to resync).
    /// Answers how many went. In the caller's transaction.
    static Result<int> prune(QSqlDatabase& db, qint64 beforeMs, int batch);
    /// The newest seq, 0 for an empty feed.
    static Result<qint64> lastSeq(QSqlDatabase& db);
};

} // namespace souk::store
