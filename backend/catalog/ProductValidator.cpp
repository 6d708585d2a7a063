#include "backend/catalog/ProductValidator.h"

#include <algorithm>

#include "backend/catalog/Barcode.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

namespace text = problemtext;

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

/// The problems found so far. The English Error message is the sentence's own English unless the
/// API has always said it differently (`apiMessage`), which keeps what it tells programs stable.
class Problems
{
public:
    void add(ErrorCode code, const Field& field, ProblemText text, int otherVariant = -1, QString apiMessage = {})
    {
        if (apiMessage.isEmpty())
            apiMessage = text.english();
        m_list.append(ProductProblem{Error{code, std::move(apiMessage), field.toString()}, field.index,
                                     field.name.toString(), std::move(text), otherVariant});
    }
    void invalid(const Field& field, const char* source, const QStringList& args = {})
    {
        add(ErrorCode::Invalid, field, ProblemText{source, args});
    }
    qsizetype size() const { return m_list.size(); }
    QList<ProductProblem> take() { return std::move(m_list); }

private:
    QList<ProductProblem> m_list;
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
/// People read it without the label: the column or field beside it says which value it is.
bool checkIdentifierChars(Problems& problems, const Field& field, QStringView label, QStringView value)
{
    const char32_t cp = forbiddenIdentifierChar(value);
    if (cp == 0)
        return false;
    const bool control = QChar::category(cp) == QChar::Other_Control;
    const QString api = u"%1 contains %2 (%3)"_s.arg(
        label, control ? u"a control character"_s : u"an invisible character"_s, codePointName(cp));
    problems.add(ErrorCode::Invalid, field, {control ? text::ControlChar : text::InvisibleChar, {codePointName(cp)}},
                 -1, api);
    return true;
}

/// Titles keep whatever script and marks they are written in; only the characters that make the
/// displayed text read differently from what is stored (a "Trojan Source" title) are refused.
bool checkBidi(Problems& problems, const Field& field, QStringView value)
{
    const char32_t cp = bidiControlChar(value);
    if (cp == 0)
        return false;
    problems.add(ErrorCode::Invalid, field, {text::BidiChar, {codePointName(cp)}}, -1,
                 u"%1 contains a bidirectional control character (%2)"_s.arg(field.name, codePointName(cp)));
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

ProblemText tooLong(int max, qsizetype found)
{
    return {text::TooLong, {QString::number(max), QString::number(found)}};
}

void checkText(Problems& problems, const Field& field, QStringView value, int max, Presence presence,
               bool multiline = false)
{
    if (presence == Presence::Required && value.trimmed().isEmpty()) {
        problems.invalid(field, text::Empty);
        return;
    }
    const qsizetype length = codePointCount(value);
    if (length > max)
        problems.add(ErrorCode::Invalid, field, tooLong(max, length));
    else if (hasControlChars(value, multiline))
        problems.invalid(field, text::ControlChars);
}

void checkHandle(Problems& problems, const QString& handle)
{
    if (handle.isEmpty())
        return; // derived from the title when stored
    if (checkIdentifierChars(problems, Field(u"handle"), u"handle", handle))
        return;
    const qsizetype length = codePointCount(handle);
    if (length > Limits::HandleMax)
        problems.add(ErrorCode::Invalid, Field(u"handle"), tooLong(Limits::HandleMax, length));
    else if (!isValidHandle(handle))
        problems.invalid(Field(u"handle"), text::BadHandle);
}

void checkTags(Problems& problems, const QStringList& tags)
{
    const Field field(u"tags");
    if (tags.size() > Limits::TagsMax)
        problems.invalid(field, text::TooManyTags, {QString::number(Limits::TagsMax), QString::number(tags.size())});
    const qsizetype count = qMin<qsizetype>(tags.size(), Limits::TagsMax);
    for (qsizetype i = 0; i < count; ++i) {
        const QString& tag = tags[i];
        const qsizetype before = problems.size();
        checkText(problems, field, tag, Limits::TagMax, Presence::Required);
        if (problems.size() == before && tag.contains(u','))
            problems.invalid(field, text::CommaInTag);
        if (problems.size() != before)
            return; // one bad tag is enough to point the user at the field
        if (indexOfEqual(tags, i) >= 0)
            problems.add(ErrorCode::Duplicate, field, {text::DuplicateTag, {tag}});
    }
}

void checkOptionNames(Problems& problems, const QStringList& names)
{
    const Field field(u"optionNames");
    if (names.size() > Limits::OptionsMax)
        problems.invalid(field, text::TooManyOptions,
                         {QString::number(Limits::OptionsMax), QString::number(names.size())});
    const qsizetype count = qMin<qsizetype>(names.size(), Limits::OptionsMax);
    for (qsizetype i = 0; i < count; ++i) {
        if (checkIdentifierChars(problems, field, u"option name", names[i]))
            continue;
        checkText(problems, field, names[i], Limits::ShortTextMax, Presence::Required);
        if (!names[i].trimmed().isEmpty() && indexOfEqual(names, i) >= 0)
            problems.add(ErrorCode::Duplicate, field, {text::DuplicateOption, {names[i]}});
    }
}

void checkMoney(Problems& problems, const Field& field, const Money& amount, const Currency& currency)
{
    if (!(amount.currency() == currency)) {
        if (amount.currency().code.isEmpty())
            problems.add(ErrorCode::Invalid, field, {text::NoCurrency, {currency.code}}, -1,
                         u"must be in %1, not no currency"_s.arg(currency.code));
        else
            problems.invalid(field, text::WrongCurrency, {currency.code, amount.currency().code});
    }
    if (amount.isNegative())
        problems.invalid(field, text::Negative);
}

/// A price an order can always total: refused here, at entry, rather than as an overflow at checkout.
void checkPrice(Problems& problems, const Field& field, const Money& amount, const Currency& currency)
{
    checkMoney(problems, field, amount, currency);
    if (amount.minor() > AmountLimits::PriceMinorMax)
        problems.invalid(field, text::AtMostAmount,
                         {Money(AmountLimits::PriceMinorMax, currency).toDecimalString(), currency.code});
}

void checkRange(Problems& problems, const Field& field, qint64 value, qint64 max)
{
    if (value < 0 || value > max)
        problems.invalid(field, text::Between, {u"0"_s, QString::number(max)});
}

void checkSku(Problems& problems, const Field& field, const QString& sku)
{
    if (sku.isEmpty()) {
        problems.invalid(field, text::Empty);
        return;
    }
    if (checkIdentifierChars(problems, field, u"sku", sku))
        return;
    const qsizetype length = codePointCount(sku);
    if (length > Limits::ShortTextMax) {
        problems.add(ErrorCode::Invalid, field, tooLong(Limits::ShortTextMax, length));
        return;
    }
    bool bad = hasControlChars(sku, false);
    for (const QChar c : sku)
        bad = bad || c.isSpace();
    if (bad)
        problems.invalid(field, text::SkuSpaces);
}

/// The sentence for a barcode validateBarcode() refused, by the same rules in the same order.
ProblemText barcodeText(QStringView code)
{
    if (!std::all_of(code.begin(), code.end(), isBarcodeChar))
        return {text::BarcodeChars, {}};
    if (code.size() > BarcodeMax)
        return {text::BarcodeTooLong, {QString::number(BarcodeMax)}};
    return {text::CheckDigit, {QString::number(gs1CheckDigit(code.first(code.size() - 1))), code.last(1).toString()}};
}

void checkOptionValues(Problems& problems, int index, const QStringList& values, qsizetype optionCount)
{
    const Field field(index, u"optionValues");
    if (values.size() != optionCount) {
        problems.invalid(field, text::OptionValueCount, {QString::number(optionCount), QString::number(values.size())});
        return;
    }
    for (const QString& value : values) {
        if (!checkIdentifierChars(problems, field, u"option value", value))
            checkText(problems, field, value, Limits::ShortTextMax, Presence::Required);
    }
}

void checkVariant(Problems& problems, int index, const Variant& v, qsizetype optionCount, const Currency& currency)
{
    checkSku(problems, Field(index, u"sku"), v.sku);
    checkOptionValues(problems, index, v.optionValues, optionCount);
    checkPrice(problems, Field(index, u"price"), v.price, currency);
    if (v.compareAtPrice)
        checkPrice(problems, Field(index, u"compareAtPrice"), *v.compareAtPrice, currency);
    if (v.cost)
        checkMoney(problems, Field(index, u"cost"), *v.cost, currency);
    if (const Status barcode = validateBarcode(v.barcode, QString()); !barcode)
        problems.add(barcode.error().code, Field(index, u"barcode"), barcodeText(v.barcode), -1,
                     barcode.error().message);
    checkRange(problems, Field(index, u"weightGrams"), v.weightGrams, Limits::WeightGramsMax);
    checkRange(problems, Field(index, u"lowStockThreshold"), v.lowStockThreshold, Limits::QuantityMax);
}

/// SKUs and option-value combinations must each be unique within the product; the later one is reported.
void checkUniqueness(Problems& problems, const QList<Variant>& variants, int count, qsizetype optionCount)
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
                problems.add(ErrorCode::Duplicate, Field(i, u"sku"),
                             {text::SkuOfVariant, {v.sku, QString::number(j + 1)}}, j,
                             u"SKU \"%1\" is also used by variants[%2]"_s.arg(v.sku).arg(j));
                break;
            }
        }
        for (int j = 0; j < i && v.optionValues.size() == optionCount; ++j) {
            if (!sameOptionValues(variants[j].optionValues, v.optionValues))
                continue;
            if (optionCount == 0)
                problems.add(ErrorCode::Duplicate, Field(i, u"optionValues"), {text::NeedsOptions, {}}, j);
            else
                problems.add(ErrorCode::Duplicate, Field(i, u"optionValues"),
                             {text::SameOptionsAsVariant, {QString::number(j + 1)}}, j,
                             u"same option values as variants[%1]"_s.arg(j));
            break;
        }
    }
}

