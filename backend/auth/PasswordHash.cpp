#include "backend/auth/PasswordHash.h"

#include <QList>

#include <argon2.h>
#include <openssl/crypto.h>

#include "backend/auth/Secret.h"

using namespace Qt::StringLiterals;

namespace souk::auth {

namespace {

constexpr int SaltBytes = 16;
constexpr int HashBytes = 32;
constexpr QByteArrayView Argon2idPrefix = "$argon2id$";
constexpr QByteArrayView Version13 = "v=19";
constexpr qsizetype EncodedBytesMax = 512; // the PHC string of any bounded parameters is far shorter

/// The password's UTF-8 bytes, wiped when this goes out of scope so the plain text does not
/// linger in freed heap memory.
class Utf8Password
{
public:
    explicit Utf8Password(const QString& password) : m_bytes(password.toUtf8()) {}
    ~Utf8Password() { OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size())); }
    Q_DISABLE_COPY_MOVE(Utf8Password)
    const QByteArray& bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

bool withinBounds(const PasswordHash::Params& p)
{
    // Argon2 itself needs at least 8 KiB per lane.
    return p.timeCost >= 1 && p.timeCost <= PasswordHash::MaxTimeCost && p.parallelism >= 1 &&
           p.parallelism <= PasswordHash::MaxParallelism && p.memoryKiB >= 8 * p.parallelism &&
           p.memoryKiB <= PasswordHash::MaxMemoryKiB;
}

std::optional<quint32> parseField(const QByteArray& field, QByteArrayView name)
{
    if (!field.startsWith(name) || field.size() == name.size())
        return std::nullopt;
    bool ok = false;
    const uint value = field.mid(name.size()).toUInt(&ok);
    return ok ? std::optional<quint32>(value) : std::nullopt;
}

/// The parameters of an Argon2id v1.3 PHC string, or nothing if it is not one.
std::optional<PasswordHash::Params> parseEncoded(const QByteArray& encoded)
{
    // argon2 reads a C string: an embedded NUL would hide whatever follows it from the decoder.
    if (!encoded.startsWith(Argon2idPrefix) || encoded.size() > EncodedBytesMax || encoded.contains('\0'))
        return std::nullopt;
    const QList<QByteArray> parts = encoded.split('$'); // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.size() != 6 || parts[2] != Version13)
        return std::nullopt;
    const QList<QByteArray> fields = parts[3].split(',');
    if (fields.size() != 3)
        return std::nullopt;
    const auto m = parseField(fields[0], "m=");
    const auto t = parseField(fields[1], "t=");
    const auto p = parseField(fields[2], "p=");
    if (!m || !t || !p)
        return std::nullopt;
    return PasswordHash::Params{*t, *m, *p};
}

} // namespace

PasswordHash::Params PasswordHash::defaults()
{
    return Params{};
}

Result<QByteArray> PasswordHash::hash(const QString& password, const Params& params)
{
    if (password.isEmpty())
        return Error::invalid(u"password"_s, u"the password must not be empty"_s);
    const Utf8Password utf8(password);
    if (utf8.bytes().size() > MaxPasswordBytes)
        return Error::invalid(u"password"_s, u"the password must be at most %1 bytes of UTF-8"_s.arg(MaxPasswordBytes));
    if (!withinBounds(params))
        return Error::invalid(u"params"_s, u"Argon2id parameters out of bounds"_s);

    const QByteArray salt = Secret::randomBytes(SaltBytes);
    QByteArray encoded(qsizetype(argon2_encodedlen(params.timeCost, params.memoryKiB, params.parallelism, SaltBytes,
                                                   HashBytes, Argon2_id)),
                       '\0');
    const int rc = argon2id_hash_encoded(params.timeCost, params.memoryKiB, params.parallelism,
                                         utf8.bytes().constData(), size_t(utf8.bytes().size()), salt.constData(),
                                         size_t(salt.size()), HashBytes, encoded.data(), size_t(encoded.size()));
    if (rc != ARGON2_OK) // memory allocation is the only failure left once inputs are in bounds
        return Error::internal(u"Argon2id hashing failed: %1"_s.arg(QString::fromLatin1(argon2_error_message(rc))));
    encoded.truncate(qsizetype(qstrlen(encoded.constData())));
    return encoded;
}

bool PasswordHash::verify(const QByteArray& encoded, const QString& password)
{
    const auto params = parseEncoded(encoded);
    if (!params || !withinBounds(*params) || password.isEmpty())
        return false;
    const Utf8Password utf8(password);
    if (utf8.bytes().size() > MaxPasswordBytes)
        return false;
    return argon2id_verify(encoded.constData(), utf8.bytes().constData(), size_t(utf8.bytes().size())) == ARGON2_OK;
}

bool PasswordHash::needsRehash(const QByteArray& encoded, const Params& params)
{
    const auto stored = parseEncoded(encoded);
    return !stored || stored->timeCost != params.timeCost || stored->memoryKiB != params.memoryKiB ||
           stored->parallelism != params.parallelism;
}

QString PasswordHash::generate(int length)
{
    // Never shorter than the policy allows: a generated password must be accepted where a typed one is.
    Q_ASSERT(length >= MinPasswordChars && length <= MaxPasswordBytes);
    return Secret::randomText(qBound(MinPasswordChars, length, MaxPasswordBytes));
}

std::optional<Error> PasswordHash::checkPolicy(const QString& password)
{
    // Count code points, not UTF-16 units, so an emoji is one character as the user sees it.
    if (password.toUcs4().size() < MinPasswordChars)
        return Error::invalid(u"password"_s, u"the password must be at least %1 characters"_s.arg(MinPasswordChars));
    if (password.toUtf8().size() > MaxPasswordBytes)
        return Error::invalid(u"password"_s, u"the password must be at most %1 bytes of UTF-8"_s.arg(MaxPasswordBytes));
    return std::nullopt;
}

} // namespace souk::auth
