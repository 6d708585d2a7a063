#include <memory>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include "backend/api/node/Certificate.h"
#include "backend/api/node/TlsPolicy.h"
#include "tests/support/TestSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::api;

namespace {

struct CtxFree
{
    void operator()(SSL_CTX* c) const { SSL_CTX_free(c); }
};
struct SslFree
{
    void operator()(SSL* s) const { SSL_free(s); }
};
using CtxPtr = std::unique_ptr<SSL_CTX, CtxFree>;
using SslPtr = std::unique_ptr<SSL, SslFree>;

/// Mozilla Server Side TLS "intermediate", written out here on purpose rather than taken from the
/// code under test, so a change to the policy has to change this test too.
const QStringList IntermediateTls12{
    u"ECDHE-ECDSA-AES128-GCM-SHA256"_s, u"ECDHE-RSA-AES128-GCM-SHA256"_s,   u"ECDHE-ECDSA-AES256-GCM-SHA384"_s,
    u"ECDHE-RSA-AES256-GCM-SHA384"_s,   u"ECDHE-ECDSA-CHACHA20-POLY1305"_s, u"ECDHE-RSA-CHACHA20-POLY1305"_s,
    u"DHE-RSA-AES128-GCM-SHA256"_s,     u"DHE-RSA-AES256-GCM-SHA384"_s,     u"DHE-RSA-CHACHA20-POLY1305"_s,
};
const QStringList IntermediateTls13{u"TLS_AES_128_GCM_SHA256"_s, u"TLS_AES_256_GCM_SHA384"_s,
                                    u"TLS_CHACHA20_POLY1305_SHA256"_s};

struct Outcome
{
    bool ok = false;
    QString version;
    QString cipher;
    int peerKeyBits = 0;
    QString peerKeyType;
    int failure = 0; ///< OpenSSL's reason code for the first side that gave up
};

/// A whole handshake between two contexts through an in-memory BIO pair: no sockets, no threads.
Outcome handshake(SSL_CTX* server, SSL_CTX* client, const char* hostName = "localhost")
{
    SslPtr s(SSL_new(server));
    SslPtr c(SSL_new(client));
    BIO* serverEnd = nullptr;
    BIO* clientEnd = nullptr;
    BIO_new_bio_pair(&serverEnd, 0, &clientEnd, 0);
    SSL_set_bio(s.get(), serverEnd, serverEnd);
    SSL_set_bio(c.get(), clientEnd, clientEnd);
    SSL_set_accept_state(s.get());
    SSL_set_connect_state(c.get());
    SSL_set_tlsext_host_name(c.get(), hostName);
    SSL_set1_host(c.get(), hostName);

    bool serverDone = false;
    bool clientDone = false;
    bool failed = false;
    int failure = 0;
    const auto step = [&failed, &failure](SSL* ssl, bool& done) {
        if (done || failed)
            return;
        const int result = SSL_do_handshake(ssl);
        const int error = result == 1 ? SSL_ERROR_NONE : SSL_get_error(ssl, result);
        done = result == 1;
        failed = error != SSL_ERROR_NONE && error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE;
        if (failed)
            failure = ERR_GET_REASON(ERR_peek_last_error());
    };
    for (int round = 0; round < 20 && !failed && !(serverDone && clientDone); ++round) {
        step(c.get(), clientDone);
        step(s.get(), serverDone);
    }
    ERR_clear_error();
    Outcome outcome;
    outcome.ok = serverDone && clientDone && !failed;
    outcome.failure = failure;
    if (!outcome.ok)
        return outcome;
    outcome.version = QString::fromLatin1(SSL_get_version(c.get()));
    outcome.cipher = QString::fromLatin1(SSL_CIPHER_get_name(SSL_get_current_cipher(c.get())));
    EVP_PKEY* peerKey = nullptr;
    if (SSL_get_peer_tmp_key(c.get(), &peerKey) == 1) {
        outcome.peerKeyBits = EVP_PKEY_get_bits(peerKey);
        outcome.peerKeyType = QString::fromLatin1(EVP_PKEY_get0_type_name(peerKey));
        EVP_PKEY_free(peerKey);
    }
    return outcome;
}

bool runOpenSsl(const QStringList& args)
{
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(u"openssl"_s, args);
    const bool ok =
        process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!ok)
        qWarning().noquote() << "openssl" << args.join(u' ') << "failed:" << process.readAllStandardError();
    return ok;
}

} // namespace

