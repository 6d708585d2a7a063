#include "backend/sim/DemoCatalog.h"

#include <array>

using namespace Qt::StringLiterals;
using namespace souk::catalog;

namespace souk::sim {
namespace {

struct Category
{
    QString name;
    QStringList nouns;        ///< English product nouns
    QStringList chineseNouns; ///< Chinese product nouns
    qint64 priceLowMajor;
    qint64 priceHighMajor;
    bool sized;
};

const QList<Category>& categories()
{
    static const QList<Category> all = {
        {u"Audio"_s, {u"Earbuds"_s, u"Headphones"_s, u"Speaker"_s, u"Soundbar"_s}, {u"无线蓝牙耳机"_s, u"头戴式耳机"_s, u"便携音箱"_s}, 15, 300, false},
        {u"Apparel"_s, {u"T-shirt"_s, u"Hoodie"_s, u"Rain Jacket"_s, u"Chinos"_s}, {u"纯棉T恤"_s, u"连帽卫衣"_s, u"防风外套"_s}, 12, 150, true},
        {u"Kitchen"_s, {u"Coffee Mug"_s, u"Chef Knife"_s, u"Tea Kettle"_s, u"Cutting Board"_s}, {u"陶瓷马克杯"_s, u"不锈钢水壶"_s, u"竹制砧板"_s}, 5, 120, false},
        {u"Grocery"_s, {u"Green Tea"_s, u"Olive Oil"_s, u"Dark Chocolate"_s, u"Honey"_s}, {u"西湖龙井茶"_s, u"特级初榨橄榄油"_s, u"黑巧克力"_s}, 2, 40, false},
        {u"Home"_s, {u"Desk Lamp"_s, u"Throw Pillow"_s, u"Scented Candle"_s, u"Wall Clock"_s}, {u"护眼台灯"_s, u"抱枕"_s, u"香薰蜡烛"_s}, 8, 180, false},
        {u"Sports"_s, {u"Yoga Mat"_s, u"Running Shoes"_s, u"Water Bottle"_s, u"Jump Rope"_s}, {u"瑜伽垫"_s, u"跑步鞋"_s, u"运动水杯"_s}, 6, 160, true},
    };
    return all;
}

const std::array<QString, 8> Adjectives = {u"Classic"_s, u"Premium"_s, u"Eco"_s,     u"Compact"_s,
                                           u"Pro"_s,     u"Everyday"_s, u"Limited"_s, u"Travel"_s};
const std::array<QString, 4> Sizes = {u"S"_s, u"M"_s, u"L"_s, u"XL"_s};
const std::array<QString, 4> Colours = {u"Black"_s, u"White"_s, u"Navy"_s, u"Olive"_s};

Variant makeVariant(const QString& sku, const Currency& currency, qint64 priceMinor, SeededRandom& rnd, qint64 serial)
{
    Variant v;
    v.sku = sku;
    v.price = Money(priceMinor, currency);
    if (rnd.chance(30))
        v.compareAtPrice = Money(priceMinor + priceMinor / 5, currency);
    v.cost = Money(priceMinor * 55 / 100, currency);
    v.barcode = ean13(200'000'000'000LL + serial);
    v.weightGrams = rnd.between(50, 2500);
    v.lowStockThreshold = rnd.between(3, 15);
    return v;
}

} // namespace

quint64 SeededRandom::next()
{
    // xorshift64*: tiny, fast and the same everywhere
    m_state ^= m_state >> 12;
    m_state ^= m_state << 25;
    m_state ^= m_state >> 27;
    return m_state * 0x2545F4914F6CDD1DULL;
}

qint64 SeededRandom::between(qint64 low, qint64 high)
{
    if (high <= low)
        return low;
    return low + qint64(next() % quint64(high - low + 1));
}

QString ean13(qint64 body12)
{
    const QString body = u"%1"_s.arg(body12 % 1'000'000'000'000LL, 12, 10, QChar(u'0'));
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (body[i].unicode() - u'0') * (i % 2 == 0 ? 1 : 3);
    return body + QChar(u'0' + (10 - sum % 10) % 10);
}

ImportPlan demoCatalog(const Currency& currency, int productCount, quint64 seed)
{
    SeededRandom rnd(seed);
    ImportPlan plan;
    qint64 serial = 0;
    const qint64 unit = currency.minorPerMajor();
    for (int n = 0; n < productCount; ++n) {
        const Category& cat = categories()[int(rnd.between(0, categories().size() - 1))];
        ImportProduct item;
        Product& p = item.product;
        const bool chinese = rnd.chance(35);
        const QString noun = chinese ? cat.chineseNouns[int(rnd.between(0, cat.chineseNouns.size() - 1))]
                                     : cat.nouns[int(rnd.between(0, cat.nouns.size() - 1))];
        p.title = chinese ? QString(noun + u' ' + QString::number(n + 1))
                          : QString(Adjectives[rnd.between(0, Adjectives.size() - 1)] + u' ' + noun + u' '
                                    + QString::number(n + 1));
        p.handle = u"p%1"_s.arg(n + 1, 6, 10, QChar(u'0'));
        p.category = cat.name;
        p.vendor = rnd.chance(50) ? u"Souk Goods"_s : u"Harbour & Co"_s;
        p.description = u"Demo product %1 in %2."_s.arg(n + 1).arg(cat.name);
        p.tags = {cat.name.toLower(), chinese ? u"zh"_s : u"en"_s};
        p.status = rnd.chance(85) ? ProductStatus::Active : (rnd.chance(50) ? ProductStatus::Draft : ProductStatus::Archived);
        const qint64 priceMinor = rnd.between(cat.priceLowMajor * unit, cat.priceHighMajor * unit) / (unit > 1 ? 10 : 1) *
                                  (unit > 1 ? 10 : 1);
        const int variants = cat.sized ? int(rnd.between(2, 4)) : 1;
        if (cat.sized)
            p.optionNames = {u"Size"_s, u"Colour"_s};
        const QString colour = Colours[rnd.between(0, Colours.size() - 1)];
        for (int v = 0; v < variants; ++v) {
            const QString sku = u"%1-%2"_s.arg(p.handle.toUpper()).arg(v + 1);
            Variant variant = makeVariant(sku, currency, priceMinor, rnd, ++serial);
            if (cat.sized)
                variant.optionValues = {Sizes[v % Sizes.size()], colour};
            p.variants.append(variant);
            item.inventoryQuantities.append(rnd.chance(12) ? rnd.between(0, 4) : rnd.between(10, 250));
        }
        item.firstLine = n + 2;
        plan.variantCount += variants;
        plan.rowCount += variants;
        plan.products.append(std::move(item));
    }
    return plan;
}

} // namespace souk::sim
