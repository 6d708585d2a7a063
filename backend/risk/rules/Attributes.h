#pragma once

#include <QString>
#include <QStringView>

#include <span>

namespace souk::risk {

enum class AttributeType
{
    Number,  ///< an exact Decimal
    Text,    ///< compared case-insensitively (see docs/risk-rules.md)
    Boolean, ///< true or false; may stand alone as a condition
};

/// "number", "text", "boolean": as the documentation and error messages say it.
QString attributeTypeName(AttributeType type);

/// One attribute a rule can name as `:name:`. The table in Attributes.cpp is the only list; the
/// documentation is checked against it by a test.
struct Attribute
{
    QString name; ///< without the colons: "amount"
    AttributeType type = AttributeType::Text;
    QString unit; ///< "major units", "count", "km", "" when none
    QString description;
};

/// Every attribute, in table order; an attribute's index here is its index in Facts.
std::span<const Attribute> attributes();

/// The index of `name` (without colons) in attributes(), or -1.
int attributeIndex(QStringView name);

/// The closest name in `candidates` to `name` by edit distance, or empty when none is close.
QString closestName(QStringView name, std::span<const QString> candidates);

} // namespace souk::risk
