#pragma once

#include <QMetaType>
#include <QString>

#include "backend/core/Id.h"

namespace souk::catalog {

/// Why stock moved. Stored as the integer; never renumber.
enum class MovementKind
{
    Received = 0, ///< goods in
    Adjusted = 1, ///< counted/corrected, with a reason
    Sold = 2,
    Returned = 3,
    Reserved = 4, ///< held for an order
    Released = 5, ///< hold given back
};

/// Stock of one variant at one location. available = onHand - reserved. Value type.
struct StockLevel
{
    Id variantId;
    Id locationId;
    QString locationName;
    QString sku;
    qint64 onHand = 0;
    qint64 reserved = 0;
    qint64 lowStockThreshold = 0;
    qint64 version = 0;
    qint64 available() const { return onHand - reserved; }
};

/// One journal row: how much moved, why, who did it. Never edited. Value type.
struct StockMovement
{
    Id id;
    Id variantId;
    Id locationId;
    QString locationName;
    MovementKind kind = MovementKind::Adjusted;
    qint64 onHandDelta = 0;
    qint64 reservedDelta = 0;
    QString reason;
    QString actor;
    qint64 atMs = 0;
};

/// A request to move stock by hand. `delta` is signed; Received and Returned must be positive.
struct StockAdjustment
{
    Id variantId;
    Id locationId;
    MovementKind kind = MovementKind::Adjusted;
    qint64 delta = 0;
    QString reason;          ///< required for Adjusted
    qint64 expectedVersion = -1; ///< the level's version the user saw; -1 = don't check
};

} // namespace souk::catalog

Q_DECLARE_METATYPE(souk::catalog::StockLevel)
