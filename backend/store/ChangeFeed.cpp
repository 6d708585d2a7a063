#include "backend/store/ChangeFeed.h"

#include <QSqlQuery>

#include <algorithm>

#include "backend/store/FeedListener.h"
#include "backend/store/RowBatch.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::store {
namespace {

/// PostgreSQL: seqs in commit order. A sequence's values are taken before commit and seen after
/// it, so a reader following `seq > last` could pass a transaction that commits late. Instead
/// each writer takes the feed's lock, held to its COMMIT, and numbers its rows after the newest
/// committed one: seqs then follow commit order, and only the end of each transaction waits.
/// The caller appends as the last work of its transaction.
Status appendInCommitOrder(QSqlDatabase& db, ChangeList& changes)
{
    if (auto s = exec(db, u"SELECT pg_advisory_xact_lock(?)"_s, {ChangeFeed::FeedLock}); !s)
        return s;
    // the newest committed seq, and in the same statement the notification the other nodes get
    // at COMMIT (FeedListener) with this transaction's last seq and kinds: no round trip of its own
    QStringList kinds;
    for (const Change& c : changes) {
        if (!kinds.contains(c.entity))
            kinds.append(c.entity);
    }
    auto last =
        scalar(db,
               u"SELECT coalesce(max(seq), 0), pg_notify(?, (coalesce(max(seq), 0) + ?)::text || ?) "
               "FROM changes"_s,
               {QString::fromLatin1(FeedListener::Channel), qint64(changes.size()), FeedListener::payloadKinds(kinds)});
    if (!last)
        return last.error();
    RowBatch rows(u"changes"_s, {u"seq"_s, u"entity"_s, u"entity_id"_s, u"version"_s, u"op"_s, u"actor"_s, u"at_ms"_s});
    qint64 seq = last->toLongLong();
    for (Change& c : changes) {
        c.seq = ++seq;
        rows.row().integer(c.seq).text(c.entity).integer(c.id.value).integer(c.version).integer(int(c.op));
        rows.text(c.actor).integer(c.atMs);
    }
    return rows.flush(db);
}

} // namespace

Status ChangeFeed::append(QSqlDatabase& db, ChangeList& changes)
{
    if (changes.isEmpty())
        return {};
    if (isPostgres(db))
        return appendInCommitOrder(db, changes);
    RowBatch rows(u"changes"_s, {u"entity"_s, u"entity_id"_s, u"version"_s, u"op"_s, u"actor"_s, u"at_ms"_s});
    for (const Change& c : changes)
        rows.row().text(c.entity).integer(c.id.value).integer(c.version).integer(int(c.op)).text(c.actor).integer(c.atMs);
    if (auto s = rows.flush(db); !s)
        return s;
    // one writer, rows inserted in order: AUTOINCREMENT handed out consecutive seqs
    const qint64 last = rows.lastRowId();
    for (qsizetype i = 0; i < changes.size(); ++i)
        changes[i].seq = last - (changes.size() - 1 - i);
    return {};
}

Result<ChangeList> ChangeFeed::readAfter(QSqlDatabase& db, qint64 after, int limit)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT seq, entity, entity_id, version, op, actor, at_ms FROM changes WHERE seq > ? ORDER BY seq LIMIT ?"_s);
    q.bindValue(0, after);
    q.bindValue(1, std::clamp(limit, 1, ReadLimitMax));
    if (auto s = exec(q, u"reading the change feed"_s); !s)
        return s.error();
    ChangeList out;
    while (q.next()) {
        out.append(Change{q.value(0).toLongLong(), q.value(1).toString(), Id{q.value(2).toLongLong()},
                          q.value(3).toLongLong(), ChangeOp(q.value(4).toInt()), q.value(5).toString(),
                          q.value(6).toLongLong()});
    }
    return out;
}

Result<int> ChangeFeed::prune(QSqlDatabase& db, qint64 beforeMs, int batch)
{
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM changes WHERE seq IN (SELECT seq FROM changes WHERE at_ms < ? "
              "AND seq < (SELECT max(seq) FROM changes) ORDER BY seq LIMIT ?)"_s);
    q.bindValue(0, beforeMs);
    q.bindValue(1, batch);
    if (auto s = exec(q, u"pruning the change feed"_s); !s)
        return s.error();
    return q.numRowsAffected();
}

Result<qint64> ChangeFeed::lastSeq(QSqlDatabase& db)
{
    auto v = scalar(db, u"SELECT coalesce(max(seq), 0) FROM changes"_s);
    if (!v)
        return v.error();
    return v->toLongLong();
}

} // namespace souk::store
