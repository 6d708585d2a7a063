#include "backend/catalog/CatalogCsv.h"

#include <QSet>

#include <algorithm>
#include <limits>
#include <optional>
#include <span>

#include "backend/catalog/CatalogCsvColumns.h"
#include "backend/catalog/CatalogCsvProblems.h"
#include "backend/catalog/ImportSku.h"
#include "backend/catalog/ProductValidator.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

using namespace csvcolumns;
using namespace csvproblems;
namespace text = problemtext;

// validateProduct() field names and the column each comes from
constexpr std::pair<QStringView, Col> FieldColumns[]{{u"title", Title},
                                                     {u"handle", Handle},
                                                     {u"description", Description},
                                                     {u"vendor", Vendor},
                                                     {u"category", Category},
                                                     {u"tags", Tags},
                                                     {u"sku", Sku},
                                                     {u"price", Price},
                                                     {u"compareAtPrice", CompareAt},
                                                     {u"cost", Cost},
                                                     {u"barcode", Barcode},
                                                     {u"weightGrams", Weight},
                                                     {u"lowStockThreshold", LowStock}};

/// Index of the first value a validator would call empty or too long; 0 when none is.
int firstBadText(const QStringList& values)
{
    for (int k = 0; k < values.size(); ++k) {
        if (values[k].trimmed().isEmpty() || codePointCount(values[k]) > Limits::ShortTextMax)
            return k;
    }
    return 0;
}

/// The option-name column an optionNames error is about: a bad name, else the later of two duplicates.
int optionNameIndex(const QStringList& names)
{
    const int bad = firstBadText(names);
    if (bad > 0 || names.isEmpty() || names[0].trimmed().isEmpty())
        return bad;
    for (int k = 1; k < names.size(); ++k) {
        for (int j = 0; j < k; ++j) {
            if (names[k].trimmed().compare(names[j].trimmed(), Qt::CaseInsensitive) == 0)
                return k;
        }
    }
    return 0;
}

/// Reads one table into a plan. Single use; the caller's thread.
class Reader
{
public:
    Reader(const CsvTable& table, CsvFormat format, const Currency& currency, Id merchantId)
        : m_table(table), m_format(format), m_names(namesFor(format)), m_currency(currency), m_merchantId(merchantId)
    {
        m_index.fill(-1);
    }

    ImportPlan run(const ImportProgress& progress)
    {
        m_plan.rowCount = int(m_table.rows.size());
        for (const CsvIssue& issue : m_table.issues) {
            addError(issue.line, QString(), csvIssueText(issue));
            m_plan.rowCount += issue.kind == CsvIssueKind::WrongWidth || issue.kind == CsvIssueKind::TextAfterQuote;
        }
        if (m_table.header.isEmpty() || !resolveColumns())
            return std::move(m_plan);
        const int total = int(m_table.rows.size());
        m_productByHandle.reserve(total);
        m_skuLines.reserve(total);
        for (int r = 0; r < total && !m_full; ++r) {
            if (r > 0 && r % 1000 == 0 && progress && !progress(r, total))
                return cancelled();
            readRow(r);
        }
        for (int i = 0; i < m_plan.products.size() && !m_full; ++i) {
            for (const ProductProblem& problem : productProblems(m_plan.products[i].product, m_currency))
                mapProblem(i, problem);
        }
        if (progress && !progress(total, total))
            return cancelled();
        for (const ImportProduct& p : std::as_const(m_plan.products))
            m_plan.variantCount += int(p.product.variants.size());
        sortPlanErrors(m_plan); // reading reports row by row, validation product by product
        return std::move(m_plan);
    }

private:
    bool isShopify() const { return m_format == CsvFormat::Shopify; }
    bool has(Col c) const { return m_index[c] >= 0; }
    QString name(Col c) const { return m_names[c].toString(); }
    /// A cell as the merchant meant it: Souk's export quotes cells that would run as spreadsheet
    /// formulas ("'=..."), and that quote is taken off again here, so export -> import round trips.
    QString text(Col c) const { return has(c) ? restoreCsvFormula(m_row->value(m_index[c])) : QString(); }

    ImportPlan cancelled()
    {
        m_plan.products.clear(); // a cancelled plan must never be imported in part
        m_plan.errors.append(RowError{0, {}, u"cancelled"_s, {text::Cancelled, {}}});
        return std::move(m_plan);
    }

