#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include "backend/client/NodeProber.h"

namespace souk {

/// A NodeProber over HTTPS, trusting the node as the connection does (its pinned fingerprint or
/// a CA file). /metrics and /readyz are a node's open endpoints: no credentials are sent.
/// Lives on its creator's thread (the GUI thread: the network is asynchronous).
class HttpNodeProber final : public QObject, public NodeProber
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpNodeProber)
public:
    struct Options
    {
        QUrl url;
        QString fingerprint;
        QString caFile;
        int timeoutMs = 2'000; ///< a node slower than this is not answering, for a health check
    };

    explicit HttpNodeProber(Options options, QObject* parent = nullptr);
    ~HttpNodeProber() override;

    QString url() const override { return m_options.url.toString(); }
    QFuture<Result<NodeScrape>> scrape() override;

private:
    QNetworkReply* get(const QString& path);

    Options m_options;
    QNetworkAccessManager m_network;
};

} // namespace souk
