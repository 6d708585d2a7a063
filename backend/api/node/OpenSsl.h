#pragma once

#include <memory>
#include <vector>

#include <QByteArray>
#include <QString>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "backend/core/Result.h"

// Internal to souk_api_node: owning handles and PEM loading shared by Certificate and TlsPolicy.
namespace souk::api::openssl {

struct X509Free
{
    void operator()(X509* x) const { X509_free(x); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};

using X509Ptr = std::unique_ptr<X509, X509Free>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;

/// Certificates, keys and INI files are small; anything larger is a wrong path, not a PEM file.
constexpr qint64 PemBytesMax = 1024 * 1024;

/// The whole file, refused when missing or larger than `bytesMax`; errors name `field`.
Result<QByteArray> readSmallFile(const QString& path, const QString& field, qint64 bytesMax = PemBytesMax);

/// Every certificate in a PEM file, leaf first; at least one, or an Error naming `field`.
Result<std::vector<X509Ptr>> readCertificates(const QString& path, const QString& field);

/// An unencrypted PEM private key. Never prompts: OpenSSL's default callback would read a
/// passphrase from the terminal, which hangs a service.
Result<PkeyPtr> readPrivateKey(const QString& path, const QString& field);

/// Whether `key` is the private half of `cert`'s public key; the Error names "key" and both paths.
Status checkMatch(X509* cert, EVP_PKEY* key, const QString& certPath, const QString& keyPath);

/// The DER encoding of a certificate (what fingerprints hash).
QByteArray derOf(X509* cert);

/// OpenSSL's queued errors on this thread as one line, and the queue emptied.
QString takeErrors();

} // namespace souk::api::openssl
