#include <memory>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "backend/api/node/Certificate.h"
#include "backend/api/node/TlsPolicy.h"
#include "tests/support/TestSupport.h"

using namespace Qt::StringLiterals;
using namespace souk;
using namespace souk::api;

namespace {

struct X509Free
{
    void operator()(X509* x) const { X509_free(x); }
};
struct CtxFree
{
    void operator()(SSL_CTX* c) const { SSL_CTX_free(c); }
};
struct StoreFree
{
    void operator()(X509_STORE* s) const { X509_STORE_free(s); }
};
struct StoreCtxFree
{
    void operator()(X509_STORE_CTX* s) const { X509_STORE_CTX_free(s); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

/// SHA-256 of no bytes (FIPS 180-4 test vector), in the form clients pin.
const QString EmptySha256 =
    u"E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55"_s;

X509Ptr readCert(const QString& path)
{
    const QByteArray pem = test::readFile(path);
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    X509Ptr cert(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    return cert;
}

/// Runs the openssl command-line tool; it must be there (Debian's openssl package), so a missing
/// tool fails the test instead of skipping it.
bool runOpenSsl(const QStringList& args, QByteArray* out = nullptr)
{
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice()); // a passphrase prompt must not wait for us
    process.start(u"openssl"_s, args);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << "openssl" << args.join(u' ') << "failed:" << process.errorString()
                             << process.readAllStandardError();
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    return true;
}

int modeOf(const QString& path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

} // namespace

class TestCertificate final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createsServerCertificate();
    void certificateVerifiesForItsHosts();
    void keyFileIsPrivateWhateverTheUmask();
    void refusesToOverwrite();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void missingFolder();

    void fingerprintMatchesOpenSslTool();
    void fingerprintOfKnownBytes();
    void fingerprintOfBadFile();
    void normalizedFingerprint_data();
    void normalizedFingerprint();

    void checkKeyPairAccepts();
    void checkKeyPairCatchesMismatch();
    void checkKeyPairNamesBadFile_data();
    void checkKeyPairNamesBadFile();

    void serverTlsOnFreshContext();
    void serverTlsLeavesContextOnError();

private:
    QString path(const QString& name) const { return m_dir->filePath(name); }
    bool createPair(const QString& prefix, const QStringList& hosts = {u"localhost"_s});

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCertificate::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCertificate::cleanup()
{
    m_dir.reset();
}

bool TestCertificate::createPair(const QString& prefix, const QStringList& hosts)
{
    const Status created = createSelfSigned(path(prefix + u"-cert.pem"_s), path(prefix + u"-key.pem"_s), hosts);
    if (!created)
        qWarning().noquote() << created.error().toString();
    return created.ok();
}

void TestCertificate::createsServerCertificate()
{
    const QStringList hosts{u"node.example.com"_s, u"localhost"_s, u"127.0.0.1"_s, u"::1"_s, u"*.shop.example"_s};
    const Status created = createSelfSigned(path(u"cert.pem"_s), path(u"key.pem"_s), hosts, 30);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().toString()));
    const X509Ptr cert = readCert(path(u"cert.pem"_s));
    QVERIFY(cert);

