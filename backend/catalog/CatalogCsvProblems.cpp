#include "backend/catalog/CatalogCsvProblems.h"

#include <algorithm>

#include "backend/catalog/CatalogCsv.h"
#include "backend/catalog/CatalogCsvColumns.h"
#include "backend/catalog/ProductValidator.h"

namespace souk::catalog {

namespace csvproblems {

namespace text = problemtext;

ProblemText csvIssueText(const CsvIssue& issue)
{
    const QString expected = QString::number(issue.expected);
    switch (issue.kind) {
    case CsvIssueKind::Empty:
        return {text::FileEmpty, {}};
    case CsvIssueKind::NotUtf8:
        return {text::NotUtf8, {}};
    case CsvIssueKind::WrongWidth:
        return {text::WrongWidth, {expected, QString::number(issue.found)}};
    case CsvIssueKind::TextAfterQuote:
        return {text::TextAfterQuote, {}};
    case CsvIssueKind::UnclosedQuote:
        return {text::UnclosedQuote, {}};
    case CsvIssueKind::FieldTooLong:
        return {text::FieldTooLong, {expected}};
    case CsvIssueKind::TooManyRows:
        return {text::TooManyRows, {expected}};
    }
    return {};
}

ProblemText amountText(const Error& error, const QString& value, const Currency& currency)
{
    const QString t = value.trimmed();
    if (t.isEmpty())
        return {text::AmountRequired, {}};
    if (t.size() > 32)
        return {text::AmountTooLong, {}};
    if (error.code == ErrorCode::Overflow)
        return {text::AmountOutOfRange, {}};
    const QStringView digits = t.startsWith(u'-') || t.startsWith(u'+') ? QStringView(t).sliced(1) : QStringView(t);
    const bool decimal =
        digits.count(u'.') <= 1 &&
        std::any_of(digits.begin(), digits.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }) &&
        std::all_of(digits.begin(), digits.end(), [](QChar c) { return c == u'.' || (c >= u'0' && c <= u'9'); });
    if (decimal)
        return {text::TooManyDecimals, {currency.code, QString::number(currency.exponent)}};
    return {text::NotANumber, {t}};
}

void sortPlanErrors(ImportPlan& plan)
{
    const auto end = plan.errors.begin() + qMin<qsizetype>(plan.errors.size(), ImportErrorsMax);
    std::stable_sort(plan.errors.begin(), end, [](const RowError& a, const RowError& b) { return a.line < b.line; });
}

} // namespace csvproblems

using csvproblems::sortPlanErrors;

QStringList planSkus(const ImportPlan& plan)
{
    QStringList skus;
    skus.reserve(plan.variantCount);
    for (const ImportProduct& item : plan.products) {
        for (const Variant& v : item.product.variants)
            skus.append(normalizedIdentifier(v.sku));
    }
    return skus;
}

void addStoreSkuConflicts(ImportPlan& plan, CsvFormat format, const QHash<QString, QString>& storedSkuHandles)
{
    const QString column = csvcolumns::namesFor(format)[csvcolumns::Sku].toString();
    for (const ImportProduct& item : std::as_const(plan.products)) {
        const QString handle = normalizedIdentifier(item.product.handle);
        for (qsizetype i = 0; i < item.product.variants.size() && plan.errors.size() < ImportErrorsMax; ++i) {
            const QString sku = normalizedIdentifier(item.product.variants[i].sku);
            const auto owner = storedSkuHandles.constFind(sku);
            if (owner == storedSkuHandles.constEnd() || *owner == handle)
                continue; // a new SKU, or one of the product the row updates
            ProblemText sentence{problemtext::SkuInStore, {sku.left(64), owner->left(64)}};
            const QString english = sentence.english();
            plan.errors.append(RowError{item.variantLines.value(i, item.firstLine), column, english, sentence});
        }
    }
    sortPlanErrors(plan);
}

} // namespace souk::catalog
