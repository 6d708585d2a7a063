#include "backend/risk/rules/Facts.h"

#include "backend/core/Money.h"
#include "backend/risk/rules/Attributes.h"

using namespace Qt::StringLiterals;

namespace souk::risk {

namespace {

FactValue::Kind kindOf(AttributeType type)
{
    switch (type) {
    case AttributeType::Number:
        return FactValue::Kind::Number;
    case AttributeType::Text:
        return FactValue::Kind::Text;
    case AttributeType::Boolean:
        return FactValue::Kind::Boolean;
    }
    return FactValue::Kind::Missing;
}

} // namespace

Facts::Facts() : m_values(attributes().size()) {}

FactValue* Facts::slot(QStringView name, FactValue::Kind kind)
{
    const int index = attributeIndex(name);
    if (index < 0 || kindOf(attributes()[std::size_t(index)].type) != kind)
        return nullptr;
    FactValue& value = m_values[std::size_t(index)];
    value = FactValue{};
    value.kind = kind;
    return &value;
}

bool Facts::setNumber(QStringView name, Decimal value)
{
    FactValue* fact = slot(name, FactValue::Kind::Number);
    if (fact)
        fact->number = value;
    return fact != nullptr;
}

bool Facts::setText(QStringView name, const QString& value)
{
    FactValue* fact = slot(name, FactValue::Kind::Text);
    if (fact)
        fact->text = value.toCaseFolded();
    return fact != nullptr;
}

bool Facts::setBoolean(QStringView name, bool value)
{
    FactValue* fact = slot(name, FactValue::Kind::Boolean);
    if (fact)
        fact->boolean = value;
    return fact != nullptr;
}

bool Facts::setAmount(const Money& amount)
{
    const auto major = Decimal::fromMinor(amount.minor(), amount.currency().exponent);
    if (!major)
        return false;
    return setNumber(u"amount", *major) && setText(u"currency", amount.currency().code);
}

void Facts::clear(QStringView name)
{
    const int index = attributeIndex(name);
    if (index >= 0)
        m_values[std::size_t(index)] = FactValue{};
}

void Lists::set(const QString& name, const QStringList& values)
{
    QSet<QString> folded;
    folded.reserve(values.size());
    for (const QString& value : values)
        folded.insert(value.toCaseFolded());
    m_lists.insert(name, std::move(folded));
}

bool Lists::has(const QString& name, const QString& foldedValue) const
{
    const auto it = m_lists.constFind(name);
    return it != m_lists.cend() && it->contains(foldedValue);
}

} // namespace souk::risk
