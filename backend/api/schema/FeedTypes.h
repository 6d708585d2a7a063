#pragma once

#include "backend/api/schema/Types.h"
#include "backend/core/Change.h"

namespace souk::api {

/// One answer of the change feed: a long poll's (GET /v1/changes) and each message of its
/// WebSocket stream (GET /v1/changes/stream) have this form.
struct ChangePage
{
    ChangeList changes;   ///< in seq order; only what the principal may see
    qint64 nextAfter = 0; ///< where the next page starts (ask after=nextAfter)
    bool resync = false;  ///< the position asked for was pruned: reload, then follow from nextAfter
};

/// The close codes of the change stream beyond the standard ones (RFC 6455 section 7.4.2 leaves
/// 4000-4999 to applications). A client resumes from its last seq after any other close.
namespace FeedClose {
constexpr quint16 Unauthenticated = 4401; ///< the key or session ended while the stream was open
constexpr quint16 Resync = 4410;          ///< after a resync message: the position is gone
} // namespace FeedClose

/// The change feed's rows as GET /v1/changes answers them (see Types.h for the conventions).
SOUK_API_ENUM(ChangeOp)
SOUK_API_OBJECT(Change)
SOUK_API_OBJECT(ChangePage)

} // namespace souk::api
