#pragma once

#include <QList>
#include <QStringList>

#include <optional>

#include "backend/core/Id.h"

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
    Id merchantId; ///< the merchant the command was about (its principal's, or its objects'); null: the platform
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

} // namespace souk::auth
