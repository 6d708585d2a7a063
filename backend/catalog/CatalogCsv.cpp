#include "backend/catalog/CatalogCsv.h"

#include <QSet>

#include <algorithm>
#include <limits>
#include <optional>
#include <span>

#include "backend/catalog/CatalogCsvColumns.h"
#include "backend/catalog/ProductValidator.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

using namespace csvcolumns;

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
        if (!resolveColumns())
            return std::move(m_plan);
        const int total = m_plan.rowCount;
        m_productByHandle.reserve(total);
        m_skuLines.reserve(total);
        for (int r = 0; r < total && !m_full; ++r) {
            if (r > 0 && r % 1000 == 0 && progress && !progress(r, total))
                return cancelled();
            readRow(r);
        }
        for (int i = 0; i < m_plan.products.size() && !m_full; ++i) {
            for (const Error& error : validateProduct(m_plan.products[i].product, m_currency))
                mapError(i, error);
        }
        if (progress && !progress(total, total))
            return cancelled();
        for (const ImportProduct& p : std::as_const(m_plan.products))
            m_plan.variantCount += int(p.product.variants.size());
        // reading reports row by row, validation product by product: show them in file order
        const auto end = m_plan.errors.begin() + qMin<qsizetype>(m_plan.errors.size(), ImportErrorsMax);
        std::stable_sort(m_plan.errors.begin(), end,
                         [](const RowError& a, const RowError& b) { return a.line < b.line; });
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
        m_plan.errors.append(RowError{0, {}, u"cancelled"_s});
        return std::move(m_plan);
    }

    /// Records one error per cell (a value is not reported twice); stops everything past the cap.
    void addError(int line, const QString& column, const QString& message)
    {
        const QString cell = QString::number(line) + u'\x1f' + column;
        if (m_full || m_errorCells.contains(cell))
            return;
        m_errorCells.insert(cell);
        if (m_plan.errors.size() >= ImportErrorsMax) {
            m_plan.errors.append(RowError{line, {}, u"too many errors: stopped after %1"_s.arg(ImportErrorsMax)});
            m_full = true;
            return;
        }
        m_plan.errors.append(RowError{line, column, message});
    }

    bool resolveColumns()
    {
        for (int i = 0; i < m_table.header.size(); ++i) {
            const QString header = m_table.header[i].trimmed();
            for (int c = 0; c < ColCount; ++c) {
                if (m_names[c].isEmpty() || m_names[c] != header)
                    continue;
                if (has(Col(c)))
                    addError(1, header, u"duplicate column"_s);
                m_index[c] = i;
            }
        }
        const std::span<const Col> required =
            isShopify() ? std::span<const Col>(ShopifyRequired) : std::span<const Col>(SoukRequired);
        for (const Col c : required) {
            if (!has(c))
                addError(1, name(c), u"missing required column"_s);
        }
        return m_plan.errors.isEmpty();
    }

    void readRow(int r)
    {
        m_row = &m_table.rows[r];
        m_line = r < m_table.rowLines.size() ? m_table.rowLines[r] : r + 2;
        QString key = text(Handle);
        if (key.isEmpty() && !text(Title).trimmed().isEmpty())
            key = makeHandle(text(Title));
        if (key.isEmpty()) {
            addError(m_line, name(Handle), u"a handle or a title is required"_s);
            return;
        }
        // product fields come from a handle's first row only; later rows add variants (Shopify's rule)
        int index = m_productByHandle.value(key, -1);
        if (index < 0) {
            index = startProduct(key);
        } else if (isShopify() && isImageOnlyRow()) {
            return; // Shopify writes extra rows for extra images; they carry no variant
        }
        readVariant(m_plan.products[index], m_variantLines[index]);
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
        m_variantLines.append(QList<int>());
        return int(m_plan.products.size() - 1);
    }

    ProductStatus readStatus()
    {
        if (const QString status = text(StatusCol).trimmed(); !status.isEmpty()) {
            const auto parsed = parseStatus(status, name(StatusCol));
            if (parsed)
                return *parsed;
            addError(m_line, name(StatusCol), parsed.error().message);
            return ProductStatus::Draft;
        }
        const QString published = text(Published).trimmed();
        if (!isShopify() || published.isEmpty() || published.compare(u"FALSE"_s, Qt::CaseInsensitive) == 0)
            return ProductStatus::Draft;
        if (published.compare(u"TRUE"_s, Qt::CaseInsensitive) == 0)
            return ProductStatus::Active;
        addError(m_line, name(Published), u"must be TRUE or FALSE"_s);
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
                addError(m_line, name(OptionValueCols[k]), u"has a value but the product has no such option"_s);
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
            addError(m_line, name(c), parsed.error().message);
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
            addError(m_line, name(c), u"must be a whole number, not \"%1\""_s.arg(t.left(40)));
            return std::nullopt;
        }
        const qint64 value = digits.toLongLong();
        if (value < min || value > max) {
            addError(m_line, name(c), u"must be between %1 and %2"_s.arg(min).arg(max));
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
            addError(m_line, name(CurrencyCol), u"must be %1, the store currency"_s.arg(m_currency.code));
        else if (!currency)
            addError(m_line, name(CurrencyCol), currency.error().message);
        else if (!(*currency == m_currency))
            addError(m_line, name(CurrencyCol),
                     u"%1 does not match the store currency %2"_s.arg(code, m_currency.code));
    }

    void checkSkuInFile(const QString& sku)
    {
        if (sku.isEmpty())
            return;
        if (const auto it = m_skuLines.constFind(sku); it != m_skuLines.constEnd())
            addError(m_line, name(Sku),
                     u"duplicate SKU \"%1\": lines %2 and %3"_s.arg(sku.left(64)).arg(*it).arg(m_line));
        else
            m_skuLines.insert(sku, m_line);
    }

    void readVariant(ImportProduct& ip, QList<int>& lines)
    {
        Variant v;
        v.sku = text(Sku);
        v.optionValues = readOptionValues(ip.product.optionNames.size());
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
        ip.inventoryQuantities.append(integer(InventoryQty, 0, Limits::QuantityMax));
        checkSkuInFile(v.sku);
        ip.product.variants.append(std::move(v));
        lines.append(m_line);
    }

    /// Puts a validateProduct() error on the row and column it came from.
    void mapError(int productIndex, const Error& error)
    {
        const ImportProduct& ip = m_plan.products[productIndex];
        const QStringView field = error.field;
        static constexpr QStringView VariantPrefix = u"variants[";
        const qsizetype close = field.indexOf(u']');
        if (!field.startsWith(VariantPrefix) || close < 0 || close + 2 > field.size()) {
            addError(ip.firstLine, productColumn(field, ip.product), error.message);
            return;
        }
        const int vi = field.sliced(VariantPrefix.size(), close - VariantPrefix.size()).toInt();
        const int line = m_variantLines[productIndex].value(vi, ip.firstLine);
        const QStringView sub = field.sliced(close + 2);
        addError(line, variantColumn(sub, ip.product.variants.value(vi)), error.message);
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
    QList<QList<int>> m_variantLines; ///< per product, the line of each variant
    QHash<QString, int> m_productByHandle;
    QHash<QString, int> m_skuLines;
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

} // namespace souk::catalog
