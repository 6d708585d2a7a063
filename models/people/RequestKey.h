#pragma once

#include <QByteArray>
#include <QString>

namespace souk {

/// The idempotency key of a dialog's request: the same request sent again (a second click after
/// an answer that never came) gets the same key, so the store answers the first answer again,
/// a secret shown once included; a request that differs gets a new key, so it is a request of its
/// own, not a conflict. Keeps only a hash of the last request (it may hold a password). Owned by
/// its dialog; GUI thread.
class RequestKey final
{
public:
    explicit RequestKey(QString prefix) : m_prefix(std::move(prefix)) {}
    /// The key for `request` (its fields, joined unambiguously by the caller).
    QString keyFor(const QByteArray& request);

private:
    QString m_prefix;
    QByteArray m_requestHash;
    QString m_key;
};

} // namespace souk
