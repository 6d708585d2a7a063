#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

namespace souk::canonical {

// A self-delimiting encoding of values for hash chains (the ledger, the audit log): a tag byte,
// then 8 big-endian bytes for a number, or a 4-byte length and UTF-8 for text. Two different
// rows never encode alike, so two different rows never hash alike by construction.

void putNumber(QByteArray& out, qint64 value);
void putText(QByteArray& out, const QString& text);
/// A number, or the tag 'n' when `id` is null.
void putOptionalId(QByteArray& out, const QVariant& id);

} // namespace souk::canonical