/// The server policy seen from real clients: what a handshake agrees on, and what it refuses.
class TestTlsPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void settings();
    void tls13ByDefault();
    void tls13FollowsServerOrder();
    void tls12FollowsServerOrder();
    void refusesTls11();
    void refusesCbcCipher();
    void refusesWrongHost();
    void dheUsesFfdhe2048();

private:
    /// A client that trusts only the node's certificate and checks the host name, like a pinned console.
    CtxPtr client(int maxVersion = 0, const char* ciphers = nullptr) const;

    QTemporaryDir m_dir;
    CtxPtr m_server;
};

void TestTlsPolicy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Status created =
        createSelfSigned(m_dir.filePath(u"cert.pem"_s), m_dir.filePath(u"key.pem"_s), {u"localhost"_s, u"127.0.0.1"_s});
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().toString()));
}

void TestTlsPolicy::init()
{
    m_server.reset(SSL_CTX_new(TLS_server_method()));
    QVERIFY(m_server);
    const Status configured =
        configureServerTls(m_server.get(), m_dir.filePath(u"cert.pem"_s), m_dir.filePath(u"key.pem"_s));
    QVERIFY2(configured.ok(), qPrintable(configured ? QString() : configured.error().toString()));
}

CtxPtr TestTlsPolicy::client(int maxVersion, const char* ciphers) const
{
    CtxPtr ctx(SSL_CTX_new(TLS_client_method()));
    const QByteArray pem = test::readFile(m_dir.filePath(u"cert.pem"_s));
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx.get()), cert);
    X509_free(cert);
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_PEER, nullptr);
    if (maxVersion != 0)
        SSL_CTX_set_max_proto_version(ctx.get(), maxVersion);
    if (ciphers)
        SSL_CTX_set_cipher_list(ctx.get(), ciphers);
    return ctx;
}

void TestTlsPolicy::settings()
{
    const uint64_t options = SSL_CTX_get_options(m_server.get());
    QVERIFY(options & SSL_OP_NO_COMPRESSION);
    QVERIFY(options & SSL_OP_NO_RENEGOTIATION);
    QVERIFY(options & SSL_OP_NO_TICKET);
    // Mozilla's intermediate lets the client choose; the node chooses so testssl.sh finds a cipher order
    QVERIFY(options & SSL_OP_CIPHER_SERVER_PREFERENCE);
    QCOMPARE(SSL_CTX_get_min_proto_version(m_server.get()), TLS1_2_VERSION);

    QStringList tls12;
    QStringList tls13;
    const STACK_OF(SSL_CIPHER)* ciphers = SSL_CTX_get_ciphers(m_server.get());
    for (int i = 0; i < sk_SSL_CIPHER_num(ciphers); ++i) {
        const QString name = QString::fromLatin1(SSL_CIPHER_get_name(sk_SSL_CIPHER_value(ciphers, i)));
        (name.startsWith(u"TLS_"_s) ? tls13 : tls12).append(name);
    }
    QCOMPARE(tls12, IntermediateTls12);
    QCOMPARE(tls13, IntermediateTls13);
}

void TestTlsPolicy::tls13ByDefault()
{
    const CtxPtr ctx = client();
    const Outcome outcome = handshake(m_server.get(), ctx.get());
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.version, u"TLSv1.3"_s);
    QCOMPARE(outcome.cipher, IntermediateTls13.first());
    QCOMPARE(outcome.peerKeyType, u"X25519"_s); // the first group offered by both
}

void TestTlsPolicy::tls13FollowsServerOrder()
{
    // a client that lists the suites the other way round still gets the server's first choice
    const CtxPtr ctx = client();
    QVERIFY(SSL_CTX_set_ciphersuites(ctx.get(),
                                     "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256"));
    Outcome outcome = handshake(m_server.get(), ctx.get());
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.version, u"TLSv1.3"_s);
    QCOMPARE(outcome.cipher, u"TLS_AES_128_GCM_SHA256"_s);

    // ChaCha20 is still there for a client that offers nothing else
    QVERIFY(SSL_CTX_set_ciphersuites(ctx.get(), "TLS_CHACHA20_POLY1305_SHA256"));
    outcome = handshake(m_server.get(), ctx.get());
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.cipher, u"TLS_CHACHA20_POLY1305_SHA256"_s);
}

