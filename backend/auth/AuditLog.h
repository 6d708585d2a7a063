#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>
#include <optional>

#include "backend/auth/AuditRecord.h"
#include "backend/core/Result.h"

namespace souk::store {
class UnitOfWork;
}

namespace souk::auth {

/// The hash-chained audit log. Each row keeps SHA-256 over the previous row's hash and its own
/// canonical encoding, so a row edited, inserted or removed in the file breaks the chain from
/// there on. Like the ledger's chain it has no secret: it finds edits made without knowledge of
/// the encoding (by hand, by a tool), not a forger who recomputes every hash after the edit,
/// and it cannot show that its newest rows were cut off. Appended by the engine's writer only.
class AuditLog final
{
public:
    /// On PostgreSQL, the advisory lock an appending transaction holds to its COMMIT ("Souk", 3).
    static constexpr qint64 ChainLock = 0x536F756B'00000003;
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

/// What a command says about its own audit row, where the engine cannot tell: a sign-in that
/// failed is a command that succeeded (it counted the failure) with a failed outcome.
struct AuditNote
{
    std::optional<Error> outcome; ///< the outcome to record instead of "ok"
    Id userId;                    ///< the user the row is about, when the principal was nobody
    QString role;
    Id credentialId;              ///< the session the command opened
    /// The note of the command running in `uow`, made empty on first use.
    static std::shared_ptr<AuditNote> of(store::UnitOfWork& uow);
};

} // namespace souk::auth