    /// Records one error per cell (a value is not reported twice); stops everything past the cap.
    void addError(int line, const QString& column, ProblemText problem)
    {
        const QString cell = QString::number(line) + u'\x1f' + column;
        if (m_full || m_errorCells.contains(cell))
            return;
        m_errorCells.insert(cell);
        if (m_plan.errors.size() >= ImportErrorsMax) {
            ProblemText stop{text::TooManyProblems, {QString::number(ImportErrorsMax)}};
            m_plan.errors.append(RowError{line, {}, stop.english(), stop});
            m_full = true;
            return;
        }
        const QString english = problem.english();
        m_plan.errors.append(RowError{line, column, english, std::move(problem)});
    }
    void addError(int line, Col c, const char* source, const QStringList& args = {})
    {
        addError(line, name(c), ProblemText{source, args});
    }

    /// Whether `header` names column `c` in this file's dialect (Shopify's newer template too).
    bool namedBy(Col c, const QString& header) const
    {
        if (!m_names[c].isEmpty() && m_names[c] == header)
            return true;
        return isShopify() && std::any_of(ShopifyAliases.begin(), ShopifyAliases.end(), [&](const Alias& a) {
                   return a.col == c && a.name == header;
               });
    }

    /// True when every required column of `names` is in the header.
    bool headerFits(const Names& names, std::span<const Col> required) const
    {
        return std::all_of(required.begin(), required.end(), [&](Col c) {
            return std::any_of(m_table.header.begin(), m_table.header.end(),
                               [&](const QString& h) { return h.trimmed() == names[c]; });
        });
    }

    /// Finds each known column by its header; false (and reported) when one is missing or twice.
    bool resolveColumns()
    {
        bool twice = false;
        for (int i = 0; i < m_table.header.size(); ++i) {
            const QString header = m_table.header[i].trimmed();
            for (int c = 0; c < ColCount; ++c) {
                if (!namedBy(Col(c), header))
                    continue;
                if (has(Col(c))) {
                    addError(1, Col(c), text::DuplicateColumn);
                    twice = true;
                }
                m_index[c] = i;
            }
        }
        const std::span<const Col> required =
            isShopify() ? std::span<const Col>(ShopifyRequired) : std::span<const Col>(SoukRequired);
        for (const Col c : required) {
            if (!has(c))
                addError(1, c, text::MissingColumn);
        }
        const bool missing = std::any_of(required.begin(), required.end(), [this](Col c) { return !has(c); });
        if (missing && isShopify() && headerFits(SoukNames, SoukRequired))
            m_plan.suggestedFormat = CsvFormat::Souk;
        else if (missing && !isShopify() && headerFits(ShopifyNames, ShopifyRequired))
            m_plan.suggestedFormat = CsvFormat::Shopify;
        return !missing && !twice;
    }

    void readRow(int r)
    {
        m_row = &m_table.rows[r];
        m_line = r < m_table.rowLines.size() ? m_table.rowLines[r] : r + 2;
        QString key = text(Handle);
        if (key.isEmpty() && !text(Title).trimmed().isEmpty())
            key = makeHandle(text(Title));
        if (key.isEmpty()) {
            addError(m_line, Handle, text::HandleOrTitle);
            return;
        }
        // product fields come from a handle's first row only; later rows add variants (Shopify's rule)
        int index = m_productByHandle.value(key, -1);
        if (index < 0) {
            index = startProduct(key);
        } else if (isShopify() && isImageOnlyRow()) {
            return; // Shopify writes extra rows for extra images; they carry no variant
        }
        readVariant(m_plan.products[index]);
    }

    bool isImageOnlyRow() const
    {
        return std::all_of(VariantCols.begin(), VariantCols.end(), [this](Col c) { return text(c).isEmpty(); });
    }

    int startProduct(const QString& handle)
    {
        ImportProduct ip;
        ip.firstLine = m_line;
        Product& p = ip.product;
        p.merchantId = m_merchantId;
        p.handle = handle;
        p.title = text(Title);
        p.description = text(Description);
        p.vendor = text(Vendor);
        p.category = text(Category);
        for (const QString& tag : text(Tags).split(u',', Qt::SkipEmptyParts)) {
            if (!tag.trimmed().isEmpty())
                p.tags.append(tag.trimmed());
        }
        p.status = readStatus();
        p.optionNames = readOptionNames();
        m_productByHandle.insert(handle, int(m_plan.products.size()));
        m_plan.products.append(std::move(ip));
        return int(m_plan.products.size() - 1);
    }

    ProductStatus readStatus()
    {
        if (const QString status = text(StatusCol).trimmed(); !status.isEmpty()) {
            if (const auto parsed = parseStatus(status, name(StatusCol)))
                return *parsed;
            addError(m_line, StatusCol, text::BadStatus, {status.left(40)});
            return ProductStatus::Draft;
        }
        const QString published = text(Published).trimmed();
        if (!isShopify() || published.isEmpty() || published.compare(u"FALSE"_s, Qt::CaseInsensitive) == 0)
            return ProductStatus::Draft;
        if (published.compare(u"TRUE"_s, Qt::CaseInsensitive) == 0)
            return ProductStatus::Active;
        addError(m_line, Published, text::TrueOrFalse);
        return ProductStatus::Draft;
    }

