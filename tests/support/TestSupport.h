#pragma once

#include <QByteArray>
#include <QString>

namespace souk::test {

/// Reads a whole file (tests only); empty when it cannot be read.
QByteArray readFile(const QString& path);
/// Writes a whole file (tests only); false on failure.
bool writeFile(const QString& path, const QByteArray& data);

} // namespace souk::test
