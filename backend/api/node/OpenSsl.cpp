#include "backend/api/node/OpenSsl.h"

#include <QFile>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>

using namespace Qt::StringLiterals;

namespace souk::api::openssl {

namespace {

struct BioFree
{
    void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

int refusePassphrase(char*, int, int, void*)
{
    return -1;
}

BioPtr memoryBio(const QByteArray& bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

QString withDetail(const QString& message)
{
    const QString detail = takeErrors();
    return detail.isEmpty() ? message : message + u" ("_s + detail + u')';
}

} // namespace

Result<QByteArray> readSmallFile(const QString& path, const QString& field, qint64 bytesMax)
{
    QFile file(path);
    if (!file.exists())
        return Error::notFound(field, u"%1 does not exist"_s.arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(field, u"cannot read %1: %2"_s.arg(path, file.errorString()));
    if (file.size() > bytesMax)
        return Error::invalid(field, u"%1 is larger than %2 bytes"_s.arg(path).arg(bytesMax));
    // read one byte past the limit: size() is 0 for pipes and procfs files
    QByteArray bytes = file.read(bytesMax + 1);
    if (bytes.size() > bytesMax)
        return Error::invalid(field, u"%1 is larger than %2 bytes"_s.arg(path).arg(bytesMax));
    return bytes;
}

Result<std::vector<X509Ptr>> readCertificates(const QString& path, const QString& field)
{
    const auto bytes = readSmallFile(path, field);
    if (!bytes)
        return bytes.error();
    ERR_clear_error();
    const BioPtr bio = memoryBio(*bytes);
    std::vector<X509Ptr> chain;
    while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, refusePassphrase, nullptr))
        chain.emplace_back(cert);
    // the loop ends on "no start line" at the end of the input; any other error is a damaged block
    const unsigned long last = ERR_peek_last_error();
    const bool cleanEnd = ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE;
    if (chain.empty())
        return Error::invalid(field, withDetail(u"%1 holds no PEM certificate"_s.arg(path)));
    if (last != 0 && !cleanEnd)
        return Error::invalid(field, withDetail(u"%1 holds a damaged certificate"_s.arg(path)));
    ERR_clear_error();
    return chain;
}

Result<PkeyPtr> readPrivateKey(const QString& path, const QString& field)
{
    const auto bytes = readSmallFile(path, field);
    if (!bytes)
        return bytes.error();
    ERR_clear_error();
    const BioPtr bio = memoryBio(*bytes);
    PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr));
    if (!key) {
        if (bytes->contains("ENCRYPTED")) {
            takeErrors();
            return Error::invalid(field, u"%1 is encrypted; the node needs an unencrypted key "
                                         u"(protect it with file permissions instead)"_s.arg(path));
        }
        return Error::invalid(field, withDetail(u"%1 holds no PEM private key"_s.arg(path)));
    }
    return key;
}

Status checkMatch(X509* cert, EVP_PKEY* key, const QString& certPath, const QString& keyPath)
{
    EVP_PKEY* publicKey = X509_get0_pubkey(cert);
    if (!publicKey || EVP_PKEY_eq(publicKey, key) != 1) {
        takeErrors();
        return Error::invalid(u"key"_s, u"%1 does not belong to the certificate in %2"_s.arg(keyPath, certPath));
    }
    return {};
}

QByteArray derOf(X509* cert)
{
    const int size = i2d_X509(cert, nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    i2d_X509(cert, &out);
    return der;
}

QString takeErrors()
{
    QStringList lines;
    char buffer[256];
    while (const unsigned long code = ERR_get_error()) {
        ERR_error_string_n(code, buffer, sizeof buffer);
        lines.append(QString::fromLatin1(buffer));
    }
    return lines.join(u"; "_s);
}

} // namespace souk::api::openssl
