#include "backend/auth/AuditLog.h"

#include <QCryptographicHash>
#include <QSqlQuery>

#include "backend/auth/Principal.h"
#include "backend/core/CanonicalBytes.h"
#include "backend/store/Sql.h"
#include "backend/store/Statement.h"
#include "backend/store/UnitOfWork.h"

using namespace Qt::StringLiterals;
using namespace souk::canonical;

namespace souk::auth {
namespace {

const QString Columns = u"seq, at_ms, user_id, user_name, role, merchant_id, via, credential_id, origin, "
                        "operation, objects, reason, outcome, detail, hash"_s;

/// The INSERT's text, made once. The writer's statement cache knows a statement by the address
/// of its text: a text built on every call was a new statement every time, prepared again for
/// each row and filling the cache until it dropped every statement of the connection.
const QString& insertSql()
{
    static const QString sql =
        u"INSERT INTO audit_log ("_s + Columns + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    return sql;
}

QVariant optionalId(Id id)
{
    return id.isNull() ? QVariant(QMetaType::fromType<qint64>()) : QVariant(id.value);
}

/// A row as read; `hash` is the stored one.
template <typename Query>
AuditRecord readRecord(const Query& q, QByteArray* hash)
{
    AuditRecord r;
    r.seq = q.value(0).toLongLong();
    r.atMs = q.value(1).toLongLong();
    r.userId = Id{q.value(2).toLongLong()};
    r.userName = q.value(3).toString();
    r.role = q.value(4).toString();
    r.merchantId = Id{q.value(5).toLongLong()};
    r.via = q.value(6).toString();
    r.credentialId = Id{q.value(7).toLongLong()};
    r.origin = q.value(8).toString();
    r.operation = q.value(9).toString();
    const QString objects = q.value(10).toString();
    r.objects = objects.isEmpty() ? QStringList{} : objects.split(u' ');
    r.reason = q.value(11).toString();
    r.outcome = q.value(12).toString();
    r.detail = q.value(13).toString();
    if (hash)
        *hash = q.value(14).toByteArray();
    return r;
}

} // namespace

AuditRecord AuditRecord::of(const Principal& principal, const QString& operation, qint64 atMs)
{
    AuditRecord r;
    r.atMs = atMs;
    r.userId = principal.userId;
    r.userName = principal.userName;
    // nobody has no role: a failed sign-in of an unknown name records none
    r.role = principal.isAuthenticated() ? roleName(principal.role) : QString();
    r.merchantId = principal.merchantId;
    r.via = viaName(principal.via);
    r.credentialId = principal.credentialId;
    r.origin = principal.origin;
    r.operation = operation;
    r.outcome = u"ok"_s;
    return r;
}

QByteArray AuditLog::chainHash(const QByteArray& previous, const AuditRecord& r)
{
    QByteArray data;
    data.reserve(256);
    data.append("souk-audit-v1");
    data.append(char(previous.size()));
    data.append(previous);
    putNumber(data, r.seq);
    putNumber(data, r.atMs);
    putNumber(data, r.userId.value);
    putText(data, r.userName);
    putText(data, r.role);
    putNumber(data, r.merchantId.value);
    putText(data, r.via);
    putNumber(data, r.credentialId.value);
    putText(data, r.origin);
    putText(data, r.operation);
    putText(data, r.objects.join(u' '));
    putText(data, r.reason);
    putText(data, r.outcome);
    putText(data, r.detail);
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

Status AuditLog::append(store::UnitOfWork& uow, AuditRecord& record, Head& head)
{
    if (!head.known) {
        // on PostgreSQL other nodes append too: the chain's lock, held to COMMIT, makes the end
        // read here the end this transaction appends to
        if (auto s = store::lockUntilCommit(uow.db(), ChainLock, u"waiting for the audit log's end"_s); !s)
            return s;
        store::Statement& last = uow.statement(u"SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"_s);
        if (auto s = store::exec(last, u"reading the audit log's end"_s); !s)
            return s;
        const bool any = last.next();
        head.seq = any ? last.value(0).toLongLong() : 0;
        head.hash = any ? last.value(1).toByteArray() : QByteArray();
        last.finish();
        head.known = true;
    }
    record.seq = head.seq + 1; // numbered here, not by SQLite, so that the hash covers it
    const QByteArray hash = chainHash(head.hash, record);
    store::Statement& insert = uow.statement(insertSql());
    insert.bindValue(0, record.seq);
    insert.bindValue(1, record.atMs);
    insert.bindValue(2, optionalId(record.userId));
    insert.bindValue(3, store::nonNull(record.userName));
    insert.bindValue(4, store::nonNull(record.role));
    insert.bindValue(5, optionalId(record.merchantId));
    insert.bindValue(6, store::nonNull(record.via));
    insert.bindValue(7, optionalId(record.credentialId));
    insert.bindValue(8, store::nonNull(record.origin));
    insert.bindValue(9, store::nonNull(record.operation));
    insert.bindValue(10, store::nonNull(record.objects.join(u' ')));
    insert.bindValue(11, store::nonNull(record.reason));
    insert.bindValue(12, store::nonNull(record.outcome));
    insert.bindValue(13, store::nonNull(record.detail));
    insert.bindValue(14, QVariant(hash));
    if (auto s = store::exec(insert, u"appending to the audit log"_s); !s)
        return s;
    head.hash = hash;
    head.seq = record.seq;
    return {};
}

Result<QList<AuditRecord>> AuditLog::list(QSqlDatabase& db, const AuditQuery& query)
{
    if (query.limit < 1 || query.limit > AuditQuery::LimitMax)
        return Error::invalid(u"limit"_s, u"must be 1 to %1"_s.arg(AuditQuery::LimitMax));
    QString sql = u"SELECT "_s + Columns + u" FROM audit_log WHERE 1 = 1"_s;
    QVariantList binds;
    if (!query.user.isEmpty()) {
        sql += store::isPostgres(db) ? u" AND lower(user_name) = lower(?)"_s : u" AND user_name = ? COLLATE NOCASE"_s;
        binds << query.user;
    }
    if (!query.entity.isEmpty()) {
        // objects are "kind:id" words separated by spaces: a kind alone matches any of its ids
        const bool exact = query.entity.contains(u':');
        sql += u" AND %1 > 0"_s.arg(exact ? store::position(db, u"' ' || objects || ' '"_s, u"' ' || ? || ' '"_s)
                                          : store::position(db, u"' ' || objects"_s, u"' ' || ? || ':'"_s));
        binds << query.entity;
    }
    if (query.sinceMs > 0) {
        sql += u" AND at_ms >= ?"_s;
        binds << query.sinceMs;
    }
    if (!query.merchantId.isNull()) {
        sql += u" AND merchant_id = ?"_s;
        binds << query.merchantId.value;
    }
    if (query.beforeSeq > 0) {
        sql += u" AND seq < ?"_s;
        binds << query.beforeSeq;
    }
    sql += u" ORDER BY seq DESC LIMIT ?"_s;
    binds << query.limit;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto s = store::exec(q, u"listing the audit log"_s); !s)
        return s.error();
    QList<AuditRecord> out;
    while (q.next())
        out.append(readRecord(q, nullptr));
    return out;
}

Result<AuditVerification> AuditLog::verify(QSqlDatabase& db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + Columns + u" FROM audit_log ORDER BY seq"_s);
    if (auto s = store::exec(q, u"reading the audit log"_s); !s)
        return s.error();
    AuditVerification result;
    QByteArray previous;
    while (q.next()) {
        QByteArray stored;
        const AuditRecord record = readRecord(q, &stored);
        ++result.rows;
        if (chainHash(previous, record) != stored) {
            result.firstBadSeq = record.seq;
            result.problem = u"row %1 does not match its hash: it, or the row before it, was changed, "
                             "inserted or removed"_s.arg(record.seq);
            return result;
        }
        previous = stored;
    }
    return result;
}

std::shared_ptr<AuditNote> AuditNote::of(store::UnitOfWork& uow)
{
    return uow.attachment<AuditNote>(u"auth.audit_note"_s);
}

} // namespace souk::auth
