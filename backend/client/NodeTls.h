#pragma once

#include <QSslConfiguration>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;
class QUrl;

namespace souk {

/// TLS 1.2 or later; when `caFile` names a PEM file, its certificates are the only ones trusted (none
/// when it cannot be read).
QSslConfiguration nodeTls(const QString& caFile);

/// Trust on first use: a reply whose certificate has the SHA-256 `fingerprint` the user accepted
/// is trusted whatever a CA would say of it (self-signed, a name that is an address). Otherwise
/// the fingerprint seen is kept on the reply as the property "soukUnknownFingerprint".
void pinNodeCertificate(QNetworkReply* reply, const QString& fingerprint);

/// A GET of a node's open endpoint (/metrics, /readyz: no credentials), trusted as above, that
/// ends within `timeoutMs` whatever arrives: the transfer timeout restarts with each byte, so a
/// node trickling its answer would otherwise hold a health check for ever.
QNetworkReply* getWithin(QNetworkAccessManager& network, const QUrl& url, const QString& caFile,
                         const QString& fingerprint, int timeoutMs);

} // namespace souk
