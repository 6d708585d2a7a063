// RemoteClient, third part: following the change feed, over the WebSocket stream
// (GET /v1/changes/stream) where the node takes the upgrade, else by long poll (GET /v1/changes).
#include "backend/client/RemoteClient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>

#include "backend/api/schema/FeedTypes.h"

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcRemote)

namespace souk {
namespace {

constexpr int StreamBackoffMinMs = 250;
constexpr int StreamBackoffMaxMs = 10'000;
/// Opens that fail on the network in a row (about 8 s of them) before the feed tries long poll
/// for a while: a proxy that drops upgrades looks like this, a node restarting does not for long.
constexpr int StreamFailuresBeforeLongPoll = 5;
constexpr qint64 StreamRefusedRetryMs = 10 * 60'000;
constexpr qint64 StreamUnreachableRetryMs = 60'000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

int backoffMs(int failures)
{
    return int(std::min<qint64>(StreamBackoffMaxMs, qint64(StreamBackoffMinMs) << std::min(failures, 10)));
}

} // namespace

bool RemoteClient::feedStreaming() const
{
    return m_feedSocket && m_feedSocketOpen;
}

void RemoteClient::stopFeed()
{
    ++m_feedGeneration;
    m_feedRetry.stop();
    m_feedPing.stop();
    if (m_feedReply)
        m_feedReply->abort();
    if (QWebSocket* socket = m_feedSocket) {
        m_feedSocket = nullptr; // its end is not a reason to reconnect
        socket->abort();
        socket->deleteLater();
    }
    m_feedSocketOpen = false;
}

void RemoteClient::pollChanges()
{
    if (!m_options.followChanges || m_bearer.isEmpty() || m_feedReply || m_feedSocket)
        return;
    chooseFeedNode();
    if (m_feedSeq >= 0 && m_options.preferStream && nowMs() >= m_streamRetryAtMs) {
        openStream();
        return;
    }
    QUrl url = m_nodes->node(m_feedNode).url.resolved(QUrl(u"/v1/changes"_s));
    QUrlQuery query;
    if (m_feedSeq >= 0) {
        query.addQueryItem(u"after"_s, QString::number(m_feedSeq));
        query.addQueryItem(u"wait"_s, QString::number(m_options.feedWaitS));
    }
    url.setQuery(query);
    QNetworkRequest http = prepare(url);
    http.setTransferTimeout((m_options.feedWaitS + 15) * 1000);
    QNetworkReply* reply = m_network.get(http);
    pin(reply, m_feedNode);
    m_feedReply = reply;
    const int generation = m_feedGeneration;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_feedGeneration)
            return;
        m_feedReply = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(reply->readAll(), &error);
        if (status != 200 || error.error != QJsonParseError::NoError || !json.isObject()) {
            // the node is away or restarting: try again, from the same seq
            if (status == 0) {
                setHealth(LinkHealth::State::Reconnecting, 0);
                m_nodes->failed(m_feedNode);
            }
            m_feedRetry.start(status == 401 ? 30'000 : feedRetryMs(1'000));
            return;
        }
        if (!applyFeedPage(json.object())) {
            m_feedRetry.start(5'000);
            return;
        }
        setHealth(LinkHealth::State::Online, m_health.latencyMs); // a poll's wait is no latency: the last one stands
        pollChanges();
    });
}

bool RemoteClient::applyFeedPage(const QJsonObject& page)
{
    api::ChangePage read;
    if (auto s = api::Json<api::ChangePage>::decode(page, read, {}, api::Source::Answer); !s) {
        qCWarning(lcRemote).noquote() << "the change feed's answer could not be read:" << s.error().toString();
        return false;
    }
    const bool first = m_feedSeq < 0;
    // never twice: a resumed stream or a retried poll may bring again what already arrived
    const qint64 seen = m_feedSeq;
    read.changes.removeIf([seen](const Change& c) { return c.seq <= seen; });
    m_feedSeq = read.nextAfter;
    if (read.resync)
        qCWarning(lcRemote) << "the feed was pruned past this client's position; views resume from" << m_feedSeq;
    if (!first && !read.changes.isEmpty())
        emit changed(read.changes);
    return true;
}

