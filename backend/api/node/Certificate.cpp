#include "backend/api/node/Certificate.h"

#include <algorithm>
#include <cerrno>
#include <optional>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSet>
#include <QtEndian>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include "backend/api/node/AddressText.h"
#include "backend/api/node/OpenSsl.h"

using namespace Qt::StringLiterals;

namespace souk::api {

namespace {

using openssl::PkeyPtr;
using openssl::X509Ptr;

constexpr int HostsMax = 100;
constexpr int CommonNameCharsMax = 64; // ub_common_name in RFC 5280
constexpr int SerialBytes = 16;
constexpr int FingerprintBytes = 32;
/// Valid from an hour ago, so a client whose clock runs a little behind accepts a fresh certificate.
constexpr long BackdateSeconds = 3600;

struct Host
{
    QString text;
    std::optional<QHostAddress> ip;
};

Result<QList<Host>> parseHosts(const QStringList& hosts)
{
    if (hosts.isEmpty())
        return Error::invalid(u"hosts"_s, u"name at least one host name or address"_s);
    if (hosts.size() > HostsMax)
        return Error::invalid(u"hosts"_s, u"at most %1 hosts"_s.arg(HostsMax));
    QList<Host> out;
    QSet<QString> seen;
    for (const QString& raw : hosts) {
        Host host{raw.trimmed(), address::parseIp(raw.trimmed())};
        if (host.ip)
            host.ip = address::unmapped(*host.ip);
        else if (!address::isHostName(host.text, true))
            return Error::invalid(u"hosts"_s, u"\"%1\" is neither an IP address nor a DNS name"_s.arg(raw));
        const QString key = host.ip ? host.ip->toString() : host.text.toLower();
        if (!seen.contains(key)) {
            seen.insert(key);
            out.append(host);
        }
    }
    if (out.front().text.size() > CommonNameCharsMax)
        return Error::invalid(u"hosts"_s, u"the first host becomes the common name, which holds at most %1 "
                                          u"characters"_s.arg(CommonNameCharsMax));
    return out;
}

Status checkNew(const QString& path, const QString& field)
{
    if (path.isEmpty())
        return Error::invalid(field, u"path must not be empty"_s);
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink())
        return Error::conflict(field, u"%1 already exists; it is never replaced"_s.arg(path));
    if (!QFileInfo(info.absolutePath()).isDir())
        return Error::notFound(field, u"folder %1 does not exist"_s.arg(info.absolutePath()));
    return {};
}

bool writeAll(int fd, const QByteArray& bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

void syncFolder(const QString& folder)
{
    // makes the new name itself durable; best effort, as some file systems refuse it
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

/// Writes a temporary file beside `path`, then hard-links it into place: link() fails when the
/// name exists (rename() would replace it), so a file that appeared meanwhile is never clobbered.
/// File systems without hard links (FAT) are refused rather than written racily.
Status writeNewFile(const QString& path, const QByteArray& bytes, mode_t mode, const QString& field)
{
    const QFileInfo info(path);
    QByteArray temp = QFile::encodeName(info.absolutePath() + u"/."_s + info.fileName() + u".XXXXXX"_s);
    // mode 0600 from the start, so the key is never readable by others; not inherited by child processes
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return Error::invalid(field, u"cannot write beside %1: %2"_s.arg(path, qt_error_string(error)));
    }
    int error = 0;
    errno = 0;
    if (::fchmod(fd, mode) != 0 || !writeAll(fd, bytes) || ::fsync(fd) != 0)
        error = errno != 0 ? errno : EIO; // a write of 0 bytes sets no errno
    if (::close(fd) != 0 && error == 0)
        error = errno;
    bool exists = false;
    if (error == 0 && ::link(temp.constData(), QFile::encodeName(path).constData()) != 0) {
        error = errno;
        exists = error == EEXIST;
    }
    ::unlink(temp.constData());
    if (exists)
        return Error::conflict(field, u"%1 already exists; it is never replaced"_s.arg(path));
    if (error != 0)
        return Error::invalid(field, u"cannot write %1: %2"_s.arg(path, qt_error_string(error)));
    syncFolder(info.absolutePath());
    return {};
}

bool setRandomSerial(X509* cert)
{
    unsigned char bytes[SerialBytes];
    if (RAND_bytes(bytes, SerialBytes) != 1)
        return false;
    bytes[0] = (bytes[0] & 0x7f) | 0x40; // positive and never zero, as RFC 5280 requires
    BIGNUM* serial = BN_bin2bn(bytes, SerialBytes, nullptr);
    const bool ok = serial && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert));
    BN_free(serial);
    return ok;
}