void TestTlsPolicy::tls12FollowsServerOrder()
{
    // the server lists AES-128 first, then AES-256, then ChaCha20: a client that asks for ChaCha20
    // first (one without AES hardware) gets AES-128, as does one that puts AES-256 first
    const CtxPtr chacha = client(TLS1_2_VERSION, "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256");
    Outcome outcome = handshake(m_server.get(), chacha.get());
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.version, u"TLSv1.2"_s);
    QCOMPARE(outcome.cipher, u"ECDHE-ECDSA-AES128-GCM-SHA256"_s);

    const CtxPtr aes256 = client(TLS1_2_VERSION, "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305");
    outcome = handshake(m_server.get(), aes256.get());
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.cipher, u"ECDHE-ECDSA-AES256-GCM-SHA384"_s);

    const CtxPtr onlyChacha = client(TLS1_2_VERSION, "ECDHE-ECDSA-CHACHA20-POLY1305");
    outcome = handshake(m_server.get(), onlyChacha.get());
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.cipher, u"ECDHE-ECDSA-CHACHA20-POLY1305"_s);
}

void TestTlsPolicy::refusesTls11()
{
    // a client that goes no higher than TLS 1.1 (security level 0 lets OpenSSL 3 offer it at all)
    const CtxPtr old = client(TLS1_1_VERSION, "DEFAULT:@SECLEVEL=0");
    SSL_CTX_set_security_level(old.get(), 0);
    SSL_CTX_set_min_proto_version(old.get(), TLS1_VERSION);
    const Outcome refused = handshake(m_server.get(), old.get());
    QVERIFY(!refused.ok);
    // the server gives the version as its reason, ahead of the ciphers and security level that rule
    // TLS 1.1 out as well
    QCOMPARE(refused.failure, SSL_R_UNSUPPORTED_PROTOCOL);

    // the same client allowed TLS 1.2 connects
    const CtxPtr control = client(TLS1_2_VERSION, "DEFAULT:@SECLEVEL=0");
    SSL_CTX_set_security_level(control.get(), 0);
    SSL_CTX_set_min_proto_version(control.get(), TLS1_VERSION);
    const Outcome outcome = handshake(m_server.get(), control.get());
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.version, u"TLSv1.2"_s);
}

void TestTlsPolicy::refusesCbcCipher()
{
    const CtxPtr cbc = client(TLS1_2_VERSION, "ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA");
    QVERIFY(!handshake(m_server.get(), cbc.get()).ok);
}

void TestTlsPolicy::refusesWrongHost()
{
    const CtxPtr ctx = client();
    QVERIFY(handshake(m_server.get(), ctx.get(), "localhost").ok);
    QVERIFY(!handshake(m_server.get(), ctx.get(), "evil.example").ok);
}

void TestTlsPolicy::dheUsesFfdhe2048()
{
    // DHE suites need an RSA certificate, which operators may bring; the node's own one is ECDSA
    const QString cert = m_dir.filePath(u"rsa-cert.pem"_s);
    const QString key = m_dir.filePath(u"rsa-key.pem"_s);
    QVERIFY(runOpenSsl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key, u"-out"_s,
                        cert, u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=localhost"_s, u"-addext"_s,
                        u"subjectAltName=DNS:localhost"_s}));
    CtxPtr server(SSL_CTX_new(TLS_server_method()));
    QVERIFY(configureServerTls(server.get(), cert, key).ok());

    CtxPtr ctx(SSL_CTX_new(TLS_client_method()));
    SSL_CTX_set_max_proto_version(ctx.get(), TLS1_2_VERSION);
    SSL_CTX_set_cipher_list(ctx.get(), "DHE-RSA-AES128-GCM-SHA256");
    const Outcome outcome = handshake(server.get(), ctx.get());
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.cipher, u"DHE-RSA-AES128-GCM-SHA256"_s);
    QCOMPARE(outcome.peerKeyType, u"DH"_s);
    QCOMPARE(outcome.peerKeyBits, 2048);

    // the same client against a server with no DH group set: no shared cipher, so the group above is ours
    CtxPtr bare(SSL_CTX_new(TLS_server_method()));
    QVERIFY(SSL_CTX_use_certificate_chain_file(bare.get(), QFile::encodeName(cert).constData()));
    QVERIFY(SSL_CTX_use_PrivateKey_file(bare.get(), QFile::encodeName(key).constData(), SSL_FILETYPE_PEM));
    QVERIFY(!handshake(bare.get(), ctx.get()).ok);
}

QTEST_GUILESS_MAIN(TestTlsPolicy)
#include "TestTlsPolicy.moc"