    QCOMPARE(X509_get_version(cert.get()), X509_VERSION_3);
    char commonName[128] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert.get()), NID_commonName, commonName, sizeof commonName);
    QCOMPARE(QString::fromUtf8(commonName), u"node.example.com"_s);
    QCOMPARE(X509_NAME_cmp(X509_get_subject_name(cert.get()), X509_get_issuer_name(cert.get())), 0);
    QCOMPARE(X509_verify(cert.get(), X509_get0_pubkey(cert.get())), 1); // self-signed with its own key
    QCOMPARE(X509_get_signature_nid(cert.get()), NID_ecdsa_with_SHA256);

    // a server leaf: not a CA, signs handshakes only, for TLS servers only
    QVERIFY(X509_get_extension_flags(cert.get()) & EXFLAG_BCONS);
    QCOMPARE(X509_check_ca(cert.get()), 0);
    QCOMPARE(X509_get_key_usage(cert.get()), quint32(KU_DIGITAL_SIGNATURE));
    QCOMPARE(X509_get_extended_key_usage(cert.get()), quint32(XKU_SSL_SERVER));

    // every host in subjectAltName, names as DNS and addresses as IP entries
    QCOMPARE(X509_check_host(cert.get(), "node.example.com", 0, 0, nullptr), 1);
    QCOMPARE(X509_check_host(cert.get(), "localhost", 0, 0, nullptr), 1);
    QCOMPARE(X509_check_host(cert.get(), "till.shop.example", 0, 0, nullptr), 1);
    QCOMPARE(X509_check_ip_asc(cert.get(), "127.0.0.1", 0), 1);
    QCOMPARE(X509_check_ip_asc(cert.get(), "::1", 0), 1);
    QCOMPARE(X509_check_host(cert.get(), "other.example.com", 0, 0, nullptr), 0);
    QCOMPARE(X509_check_host(cert.get(), "127.0.0.1", 0, 0, nullptr), 0); // an address is no DNS name
    QCOMPARE(X509_check_ip_asc(cert.get(), "127.0.0.2", 0), 0);

    // ECDSA P-256
    EVP_PKEY* key = X509_get0_pubkey(cert.get());
    QVERIFY(EVP_PKEY_is_a(key, "EC"));
    char group[64] = {};
    QVERIFY(EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, nullptr));
    QCOMPARE(QString::fromLatin1(group), u"prime256v1"_s);

    // valid now, for the days asked plus the hour it is backdated
    QVERIFY(X509_cmp_current_time(X509_get0_notBefore(cert.get())) < 0);
    int days = 0;
    int seconds = 0;
    QVERIFY(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(cert.get()), X509_get0_notAfter(cert.get())));
    QCOMPARE(days, 30);
    QCOMPARE(seconds, 3600);
}

void TestCertificate::certificateVerifiesForItsHosts()
{
    // what `curl --cacert cert.pem https://localhost:8443` does: the certificate is its own trust anchor
    QVERIFY(createPair(u"node"_s, {u"localhost"_s, u"10.1.2.3"_s}));
    const X509Ptr cert = readCert(path(u"node-cert.pem"_s));
    QVERIFY(cert);
    const auto verifyFor = [&](const char* host, const char* ip) {
        std::unique_ptr<X509_STORE, StoreFree> store(X509_STORE_new());
        X509_STORE_add_cert(store.get(), cert.get());
        std::unique_ptr<X509_STORE_CTX, StoreCtxFree> context(X509_STORE_CTX_new());
        X509_STORE_CTX_init(context.get(), store.get(), cert.get(), nullptr);
        X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(context.get());
        X509_VERIFY_PARAM_set_purpose(param, X509_PURPOSE_SSL_SERVER);
        if (host)
            X509_VERIFY_PARAM_set1_host(param, host, 0);
        if (ip)
            X509_VERIFY_PARAM_set1_ip_asc(param, ip);
        return X509_verify_cert(context.get()) == 1;
    };
    QVERIFY(verifyFor("localhost", nullptr));
    QVERIFY(verifyFor(nullptr, "10.1.2.3"));
    QVERIFY(!verifyFor("evil.example", nullptr));
    QVERIFY(!verifyFor(nullptr, "10.1.2.4"));
}

void TestCertificate::keyFileIsPrivateWhateverTheUmask()
{
    const mode_t previous = ::umask(0); // a careless umask must not make the key world-readable
    const bool created = createPair(u"node"_s);
    ::umask(previous);
    QVERIFY(created);
    QCOMPARE(modeOf(path(u"node-key.pem"_s)), 0600);
    QCOMPARE(modeOf(path(u"node-cert.pem"_s)), 0644);
    QVERIFY(test::readFile(path(u"node-key.pem"_s)).startsWith("-----BEGIN PRIVATE KEY-----"));
    // the temporary files are gone: only the pair is left
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::System),
             (QStringList{u"node-cert.pem"_s, u"node-key.pem"_s}));
}

