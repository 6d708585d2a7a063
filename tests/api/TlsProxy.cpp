#include "tests/api/TlsProxy.h"

#include <QHostAddress>

#include "tests/support/StandInNode.h"

namespace souk::test {

bool TlsProxy::start(const QString& certPath, const QString& keyPath, quint16 target)
{
    m_target = target;
    return loadTlsIdentity(certPath, keyPath, m_certificate, m_key) && listen(QHostAddress::LocalHost, 0);
}

void TlsProxy::cutAll()
{
    for (const auto& socket : std::as_const(m_sockets))
        if (socket)
            socket->abort();
    m_sockets.removeAll(nullptr);
}

void TlsProxy::incomingConnection(qintptr descriptor)
{
    auto* client = new QSslSocket(this);
    if (!client->setSocketDescriptor(descriptor)) {
        client->deleteLater();
        return;
    }
    client->setLocalCertificate(m_certificate);
    client->setPrivateKey(m_key);
    client->setPeerVerifyMode(QSslSocket::VerifyNone);
    m_sockets << client;
    connect(client, &QSslSocket::encrypted, this, [this, client] { pipe(client); });
    connect(client, &QSslSocket::disconnected, client, &QObject::deleteLater);
    client->startServerEncryption();
}

void TlsProxy::pipe(QSslSocket* client)
{
    auto* node = new QSslSocket(client);             // goes with the client's side
    node->setPeerVerifyMode(QSslSocket::VerifyNone); // the test's own node, on loopback
    m_sockets << node;
    auto first = std::make_shared<bool>(true);
    connect(client, &QSslSocket::readyRead, node, [this, client, node, first] {
        if (*first) {
            // the first request of a connection decides: a WebSocket opens one of its own
            const QByteArray head = client->peek(64);
            if (!head.contains(' '))
                return; // wait for the request line
            *first = false;
            if (m_refuseStreams && head.startsWith("GET /v1/changes/stream")) {
                ++m_refused;
                client->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                client->disconnectFromHost();
                return;
            }
        }
        node->write(client->readAll());
    });
    connect(node, &QSslSocket::readyRead, client, [client, node] { client->write(node->readAll()); });
    connect(node, &QSslSocket::disconnected, client, [client] { client->disconnectFromHost(); });
    connect(client, &QSslSocket::disconnected, node, [node] { node->abort(); });
    node->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_target);
}

} // namespace souk::test
