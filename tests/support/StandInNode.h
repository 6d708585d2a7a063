#pragma once

#include <QByteArray>
#include <QHash>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

class QSslSocket;

namespace souk::test {

/// A certificate and its private key (EC, else RSA) from PEM files, for a test's TLS server;
/// false when either does not load.
bool loadTlsIdentity(const QString& certPath, const QString& keyPath, QSslCertificate& certificate, QSslKey& key);

/// A stand-in for a soukd node over TLS, for what a client sends and how often: every GET is
/// answered 200 {"status":"ok"}, every POST /v1/sessions with `signInAnswer` (a 503 problem), on
/// keep-alive connections. Listens on a free loopback port. Tests only; test thread.
class StandInNode final : public QTcpServer
{
public:
    ~StandInNode() override;
    /// Listens with the certificate and (EC) key PEM files; false when they do not load.
    bool start(const QString& certPath, const QString& keyPath);

    QByteArray signInAnswer; ///< the problem document each sign-in is answered with
    int signIns = 0;         ///< sign-ins received

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void serve(QSslSocket* socket);

    QSslCertificate m_certificate;
    QSslKey m_key;
    QHash<QSslSocket*, QByteArray> m_pending;
};

} // namespace souk::test
