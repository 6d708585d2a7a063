#include "backend/catalog/ProductValidator.h"

#include <QHash>

#include "backend/catalog/Barcode.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

enum class Presence
{
    Optional,
    Required,
};

/// Calls f(codePoint) for each code point; a lone surrogate is passed through as itself.
template <typename F> void forEachCodePoint(QStringView text, F f)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < n && text[i + 1].isLowSurrogate()) {
            f(QChar::surrogateToUcs4(c, text[i + 1]));
            ++i;
        } else {
            f(char32_t(c.unicode()));
        }
    }
}

/// Letters without case (CJK, Thai...), lower-case letters, modifier letters (Japanese ー), decimal
/// digits of any script, and the combining marks that scripts like Devanagari need inside words.
bool isHandleChar(char32_t cp)
{
    switch (QChar::category(cp)) {
    case QChar::Letter_Lowercase:
    case QChar::Letter_Other:
    case QChar::Letter_Modifier:
    case QChar::Number_DecimalDigit:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
        return true;
    default:
        return false;
    }
}

/// C0/C1 controls and lone surrogates; tab and newlines only where the field is multi-line.
bool hasControlChars(QStringView text, bool multiline)
{
    bool found = false;
    forEachCodePoint(text, [&](char32_t cp) {
        if (multiline && (cp == u'\n' || cp == u'\r' || cp == u'\t'))
            return;
        const auto category = QChar::category(cp);
        if (category == QChar::Other_Control || category == QChar::Other_Surrogate)
            found = true;
    });
    return found;
}

QString tooLong(int max, qsizetype found)
{
    return u"must be at most %1 characters (found %2)"_s.arg(max).arg(found);
}

void checkText(QList<Error>& errors, const QString& field, QStringView value, int max, Presence presence,
               bool multiline = false)
{
    if (presence == Presence::Required && value.trimmed().isEmpty()) {
        errors.append(Error::invalid(field, u"must not be empty"_s));
        return;
    }
    const qsizetype length = codePointCount(value);
    if (length > max)
        errors.append(Error::invalid(field, tooLong(max, length)));
    else if (hasControlChars(value, multiline))
        errors.append(Error::invalid(field, u"must not contain control characters"_s));
}

void checkHandle(QList<Error>& errors, const QString& handle)
{
    if (handle.isEmpty())
        return; // derived from the title when stored
    const qsizetype length = codePointCount(handle);
    if (length > Limits::HandleMax)
        errors.append(Error::invalid(u"handle"_s, tooLong(Limits::HandleMax, length)));
    else if (!isValidHandle(handle))
        errors.append(Error::invalid(u"handle"_s, u"must be lower-case letters and digits joined by single dashes"_s));
}

void checkTags(QList<Error>& errors, const QStringList& tags)
{
    const QString field = u"tags"_s;
    if (tags.size() > Limits::TagsMax)
        errors.append(Error::invalid(field, u"at most %1 tags (found %2)"_s.arg(Limits::TagsMax).arg(tags.size())));
    QHash<QString, int> seen;
    for (const QString& tag : tags) {
        const qsizetype errorsBefore = errors.size();
        checkText(errors, field, tag, Limits::TagMax, Presence::Required);
        if (errors.size() == errorsBefore && tag.contains(u','))
            errors.append(Error::invalid(field, u"a tag must not contain a comma"_s));
        if (errors.size() != errorsBefore)
            return; // one bad tag is enough to point the user at the field
        if (seen.contains(tag.toCaseFolded()))
            errors.append(Error::duplicate(field, u"tag \"%1\" appears twice"_s.arg(tag)));
        seen.insert(tag.toCaseFolded(), 0);
    }
}

