#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace souk::auth {

/// Random bytes, bearer tokens and the hashes they are stored under. Stateless; any thread.
class Secret
{
public:
    /// A freshly made token. `text` is shown to its owner once and never stored; the store keeps
    /// `hash` for lookup and `prefix` so listings can tell keys apart.
    struct Token
    {
        QString text;
        QByteArray hash;
        QString prefix;
    };

    /// Lower-case letters and digits without 0, 1, l and o, which people misread or mistype:
    /// 32 symbols, so each carries 5 bits.
    static constexpr QStringView UnambiguousAlphabet = u"23456789abcdefghijkmnpqrstuvwxyz";
    static constexpr int TokenBytes = 32;
    static constexpr int PrefixChars = 12;

    /// n bytes from the operating system's CSPRNG (through OpenSSL).
    static QByteArray randomBytes(int n);
    /// `length` symbols drawn uniformly from `alphabet` (at most 256 symbols).
    static QString randomText(int length, QStringView alphabet = UnambiguousAlphabet);

    /// A token "<kind>_<43 base64url characters>" carrying 256 random bits; kind is e.g. u"sk"
    /// (API key) or u"st" (session token): lower-case ASCII letters only.
    static Token make(QStringView kind);
    /// SHA-256 of the token's UTF-8 text: the key a presented token is looked up by.
    static QByteArray hashOf(const QString& tokenText);
    /// Whether `text` has the exact shape make(kind) produces; checked before any lookup.
    static bool looksLike(QStringView kind, const QString& text);

    /// Byte-wise equality whose time does not depend on where the inputs differ.
    static bool equalConstantTime(const QByteArray& a, const QByteArray& b);
};

} // namespace souk::auth
