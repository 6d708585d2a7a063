#pragma once

#include <QString>

#include "backend/orders/Order.h"

namespace souk::orders {

/// The longest search text an order query takes.
inline constexpr int OrderSearchTextMax = 200;
/// Fewer digits than this never search the end of the long id: "42" would find one order in a
/// hundred by its id alone, and is meant as the end of an order number.
inline constexpr int IdSuffixDigitsMin = 6;

/// What an order search text asks for, read one way for both the engine's query (OrderQueries)
/// and the monitor's filter of live orders (OrderFilter), so the two never disagree:
/// - "ana@example.com": that customer email;
/// - "#1042": order number 1042 exactly;
/// - "42": orders whose number ends with 42 (#1042, #1142), the order with that id, with 6 digits
///   or more also orders whose id ends with them, and with 4 digits orders paid by a card ending so;
/// - other text: customer emails starting with it, and customer names containing it (any script;
///   Latin capitals A-Z match their small letters, as SQLite's lower() folds them).
/// Value type; any thread.
struct OrderSearch
{
    enum class Kind
    {
        All,    ///< nothing typed
        Email,  ///< has an @
        Number, ///< "#" and digits
        Digits, ///< digits only
        Text,
    };
    Kind kind = Kind::All;
    QString text;     ///< as typed, trimmed
    QString email;    ///< Email: the address; Text: a prefix of it; lower-cased as emails are stored
    QString name;     ///< Text: part of a customer's name, folded by foldLatin()
    qint64 value = 0; ///< Number: the number; Digits: the digits' value
    int digits = 0;   ///< Digits: how many were typed, leading zeros included

    static OrderSearch parse(const QString& text);
    /// Latin capitals A-Z to small letters, nothing else: what SQLite's lower() does, so a name
    /// folded here compares with one folded in SQL.
    static QString foldLatin(const QString& text);

    bool matches(const Order& order) const;
    /// Digits: whether they can be the end of a number or id (at most 18 of them: 10^18 fits in
    /// 64 bits); 19 digits are only ever a whole id.
    bool isSuffix() const { return kind == Kind::Digits && digits <= 18; }
    /// 10^digits, for isSuffix() searches.
    qint64 modulus() const;
    /// Whether the decimal form of `n` ends with the digits: n % 10^d == value, and n has at
    /// least d digits (so "042" finds 1042 but not 42).
    bool isSuffixOf(qint64 n) const;
    bool searchesIdSuffix() const { return isSuffix() && digits >= IdSuffixDigitsMin; }
    bool searchesCard() const { return kind == Kind::Digits && digits == 4; }
};

} // namespace souk::orders