void checkOptionNames(QList<Error>& errors, const QStringList& names)
{
    const QString field = u"optionNames"_s;
    if (names.size() > Limits::OptionsMax)
        errors.append(
            Error::invalid(field, u"at most %1 options (found %2)"_s.arg(Limits::OptionsMax).arg(names.size())));
    QHash<QString, int> seen;
    for (const QString& name : names) {
        checkText(errors, field, name, Limits::ShortTextMax, Presence::Required);
        const QString key = name.trimmed().toCaseFolded();
        if (!key.isEmpty() && seen.contains(key))
            errors.append(Error::duplicate(field, u"option \"%1\" appears twice"_s.arg(name)));
        seen.insert(key, 0);
    }
}

QString variantField(int index, QStringView name)
{
    return u"variants[%1].%2"_s.arg(index).arg(name);
}

void checkMoney(QList<Error>& errors, const QString& field, const Money& amount, const Currency& currency)
{
    if (!(amount.currency() == currency)) {
        const QString actual = amount.currency().code.isEmpty() ? u"no currency"_s : amount.currency().code;
        errors.append(Error::invalid(field, u"must be in %1, not %2"_s.arg(currency.code, actual)));
    }
    if (amount.isNegative())
        errors.append(Error::invalid(field, u"must not be negative"_s));
}

void checkRange(QList<Error>& errors, const QString& field, qint64 value, qint64 max)
{
    if (value < 0 || value > max)
        errors.append(Error::invalid(field, u"must be between 0 and %1"_s.arg(max)));
}

void checkSku(QList<Error>& errors, const QString& field, const QString& sku)
{
    if (sku.isEmpty()) {
        errors.append(Error::invalid(field, u"must not be empty"_s));
        return;
    }
    const qsizetype length = codePointCount(sku);
    if (length > Limits::ShortTextMax) {
        errors.append(Error::invalid(field, tooLong(Limits::ShortTextMax, length)));
        return;
    }
    bool bad = hasControlChars(sku, false);
    for (const QChar c : sku)
        bad = bad || c.isSpace();
    if (bad)
        errors.append(Error::invalid(field, u"must not contain spaces or control characters"_s));
}

void checkOptionValues(QList<Error>& errors, int index, const QStringList& values, qsizetype optionCount)
{
    const QString field = variantField(index, u"optionValues");
    if (values.size() != optionCount) {
        errors.append(
            Error::invalid(field, u"expected %1 option values, found %2"_s.arg(optionCount).arg(values.size())));
        return;
    }
    for (const QString& value : values)
        checkText(errors, field, value, Limits::ShortTextMax, Presence::Required);
}

void checkVariant(QList<Error>& errors, int index, const Variant& v, qsizetype optionCount, const Currency& currency)
{
    checkSku(errors, variantField(index, u"sku"), v.sku);
    checkOptionValues(errors, index, v.optionValues, optionCount);
    checkMoney(errors, variantField(index, u"price"), v.price, currency);
    if (v.compareAtPrice)
        checkMoney(errors, variantField(index, u"compareAtPrice"), *v.compareAtPrice, currency);
    if (v.cost)
        checkMoney(errors, variantField(index, u"cost"), *v.cost, currency);
    if (const Status barcode = validateBarcode(v.barcode, variantField(index, u"barcode")); !barcode)
        errors.append(barcode.error());
    checkRange(errors, variantField(index, u"weightGrams"), v.weightGrams, Limits::WeightGramsMax);
    checkRange(errors, variantField(index, u"lowStockThreshold"), v.lowStockThreshold, Limits::QuantityMax);
}

