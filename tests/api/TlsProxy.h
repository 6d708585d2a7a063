#pragma once

#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

namespace souk::test {

/// A TLS-terminating proxy in front of a node, on a port that outlives the node's restarts: it
/// answers with the node's own certificate (a pinned client sees no difference), forwards each
/// connection to the node, and can cut every connection at once or refuse WebSocket upgrades
/// of the change stream (as an older node or a proxy would: 404). Tests only; test thread.
class TlsProxy final : public QTcpServer
{
    Q_OBJECT
public:
    /// Listens on a free loopback port with the node's certificate and key files.
    bool start(const QString& certPath, const QString& keyPath, quint16 target);
    void setTarget(quint16 port) { m_target = port; }
    void setRefuseStreams(bool refuse) { m_refuseStreams = refuse; }
    /// Aborts every connection it carries (the node and the client see a broken link).
    void cutAll();
    int streamsRefused() const { return m_refused; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void pipe(QSslSocket* client);

    QSslCertificate m_certificate;
    QSslKey m_key;
    quint16 m_target = 0;
    bool m_refuseStreams = false;
    int m_refused = 0;
    QList<QPointer<QSslSocket>> m_sockets;
};

} // namespace souk::test
