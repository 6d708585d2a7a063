#include "backend/client/NodeTls.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QSslCertificate>

Q_LOGGING_CATEGORY(lcNodeTls, "souk.client.tls")

namespace souk {

QSslConfiguration nodeTls(const QString& caFile)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (!caFile.isEmpty()) {
        // the operator named the only CA to trust: a file that cannot be read trusts nothing,
        // never the system's CAs instead
        QList<QSslCertificate> cas;
        QFile f(caFile);
        if (f.open(QIODevice::ReadOnly))
            cas = QSslCertificate::fromData(f.readAll(), QSsl::Pem);
        if (cas.isEmpty())
            qCWarning(lcNodeTls).noquote() << "the CA file" << caFile << "holds no certificate: no node is trusted";
        tls.setCaCertificates(cas);
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

QNetworkReply* getWithin(QNetworkAccessManager& network, const QUrl& url, const QString& caFile,
                         const QString& fingerprint, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setSslConfiguration(nodeTls(caFile));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply* reply = network.get(request);
    pinNodeCertificate(reply, fingerprint);
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    deadline->start(timeoutMs);
    return reply;
}

} // namespace souk
