#include "models/catalog/VariantCell.h"

#include <QCoreApplication>
#include <QLocale>

#include "backend/catalog/Barcode.h"
#include "backend/catalog/Product.h"
#include "backend/core/Money.h"
#include "models/common/Format.h"

using namespace Qt::StringLiterals;

namespace souk {
namespace {

class CellTr final
{
    Q_DECLARE_TR_FUNCTIONS(VariantTableModel)
};

/// "12.50" for EUR, "12" for JPY, "12.500" for KWD: an example in the currency's own shape.
QString moneyExample(const Currency& currency)
{
    const qint64 perMajor = currency.minorPerMajor();
    return moneyEditText(12 * perMajor + perMajor / 2, currency);
}

QString checkMoney(const QString& text, const Currency& currency, bool required)
{
    const QString money = VariantCell::moneyText(text);
    if (money.isEmpty())
        return required ? CellTr::tr("Enter a price, for example %1.").arg(moneyExample(currency)) : QString();
    const Result<Money> parsed = Money::parse(money, currency, u"price"_s);
    if (parsed)
        return parsed->isNegative() ? CellTr::tr("The amount cannot be negative.") : QString();
    if (parsed.error().code == ErrorCode::Overflow)
        return CellTr::tr("The amount is too large.");
    const qsizetype point = money.indexOf(u'.');
    if (point >= 0 && money.size() - point - 1 > currency.exponent) {
        if (currency.exponent == 0)
            return CellTr::tr("%1 amounts have no decimals.").arg(currency.code);
        //: %1 is a currency code such as EUR
        return CellTr::tr("%1 allows at most %n decimal place(s).", nullptr, currency.exponent).arg(currency.code);
    }
    return CellTr::tr("Enter an amount such as %1, without thousands separators.").arg(moneyExample(currency));
}

QString checkCount(const QString& text, qint64 max)
{
    const std::optional<qint64> value = VariantCell::integer(text);
    if (!value)
        return CellTr::tr("Enter a whole number.");
    if (*value < 0 || *value > max)
        return CellTr::tr("Enter a number between 0 and %1.").arg(QLocale().toString(max));
    return {};
}

QString checkSku(const QString& text)
{
    if (text.isEmpty())
        return CellTr::tr("Enter a SKU.");
    if (text.size() > catalog::Limits::ShortTextMax)
        return CellTr::tr("A SKU can have at most %1 characters.").arg(catalog::Limits::ShortTextMax);
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return CellTr::tr("A SKU cannot contain spaces.");
    }
    return {};
}

} // namespace

QString VariantCell::fieldName(VariantField field)
{
    switch (field) {
    case VariantField::Sku:
        return u"sku"_s;
    case VariantField::Option:
        return u"optionValues"_s;
    case VariantField::Price:
        return u"price"_s;
    case VariantField::CompareAtPrice:
        return u"compareAtPrice"_s;
    case VariantField::Cost:
        return u"cost"_s;
    case VariantField::Barcode:
        return u"barcode"_s;
    case VariantField::WeightGrams:
        return u"weightGrams"_s;
    case VariantField::LowStockThreshold:
        return u"lowStockThreshold"_s;
    }
    return {};
}

QString VariantCell::check(VariantField field, const QString& text, const Currency& currency, const QString& optionName)
{
    const QString trimmed = text.trimmed();
    switch (field) {
    case VariantField::Sku:
        return checkSku(trimmed);
    case VariantField::Option:
        if (trimmed.isEmpty())
            return CellTr::tr("Enter a value for \u201c%1\u201d.").arg(optionName);
        if (trimmed.size() > catalog::Limits::ShortTextMax)
            return CellTr::tr("At most %1 characters.").arg(catalog::Limits::ShortTextMax);
        return {};
    case VariantField::Price:
        return checkMoney(trimmed, currency, true);
    case VariantField::CompareAtPrice:
    case VariantField::Cost:
        return checkMoney(trimmed, currency, false);
    case VariantField::Barcode:
        if (!catalog::validateBarcode(trimmed, u"barcode"_s)) {
            if (catalog::looksLikeGtin(trimmed))
                return CellTr::tr("The check digit does not match: check the digits of this EAN/UPC barcode.");
            return CellTr::tr("Use letters, digits and - . _ / only, at most %1 characters.").arg(catalog::BarcodeMax);
        }
        return {};
    case VariantField::WeightGrams:
        return checkCount(trimmed, catalog::Limits::WeightGramsMax);
    case VariantField::LowStockThreshold:
        return checkCount(trimmed, catalog::Limits::QuantityMax);
    }
    return {};
}

QString VariantCell::moneyText(const QString& text)
{
    QString money = text.trimmed();
    if (QLocale().decimalPoint() == u","_s && !money.contains(u'.') && money.count(u',') == 1)
        money.replace(u',', u'.');
    return money;
}

std::optional<qint64> VariantCell::integer(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return 0;
    bool ok = false;
    const qint64 value = trimmed.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

} // namespace souk