    QStringList readOptionNames() const
    {
        QStringList names;
        for (const Col c : OptionNameCols)
            names.append(text(c));
        while (!names.isEmpty() && names.back().isEmpty())
            names.removeLast();
        if (isShopify() && names == QStringList{DefaultTitleName.toString()} && text(Option1Value) == DefaultTitleValue)
            names.clear();
        return names;
    }

    QStringList readOptionValues(qsizetype optionCount)
    {
        QStringList values;
        for (int k = 0; k < int(OptionValueCols.size()); ++k) {
            const QString value = text(OptionValueCols[k]);
            if (k < optionCount)
                values.append(value);
            else if (!value.isEmpty() && !(isShopify() && optionCount == 0 && value == DefaultTitleValue))
                addError(m_line, OptionValueCols[k], text::ValueWithoutOption);
        }
        return values;
    }

    std::optional<Money> money(Col c, bool required)
    {
        const QString t = text(c).trimmed();
        if (t.isEmpty() && !required)
            return std::nullopt;
        auto parsed = Money::parse(t, m_currency, name(c));
        if (!parsed) {
            addError(m_line, name(c), amountText(parsed.error(), t, m_currency));
            return std::nullopt;
        }
        return std::move(parsed).value();
    }

    /// A strictly written whole number: digits with an optional minus. Shopify writes grams as
    /// "200.0", so there a fraction of zeros is accepted; "200.5" never is.
    std::optional<qint64> integer(Col c, qint64 min, qint64 max)
    {
        const QString t = text(c).trimmed();
        if (t.isEmpty())
            return std::nullopt;
        QStringView digits = t;
        if (const qsizetype dot = t.indexOf(u'.'); dot >= 0 && isShopify() && c == Weight) {
            const QStringView fraction = digits.sliced(dot + 1);
            if (!fraction.isEmpty() && std::all_of(fraction.begin(), fraction.end(), [](QChar d) { return d == u'0'; }))
                digits = digits.first(dot);
        }
        const QStringView magnitude = digits.startsWith(u'-') ? digits.sliced(1) : digits;
        const bool wellFormed =
            !magnitude.isEmpty() && magnitude.size() <= 18 &&
            std::all_of(magnitude.begin(), magnitude.end(), [](QChar d) { return d.isDigit() && d.unicode() < 128; });
        if (!wellFormed) {
            addError(m_line, c, text::NotWholeNumber, {t.left(40)});
            return std::nullopt;
        }
        const qint64 value = digits.toLongLong();
        if (value < min || value > max) {
            addError(m_line, c, text::Between, {QString::number(min), QString::number(max)});
            return std::nullopt;
        }
        return value;
    }

    void checkRowCurrency()
    {
        if (!has(CurrencyCol))
            return;
        const QString code = text(CurrencyCol).trimmed();
        const auto currency = Currency::find(code, name(CurrencyCol));
        if (code.isEmpty())
            addError(m_line, CurrencyCol, text::StoreCurrencyRequired, {m_currency.code});
        else if (!currency)
            addError(m_line, CurrencyCol, text::UnknownCurrency, {code.left(12)});
        else if (!(*currency == m_currency))
            addError(m_line, CurrencyCol, text::OtherCurrency, {code, m_currency.code});
    }

    /// SKUs are unique per merchant, compared as stored (NFC): "é" typed composed and decomposed
    /// is one SKU, in one product or across products.
    void checkSkuInFile(const QString& sku, bool derived)
    {
        if (sku.isEmpty())
            return;
        const QString key = normalizedIdentifier(sku);
        const auto it = m_skuLines.constFind(key);
        if (it == m_skuLines.constEnd()) {
            m_skuLines.insert(key, m_line);
            return;
        }
        if (derived)
            addError(m_line, Sku, text::DuplicateDerivedSku, {sku.left(64), QString::number(*it)});
        else
            addError(m_line, Sku, text::DuplicateSku, {sku.left(64), QString::number(*it), QString::number(m_line)});
    }