void checkVariants(Problems& problems, const Product& p, const Currency& currency)
{
    const Field field(u"variants");
    if (p.variants.isEmpty()) {
        problems.invalid(field, text::NoVariant);
        return;
    }
    if (p.variants.size() > Limits::VariantsMax)
        problems.invalid(field, text::TooManyVariants,
                         {QString::number(Limits::VariantsMax), QString::number(p.variants.size())});
    // beyond the limit the product is refused anyway; checking more would only flood the list
    const int count = int(qMin<qsizetype>(p.variants.size(), Limits::VariantsMax));
    for (int i = 0; i < count; ++i)
        checkVariant(problems, i, p.variants[i], p.optionNames.size(), currency);
    checkUniqueness(problems, p.variants, count, p.optionNames.size());
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

QList<ProductProblem> productProblems(const Product& p, const Currency& merchantCurrency)
{
    Problems problems;
    if (!checkBidi(problems, Field(u"title"), p.title))
        checkText(problems, Field(u"title"), p.title, Limits::TitleMax, Presence::Required);
    checkHandle(problems, p.handle);
    if (!checkBidi(problems, Field(u"description"), p.description))
        checkText(problems, Field(u"description"), p.description, Limits::DescriptionMax, Presence::Optional, true);
    checkText(problems, Field(u"vendor"), p.vendor, Limits::ShortTextMax, Presence::Optional);
    checkText(problems, Field(u"category"), p.category, Limits::ShortTextMax, Presence::Optional);
    checkTags(problems, p.tags);
    checkOptionNames(problems, p.optionNames);
    checkVariants(problems, p, merchantCurrency);
    return problems.take();
}

QList<Error> validateProduct(const Product& p, const Currency& merchantCurrency)
{
    QList<Error> errors;
    for (ProductProblem& problem : productProblems(p, merchantCurrency))
        errors.append(std::move(problem.error));
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
