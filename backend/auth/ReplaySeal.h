#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace souk::auth {

/// Seals the stored first answer of a command whose answer holds a secret shown once (an API
/// key, a TOTP secret, a one-time password, recovery codes), so that a retry with the same
/// Idempotency-Key gets it back while the store never holds it readable: the key that opens it
/// is derived from the caller's idempotency key, which the store does not keep. What the store
/// holds instead of the caller's key (lookupKey) and the request's fingerprint (requestHash)
/// are HMACs under keys derived the same way, so they tell nothing of the key, nor of a
/// password among the parameters. Keys are derived with HKDF-SHA256 (RFC 5869) from the
/// idempotency key, salted with its scope (who sent it); the answer is sealed with
/// AES-256-GCM and bound to its row. The seal is as strong as the idempotency key: a random
/// one (RemoteClient makes UUIDs) cannot be guessed. Value type; any thread.
class ReplaySeal final
{
public:
    ReplaySeal(const QString& idempotencyKey, const QString& scope);

    /// What the request is stored under in place of the caller's key: '~' and 64 hex digits.
    QString lookupKey() const;
    /// The fingerprint of the command and its parameters (64 hex digits): the same request
    /// always gives the same one, another request (another password too) another.
    QString requestHash(const QString& command, const QJsonObject& parameters) const;
    /// `plain` encrypted and authenticated together with `context` (the row it is stored in).
    QByteArray seal(const QByteArray& plain, const QByteArray& context) const;
    /// The plain text, or nothing when `sealed` was not sealed with this key and context, or was
    /// changed since.
    std::optional<QByteArray> open(const QByteArray& sealed, const QByteArray& context) const;

private:
    QByteArray m_lookupKey;
    QByteArray m_requestKey;
    QByteArray m_sealKey;
};

} // namespace souk::auth
