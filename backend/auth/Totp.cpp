#include "backend/auth/Totp.h"

#include <QMessageAuthenticationCode>
#include <QUrl>
#include <QtEndian>

#include <cerrno>
#include <memory>
#include <utility>

#include <qrencode.h>

#include "backend/auth/Secret.h"

using namespace Qt::StringLiterals;

namespace souk::auth {

namespace {

constexpr QStringView Base32Alphabet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr qsizetype Base32CharsMax = 1024; // far above any real secret; bounds the work per call
constexpr int RecoveryCodeChars = 10;

int base32Value(QChar c)
{
    const char16_t u = c.toUpper().unicode();
    if (u >= u'A' && u <= u'Z')
        return u - u'A';
    if (u >= u'2' && u <= u'7')
        return u - u'2' + 26;
    return -1;
}

QByteArray percentEncoded(const QString& text)
{
    // Everything but RFC 3986 unreserved characters, so ':' cannot split the label and '&' the query.
    return QUrl::toPercentEncoding(text);
}

} // namespace

bool Totp::QrMatrix::dark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= size || y >= size)
        return false;
    return modules.at(qsizetype(y) * size + x) != 0;
}

QByteArray Totp::newSecret()
{
    return Secret::randomBytes(SecretBytes);
}

QString Totp::base32(const QByteArray& bytes)
{
    QString out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(byte);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.append(Base32Alphabet[(buffer >> bits) & 0x1f]);
        }
    }
    if (bits > 0)
        out.append(Base32Alphabet[(buffer << (5 - bits)) & 0x1f]);
    return out;
}

std::optional<QByteArray> Totp::fromBase32(const QString& text)
{
    QString clean = text;
    clean.remove(u' ');
    while (clean.endsWith(u'='))
        clean.chop(1);
    // A length of 1, 3 or 6 (mod 8) leaves 5 or more bits over: no byte string encodes to that.
    const qsizetype rest = clean.size() % 8;
    if (clean.size() > Base32CharsMax || rest == 1 || rest == 3 || rest == 6)
        return std::nullopt;
    QByteArray out;
    out.reserve(clean.size() * 5 / 8);
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : std::as_const(clean)) {
        const int value = base32Value(c);
        if (value < 0)
            return std::nullopt;
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    return out;
}

QString Totp::code(const QByteArray& secret, qint64 step)
{
    QByteArray counter(8, Qt::Uninitialized);
    qToBigEndian(quint64(step), counter.data());
    const QByteArray mac = QMessageAuthenticationCode::hash(counter, secret, QCryptographicHash::Sha1);
    // RFC 4226 §5.3 dynamic truncation: the low nibble of the last byte picks four bytes, top bit cleared.
    const int offset = mac.back() & 0x0f;
    const quint32 binary = (quint32(quint8(mac[offset]) & 0x7f) << 24) | (quint32(quint8(mac[offset + 1])) << 16) |
                           (quint32(quint8(mac[offset + 2])) << 8) | quint32(quint8(mac[offset + 3]));
    return u"%1"_s.arg(binary % 1'000'000, Digits, 10, QChar(u'0'));
}

qint64 Totp::stepAt(qint64 unixMs)
{
    // Floor division: truncating would put -29 s and +29 s both in step 0, one 60 s step.
    return unixMs >= 0 ? unixMs / StepMs : -((-unixMs + StepMs - 1) / StepMs);
}

std::optional<qint64> Totp::match(const QByteArray& secret, const QString& code, qint64 nowMs, qint64 lastUsedStep)
{
    if (secret.isEmpty() || code.size() != Digits)
        return std::nullopt;
    for (const QChar c : code) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const QByteArray given = code.toLatin1();
    const qint64 now = stepAt(nowMs);
    std::optional<qint64> matched;
    // All three steps are computed and compared whatever matches, so the time taken does not tell
    // which step (or whether any) matched.
    for (qint64 step = now - 1; step <= now + 1; ++step) {
        const bool equal = Secret::equalConstantTime(Totp::code(secret, step).toLatin1(), given);
        if (equal && step > lastUsedStep && !matched)
            matched = step;
    }
    return matched;
}

QString Totp::uri(const QString& issuer, const QString& account, const QByteArray& secret)
{
    const QByteArray i = percentEncoded(issuer);
    const QByteArray query =
        "secret=" + base32(secret).toLatin1() + "&issuer=" + i + "&algorithm=SHA1&digits=6&period=30";
    return QString::fromLatin1("otpauth://totp/" + i + ':' + percentEncoded(account) + '?' + query);
}

Result<Totp::QrMatrix> Totp::qr(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.isEmpty() || utf8.contains('\0')) // libqrencode reads a C string
        return Error::invalid(u"text"_s, u"QR text must be non-empty and contain no NUL"_s);
    errno = 0;
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) {
        if (errno == ERANGE)
            return Error::invalid(u"text"_s, u"too long for a QR code"_s);
        return Error::internal(u"QR encoding failed (errno %1)"_s.arg(errno));
    }
    QrMatrix matrix;
    matrix.size = code->width;
    matrix.modules.resize(qsizetype(code->width) * code->width);
    for (qsizetype i = 0; i < matrix.modules.size(); ++i)
        matrix.modules[i] = char(code->data[i] & 1); // bit 0 is the module's colour; the rest is layout data
    return matrix;
}

QStringList Totp::recoveryCodes(int count)
{
    Q_ASSERT(count >= 1 && count <= RecoveryCodesMax);
    QStringList codes;
    for (int i = 0; i < qBound(1, count, RecoveryCodesMax); ++i) {
        const QString raw = Secret::randomText(RecoveryCodeChars);
        codes.append(raw.left(RecoveryCodeChars / 2) + u'-' + raw.mid(RecoveryCodeChars / 2));
    }
    return codes;
}

QString Totp::normaliseRecoveryCode(const QString& code)
{
    QString out;
    out.reserve(code.size());
    for (const QChar c : code) {
        if (!c.isSpace() && c != u'-')
            out.append(c.toLower());
    }
    return out;
}

} // namespace souk::auth
