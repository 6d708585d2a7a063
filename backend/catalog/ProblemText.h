#pragma once

#include <QString>
#include <QStringList>

namespace souk::catalog {

/// A sentence about a bad import file, kept translatable across the layer line: the backend names an
/// English template marked with QT_TRANSLATE_NOOP in the context "ImportProblem" (below) and the
/// values for its %1, %2...; a view translates the template, then fills it. Value type, any thread.
struct ProblemText
{
    const char* source = nullptr; ///< one of the templates below (static storage); null for no text
    QStringList args;

    /// The template filled in, untranslated: for logs, the command line and the API.
    QString english() const;
    bool isEmpty() const { return source == nullptr; }

    /// Replaces %1..%9 in `pattern` with `args` in one pass, so a value that itself holds "%2" (text
    /// from the file) is never substituted again; a placeholder without a value is left as it is.
    static QString fill(const QString& pattern, const QStringList& args);
};

/// The templates; translators see them in the context "ImportProblem". A cell's column and line show
/// beside the sentence, so none of them repeats the field or the line it is about.
namespace problemtext {
// clang-format off
// the file as a whole (Csv.h's reader)
inline constexpr char FileEmpty[] = QT_TRANSLATE_NOOP("ImportProblem", "the file is empty");
inline constexpr char NotUtf8[] = QT_TRANSLATE_NOOP("ImportProblem", "this line is not valid UTF-8 text; save the file as UTF-8");
//: %1 = columns in the header row, %2 = columns on this line
inline constexpr char WrongWidth[] = QT_TRANSLATE_NOOP("ImportProblem", "expected %1 columns, found %2");
//: %1 = the largest number of rows accepted
inline constexpr char TooManyRows[] = QT_TRANSLATE_NOOP("ImportProblem", "the file has more than %1 rows; split it into smaller files");
inline constexpr char UnclosedQuote[] = QT_TRANSLATE_NOOP("ImportProblem", "a quoted value that starts on this line is never closed, so the rest of the file cannot be read");
inline constexpr char TextAfterQuote[] = QT_TRANSLATE_NOOP("ImportProblem", "unexpected text after a closing quote (quotes inside a value must be doubled); the line was skipped");
//: %1 = the largest number of characters accepted in one cell
inline constexpr char FieldTooLong[] = QT_TRANSLATE_NOOP("ImportProblem", "a value is longer than %1 characters, so the rest of the file cannot be read");
// the header row
inline constexpr char DuplicateColumn[] = QT_TRANSLATE_NOOP("ImportProblem", "the column appears twice");
inline constexpr char MissingColumn[] = QT_TRANSLATE_NOOP("ImportProblem", "missing required column");
// a row's values
inline constexpr char HandleOrTitle[] = QT_TRANSLATE_NOOP("ImportProblem", "a handle or a title is required");
inline constexpr char TrueOrFalse[] = QT_TRANSLATE_NOOP("ImportProblem", "must be TRUE or FALSE");
//: %1 = the value found; draft, active and archived are the values the file may use (not translated)
inline constexpr char BadStatus[] = QT_TRANSLATE_NOOP("ImportProblem", "status must be draft, active or archived, not \"%1\"");
inline constexpr char ValueWithoutOption[] = QT_TRANSLATE_NOOP("ImportProblem", "has a value but the product has no such option");
inline constexpr char AmountRequired[] = QT_TRANSLATE_NOOP("ImportProblem", "an amount is required");
inline constexpr char AmountTooLong[] = QT_TRANSLATE_NOOP("ImportProblem", "amount is too long");
//: %1 = the value found
inline constexpr char NotANumber[] = QT_TRANSLATE_NOOP("ImportProblem", "not a number: %1");
//: %1 = currency code, %2 = decimal places it has (e.g. "EUR allows at most 2 decimal places")
inline constexpr char TooManyDecimals[] = QT_TRANSLATE_NOOP("ImportProblem", "%1 allows at most %2 decimal places");
inline constexpr char AmountOutOfRange[] = QT_TRANSLATE_NOOP("ImportProblem", "amount out of range");
//: %1 = the value found
inline constexpr char NotWholeNumber[] = QT_TRANSLATE_NOOP("ImportProblem", "must be a whole number, not \"%1\"");
inline constexpr char Between[] = QT_TRANSLATE_NOOP("ImportProblem", "must be between %1 and %2");
//: %1 = the store's currency code
inline constexpr char StoreCurrencyRequired[] = QT_TRANSLATE_NOOP("ImportProblem", "must be %1, the store currency");
inline constexpr char UnknownCurrency[] = QT_TRANSLATE_NOOP("ImportProblem", "unknown currency code: %1");
//: %1 = the currency code in the file, %2 = the store's currency code
inline constexpr char OtherCurrency[] = QT_TRANSLATE_NOOP("ImportProblem", "%1 does not match the store currency %2");
//: %1 = SKU, %2 and %3 = line numbers of the file
inline constexpr char DuplicateSku[] = QT_TRANSLATE_NOOP("ImportProblem", "duplicate SKU \"%1\": lines %2 and %3");
//: %1 = the SKU Souk made for a variant without one, %2 = the other line that has it
inline constexpr char DuplicateDerivedSku[] = QT_TRANSLATE_NOOP("ImportProblem", "this variant has no SKU, and the one made from its handle and options (\"%1\") is already used on line %2; give it a SKU of its own");
//: %1 = SKU, %2 = handle of the product in the store that has it
inline constexpr char SkuInStore[] = QT_TRANSLATE_NOOP("ImportProblem", "SKU \"%1\" already belongs to the product \"%2\" in the store");
//: %1 = line number of the file
inline constexpr char SameOptionsAsLine[] = QT_TRANSLATE_NOOP("ImportProblem", "same option values as line %1");
//: %1 = the largest number of problems listed
inline constexpr char TooManyProblems[] = QT_TRANSLATE_NOOP("ImportProblem", "too many errors: stopped after %1");
inline constexpr char Cancelled[] = QT_TRANSLATE_NOOP("ImportProblem", "cancelled");
// the product rules (ProductValidator.h)
inline constexpr char Empty[] = QT_TRANSLATE_NOOP("ImportProblem", "must not be empty");
//: %1 = the limit, %2 = characters found
inline constexpr char TooLong[] = QT_TRANSLATE_NOOP("ImportProblem", "must be at most %1 characters (found %2)");
inline constexpr char ControlChars[] = QT_TRANSLATE_NOOP("ImportProblem", "must not contain control characters");
//: %1 = a code point such as U+0009
inline constexpr char ControlChar[] = QT_TRANSLATE_NOOP("ImportProblem", "contains a control character (%1)");
//: %1 = a code point such as U+200B
inline constexpr char InvisibleChar[] = QT_TRANSLATE_NOOP("ImportProblem", "contains an invisible character (%1)");
//: %1 = a code point such as U+202E
inline constexpr char BidiChar[] = QT_TRANSLATE_NOOP("ImportProblem", "contains a bidirectional control character (%1)");
inline constexpr char BadHandle[] = QT_TRANSLATE_NOOP("ImportProblem", "must be lower-case letters and digits joined by single dashes");
inline constexpr char TooManyTags[] = QT_TRANSLATE_NOOP("ImportProblem", "at most %1 tags (found %2)");
inline constexpr char CommaInTag[] = QT_TRANSLATE_NOOP("ImportProblem", "a tag must not contain a comma");
inline constexpr char DuplicateTag[] = QT_TRANSLATE_NOOP("ImportProblem", "tag \"%1\" appears twice");
inline constexpr char TooManyOptions[] = QT_TRANSLATE_NOOP("ImportProblem", "at most %1 options (found %2)");
inline constexpr char DuplicateOption[] = QT_TRANSLATE_NOOP("ImportProblem", "option \"%1\" appears twice");
//: %1 = the store's currency code, %2 = the amount's currency code
inline constexpr char WrongCurrency[] = QT_TRANSLATE_NOOP("ImportProblem", "must be in %1, not %2");
inline constexpr char NoCurrency[] = QT_TRANSLATE_NOOP("ImportProblem", "must be in %1 but has no currency");
inline constexpr char Negative[] = QT_TRANSLATE_NOOP("ImportProblem", "must not be negative");
//: %1 = the largest amount, %2 = currency code
inline constexpr char AtMostAmount[] = QT_TRANSLATE_NOOP("ImportProblem", "must be at most %1 %2");
inline constexpr char SkuSpaces[] = QT_TRANSLATE_NOOP("ImportProblem", "must not contain spaces or control characters");
inline constexpr char OptionValueCount[] = QT_TRANSLATE_NOOP("ImportProblem", "expected %1 option values, found %2");
inline constexpr char BarcodeChars[] = QT_TRANSLATE_NOOP("ImportProblem", "barcode may use letters, digits and - . _ / only");
//: %1 = the longest barcode allowed
inline constexpr char BarcodeTooLong[] = QT_TRANSLATE_NOOP("ImportProblem", "barcode must be at most %1 characters");
//: %1 = the right check digit, %2 = the digit found
inline constexpr char CheckDigit[] = QT_TRANSLATE_NOOP("ImportProblem", "check digit should be %1, not %2");
//: %1 = SKU, %2 = the number of the other variant of the same product (1 = its first)
inline constexpr char SkuOfVariant[] = QT_TRANSLATE_NOOP("ImportProblem", "SKU \"%1\" is also used by variant %2");
//: %1 = the number of the other variant of the same product (1 = its first)
inline constexpr char SameOptionsAsVariant[] = QT_TRANSLATE_NOOP("ImportProblem", "same option values as variant %1");
inline constexpr char NeedsOptions[] = QT_TRANSLATE_NOOP("ImportProblem", "a product with several variants needs options to tell them apart");
inline constexpr char NoVariant[] = QT_TRANSLATE_NOOP("ImportProblem", "at least one variant is required");
inline constexpr char TooManyVariants[] = QT_TRANSLATE_NOOP("ImportProblem", "at most %1 variants (found %2)");
// clang-format on
} // namespace problemtext

} // namespace souk::catalog
