#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QProcess>
#include <QSslSocket>
#include <QString>

#include <memory>
#include <vector>

#include "backend/core/Id.h"

class QNetworkAccessManager;

namespace souk::test {

class StoreFixture;

/// A seeded store and the real soukd serving it on a free loopback port, spoken to over HTTPS
/// with the node's certificate pinned by its SHA-256 fingerprint (nothing else is trusted).
/// Owns the store's folder and the soukd process. Tests only; lives on the test thread, which it
/// blocks while it waits for the node.
class NodeFixture final
{
    Q_DISABLE_COPY_MOVE(NodeFixture)
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    /// "limits/per_address_rate" -> "5": merged over the fixture's test-friendly defaults.
    using Settings = QMap<QString, QString>;

    /// One answer, from the HTTPS client or parsed from raw bytes.
    struct Reply
    {
        int status = 0; ///< 0: no answer (closed, refused, timed out)
        Headers headers;
        QByteArray body;
        QString error; ///< what went wrong on the way, for messages

        QByteArray header(const QByteArray& name) const; ///< case-insensitive
        QJsonObject json() const;
        /// Status, headers and body, for a failure message.
        QString describe() const;
        /// Empty when this is the problem+json answer expected (status, Content-Type, code,
        /// field, and the document's own status); else what differs, with the answer.
        QString problemMismatch(int status, const QString& code, const QString& field) const;
    };

    /// What seed() made: two merchants, their orders, and a key per user.
    struct Seed
    {
        Id merchantA;
        Id merchantB;
        Id orderA;     ///< awaiting payment
        Id paidOrderA; ///< captured: refunds can be asked of paymentA
        Id paymentA;
        Id orderB;          ///< merchant B's own
        Id customer;        ///< ordered everything seeded
        QString skuA;       ///< in stock at merchant A
        Id productA;        ///< the product of skuA
        Id variantA;        ///< skuA's variant
        Id locationA;       ///< merchant A's stock location
        QString adminKey;   ///< sk_: platform admin
        QString ownerAKey;  ///< sk_: owner of merchant A
        QString ownerBKey;  ///< sk_: owner of merchant B
        QString supportKey; ///< sk_: platform support (reads)
        QString staffAKey;  ///< sk_: staff of merchant A (sells, keeps stock; manages no people)
        QString revokedKey; ///< sk_ of the owner of A, revoked with soukctl before soukd starts
        QString ownerAName;
        QString ownerAPassword;
        /// Merchant A's imported payment history (simulated, with fraud) ends 60 days ago;
        /// training before this cut-off leaves fraud and legitimate payments on both sides.
        qint64 historyCutoffMs = 0;
    };

    NodeFixture();
    ~NodeFixture();

    /// Makes the store with its merchants, products, orders, users and keys; false (with a
    /// warning) on any error. Call before start().
    bool seed();
    const Seed& seeded() const { return m_seed; }

    /// Writes the settings file and starts soukd on a free port; true once it printed the line
    /// it listens with and its certificate's fingerprint.
    bool start(const Settings& settings = {});
    /// Starts soukd again after it ended (a kill), on the same port with the same settings: a node
    /// coming back.
    bool restart();
    /// Rewrites the settings file (for SIGHUP).
    bool writeSettings(const Settings& settings);
    bool sendSignal(int number);
    /// SIGTERM; true when soukd exited with status 0 within 15 s.
    bool stop();
    /// Waits for soukd to end (it was told to); true when it exited with status 0 within 15 s.
    bool waitForExit();
    bool running() const;
    qint64 pid() const;
    /// soukd's stderr so far.
    QString log() const;
    quint16 port() const { return m_port; }
    /// The store's file, for a client that opens it in process while soukd is not running.
    QString storePath() const;
    QString fingerprint() const { return m_fingerprint; }

    /// One request over HTTPS (QNetworkAccessManager, certificate pinned).
    Reply request(const QByteArray& method, const QString& pathAndQuery, const QString& bearer = {},
                  const QByteArray& body = {}, const Headers& headers = {});
    /// A TLS connection to the node with its certificate pinned; null when it did not encrypt.
    std::unique_ptr<QSslSocket> connectTls(int timeoutMs = 5000);
    /// Writes `bytes` on a new pinned connection and reads one answer, or until the node closes.
    Reply exchange(const QByteArray& bytes, int timeoutMs = 5000);
    /// Reads one answer from an open connection, within `timeoutMs`.
    static Reply readReply(QSslSocket& socket, int timeoutMs);

    /// On a PostgreSQL store, once start() succeeded: one more soukd on the same database, with
    /// the same settings and certificate, on a port of its own (a node of a cluster). Its index
    /// (0 for the first), or -1 when it did not start.
    int startPeer();
    quint16 peerPort(int index) const { return m_peers.at(index).port; }
    QString peerFingerprint(int index) const { return m_peers.at(index).fingerprint; }
    qint64 peerPid(int index) const { return m_peers.at(index).process->processId(); }
    /// SIGKILL: the peer dies in the middle of whatever it does. True once it ended.
    bool killPeer(int index);
    /// Starts a peer that ended again, on its port: a node coming back.
    bool restartPeer(int index);
    /// SIGKILL for the fixture's own node; restart() brings it back. True once it ended.
    bool kill();

    /// Runs soukctl on the store (soukd must not be running); its exit code, -1 when it did not run.
    int soukctl(const QStringList& args, QString* out = nullptr);

private:
    struct Peer
    {
        std::unique_ptr<QProcess> process;
        quint16 port = 0;
        QString fingerprint;
    };

    bool launch();
    /// soukd on `port` with the fixture's store and settings, logging to `logName` in the
    /// fixture's folder; null (with a warning) unless it said it listens.
    std::unique_ptr<QProcess> spawn(quint16 port, const QString& logName, QString* fingerprint);
    bool seedShops();
    bool seedHistory();
    bool seedPeople();

    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QProcess> m_node;
    bool m_signalled = false; ///< the test sent soukd a signal: an exit is expected
    QString m_dir;
    Seed m_seed;
    Id m_revokedKeyId;
    quint16 m_port = 0;
    QString m_fingerprint;
    std::vector<Peer> m_peers;
};

} // namespace souk::test

/// Fails the test unless `reply` is the problem+json answer with that status, code and field.
#define QCOMPARE_PROBLEM(reply, status, code, field)                                                                   \
    do {                                                                                                               \
        const QString mismatch = (reply).problemMismatch(status, u"" code ""_s, u"" field ""_s);                       \
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));                                                            \
    } while (false)
