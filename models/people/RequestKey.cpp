#include "models/people/RequestKey.h"

#include <QCryptographicHash>
#include <QUuid>

namespace souk {

QString RequestKey::keyFor(const QByteArray& request)
{
    const QByteArray hash = QCryptographicHash::hash(request, QCryptographicHash::Sha256);
    if (m_key.isEmpty() || hash != m_requestHash) {
        m_requestHash = hash;
        m_key = m_prefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    return m_key;
}

} // namespace souk