void RemoteClient::openStream()
{
    QUrl url = m_nodes->node(m_feedNode).url.resolved(QUrl(u"/v1/changes/stream"_s));
    url.setScheme(u"wss"_s);
    url.setQuery(u"after="_s + QString::number(m_feedSeq));
    const QNetworkRequest http = prepare(url); // the same TLS settings and bearer as every request
    auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    socket->setSslConfiguration(http.sslConfiguration());
    m_feedSocket = socket;
    m_feedSocketOpen = false;
    const int generation = m_feedGeneration;
    // the pinned certificate, as for every request (see pin())
    const QString pinned = m_nodes->node(m_feedNode).fingerprint.toUpper();
    connect(socket, &QWebSocket::sslErrors, socket, [socket, pinned](const QList<QSslError>& errors) {
        const QSslCertificate peer = socket->sslConfiguration().peerCertificate();
        const QString seen = QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
        if (!pinned.isEmpty() && seen == pinned)
            socket->ignoreSslErrors(errors);
    });
    connect(socket, &QWebSocket::connected, this, [this, socket] {
        if (socket != m_feedSocket)
            return;
        m_feedSocketOpen = true;
        m_streamFailures = 0;
        m_feedHeardMs = nowMs();
        setHealth(LinkHealth::State::Online, m_health.latencyMs); // the node is back: the stream says so
        m_feedPing.start(std::max(1000, m_options.streamPingMs));
    });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString& text) {
        if (socket != m_feedSocket)
            return;
        m_feedHeardMs = nowMs();
        const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8());
        if (!json.isObject() || !applyFeedPage(json.object()))
            socket->close(QWebSocketProtocol::CloseCodeDatatypeNotSupported, u"unreadable message"_s);
    });
    connect(socket, &QWebSocket::pong, this, [this, socket](quint64 elapsedMs) {
        if (socket != m_feedSocket)
            return;
        m_feedHeardMs = nowMs();
        setHealth(LinkHealth::State::Online, qint64(elapsedMs)); // a ping's round trip is the link's latency
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket, generation] { streamEnded(socket, generation); });
    // a refused TCP connection or handshake may end without `disconnected`
    connect(socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this, socket, generation](QAbstractSocket::SocketError error) {
                const bool gone = error == QAbstractSocket::ConnectionRefusedError ||
                                  error == QAbstractSocket::RemoteHostClosedError ||
                                  error == QAbstractSocket::HostNotFoundError;
                socket->setProperty("soukNodeGone", gone);
                if (socket->state() == QAbstractSocket::UnconnectedState || !m_feedSocketOpen)
                    streamEnded(socket, generation);
            });
    socket->open(http);
}

void RemoteClient::streamEnded(QWebSocket* socket, int generation)
{
    if (socket != m_feedSocket || generation != m_feedGeneration)
        return; // handled already, or stopped on purpose
    m_feedSocket = nullptr;
    m_feedPing.stop();
    const bool wasOpen = m_feedSocketOpen;
    m_feedSocketOpen = false;
    const int code = socket->closeCode();
    const QString error = socket->errorString();
    const bool gone = socket->property("soukNodeGone").toBool();
    socket->abort();
    socket->deleteLater();
    if (wasOpen) {
        // the node restarted or drained, the link broke, or the reader fell behind: resume from
        // the last seq; after a resync at once (the position is already the head)
        if (code == api::FeedClose::Unauthenticated) {
            m_feedRetry.start(30'000);
            return;
        }
        // the link broke without a word (the node killed, or silent past three pings): another
        // node goes on, if there is one; a node draining says so and its checks take it out
        if (code == QWebSocketProtocol::CloseCodeAbnormalDisconnection)
            m_nodes->failed(m_feedNode);
        m_feedRetry.start(code == api::FeedClose::Resync ? 0 : feedRetryMs(backoffMs(m_streamFailures++)));
        return;
    }
    static const QRegularExpression answered(u"status code: (\\d+)"_s);
    if (const auto m = answered.match(error); m.hasMatch()) {
        // the node (an older one) or a proxy answered the upgrade with something else
        qCInfo(lcRemote).noquote() << u"the change stream was refused (HTTP %1); following the feed by long poll"_s.arg(
            m.captured(1));
        m_streamRetryAtMs = nowMs() + StreamRefusedRetryMs;
        pollChanges();
        return;
    }
    setHealth(LinkHealth::State::Reconnecting, 0);
    if (gone)
        m_nodes->failed(m_feedNode);
    if (feedRetryMs(1) == 0) { // another node is ready: no proxy is to blame yet
        m_feedRetry.start(0);
        return;
    }
    if (++m_streamFailures >= StreamFailuresBeforeLongPoll) {
        m_streamRetryAtMs = nowMs() + StreamUnreachableRetryMs;
        m_streamFailures = 0;
    }
    m_feedRetry.start(backoffMs(m_streamFailures));
}

void RemoteClient::pingStream()
{
    if (!m_feedSocket || !m_feedSocketOpen)
        return;
    if (nowMs() - m_feedHeardMs > 3LL * std::max(1000, m_options.streamPingMs)) {
        // nothing heard, not even a pong: the link is gone without a word
        m_feedSocket->abort();
        return;
    }
    m_feedSocket->ping();
}

} // namespace souk
