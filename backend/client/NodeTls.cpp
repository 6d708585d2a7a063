#include "backend/client/NodeTls.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkReply>
#include <QSslCertificate>

namespace souk {

QSslConfiguration nodeTls(const QString& caFile)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (!caFile.isEmpty()) {
        QFile f(caFile);
        if (f.open(QIODevice::ReadOnly))
            tls.setCaCertificates(QSslCertificate::fromData(f.readAll(), QSsl::Pem));
    }
    return tls;
}

void pinNodeCertificate(QNetworkReply* reply, const QString& fingerprint)
{
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, fingerprint](const QList<QSslError>& errors) {
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        const QString seen = QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
        if (!fingerprint.isEmpty() && seen == fingerprint.toUpper())
            reply->ignoreSslErrors(errors);
        else
            reply->setProperty("soukUnknownFingerprint", seen);
    });
}

} // namespace souk
