#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

#include "backend/core/Result.h"

namespace souk::auth {

/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits), their enrolment URI
/// and QR matrix, and recovery codes. Stateless; any thread. Time comes in as an argument, from the
/// caller's Clock.
class Totp
{
public:
    static constexpr qint64 StepMs = 30'000;
    static constexpr int Digits = 6;
    static constexpr int SecretBytes = 20;
    static constexpr int RecoveryCodesMax = 100;

    /// A QR code's modules, row by row. Value type.
    struct QrMatrix
    {
        int size = 0;
        QByteArray modules; ///< size * size bytes, 1 = dark
        /// Whether module (x, y) is dark; false outside the matrix.
        bool dark(int x, int y) const;
    };

    /// A new shared secret: 160 bits, as RFC 4226 recommends for HMAC-SHA1.
    static QByteArray newSecret();
    /// RFC 4648 base32, upper case, without padding: how authenticator apps take secrets.
    static QString base32(const QByteArray& bytes);
    /// The bytes of base32 text; case-insensitive, spaces and trailing '=' ignored. Nothing if the
    /// text holds another character or has a length base32 cannot produce.
    static std::optional<QByteArray> fromBase32(const QString& text);

    /// The code for `step` (RFC 4226 HOTP with dynamic truncation), zero-padded to 6 digits.
    static QString code(const QByteArray& secret, qint64 step);
    /// The step `unixMs` falls in.
    static qint64 stepAt(qint64 unixMs);
    /// The step `code` belongs to, if it is the code of the current step or of one step either side
    /// (clock drift) and that step is later than `lastUsedStep` (-1 if none): a code is good once.
    /// The caller stores the returned step as the new lastUsedStep.
    static std::optional<qint64> match(const QByteArray& secret, const QString& code, qint64 nowMs,
                                       qint64 lastUsedStep);

    /// The otpauth:// URI authenticator apps enrol from.
    static QString uri(const QString& issuer, const QString& account, const QByteArray& secret);
    /// `text` as a QR code (byte mode where needed, error correction level M).
    static Result<QrMatrix> qr(const QString& text);

    /// `count` new recovery codes, each 10 symbols of Secret::UnambiguousAlphabet as "xxxxx-xxxxx".
    static QStringList recoveryCodes(int count = 10);
    /// A recovery code as typed, in the form its stored hash was made from: lower case, without
    /// spaces or dashes. The caller stores Secret::hashOf(normaliseRecoveryCode(code)).
    static QString normaliseRecoveryCode(const QString& code);
};

} // namespace souk::auth
