#include "backend/payments/CommerceCheck.h"

#include <QSqlQuery>

#include "backend/payments/Ledger.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::payments {
namespace {

/// Each query returns one text column: one row per problem.
const QStringList& checks()
{
    static const QStringList all{
        // stock holds: what the levels say is reserved is what unpaid orders hold, and the journal agrees
        u"SELECT 'SKU ' || v.sku || ' at location ' || s.location_id || ': ' || s.reserved || ' reserved, but unpaid "
        "orders hold ' || coalesce(h.held, 0) FROM stock_levels s JOIN variants v ON v.id = s.variant_id "
        "LEFT JOIN (SELECT l.variant_id, o.location_id, sum(l.quantity) AS held FROM order_lines l "
        "JOIN orders o ON o.id = l.order_id WHERE o.status = 0 GROUP BY l.variant_id, o.location_id) h "
        "ON h.variant_id = s.variant_id AND h.location_id = s.location_id WHERE s.reserved <> coalesce(h.held, 0)"_s,
        u"SELECT 'SKU ' || v.sku || ': reserved ' || s.reserved || ' but its journal sums to ' || coalesce(m.r, 0) "
        "FROM stock_levels s JOIN variants v ON v.id = s.variant_id LEFT JOIN (SELECT variant_id, location_id, "
        "sum(reserved_delta) AS r FROM stock_movements GROUP BY variant_id, location_id) m "
        "ON m.variant_id = s.variant_id AND m.location_id = s.location_id WHERE s.reserved <> coalesce(m.r, 0)"_s,
        u"SELECT 'SKU ' || v.sku || ': negative stock (' || s.on_hand || ' on hand, ' || s.reserved || ' reserved)' "
        "FROM stock_levels s JOIN variants v ON v.id = s.variant_id "
        "WHERE s.on_hand < 0 OR s.reserved < 0 OR s.on_hand < s.reserved"_s,
        // money: never more refunded than captured, nor captured than authorized
        u"SELECT 'payment ' || id || ': captured ' || captured_minor || ', refunded ' || refunded_minor || ', "
        "authorized ' || amount_minor FROM payments WHERE refunded_minor > captured_minor "
        "OR captured_minor > amount_minor OR refunded_minor < 0"_s,
        u"SELECT 'order ' || o.id || ': captured ' || o.captured_minor || ' but its payments captured ' || "
        "coalesce(sum(p.captured_minor), 0) FROM orders o LEFT JOIN payments p ON p.order_id = o.id "
        "GROUP BY o.id HAVING o.captured_minor <> coalesce(sum(p.captured_minor), 0) "
        "OR o.refunded_minor <> coalesce(sum(p.refunded_minor), 0)"_s,
        // every capture is in the ledger: clearing debits equal what payments captured
        u"SELECT 'payment ' || p.id || ': captured ' || p.captured_minor || ' but the ledger booked ' || "
        "coalesce(j.booked, 0) FROM payments p LEFT JOIN (SELECT e.payment_id, sum(ps.amount_minor) AS booked "
        "FROM journal_entries e JOIN postings ps ON ps.entry_id = e.id JOIN ledger_accounts a ON a.id = ps.account_id "
        "WHERE e.kind = 'capture' AND a.kind = 0 GROUP BY e.payment_id) j ON j.payment_id = p.id "
        "WHERE p.captured_minor <> coalesce(j.booked, 0)"_s,
        // a hold waiting to be released at the provider belongs to a payment the store released
        u"SELECT 'hold release ' || r.id || ': payment ' || r.payment_id || ' is not voided or expired "
        "(status ' || coalesce(p.status, 'missing') || ')' FROM hold_releases r LEFT JOIN payments p "
        "ON p.id = r.payment_id WHERE r.payment_id IS NOT NULL AND (p.status IS NULL OR p.status NOT IN (3, 4))"_s,
    };
    return all;
}

} // namespace

Result<QStringList> CommerceCheck::run(QSqlDatabase& db)
{
    auto problems = Ledger::verify(db);
    if (!problems)
        return problems.error();
    QStringList out = *problems;
    for (const QString& sql : checks()) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(sql))
            return store::sqlError(q.lastError(), u"checking orders and payments"_s);
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

} // namespace souk::payments