void TestCertificate::refusesToOverwrite()
{
    QVERIFY(createPair(u"node"_s));
    const QByteArray cert = test::readFile(path(u"node-cert.pem"_s));
    const QByteArray key = test::readFile(path(u"node-key.pem"_s));

    const Status again = createSelfSigned(path(u"node-cert.pem"_s), path(u"node-key.pem"_s), {u"localhost"_s});
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(again.error().field, u"cert"_s);
    QVERIFY2(again.error().message.contains(path(u"node-cert.pem"_s)), qPrintable(again.error().message));

    // a new certificate beside an existing key: refused before anything is written
    const Status keyTaken = createSelfSigned(path(u"new-cert.pem"_s), path(u"node-key.pem"_s), {u"localhost"_s});
    QVERIFY(!keyTaken);
    QCOMPARE(keyTaken.error().field, u"key"_s);
    QVERIFY(keyTaken.error().message.contains(path(u"node-key.pem"_s)));
    QVERIFY(!QFile::exists(path(u"new-cert.pem"_s)));

    // a dangling symbolic link is a name too: writing through it could create a file elsewhere
    QVERIFY(QFile::link(path(u"nowhere"_s), path(u"link-key.pem"_s)));
    const Status link = createSelfSigned(path(u"link-cert.pem"_s), path(u"link-key.pem"_s), {u"localhost"_s});
    QVERIFY(!link);
    QCOMPARE(link.error().field, u"key"_s);
    QVERIFY(!QFile::exists(path(u"nowhere"_s)));

    QCOMPARE(test::readFile(path(u"node-cert.pem"_s)), cert);
    QCOMPARE(test::readFile(path(u"node-key.pem"_s)), key);
}

void TestCertificate::rejectsBadInput_data()
{
    QTest::addColumn<QStringList>("hosts");
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("field");
    const QStringList ok{u"localhost"_s};
    QTest::addRow("no hosts") << QStringList() << 30 << u"hosts"_s;
    QTest::addRow("space in a name") << QStringList{u"exa mple.com"_s} << 30 << u"hosts"_s;
    QTest::addRow("comma smuggling a name") << QStringList{u"a.example,DNS:evil.example"_s} << 30 << u"hosts"_s;
    QTest::addRow("short IPv4 form") << QStringList{u"127.1"_s} << 30 << u"hosts"_s;
    QTest::addRow("octet above 255") << QStringList{u"256.0.0.1"_s} << 30 << u"hosts"_s;
    QTest::addRow("IPv6 with a scope") << QStringList{u"fe80::1%eth0"_s} << 30 << u"hosts"_s;
    QTest::addRow("IPv6 in brackets") << QStringList{u"[::1]"_s} << 30 << u"hosts"_s;
    QTest::addRow("label too long") << QStringList{QString(64, u'a') + u".example"_s} << 30 << u"hosts"_s;
    QTest::addRow("empty host") << QStringList{u"localhost"_s, QString()} << 30 << u"hosts"_s;
    QTest::addRow("common name too long")
        << QStringList{QString(40, u'a') + u'.' + QString(40, u'b') + u".example"_s} << 30 << u"hosts"_s;
    QTest::addRow("zero days") << ok << 0 << u"days"_s;
    QTest::addRow("negative days") << ok << -1 << u"days"_s;
    QTest::addRow("above Apple's limit") << ok << 826 << u"days"_s;
}

