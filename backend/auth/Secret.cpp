#include "backend/auth/Secret.h"

#include <QCryptographicHash>
#include <QtGlobal>

#include <openssl/crypto.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace souk::auth {

namespace {

constexpr auto TokenEncoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr int KindCharsMax = 16;

bool isValidKind(QStringView kind)
{
    if (kind.isEmpty() || kind.size() > KindCharsMax)
        return false;
    for (const QChar c : kind) {
        if (c < u'a' || c > u'z')
            return false;
    }
    return true;
}

} // namespace

QByteArray Secret::randomBytes(int n)
{
    Q_ASSERT(n >= 0);
    QByteArray out(qMax(n, 0), Qt::Uninitialized);
    // RAND_bytes only fails when the OS generator cannot be read or seeded. No caller can recover
    // from that, and carrying on would hand out guessable secrets, so stop the process (also in Release).
    if (n > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), n) != 1)
        qFatal("the system random number generator failed");
    return out;
}

QString Secret::randomText(int length, QStringView alphabet)
{
    Q_ASSERT(length >= 0);
    Q_ASSERT(!alphabet.isEmpty() && alphabet.size() <= 256);
    // Rejection sampling: bytes at or above the largest multiple of the alphabet size are drawn
    // again, so every symbol is equally likely (a plain modulo would favour the first symbols).
    const int symbols = int(alphabet.size());
    const int acceptBelow = 256 - 256 % symbols;
    QString out;
    out.reserve(length);
    while (out.size() < length) {
        const QByteArray batch = randomBytes(int(length - out.size()) + 8);
        for (const char byte : batch) {
            const int value = static_cast<unsigned char>(byte);
            if (value < acceptBelow && out.size() < length)
                out.append(alphabet[value % symbols]);
        }
    }
    return out;
}

Secret::Token Secret::make(QStringView kind)
{
    Q_ASSERT(isValidKind(kind));
    Token token;
    token.text = kind.toString() + u'_' + QString::fromLatin1(randomBytes(TokenBytes).toBase64(TokenEncoding));
    token.hash = hashOf(token.text);
    token.prefix = token.text.left(PrefixChars);
    return token;
}

QByteArray Secret::hashOf(const QString& tokenText)
{
    return QCryptographicHash::hash(tokenText.toUtf8(), QCryptographicHash::Sha256);
}

bool Secret::looksLike(QStringView kind, const QString& text)
{
    constexpr int EncodedChars = (TokenBytes * 8 + 5) / 6; // 43
    if (!isValidKind(kind) || text.size() != kind.size() + 1 + EncodedChars)
        return false;
    if (!text.startsWith(kind) || text[kind.size()] != u'_')
        return false;
    // Decoding strictly and encoding again rejects foreign characters and non-canonical last symbols.
    const QByteArray encoded = text.mid(kind.size() + 1).toLatin1();
    const auto decoded =
        QByteArray::fromBase64Encoding(encoded, TokenEncoding | QByteArray::AbortOnBase64DecodingErrors);
    return decoded && decoded.decoded.size() == TokenBytes && decoded.decoded.toBase64(TokenEncoding) == encoded;
}

bool Secret::equalConstantTime(const QByteArray& a, const QByteArray& b)
{
    // Lengths are public (hashes and codes have fixed sizes), so comparing them first leaks nothing.
    if (a.size() != b.size())
        return false;
    return a.isEmpty() || CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace souk::auth
