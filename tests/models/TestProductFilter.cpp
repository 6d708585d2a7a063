#include <QTest>

#include "models/catalog/ProductFilter.h"

using namespace Qt::StringLiterals;
using namespace souk;

Q_DECLARE_METATYPE(std::optional<QString>)

/// The catalog filter rules, one row per rule and combination.
class TestProductFilter final : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void emptyFilterMatchesEverything();
};

namespace {

catalog::ProductSummary product(qint64 id, catalog::ProductStatus status, const QString& category, bool lowStock)
{
    catalog::ProductSummary p;
    p.id = Id{id};
    p.status = status;
    p.category = category;
    p.lowStock = lowStock;
    return p;
}

using S = catalog::ProductStatus;

} // namespace

void TestProductFilter::matches_data()
{
    QTest::addColumn<int>("status");                      // -1: any
    QTest::addColumn<std::optional<QString>>("category"); // nullopt: any
    QTest::addColumn<bool>("lowStockOnly");
    QTest::addColumn<QList<qint64>>("ids"); // {-1}: no search
    QTest::addColumn<bool>("expected");
    const QList<qint64> noSearch{-1};
    const std::optional<QString> any;
    // the product under test: id 7, Active, "Shoes", low stock
    QTest::addRow("no rules") << -1 << any << false << noSearch << true;
    QTest::addRow("status matches") << int(S::Active) << any << false << noSearch << true;
    QTest::addRow("status differs") << int(S::Draft) << any << false << noSearch << false;
    QTest::addRow("category matches") << -1 << std::optional<QString>(u"Shoes"_s) << false << noSearch << true;
    QTest::addRow("category ignores case") << -1 << std::optional<QString>(u"shoes"_s) << false << noSearch << true;
    QTest::addRow("category differs") << -1 << std::optional<QString>(u"Hats"_s) << false << noSearch << false;
    QTest::addRow("no-category filter") << -1 << std::optional<QString>(QString()) << false << noSearch << false;
    QTest::addRow("low stock wanted") << -1 << any << true << noSearch << true;
    QTest::addRow("search hit") << -1 << any << false << QList<qint64>{3, 7} << true;
    QTest::addRow("search miss") << -1 << any << false << QList<qint64>{3, 8} << false;
    QTest::addRow("empty search result") << -1 << any << false << QList<qint64>{} << false;
    QTest::addRow("all rules hold") << int(S::Active) << std::optional<QString>(u"Shoes"_s) << true << QList<qint64>{7}
                                    << true;
    QTest::addRow("one rule fails") << int(S::Active) << std::optional<QString>(u"Shoes"_s) << true << QList<qint64>{8}
                                    << false;
}

void TestProductFilter::matches()
{
    QFETCH(int, status);
    QFETCH(std::optional<QString>, category);
    QFETCH(bool, lowStockOnly);
    QFETCH(QList<qint64>, ids);
    QFETCH(bool, expected);

    ProductFilter filter;
    if (status >= 0)
        filter.setStatus(S(status));
    filter.setCategory(category);
    filter.setLowStockOnly(lowStockOnly);
    if (ids != QList<qint64>{-1}) {
        QSet<Id> set;
        for (const qint64 id : ids)
            set.insert(Id{id});
        filter.setIds(set);
    }
    QCOMPARE(filter.matches(product(7, S::Active, u"Shoes"_s, true)), expected);
}

void TestProductFilter::emptyFilterMatchesEverything()
{
    ProductFilter filter;
    QVERIFY(filter.isEmpty());
    QVERIFY(filter.matches(product(1, S::Archived, QString(), false)));
    filter.setLowStockOnly(true);
    QVERIFY(!filter.isEmpty());
    QVERIFY(!filter.matches(product(1, S::Archived, QString(), false)));
    ProductFilter uncategorised;
    uncategorised.setCategory(QString());
    QVERIFY(uncategorised.matches(product(2, S::Draft, QString(), false)));
}

QTEST_GUILESS_MAIN(TestProductFilter)
#include "TestProductFilter.moc"
