#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

#include "backend/core/Id.h"
#include "backend/core/Result.h"

namespace souk::store {
class UnitOfWork;
}

namespace souk::auth {

struct Principal;

/// One row of the audit log: who (user, role, credential), from where, what (the operation),
/// on which objects ("payment:123"), the reason given, and the outcome ("ok" or an error
/// code's name, with its message in `detail`). Value type.
struct AuditRecord
{
    qint64 seq = 0;
    qint64 atMs = 0;
    Id userId;
    QString userName;
    QString role;
    Id merchantId;
    QString via;
    Id credentialId;
    QString origin;
    QString operation;
    QStringList objects;
    QString reason;
    QString outcome;
    QString detail;

    bool succeeded() const { return outcome == QLatin1String("ok"); }
    /// The record of `principal` doing `operation`, not yet appended.
    static AuditRecord of(const Principal& principal, const QString& operation, qint64 atMs);
};

/// Which rows a listing wants: newest first, below `beforeSeq` when set.
struct AuditQuery
{
    static constexpr int LimitMax = 1000;
    QString user;       ///< a user name, exactly (case-insensitive)
    QString entity;     ///< "payment" (any payment) or "payment:123" (that one)
    qint64 sinceMs = 0; ///< rows at or after this time
    Id merchantId;      ///< only this merchant's rows (a merchant's principal sees no others)
    qint64 beforeSeq = 0;
    int limit = 200;
};

/// What `audit verify` found: the rows read and the first one whose hash does not match.
struct AuditVerification
{
    qint64 rows = 0;
    std::optional<qint64> firstBadSeq;
    QString problem; ///< why that row does not match
};

/// The hash-chained audit log. Each row keeps SHA-256 over the previous row's hash and its own
/// canonical encoding, so a row edited, inserted or removed in the file breaks the chain from
/// there on. Like the ledger's chain it has no secret: it finds edits made without knowledge of
/// the encoding (by hand, by a tool), not a forger who recomputes every hash after the edit,
/// and it cannot show that its newest rows were cut off. Appended by the engine's writer only.
class AuditLog final
{
public:
    /// The chain's end as the writer knows it: the last row's hash. Read once per transaction.
    struct Head
    {
        QByteArray hash;
        qint64 seq = 0;
        bool known = false;
    };

    /// Appends `record` (its seq is set) after `head`, which moves to it. Writer thread, in
    /// the transaction of what it records.
    static Status append(store::UnitOfWork& uow, AuditRecord& record, Head& head);
    static Result<QList<AuditRecord>> list(QSqlDatabase& db, const AuditQuery& query);
    /// Walks every row in seq order. Seconds for millions of rows; a reader, never the GUI thread.
    static Result<AuditVerification> verify(QSqlDatabase& db);
    /// The hash of a row after `previous`; the encoding `verify` checks.
    static QByteArray chainHash(const QByteArray& previous, const AuditRecord& record);
};

} // namespace souk::auth
