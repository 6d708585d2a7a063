#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "backend/core/Result.h"

// The node's own TLS certificate: made once at set-up, then pinned by clients through its
// fingerprint. Stateless functions; any thread.
namespace souk::api {

/// Longest validity Apple platforms accept for a TLS server certificate, and so the default.
constexpr int CertificateDaysMax = 825;

/// Makes an ECDSA P-256 key and a self-signed X.509 v3 server certificate for `hosts` (CN = the
/// first; every host in subjectAltName, as IP or DNS entry). Files appear whole or not at all; the
/// key is mode 0600. Never replaces an existing file: the Error names its path.
Status createSelfSigned(const QString& certPath, const QString& keyPath, const QStringList& hosts,
                        int days = CertificateDaysMax);

/// SHA-256 fingerprint of the first certificate in a PEM file, as fingerprint() formats it.
Result<QString> fingerprintOfFile(const QString& certPemPath);
/// SHA-256 of a DER certificate as upper-case hex pairs joined by ':' ("AB:CD:..."), the form
/// clients pin and `openssl x509 -fingerprint -sha256` prints.
QString fingerprint(const QByteArray& der);
/// A fingerprint typed by a person (with or without colons, any case) in fingerprint()'s form;
/// empty unless it is exactly 32 bytes of hex.
QString normalizedFingerprint(const QString& text);

/// Whether both files parse and the key belongs to the certificate; the Error names "cert" or "key".
Status checkKeyPair(const QString& certPath, const QString& keyPath);

} // namespace souk::api
