#include "backend/auth/ReplaySeal.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>

#include <memory>

#include <openssl/evp.h>

#include "backend/auth/Secret.h"

using namespace Qt::StringLiterals;

namespace souk::auth {
namespace {

constexpr char SealFormat = 'S';
constexpr char SealVersion = 1;
constexpr int NonceBytes = 12; ///< GCM's own nonce size; random, and a key seals one answer only
constexpr int TagBytes = 16;
constexpr int HeaderBytes = 2 + NonceBytes;

QByteArray hmac(const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

/// HKDF-Expand (RFC 5869) of one 32-byte block: all any key here needs.
QByteArray expand(const QByteArray& prk, const char* info)
{
    return hmac(prk, QByteArray(info) + '\x01');
}

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes(const QByteArray& b)
{
    return reinterpret_cast<const unsigned char*>(b.constData());
}

} // namespace

ReplaySeal::ReplaySeal(const QString& idempotencyKey, const QString& scope)
{
    // HKDF-Extract with the scope as salt: the same key sent by two principals opens nothing of
    // the other's
    const QByteArray prk = hmac(scope.toUtf8(), idempotencyKey.toUtf8());
    m_lookupKey = expand(prk, "souk replay lookup v1");
    m_requestKey = expand(prk, "souk replay request v1");
    m_sealKey = expand(prk, "souk replay seal v1");
}

QString ReplaySeal::lookupKey() const
{
    return u'~' + QString::fromLatin1(hmac(m_lookupKey, QByteArrayLiteral("lookup")).toHex());
}

QString ReplaySeal::requestHash(const QString& command, const QJsonObject& parameters) const
{
    // QJsonDocument writes object keys sorted, so the same parameters always give the same bytes
    const QByteArray message = command.toUtf8() + '\n' + QJsonDocument(parameters).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(hmac(m_requestKey, message).toHex());
}

QByteArray ReplaySeal::seal(const QByteArray& plain, const QByteArray& context) const
{
    const QByteArray nonce = Secret::randomBytes(NonceBytes);
    QByteArray out;
    out.reserve(HeaderBytes + plain.size() + TagBytes);
    out.append(SealFormat).append(SealVersion).append(nonce);
    out.resize(HeaderBytes + plain.size() + TagBytes);
    auto* cipherText = reinterpret_cast<unsigned char*>(out.data() + HeaderBytes);
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int n = 0;
    int total = 0;
    // a failure here is OpenSSL out of memory or broken: nothing a caller could do but not store
    // the answer, and storing it unsealed is not an option
    const bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceBytes, nullptr) == 1 &&
                    EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_sealKey), bytes(nonce)) == 1 &&
                    EVP_EncryptUpdate(ctx.get(), nullptr, &n, bytes(context), int(context.size())) == 1 &&
                    EVP_EncryptUpdate(ctx.get(), cipherText, &n, bytes(plain), int(plain.size())) == 1 &&
                    (total = n, EVP_EncryptFinal_ex(ctx.get(), cipherText + total, &n) == 1) &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagBytes, cipherText + plain.size()) == 1;
    if (!ok)
        qFatal("AES-256-GCM sealing failed");
    return out;
}

std::optional<QByteArray> ReplaySeal::open(const QByteArray& sealed, const QByteArray& context) const
{
    if (sealed.size() < HeaderBytes + TagBytes || sealed[0] != SealFormat || sealed[1] != SealVersion)
        return std::nullopt;
    const QByteArray nonce = sealed.mid(2, NonceBytes);
    const qsizetype plainSize = sealed.size() - HeaderBytes - TagBytes;
    QByteArray tag = sealed.right(TagBytes);
    QByteArray plain(plainSize, Qt::Uninitialized);
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int n = 0;
    const bool ok =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceBytes, nullptr) == 1 &&
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_sealKey), bytes(nonce)) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &n, bytes(context), int(context.size())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &n, bytes(sealed) + HeaderBytes,
                          int(plainSize)) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagBytes, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + n, &n) == 1; // checks the tag
    if (!ok)
        return std::nullopt;
    return plain;
}

} // namespace souk::auth