bool setName(X509* cert, const QString& commonName)
{
    X509_NAME* name = X509_get_subject_name(cert);
    const QByteArray utf8 = commonName.toUtf8();
    return X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(utf8.data()),
                                      int(utf8.size()), -1, 0) == 1 &&
           X509_set_issuer_name(cert, name) == 1;
}

GENERAL_NAME* generalName(const Host& host)
{
    GENERAL_NAME* name = GENERAL_NAME_new();
    ASN1_STRING* value = host.ip ? ASN1_OCTET_STRING_new() : ASN1_IA5STRING_new();
    QByteArray bytes;
    if (host.ip && host.ip->protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = qToBigEndian(host.ip->toIPv4Address());
        bytes = QByteArray(reinterpret_cast<const char*>(&v4), sizeof v4);
    } else if (host.ip) {
        const Q_IPV6ADDR v6 = host.ip->toIPv6Address();
        bytes = QByteArray(reinterpret_cast<const char*>(v6.c), 16);
    } else {
        bytes = host.text.toLatin1(); // isHostName() admitted ASCII only
    }
    if (!name || !value || ASN1_STRING_set(value, bytes.constData(), int(bytes.size())) != 1) {
        GENERAL_NAME_free(name);
        ASN1_STRING_free(value);
        return nullptr;
    }
    GENERAL_NAME_set0_value(name, host.ip ? GEN_IPADD : GEN_DNS, value);
    return name;
}

bool addSubjectAltNames(X509* cert, const QList<Host>& hosts)
{
    GENERAL_NAMES* names = sk_GENERAL_NAME_new_null();
    bool ok = names != nullptr;
    for (const Host& host : hosts) {
        GENERAL_NAME* name = ok ? generalName(host) : nullptr;
        ok = name && sk_GENERAL_NAME_push(names, name) > 0;
        if (!ok) {
            GENERAL_NAME_free(name);
            break;
        }
    }
    ok = ok && X509_add1_ext_i2d(cert, NID_subject_alt_name, names, 0, X509V3_ADD_DEFAULT) == 1;
    GENERAL_NAMES_free(names);
    return ok;
}

bool addExtension(X509* cert, X509V3_CTX* context, int nid, const char* value)
{
    X509_EXTENSION* extension = X509V3_EXT_nconf_nid(nullptr, context, nid, value);
    const bool ok = extension && X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return ok;
}

bool addExtensions(X509* cert, const QList<Host>& hosts)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
    // a leaf that signs handshakes only: pinning it must not let it vouch for other certificates
    return addExtension(cert, &context, NID_basic_constraints, "critical,CA:FALSE") &&
           addExtension(cert, &context, NID_key_usage, "critical,digitalSignature") &&
           addExtension(cert, &context, NID_ext_key_usage, "serverAuth") &&
           addExtension(cert, &context, NID_subject_key_identifier, "hash") &&
           addExtension(cert, &context, NID_authority_key_identifier, "keyid:always") &&
           addSubjectAltNames(cert, hosts);
}

Result<X509Ptr> makeCertificate(EVP_PKEY* key, const QList<Host>& hosts, int days)
{
    X509Ptr cert(X509_new());
    const bool ok = cert && X509_set_version(cert.get(), X509_VERSION_3) == 1 && setRandomSerial(cert.get()) &&
                    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -BackdateSeconds) &&
                    X509_time_adj_ex(X509_getm_notAfter(cert.get()), days, 0, nullptr) &&
                    setName(cert.get(), hosts.front().text) && X509_set_pubkey(cert.get(), key) == 1 &&
                    addExtensions(cert.get(), hosts) && X509_sign(cert.get(), key, EVP_sha256()) > 0;
    if (!ok)
        return Error::internal(u"cannot build the certificate: "_s + openssl::takeErrors());
    return cert;
}

