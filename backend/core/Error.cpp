#include "backend/core/Error.h"

using namespace Qt::StringLiterals;

namespace souk {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Invalid: return u"invalid"_s;
    case ErrorCode::NotFound: return u"not_found"_s;
    case ErrorCode::Conflict: return u"conflict"_s;
    case ErrorCode::Duplicate: return u"duplicate"_s;
    case ErrorCode::VersionConflict: return u"version_conflict"_s;
    case ErrorCode::Overflow: return u"overflow"_s;
    case ErrorCode::StoreLocked: return u"store_locked"_s;
    case ErrorCode::StoreCorrupt: return u"store_corrupt"_s;
    case ErrorCode::StoreNewer: return u"store_newer"_s;
    case ErrorCode::StoreReadOnly: return u"store_read_only"_s;
    case ErrorCode::StoreIo: return u"store_io"_s;
    case ErrorCode::Cancelled: return u"cancelled"_s;
    case ErrorCode::Unavailable: return u"unavailable"_s;
    case ErrorCode::Internal: return u"internal"_s;
    case ErrorCode::IllegalTransition: return u"illegal_transition"_s;
    case ErrorCode::IdempotencyConflict: return u"idempotency_conflict"_s;
    case ErrorCode::InsufficientStock: return u"insufficient_stock"_s;
    case ErrorCode::CardInvalid: return u"card_invalid"_s;
    case ErrorCode::InProgress: return u"in_progress"_s;
    case ErrorCode::Unauthenticated: return u"unauthenticated"_s;
    case ErrorCode::Forbidden: return u"forbidden"_s;
    case ErrorCode::AccountLocked: return u"account_locked"_s;
    }
    return u"internal"_s;
}

Error Error::invalid(const QString& field, const QString& message)
{
    return {ErrorCode::Invalid, message, field};
}

Error Error::notFound(const QString& field, const QString& message)
{
    return {ErrorCode::NotFound, message.isEmpty() ? u"not found"_s : message, field};
}

Error Error::conflict(const QString& field, const QString& message)
{
    return {ErrorCode::Conflict, message, field};
}

Error Error::duplicate(const QString& field, const QString& message)
{
    return {ErrorCode::Duplicate, message, field};
}

Error Error::versionConflict(const QString& field, const QString& message)
{
    return {ErrorCode::VersionConflict, message, field};
}

Error Error::overflow(const QString& field)
{
    return {ErrorCode::Overflow, u"amount out of range"_s, field};
}

Error Error::store(ErrorCode code, const QString& message)
{
    return {code, message, {}};
}

Error Error::internal(const QString& message)
{
    return {ErrorCode::Internal, message, {}};
}

QString Error::toString() const
{
    if (field.isEmpty())
        return errorCodeName(code) + u": "_s + message;
    return errorCodeName(code) + u" ["_s + field + u"]: "_s + message;
}

} // namespace souk
