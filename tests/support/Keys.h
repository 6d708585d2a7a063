#pragma once

#include <QString>
#include <QUuid>

namespace souk::test {

/// A fresh idempotency key, as a dialog makes one per user action. Tests that retry keep it.
inline QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace souk::test