/// PEM text of the key, held in OpenSSL's secure heap while it is encoded; the caller wipes the copy.
QByteArray keyPem(EVP_PKEY* key)
{
    BIO* bio = BIO_new(BIO_s_secmem());
    QByteArray pem;
    BUF_MEM* buffer = nullptr;
    if (bio && PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr) == 1 &&
        BIO_get_mem_ptr(bio, &buffer) == 1 && buffer)
        pem = QByteArray(buffer->data, qsizetype(buffer->length));
    BIO_free(bio);
    return pem;
}

QByteArray certificatePem(X509* cert)
{
    BIO* bio = BIO_new(BIO_s_mem());
    QByteArray pem;
    BUF_MEM* buffer = nullptr;
    if (bio && PEM_write_bio_X509(bio, cert) == 1 && BIO_get_mem_ptr(bio, &buffer) == 1 && buffer)
        pem = QByteArray(buffer->data, qsizetype(buffer->length));
    BIO_free(bio);
    return pem;
}

Status writePair(const QString& certPath, const QString& keyPath, const QByteArray& certText, QByteArray keyText)
{
    const Status key = writeNewFile(keyPath, keyText, 0600, u"key"_s);
    OPENSSL_cleanse(keyText.data(), size_t(keyText.size()));
    if (!key)
        return key;
    const Status cert = writeNewFile(certPath, certText, 0644, u"cert"_s);
    if (!cert)
        QFile::remove(keyPath); // a key without its certificate would only block the next attempt
    return cert;
}

} // namespace

Status createSelfSigned(const QString& certPath, const QString& keyPath, const QStringList& hosts, int days)
{
    if (days < 1 || days > CertificateDaysMax)
        return Error::invalid(u"days"_s,
                              u"must be 1..%1 (clients refuse longer-lived certificates)"_s.arg(CertificateDaysMax));
    const auto parsed = parseHosts(hosts);
    if (!parsed)
        return parsed.error();
    if (const Status cert = checkNew(certPath, u"cert"_s); !cert)
        return cert;
    if (const Status key = checkNew(keyPath, u"key"_s); !key)
        return key;
    if (QFileInfo(certPath).absoluteFilePath() == QFileInfo(keyPath).absoluteFilePath())
        return Error::invalid(u"key"_s, u"the key needs a file of its own, not %1"_s.arg(certPath));

    ERR_clear_error();
    const PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        return Error::internal(u"cannot make a P-256 key: "_s + openssl::takeErrors());
    const auto cert = makeCertificate(key.get(), *parsed, days);
    if (!cert)
        return cert.error();
    const QByteArray certText = certificatePem(cert->get());
    QByteArray keyText = keyPem(key.get());
    if (certText.isEmpty() || keyText.isEmpty())
        return Error::internal(u"cannot encode the certificate or key: "_s + openssl::takeErrors());
    return writePair(certPath, keyPath, certText, std::move(keyText));
}

Result<QString> fingerprintOfFile(const QString& certPemPath)
{
    const auto chain = openssl::readCertificates(certPemPath, u"cert"_s);
    if (!chain)
        return chain.error();
    return fingerprint(openssl::derOf(chain->front().get()));
}

QString fingerprint(const QByteArray& der)
{
    return QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString normalizedFingerprint(const QString& text)
{
    const QString trimmed = text.trimmed();
    QString hex;
    if (trimmed.size() == FingerprintBytes * 2) {
        hex = trimmed;
    } else if (trimmed.size() == FingerprintBytes * 3 - 1) {
        // "AB:CD:...": a colon after every pair and nowhere else
        for (qsizetype i = 0; i < trimmed.size(); ++i) {
            if ((i % 3 == 2) != (trimmed[i] == u':'))
                return {};
            if (i % 3 != 2)
                hex.append(trimmed[i]);
        }
    } else {
        return {};
    }
    const bool allHex = std::all_of(hex.begin(), hex.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
    if (!allHex)
        return {};
    return QString::fromLatin1(QByteArray::fromHex(hex.toLatin1()).toHex(':').toUpper());
}

Status checkKeyPair(const QString& certPath, const QString& keyPath)
{
    const auto chain = openssl::readCertificates(certPath, u"cert"_s);
    if (!chain)
        return chain.error();
    const auto key = openssl::readPrivateKey(keyPath, u"key"_s);
    if (!key)
        return key.error();
    return openssl::checkMatch(chain->front().get(), key->get(), certPath, keyPath);
}

} // namespace souk::api
