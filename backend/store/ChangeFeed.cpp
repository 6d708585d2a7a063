#include "backend/store/ChangeFeed.h"

#include <QSqlQuery>

#include <algorithm>

#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::store {

Status ChangeFeed::append(QSqlDatabase& db, ChangeList& changes)
{
    if (changes.isEmpty())
        return {};
    QSqlQuery q(db);
    if (!q.prepare(u"INSERT INTO changes (entity, entity_id, version, op, actor, at_ms) VALUES (?, ?, ?, ?, ?, ?)"_s))
        return sqlError(q.lastError(), u"preparing the change feed"_s);
    for (Change& c : changes) {
        q.bindValue(0, c.entity);
        q.bindValue(1, c.id.value);
        q.bindValue(2, c.version);
        q.bindValue(3, int(c.op));
        q.bindValue(4, c.actor);
        q.bindValue(5, c.atMs);
        if (auto s = exec(q, u"appending to the change feed"_s); !s)
            return s;
        c.seq = q.lastInsertId().toLongLong();
    }
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

Result<qint64> ChangeFeed::lastSeq(QSqlDatabase& db)
{
    auto v = scalar(db, u"SELECT coalesce(max(seq), 0) FROM changes"_s);
    if (!v)
        return v.error();
    return v->toLongLong();
}

} // namespace souk::store