    /// The starting stock. Shopify lets a variant sell while out of stock, and exports what it owes
    /// as a negative quantity; Souk stock never goes below zero, so it starts at 0 (and says so).
    std::optional<qint64> readQuantity()
    {
        const std::optional<qint64> quantity =
            integer(InventoryQty, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
        if (quantity && *quantity < 0 && isShopify()) {
            ++m_plan.negativeStockCount;
            return 0;
        }
        if (quantity && (*quantity < 0 || *quantity > Limits::QuantityMax)) {
            addError(m_line, InventoryQty, text::Between, {u"0"_s, QString::number(Limits::QuantityMax)});
            return std::nullopt;
        }
        return quantity;
    }

    void readVariant(ImportProduct& ip)
    {
        Variant v;
        v.sku = text(Sku);
        v.optionValues = readOptionValues(ip.product.optionNames.size());
        // Shopify allows a variant without a SKU; Souk needs one to know the variant again
        const bool derived = isShopify() && v.sku.trimmed().isEmpty();
        if (derived) {
            v.sku = derivedSku(ip.product.handle, v.optionValues);
            if (m_plan.derivedSkuCount++ == 0)
                m_plan.derivedSkuExample = v.sku;
        }
        checkRowCurrency();
        // a price that did not parse is already reported; 0 keeps the variant (and its line) in place
        v.price = money(Price, true).value_or(Money(0, m_currency));
        v.compareAtPrice = money(CompareAt, false);
        v.cost = money(Cost, false);
        v.barcode = text(Barcode).trimmed();
        // out-of-range values go through to validateProduct, which reports them on this line
        constexpr qint64 AnyMin = std::numeric_limits<qint64>::min();
        constexpr qint64 AnyMax = std::numeric_limits<qint64>::max();
        v.weightGrams = integer(Weight, AnyMin, AnyMax).value_or(0);
        v.lowStockThreshold = integer(LowStock, AnyMin, AnyMax).value_or(0);
        ip.inventoryQuantities.append(readQuantity());
        checkSkuInFile(v.sku, derived);
        ip.product.variants.append(std::move(v));
        ip.variantLines.append(m_line);
        ip.derivedSkus.append(derived);
    }

    /// Puts a validateProduct() problem on the row and column it came from; a duplicate names the
    /// line of the variant it repeats, never its index.
    void mapProblem(int productIndex, const ProductProblem& problem)
    {
        const ImportProduct& ip = m_plan.products[productIndex];
        if (problem.variant < 0) {
            addError(ip.firstLine, productColumn(problem.field, ip.product), problem.text);
            return;
        }
        const int line = ip.variantLines.value(problem.variant, ip.firstLine);
        ProblemText sentence = problem.text;
        if (problem.otherVariant >= 0) {
            const QString otherLine = QString::number(ip.variantLines.value(problem.otherVariant, ip.firstLine));
            const Variant& v = ip.product.variants.value(problem.variant);
            if (problem.field == u"sku")
                sentence = {text::DuplicateSku, {v.sku.left(64), otherLine, QString::number(line)}};
            else if (problem.text.source == text::SameOptionsAsVariant)
                sentence = {text::SameOptionsAsLine, {otherLine}};
        }
        addError(line, variantColumn(problem.field, ip.product.variants.value(problem.variant)), std::move(sentence));
    }

    QString productColumn(QStringView field, const Product& p) const
    {
        if (field == u"optionNames")
            return name(OptionNameCols[qBound(0, optionNameIndex(p.optionNames), 2)]);
        return field == u"variants" ? QString() : columnFor(field); // "variants": the product as a whole
    }

    QString variantColumn(QStringView sub, const Variant& v) const
    {
        if (sub == u"optionValues")
            return name(OptionValueCols[qBound(0, firstBadText(v.optionValues), 2)]);
        return columnFor(sub);
    }

    /// The column holding a validator field ("price" -> "Variant Price"); the field itself if none does.
    QString columnFor(QStringView field) const
    {
        for (const auto& [key, col] : FieldColumns) {
            if (key == field)
                return m_names[col].isEmpty() ? field.toString() : name(col);
        }
        return field.toString();
    }

    const CsvTable& m_table;
    const CsvFormat m_format;
    const Names& m_names;
    const Currency m_currency;
    const Id m_merchantId;
    std::array<int, ColCount> m_index;
    ImportPlan m_plan;
    QHash<QString, int> m_productByHandle;
    QHash<QString, int> m_skuLines; ///< NFC SKU -> the line that first has it
    QSet<QString> m_errorCells;
    bool m_full = false;
    const QStringList* m_row = nullptr;
    int m_line = 0;
};

} // namespace

ImportPlan readCatalogCsv(const CsvTable& table, CsvFormat format, const Currency& currency, Id merchantId,
                          const ImportProgress& progress)
{
    return Reader(table, format, currency, merchantId).run(progress);
}

ImportPlan planCatalogCsv(const QByteArray& data, CsvFormat format, const Currency& currency, Id merchantId,
                          const ImportProgress& progress)
{
    return readCatalogCsv(parseCsvLenient(data), format, currency, merchantId, progress);
}

} // namespace souk::catalog