void TestCertificate::rejectsBadInput()
{
    QFETCH(QStringList, hosts);
    QFETCH(int, days);
    QFETCH(QString, field);
    const Status created = createSelfSigned(path(u"cert.pem"_s), path(u"key.pem"_s), hosts, days);
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::Invalid);
    QCOMPARE(created.error().field, field);
    QVERIFY(QDir(m_dir->path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
}

void TestCertificate::missingFolder()
{
    const Status certFolder = createSelfSigned(path(u"no/cert.pem"_s), path(u"key.pem"_s), {u"localhost"_s});
    QVERIFY(!certFolder);
    QCOMPARE(certFolder.error().code, ErrorCode::NotFound);
    QCOMPARE(certFolder.error().field, u"cert"_s);

    const Status samePath = createSelfSigned(path(u"both.pem"_s), path(u"both.pem"_s), {u"localhost"_s});
    QVERIFY(!samePath);
    QCOMPARE(samePath.error().field, u"key"_s);
    QVERIFY(QDir(m_dir->path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
}

void TestCertificate::fingerprintMatchesOpenSslTool()
{
    QVERIFY(createPair(u"node"_s));
    QByteArray out;
    QVERIFY(runOpenSsl({u"x509"_s, u"-noout"_s, u"-fingerprint"_s, u"-sha256"_s, u"-in"_s, path(u"node-cert.pem"_s)},
                       &out));
    // "sha256 Fingerprint=AB:CD:..." (the label's case differs between OpenSSL versions)
    const QString tool = QString::fromLatin1(out).trimmed().section(u'=', 1);
    QCOMPARE(tool.size(), 95);
    const auto ours = fingerprintOfFile(path(u"node-cert.pem"_s));
    QVERIFY(ours);
    QCOMPARE(*ours, tool);

    // a second certificate has a fingerprint of its own
    QVERIFY(createPair(u"other"_s));
    const auto other = fingerprintOfFile(path(u"other-cert.pem"_s));
    QVERIFY(other);
    QVERIFY(*other != *ours);
}

void TestCertificate::fingerprintOfKnownBytes()
{
    QCOMPARE(fingerprint({}), EmptySha256);
    // FIPS 180-4 example "abc"
    QCOMPARE(fingerprint("abc"),
             u"BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD"_s);
}

void TestCertificate::fingerprintOfBadFile()
{
    const auto missing = fingerprintOfFile(path(u"missing.pem"_s));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(missing.error().field, u"cert"_s);

    QVERIFY(test::writeFile(path(u"garbage.pem"_s),
                            "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"));
    const auto garbage = fingerprintOfFile(path(u"garbage.pem"_s));
    QVERIFY(!garbage);
    QCOMPARE(garbage.error().field, u"cert"_s);

    QVERIFY(createPair(u"node"_s));
    const auto key = fingerprintOfFile(path(u"node-key.pem"_s)); // a key is no certificate
    QVERIFY(!key);
    QCOMPARE(key.error().field, u"cert"_s);
}

void TestCertificate::normalizedFingerprint_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QString bare = QString(EmptySha256).remove(u':');
    QTest::addRow("canonical") << EmptySha256 << EmptySha256;
    QTest::addRow("lower case with colons") << EmptySha256.toLower() << EmptySha256;
    QTest::addRow("no colons") << bare << EmptySha256;
    QTest::addRow("no colons, lower case") << bare.toLower() << EmptySha256;
    QTest::addRow("surrounding blanks") << u"  "_s + EmptySha256 + u"\n"_s << EmptySha256;
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("one digit short") << bare.left(63) << QString();
    QTest::addRow("one digit more") << bare + u'0' << QString();
    QTest::addRow("not hex") << bare.left(63) + u'G' << QString();
    QTest::addRow("colons misplaced") << u"E3B:0"_s + EmptySha256.mid(5) << QString();
    QTest::addRow("spaces between pairs") << QString(EmptySha256).replace(u':', u' ') << QString();
    QTest::addRow("SHA-1 length") << bare.left(40) << QString();
    QTest::addRow("sign") << u'+' + bare.mid(1) << QString();
}

void TestCertificate::normalizedFingerprint()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(souk::api::normalizedFingerprint(input), expected);
}

void TestCertificate::checkKeyPairAccepts()
{
    QVERIFY(createPair(u"node"_s));
    const Status checked = checkKeyPair(path(u"node-cert.pem"_s), path(u"node-key.pem"_s));
    QVERIFY2(checked.ok(), qPrintable(checked ? QString() : checked.error().toString()));
}

void TestCertificate::checkKeyPairCatchesMismatch()
{
    QVERIFY(createPair(u"a"_s));
    QVERIFY(createPair(u"b"_s));
    const Status crossed = checkKeyPair(path(u"a-cert.pem"_s), path(u"b-key.pem"_s));
    QVERIFY(!crossed);
    QCOMPARE(crossed.error().code, ErrorCode::Invalid);
    QCOMPARE(crossed.error().field, u"key"_s);
    QVERIFY(crossed.error().message.contains(path(u"b-key.pem"_s)));
}

void TestCertificate::checkKeyPairNamesBadFile_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::addRow("missing cert") << u"missing.pem"_s << u"node-key.pem"_s << u"cert"_s << u"does not exist"_s;
    QTest::addRow("missing key") << u"node-cert.pem"_s << u"missing.pem"_s << u"key"_s << u"does not exist"_s;
    QTest::addRow("cert is a key") << u"node-key.pem"_s << u"node-key.pem"_s << u"cert"_s << u"no PEM"_s;
    QTest::addRow("key is a cert") << u"node-cert.pem"_s << u"node-cert.pem"_s << u"key"_s << u"no PEM"_s;
    QTest::addRow("garbage key") << u"node-cert.pem"_s << u"garbage.pem"_s << u"key"_s << u"no PEM"_s;
    QTest::addRow("encrypted key") << u"node-cert.pem"_s << u"encrypted.pem"_s << u"key"_s << u"encrypted"_s;
    QTest::addRow("key is a folder") << u"node-cert.pem"_s << u"."_s << u"key"_s << QString();
}

