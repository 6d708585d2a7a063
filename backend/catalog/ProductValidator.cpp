#include "backend/catalog/ProductValidator.h"

#include "backend/catalog/Barcode.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

enum class Presence
{
    Optional,
    Required,
};

/// A field name, formatted only when an error needs it: building "variants[2].price" for every valid
/// field would dominate validation time on a 100k-row import.
struct Field
{
    Field(QStringView fieldName) : name(fieldName) {}
    Field(int variantIndex, QStringView fieldName) : index(variantIndex), name(fieldName) {}
    QString toString() const { return index < 0 ? name.toString() : u"variants[%1].%2"_s.arg(index).arg(name); }

    int index = -1; ///< the variant, or -1 for a product field
    QStringView name;
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
        if (cp < 0x80) { // most text is ASCII: skip the Unicode table lookup
            const bool allowed = multiline && (cp == u'\n' || cp == u'\r' || cp == u'\t');
            found = found || ((cp < 0x20 || cp == 0x7f) && !allowed);
            return;
        }
        const auto category = QChar::category(cp);
        found = found || category == QChar::Other_Control || category == QChar::Other_Surrogate;
    });
    return found;
}

bool isInvisibleFormatChar(char32_t cp)
{
    return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

bool isBidiControl(char32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/// "U+200B": how a refused code point is named in a message.
QString codePointName(char32_t cp)
{
    return u"U+%1"_s.arg(uint(cp), 4, 16, QChar(u'0')).toUpper();
}

/// "sku contains an invisible character (U+200B)" when `value` holds one; false when it is clean.
bool checkIdentifierChars(QList<Error>& errors, const Field& field, QStringView label, QStringView value)
{
    const char32_t cp = forbiddenIdentifierChar(value);
    if (cp == 0)
        return false;
    const bool control = QChar::category(cp) == QChar::Other_Control;
    errors.append(Error::invalid(
        field.toString(),
        u"%1 contains %2 (%3)"_s.arg(label, control ? u"a control character"_s : u"an invisible character"_s,
                                     codePointName(cp))));
    return true;
}

/// Titles keep whatever script and marks they are written in; only the characters that make the
/// displayed text read differently from what is stored (a "Trojan Source" title) are refused.
bool checkBidi(QList<Error>& errors, const Field& field, QStringView value)
{
    const char32_t cp = bidiControlChar(value);
    if (cp == 0)
        return false;
    errors.append(Error::invalid(
        field.toString(), u"%1 contains a bidirectional control character (%2)"_s.arg(field.name, codePointName(cp))));
    return true;
}

/// How identifiers are compared for duplicates: NFC, trimmed, case-folded.
QString identifierKey(const QString& value)
{
    return normalizedIdentifier(value).toCaseFolded();
}

/// Index of an earlier entry equal to list[i] ignoring case, surrounding spaces and Unicode
/// composition; -1 if none.
qsizetype indexOfEqual(const QStringList& list, qsizetype i)
{
    const QString value = identifierKey(list[i]);
    for (qsizetype j = 0; j < i; ++j) {
        if (identifierKey(list[j]) == value)
            return j;
    }
    return -1;
}

bool sameOptionValues(const QStringList& a, const QStringList& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype k = 0; k < a.size(); ++k) {
        if (identifierKey(a[k]) != identifierKey(b[k]))
            return false;
    }
    return true;
}

QString tooLong(int max, qsizetype found)
{
    return u"must be at most %1 characters (found %2)"_s.arg(max).arg(found);
}

void checkText(QList<Error>& errors, const Field& field, QStringView value, int max, Presence presence,
               bool multiline = false)
{
    if (presence == Presence::Required && value.trimmed().isEmpty()) {
        errors.append(Error::invalid(field.toString(), u"must not be empty"_s));
        return;
    }
    const qsizetype length = codePointCount(value);
    if (length > max)
        errors.append(Error::invalid(field.toString(), tooLong(max, length)));
    else if (hasControlChars(value, multiline))
        errors.append(Error::invalid(field.toString(), u"must not contain control characters"_s));
}

void checkHandle(QList<Error>& errors, const QString& handle)
{
    if (handle.isEmpty())
        return; // derived from the title when stored
    if (checkIdentifierChars(errors, Field(u"handle"), u"handle", handle))
        return;
    const qsizetype length = codePointCount(handle);
    if (length > Limits::HandleMax)
        errors.append(Error::invalid(u"handle"_s, tooLong(Limits::HandleMax, length)));
    else if (!isValidHandle(handle))
        errors.append(Error::invalid(u"handle"_s, u"must be lower-case letters and digits joined by single dashes"_s));
}

void checkTags(QList<Error>& errors, const QStringList& tags)
{
    const Field field(u"tags");
    if (tags.size() > Limits::TagsMax)
        errors.append(
            Error::invalid(field.toString(), u"at most %1 tags (found %2)"_s.arg(Limits::TagsMax).arg(tags.size())));
    const qsizetype count = qMin<qsizetype>(tags.size(), Limits::TagsMax);
    for (qsizetype i = 0; i < count; ++i) {
        const QString& tag = tags[i];
        const qsizetype errorsBefore = errors.size();
        checkText(errors, field, tag, Limits::TagMax, Presence::Required);
        if (errors.size() == errorsBefore && tag.contains(u','))
            errors.append(Error::invalid(field.toString(), u"a tag must not contain a comma"_s));
        if (errors.size() != errorsBefore)
            return; // one bad tag is enough to point the user at the field
        if (indexOfEqual(tags, i) >= 0)
            errors.append(Error::duplicate(field.toString(), u"tag \"%1\" appears twice"_s.arg(tag)));
    }
}

void checkOptionNames(QList<Error>& errors, const QStringList& names)
{
    const Field field(u"optionNames");
    if (names.size() > Limits::OptionsMax)
        errors.append(Error::invalid(field.toString(),
                                     u"at most %1 options (found %2)"_s.arg(Limits::OptionsMax).arg(names.size())));
    const qsizetype count = qMin<qsizetype>(names.size(), Limits::OptionsMax);
    for (qsizetype i = 0; i < count; ++i) {
        if (checkIdentifierChars(errors, field, u"option name", names[i]))
            continue;
        checkText(errors, field, names[i], Limits::ShortTextMax, Presence::Required);
        if (!names[i].trimmed().isEmpty() && indexOfEqual(names, i) >= 0)
            errors.append(Error::duplicate(field.toString(), u"option \"%1\" appears twice"_s.arg(names[i])));
    }
}

void checkMoney(QList<Error>& errors, const Field& field, const Money& amount, const Currency& currency)
{
    if (!(amount.currency() == currency)) {
        const QString actual = amount.currency().code.isEmpty() ? u"no currency"_s : amount.currency().code;
        errors.append(Error::invalid(field.toString(), u"must be in %1, not %2"_s.arg(currency.code, actual)));
    }
    if (amount.isNegative())
        errors.append(Error::invalid(field.toString(), u"must not be negative"_s));
}

/// A price an order can always total: refused here, at entry, rather than as an overflow at checkout.
void checkPrice(QList<Error>& errors, const Field& field, const Money& amount, const Currency& currency)
{
    checkMoney(errors, field, amount, currency);
    if (amount.minor() > AmountLimits::PriceMinorMax) {
        errors.append(Error::invalid(
            field.toString(), u"must be at most %1 %2"_s.arg(
                                  Money(AmountLimits::PriceMinorMax, currency).toDecimalString(), currency.code)));
    }
}

void checkRange(QList<Error>& errors, const Field& field, qint64 value, qint64 max)
{
    if (value < 0 || value > max)
        errors.append(Error::invalid(field.toString(), u"must be between 0 and %1"_s.arg(max)));
}

void checkSku(QList<Error>& errors, const Field& field, const QString& sku)
{
    if (sku.isEmpty()) {
        errors.append(Error::invalid(field.toString(), u"must not be empty"_s));
        return;
    }
    if (checkIdentifierChars(errors, field, u"sku", sku))
        return;
    const qsizetype length = codePointCount(sku);
    if (length > Limits::ShortTextMax) {
        errors.append(Error::invalid(field.toString(), tooLong(Limits::ShortTextMax, length)));
        return;
    }
    bool bad = hasControlChars(sku, false);
    for (const QChar c : sku)
        bad = bad || c.isSpace();
    if (bad)
        errors.append(Error::invalid(field.toString(), u"must not contain spaces or control characters"_s));
}

void checkOptionValues(QList<Error>& errors, int index, const QStringList& values, qsizetype optionCount)
{
    const Field field(index, u"optionValues");
    if (values.size() != optionCount) {
        errors.append(Error::invalid(field.toString(),
                                     u"expected %1 option values, found %2"_s.arg(optionCount).arg(values.size())));
        return;
    }
    for (const QString& value : values) {
        if (!checkIdentifierChars(errors, field, u"option value", value))
            checkText(errors, field, value, Limits::ShortTextMax, Presence::Required);
    }
}

void checkVariant(QList<Error>& errors, int index, const Variant& v, qsizetype optionCount, const Currency& currency)
{
    checkSku(errors, Field(index, u"sku"), v.sku);
    checkOptionValues(errors, index, v.optionValues, optionCount);
    checkPrice(errors, Field(index, u"price"), v.price, currency);
    if (v.compareAtPrice)
        checkPrice(errors, Field(index, u"compareAtPrice"), *v.compareAtPrice, currency);
    if (v.cost)
        checkMoney(errors, Field(index, u"cost"), *v.cost, currency);
    if (const Status barcode = validateBarcode(v.barcode, QString()); !barcode) {
        Error error = barcode.error();
        error.field = Field(index, u"barcode").toString();
        errors.append(std::move(error));
    }
    checkRange(errors, Field(index, u"weightGrams"), v.weightGrams, Limits::WeightGramsMax);
    checkRange(errors, Field(index, u"lowStockThreshold"), v.lowStockThreshold, Limits::QuantityMax);
}

/// SKUs and option-value combinations must each be unique within the product; the later one is reported.
void checkUniqueness(QList<Error>& errors, const QList<Variant>& variants, int count, qsizetype optionCount)
{
    // SKUs compare in NFC, as they are stored: "é" composed and decomposed are one SKU
    QStringList skus;
    skus.reserve(count);
    for (int i = 0; i < count; ++i)
        skus.append(normalizedIdentifier(variants[i].sku));
    // pairwise: at most VariantsMax variants, and a few compares beat building hashes per product
    for (int i = 1; i < count; ++i) {
        const Variant& v = variants[i];
        for (int j = 0; j < i && !v.sku.isEmpty(); ++j) {
            if (skus[j] == skus[i]) {
                errors.append(Error::duplicate(Field(i, u"sku").toString(),
                                               u"SKU \"%1\" is also used by variants[%2]"_s.arg(v.sku).arg(j)));
                break;
            }
        }
        for (int j = 0; j < i && v.optionValues.size() == optionCount; ++j) {
            if (!sameOptionValues(variants[j].optionValues, v.optionValues))
                continue;
            const QString message = optionCount == 0
                                        ? u"a product with several variants needs options to tell them apart"_s
                                        : u"same option values as variants[%1]"_s.arg(j);
            errors.append(Error::duplicate(Field(i, u"optionValues").toString(), message));
            break;
        }
    }
}

void checkVariants(QList<Error>& errors, const Product& p, const Currency& currency)
{
    const Field field(u"variants");
    if (p.variants.isEmpty()) {
        errors.append(Error::invalid(field.toString(), u"at least one variant is required"_s));
        return;
    }
    if (p.variants.size() > Limits::VariantsMax) {
        errors.append(Error::invalid(
            field.toString(), u"at most %1 variants (found %2)"_s.arg(Limits::VariantsMax).arg(p.variants.size())));
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

QString normalizedIdentifier(const QString& text)
{
    return text.trimmed().normalized(QString::NormalizationForm_C);
}

char32_t forbiddenIdentifierChar(QStringView text)
{
    char32_t found = 0;
    forEachCodePoint(text, [&](char32_t cp) {
        if (found != 0)
            return;
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || isInvisibleFormatChar(cp)) // C0, DEL, C1, format
            found = cp;
    });
    return found;
}

char32_t bidiControlChar(QStringView text)
{
    char32_t found = 0;
    forEachCodePoint(text, [&](char32_t cp) {
        if (found == 0 && isBidiControl(cp))
            found = cp;
    });
    return found;
}

QList<Error> validateProduct(const Product& p, const Currency& merchantCurrency)
{
    QList<Error> errors;
    if (!checkBidi(errors, Field(u"title"), p.title))
        checkText(errors, Field(u"title"), p.title, Limits::TitleMax, Presence::Required);
    checkHandle(errors, p.handle);
    if (!checkBidi(errors, Field(u"description"), p.description))
        checkText(errors, Field(u"description"), p.description, Limits::DescriptionMax, Presence::Optional, true);
    checkText(errors, Field(u"vendor"), p.vendor, Limits::ShortTextMax, Presence::Optional);
    checkText(errors, Field(u"category"), p.category, Limits::ShortTextMax, Presence::Optional);
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
