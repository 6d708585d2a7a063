#include "backend/store/ChangeFeed.h"

#include <QSqlQuery>

#include <algorithm>

#include "backend/store/RowBatch.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::store {
Status ChangeFeed::append(QSqlDatabase& db, ChangeList& changes)
{
    if (changes.isEmpty())
        return {};
    // built by hand: QJsonDocument costs more than the insert itself on large batches
    QString rows;
    rows.reserve(changes.size() * 64);
    rows += u'[';
    for (const Change& c : changes) {
        if (rows.size() > 1)
            rows += u',';
        rows += u'[';
        appendJsonString(rows, c.entity);
        rows += u',' + QString::number(c.id.value) + u',' + QString::number(c.version) + u',' +
                QString::number(int(c.op)) + u',';
        appendJsonString(rows, c.actor);
        rows += u',' + QString::number(c.atMs) + u']';
    }
    rows += u']';
    QSqlQuery q(db);
    // json_each keeps array order, and AUTOINCREMENT hands out consecutive seqs within one statement
    q.prepare(u"INSERT INTO changes (entity, entity_id, version, op, actor, at_ms) "
              "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
              "json_extract(value, '$[2]'), json_extract(value, '$[3]'), "
              "json_extract(value, '$[4]'), json_extract(value, '$[5]') "
              "FROM json_each(?) ORDER BY key"_s);
    q.bindValue(0, rows);
    if (auto s = exec(q, u"appending to the change feed"_s); !s)
        return s;
    const qint64 last = q.lastInsertId().toLongLong();
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

Result<qint64> ChangeFeed::lastSeq(QSqlDatabase& db)
{
    auto v = scalar(db, u"SELECT coalesce(max(seq), 0) FROM changes"_s);
    if (!v)
        return v.error();
    return v->toLongLong();
}

} // namespace souk::store
