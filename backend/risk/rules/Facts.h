#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include <vector>

#include "backend/risk/rules/Decimal.h"

namespace souk {
class Money;
}

namespace souk::risk {

/// One attribute's value for one payment. A fact never set is Missing.
struct FactValue
{
    enum class Kind : quint8
    {
        Missing,
        Number,
        Text,
        Boolean
    };
    Kind kind = Kind::Missing;
    bool boolean = false;
    Decimal number;
    QString text; ///< case-folded when set: text comparisons and lists ignore case
};

/// The facts about one payment, one slot per attribute (indexed as attributes()). Setting checks
/// the name and the type; reading by index is what the evaluator does, with no lookup. Value type.
class Facts
{
public:
    Facts();

    /// False (and nothing set) when `name` is not an attribute or is not of that type.
    bool setNumber(QStringView name, Decimal value);
    bool setText(QStringView name, const QString& value);
    bool setBoolean(QStringView name, bool value);
    /// Sets :amount: and :currency: from a Money: 1250 EUR cents -> 12.50 and 'eur'.
    bool setAmount(const Money& amount);
    void clear(QStringView name);

    const FactValue& at(int index) const { return m_values[std::size_t(index)]; }

private:
    FactValue* slot(QStringView name, FactValue::Kind kind);
    std::vector<FactValue> m_values;
};

/// Named lists of text values (`@trusted_customers`), compared case-insensitively. Value type.
class Lists
{
public:
    /// Replaces the list's entries (case-folded on the way in).
    void set(const QString& name, const QStringList& values);
    bool contains(const QString& name) const { return m_lists.contains(name); }
    QStringList names() const { return m_lists.keys(); }
    /// Whether list `name` holds `foldedValue` (already case-folded); false for an absent list.
    bool has(const QString& name, const QString& foldedValue) const;

private:
    QHash<QString, QSet<QString>> m_lists;
};

} // namespace souk::risk