void TestCertificate::checkKeyPairNamesBadFile()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QVERIFY(createPair(u"node"_s));
    QVERIFY(test::writeFile(path(u"garbage.pem"_s), "this is not PEM\n"));
    // an encrypted key must be refused, not answered with a passphrase prompt that hangs the node
    QVERIFY(runOpenSsl({u"genpkey"_s, u"-algorithm"_s, u"EC"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                        u"-aes-256-cbc"_s, u"-pass"_s, u"pass:secret"_s, u"-out"_s, path(u"encrypted.pem"_s)}));
    const Status checked = checkKeyPair(path(cert), path(key));
    QVERIFY(!checked);
    QCOMPARE(checked.error().field, field);
    QVERIFY2(checked.error().message.contains(message), qPrintable(checked.error().message));
}

void TestCertificate::serverTlsOnFreshContext()
{
    QVERIFY(createPair(u"node"_s));
    std::unique_ptr<SSL_CTX, CtxFree> ctx(SSL_CTX_new(TLS_server_method()));
    QVERIFY(ctx);
    const Status configured = configureServerTls(ctx.get(), path(u"node-cert.pem"_s), path(u"node-key.pem"_s));
    QVERIFY2(configured.ok(), qPrintable(configured ? QString() : configured.error().toString()));
    QCOMPARE(SSL_CTX_get_min_proto_version(ctx.get()), TLS1_2_VERSION);
    QCOMPARE(SSL_CTX_get_max_proto_version(ctx.get()), 0); // no cap: TLS 1.3 allowed
    QVERIFY(SSL_CTX_get0_certificate(ctx.get()));
    QCOMPARE(fingerprint([&] {
                 QByteArray der(i2d_X509(SSL_CTX_get0_certificate(ctx.get()), nullptr), Qt::Uninitialized);
                 auto* out = reinterpret_cast<unsigned char*>(der.data());
                 i2d_X509(SSL_CTX_get0_certificate(ctx.get()), &out);
                 return der;
             }()),
             *fingerprintOfFile(path(u"node-cert.pem"_s)));

    // a context someone loosened first is tightened, not merely left as it was
    std::unique_ptr<SSL_CTX, CtxFree> loose(SSL_CTX_new(TLS_server_method()));
    QVERIFY(SSL_CTX_set_min_proto_version(loose.get(), TLS1_VERSION));
    SSL_CTX_clear_options(loose.get(), SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION);
    QVERIFY(configureServerTls(loose.get(), path(u"node-cert.pem"_s), path(u"node-key.pem"_s)).ok());
    QCOMPARE(SSL_CTX_get_min_proto_version(loose.get()), TLS1_2_VERSION);
    QVERIFY(SSL_CTX_get_options(loose.get()) & SSL_OP_CIPHER_SERVER_PREFERENCE);
    QVERIFY(SSL_CTX_get_options(loose.get()) & SSL_OP_NO_COMPRESSION);
}

void TestCertificate::serverTlsLeavesContextOnError()
{
    QVERIFY(createPair(u"a"_s));
    QVERIFY(createPair(u"b"_s));
    std::unique_ptr<SSL_CTX, CtxFree> ctx(SSL_CTX_new(TLS_server_method()));
    QVERIFY(ctx);
    QVERIFY(SSL_CTX_set_min_proto_version(ctx.get(), TLS1_VERSION));
    const Status crossed = configureServerTls(ctx.get(), path(u"a-cert.pem"_s), path(u"b-key.pem"_s));
    QVERIFY(!crossed);
    QCOMPARE(crossed.error().field, u"key"_s);
    const Status missing = configureServerTls(ctx.get(), path(u"missing.pem"_s), path(u"a-key.pem"_s));
    QVERIFY(!missing);
    QCOMPARE(missing.error().field, u"cert"_s);
    // nothing was applied: the files are checked before the context changes
    QVERIFY(!SSL_CTX_get0_certificate(ctx.get()));
    QCOMPARE(SSL_CTX_get_min_proto_version(ctx.get()), TLS1_VERSION);
    QVERIFY(!(SSL_CTX_get_options(ctx.get()) & SSL_OP_CIPHER_SERVER_PREFERENCE));
}

QTEST_GUILESS_MAIN(TestCertificate)
#include "TestCertificate.moc"
