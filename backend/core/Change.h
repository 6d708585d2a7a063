#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include "backend/core/Id.h"

namespace souk {

/// What happened to an entity.
enum class ChangeOp
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
};

/// One row of the change feed: the entity, its id and new version, who changed it and when.
/// Appended in the same transaction as the change; `seq` orders the whole feed. Value type.
struct Change
{
    qint64 seq = 0;
    QString entity; ///< "product", "variant", "stock", "merchant", "location"
    Id id;
    qint64 version = 0;
    ChangeOp op = ChangeOp::Updated;
    QString actor;  ///< "user/role"
    qint64 atMs = 0;
};

using ChangeList = QList<Change>;

} // namespace souk

Q_DECLARE_METATYPE(souk::Change)
Q_DECLARE_METATYPE(souk::ChangeList)