/// SKUs and option-value combinations must each be unique within the product; the later one is reported.
void checkUniqueness(QList<Error>& errors, const QList<Variant>& variants, int count, qsizetype optionCount)
{
    QHash<QString, int> skus;
    QHash<QString, int> combinations;
    for (int i = 0; i < count; ++i) {
        const Variant& v = variants[i];
        if (!v.sku.isEmpty()) {
            if (const auto it = skus.constFind(v.sku); it != skus.constEnd())
                errors.append(Error::duplicate(variantField(i, u"sku"),
                                               u"SKU \"%1\" is also used by variants[%2]"_s.arg(v.sku).arg(*it)));
            else
                skus.insert(v.sku, i);
        }
        if (v.optionValues.size() != optionCount)
            continue;
        const QString key = v.optionValues.join(QChar(0x1f)).toCaseFolded();
        if (const auto it = combinations.constFind(key); it != combinations.constEnd()) {
            const QString message = optionCount == 0
                                        ? u"a product with several variants needs options to tell them apart"_s
                                        : u"same option values as variants[%1]"_s.arg(*it);
            errors.append(Error::duplicate(variantField(i, u"optionValues"), message));
        } else {
            combinations.insert(key, i);
        }
    }
}

void checkVariants(QList<Error>& errors, const Product& p, const Currency& currency)
{
    const QString field = u"variants"_s;
    if (p.variants.isEmpty()) {
        errors.append(Error::invalid(field, u"at least one variant is required"_s));
        return;
    }
    if (p.variants.size() > Limits::VariantsMax) {
        errors.append(
            Error::invalid(field, u"at most %1 variants (found %2)"_s.arg(Limits::VariantsMax).arg(p.variants.size())));
    }
    // beyond the limit the product is refused anyway; checking more would only flood the list
    const int count = int(qMin<qsizetype>(p.variants.size(), Limits::VariantsMax));
    for (int i = 0; i < count; ++i)
        checkVariant(errors, i, p.variants[i], p.optionNames.size(), currency);
    checkUniqueness(errors, p.variants, count, p.optionNames.size());
}

} // namespace

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    forEachCodePoint(text, [&](char32_t) { ++count; });
    return count;
}

bool isValidHandle(QStringView handle)
{
    if (handle.isEmpty() || handle.front() == u'-' || handle.back() == u'-' || handle.contains(u"--"))
        return false;
    bool ok = true;
    forEachCodePoint(handle, [&](char32_t cp) { ok = ok && (cp == u'-' || isHandleChar(cp)); });
    return ok;
}

QList<Error> validateProduct(const Product& p, const Currency& merchantCurrency)
{
    QList<Error> errors;
    checkText(errors, u"title"_s, p.title, Limits::TitleMax, Presence::Required);
    checkHandle(errors, p.handle);
    checkText(errors, u"description"_s, p.description, Limits::DescriptionMax, Presence::Optional, true);
    checkText(errors, u"vendor"_s, p.vendor, Limits::ShortTextMax, Presence::Optional);
    checkText(errors, u"category"_s, p.category, Limits::ShortTextMax, Presence::Optional);
    checkTags(errors, p.tags);
    checkOptionNames(errors, p.optionNames);
    checkVariants(errors, p, merchantCurrency);
    return errors;
}

QString makeHandle(const QString& title)
{
    const QString lower = title.toLower();
    QString handle;
    handle.reserve(qMin<qsizetype>(lower.size(), Limits::HandleMax * 2));
    qsizetype kept = 0;
    bool pendingDash = false;
    forEachCodePoint(lower, [&](char32_t cp) {
        if (kept >= Limits::HandleMax)
            return;
        if (!isHandleChar(cp)) {
            pendingDash = !handle.isEmpty();
            return;
        }
        if (pendingDash) {
            if (kept + 2 > Limits::HandleMax) {
                kept = Limits::HandleMax; // no room for "-x": stop rather than end on a dash
                return;
            }
            handle.append(u'-');
            ++kept;
            pendingDash = false;
        }
        if (QChar::requiresSurrogates(cp)) {
            handle.append(QChar(QChar::highSurrogate(cp)));
            handle.append(QChar(QChar::lowSurrogate(cp)));
        } else {
            handle.append(QChar(char16_t(cp)));
        }
        ++kept;
    });
    return handle.isEmpty() ? u"product"_s : handle;
}

} // namespace souk::catalog
