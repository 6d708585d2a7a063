#include "tests/support/StandInNode.h"

#include <QFile>
#include <QSslSocket>

namespace souk::test {

StandInNode::~StandInNode()
{
    // the sockets go first, quietly: their handlers use m_pending, which goes before QObject's children
    for (QSslSocket* socket : findChildren<QSslSocket*>(Qt::FindDirectChildrenOnly)) {
        socket->disconnect();
        delete socket;
    }
}

bool loadTlsIdentity(const QString& certPath, const QString& keyPath, QSslCertificate& certificate, QSslKey& key)
{
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    certificate = QSslCertificate(&certFile, QSsl::Pem);
    key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        keyFile.seek(0);
        key = QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem);
    }
    return !certificate.isNull() && !key.isNull();
}

bool StandInNode::start(const QString& certPath, const QString& keyPath)
{
    return loadTlsIdentity(certPath, keyPath, m_certificate, m_key) && listen(QHostAddress::LocalHost, 0);
}

void StandInNode::incomingConnection(qintptr descriptor)
{
    auto* socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setLocalCertificate(m_certificate);
    socket->setPrivateKey(m_key);
    connect(socket, &QSslSocket::readyRead, socket, [this, socket] { serve(socket); });
    connect(socket, &QSslSocket::disconnected, socket, [this, socket] {
        m_pending.remove(socket);
        socket->deleteLater();
    });
    socket->startServerEncryption();
}

void StandInNode::serve(QSslSocket* socket)
{
    QByteArray& pending = m_pending[socket];
    pending += socket->readAll();
    for (;;) {
        const qsizetype end = pending.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = pending.left(end);
        qsizetype length = 0;
        for (const QByteArray& line : head.split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (pending.size() < end + 4 + length)
            return;
        pending.remove(0, end + 4 + length);
        QByteArray status = "200 OK";
        QByteArray type = "application/json";
        QByteArray body = R"({"status":"ok"})";
        if (head.startsWith("POST /v1/sessions ")) {
            ++signIns;
            status = "503 Service Unavailable";
            type = "application/problem+json";
            body = signInAnswer;
        }
        socket->write("HTTP/1.1 " + status + "\r\nContent-Type: " + type +
                      "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
}

} // namespace souk::test
