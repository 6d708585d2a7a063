#pragma once

#include "backend/api/schema/Types.h"
#include "backend/core/Change.h"

namespace souk::api {

/// The change feed's rows as GET /v1/changes answers them (see Types.h for the conventions).
SOUK_API_ENUM(ChangeOp)
SOUK_API_OBJECT(Change)

} // namespace souk::api
