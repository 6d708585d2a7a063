#pragma once

#include <QSslConfiguration>
#include <QString>

class QNetworkReply;

namespace souk {

/// TLS 1.2 or later; when `caFile` names a PEM file, its certificates are the only ones trusted (none
/// when it cannot be read).
QSslConfiguration nodeTls(const QString& caFile);

/// Trust on first use: a reply whose certificate has the SHA-256 `fingerprint` the user accepted
/// is trusted whatever a CA would say of it (self-signed, a name that is an address). Otherwise
/// the fingerprint seen is kept on the reply as the property "soukUnknownFingerprint".
void pinNodeCertificate(QNetworkReply* reply, const QString& fingerprint);

} // namespace souk
