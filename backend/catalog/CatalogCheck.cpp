#include "backend/catalog/CatalogCheck.h"

#include <QSqlQuery>

#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::catalog {
namespace {

struct Rule
{
    QString sql;     ///< returns one row per violation; the first column is reported
    QString message; ///< "%1" takes that column
    bool fullText = false; ///< about SQLite's full-text index, which a PostgreSQL store has not
};

const QList<Rule>& rules()
{
    static const QList<Rule> all = {
        {uR"(SELECT l.variant_id || '@' || l.location_id FROM stock_levels l
             LEFT JOIN (SELECT variant_id, location_id, sum(on_hand_delta) AS oh, sum(reserved_delta) AS rs
                        FROM stock_movements GROUP BY variant_id, location_id) m
               ON m.variant_id = l.variant_id AND m.location_id = l.location_id
             WHERE l.on_hand <> coalesce(m.oh, 0) OR l.reserved <> coalesce(m.rs, 0))"_s,
         u"stock level %1 differs from the sum of its movements"_s},
        {uR"(SELECT m.variant_id || '@' || m.location_id FROM stock_movements m
             LEFT JOIN stock_levels l ON l.variant_id = m.variant_id AND l.location_id = m.location_id
             WHERE l.variant_id IS NULL GROUP BY m.variant_id, m.location_id)"_s,
         u"stock movements of %1 have no stock level"_s},
        {u"SELECT variant_id || '@' || location_id FROM stock_levels WHERE on_hand < 0 OR reserved < 0 OR on_hand < reserved"_s,
         u"stock level %1 is negative or over-reserved"_s},
        {u"SELECT p.id FROM products p WHERE NOT EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id)"_s,
         u"product %1 has no variant"_s},
        {u"SELECT p.id FROM products p WHERE NOT EXISTS (SELECT 1 FROM product_search s WHERE s.rowid = p.id)"_s,
         u"product %1 is missing from the search index"_s, true},
        {u"SELECT s.rowid FROM product_search s WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = s.rowid)"_s,
         u"search entry %1 has no product"_s, true},
        {u"SELECT p.id FROM products p LEFT JOIN product_text t ON t.id = p.id "
         "WHERE t.id IS NULL OR t.merchant_id <> p.merchant_id"_s,
         u"product %1 is missing from the short-search table"_s},
        {u"SELECT v.sku FROM variants v JOIN merchants m ON m.id = v.merchant_id WHERE v.currency <> m.currency"_s,
         u"SKU %1 is priced in a currency other than its merchant's"_s},
        {u"SELECT v.sku FROM variants v JOIN products p ON p.id = v.product_id WHERE v.merchant_id <> p.merchant_id"_s,
         u"SKU %1 belongs to another merchant than its product"_s},
    };
    return all;
}

/// SQLite's own checks of the file: its pages and its references.
Status checkFile(QSqlQuery& q, QStringList& problems)
{
    if (!q.exec(u"PRAGMA integrity_check"_s))
        return store::sqlError(q.lastError(), u"checking integrity"_s);
    while (q.next()) {
        if (q.value(0).toString() != u"ok")
            problems.append(u"integrity: "_s + q.value(0).toString());
    }
    if (!q.exec(u"PRAGMA foreign_key_check"_s))
        return store::sqlError(q.lastError(), u"checking foreign keys"_s);
    while (q.next())
        problems.append(u"row %1 of %2 points to a missing %3"_s.arg(q.value(1).toString(), q.value(0).toString(),
                                                                     q.value(2).toString()));
    return {};
}

} // namespace

Result<QStringList> CatalogCheck::run(QSqlDatabase& db)
{
    QStringList problems;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // PostgreSQL checks its pages and enforces every reference itself: only the rules are ours
    if (!store::isPostgres(db)) {
        if (auto s = checkFile(q, problems); !s)
            return s.error();
    }
    for (const Rule& rule : rules()) {
        if (rule.fullText && store::isPostgres(db))
            continue;
        if (!q.exec(rule.sql))
            return store::sqlError(q.lastError(), u"checking the catalog"_s);
        int shown = 0;
        while (q.next() && shown++ < 20)
            problems.append(rule.message.arg(q.value(0).toString()));
    }
    return problems;
}

} // namespace souk::catalog
