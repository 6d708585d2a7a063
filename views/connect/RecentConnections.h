#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <functional>

#include "models/common/Prefs.h"

namespace souk::prefkeys {

/// The nodes connected to, newest first, as JSON: URL, how (session or API key), user, last use.
/// Never a secret: those stay in the keychain.
inline const Key<QString> RecentConnections{QStringLiteral("connect/recent"), {}};
/// The certificate trusted per node, as JSON: URL -> SHA-256 fingerprint.
inline const Key<QString> TrustedCertificates{QStringLiteral("connect/trusted"), {}};

} // namespace souk::prefkeys

namespace souk {

/// One node connected to before.
struct RecentConnection
{
    enum class Kind
    {
        Session, ///< signed in with user and password: the session token is the secret
        ApiKey,  ///< an API key is the secret
    };
    QUrl url; ///< normalised: https://host:port
    Kind kind = Kind::Session;
    QString user; ///< the user signed in, or the API key's user
    qint64 lastUsedMs = 0;
    /// A cluster's further nodes, normalised; empty for one node.
    QList<QUrl> otherNodes;
    /// How requests are spread over the nodes: "round-robin", "least-outstanding", "by-merchant".
    QString policy;

    /// The keychain account of this connection's secret: "https://node:8443 session ana".
    QString account() const;
    /// Every node: url, then otherNodes.
    QList<QUrl> nodes() const { return QList<QUrl>{url} + otherNodes; }
    bool sameAs(const RecentConnection& other) const;
};

/// The recent connections and the trusted certificates, in Prefs (QSettings). Holds URLs, user
/// names and fingerprints only: the secrets are in a SecretStore. GUI thread.
class RecentConnections final
{
public:
    static constexpr int ListMax = 10;

    explicit RecentConnections(Prefs& prefs, std::function<qint64()> nowMs = {});

    /// Newest first.
    QList<RecentConnection> list() const;
    /// Adds the connection (or moves it to the top), used now.
    RecentConnection remember(RecentConnection connection);
    void forget(const RecentConnection& connection);

    /// The fingerprint trusted for this node; empty when none was yet.
    QString trustedFingerprint(const QUrl& url) const;
    void trust(const QUrl& url, const QString& fingerprint);

    /// https://host:port (the port made explicit, no path): one node, one key.
    static QUrl normalised(const QUrl& url);

private:
    void save(const QList<RecentConnection>& list);

    Prefs& m_prefs;
    std::function<qint64()> m_nowMs;
};

} // namespace souk
