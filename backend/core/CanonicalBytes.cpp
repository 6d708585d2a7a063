#include "backend/core/CanonicalBytes.h"

namespace souk::canonical {

void putNumber(QByteArray& out, qint64 value)
{
    out.append('i');
    for (int shift = 56; shift >= 0; shift -= 8)
        out.append(char((quint64(value) >> shift) & 0xff));
}

void putText(QByteArray& out, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    out.append('s');
    const quint32 size = quint32(utf8.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char((size >> shift) & 0xff));
    out.append(utf8);
}

void putOptionalId(QByteArray& out, const QVariant& id)
{
    if (id.isNull())
        out.append('n');
    else
        putNumber(out, id.toLongLong());
}

} // namespace souk::canonical
