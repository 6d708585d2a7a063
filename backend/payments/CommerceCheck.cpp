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
        // every capture is in the ledger: clearing debits equal what payments captured (a
        // reversed capture counts against it, so a reversal alone shows up here), less what
        // the provider refused for good (a dead capture, whose entry was reversed)
        u"SELECT 'payment ' || p.id || ': captured ' || p.captured_minor || ' but the ledger booked ' || "
        "coalesce(j.booked, 0) FROM payments p LEFT JOIN (SELECT e.payment_id, sum(ps.amount_minor) AS booked "
        "FROM journal_entries e LEFT JOIN journal_entries r ON r.id = e.reverses_id "
        "JOIN postings ps ON ps.entry_id = e.id JOIN ledger_accounts a ON a.id = ps.account_id "
        "WHERE (e.kind = 'capture' OR r.kind = 'capture') AND a.kind = 0 GROUP BY e.payment_id) j "
        "ON j.payment_id = p.id LEFT JOIN (SELECT payment_id, sum(amount_minor) AS refused FROM provider_outbox "
        "WHERE kind = 1 AND state = 1 GROUP BY payment_id) d ON d.payment_id = p.id "
        "WHERE p.captured_minor - coalesce(d.refused, 0) <> coalesce(j.booked, 0)"_s,
        // what was refunded is the refunds plus the lost disputes, up to what was captured: the
        // bank may dispute money the merchant refunded already (a dispute is the bank's fact),
        // and the ledger books such a loss in full while the payment counts only the part that
        // was still refundable (refunds are never allowed past it, so the cap is exact). The
        // rule was "refunded = refunds + lost disputes", which such a store breaks.
        u"SELECT 'payment ' || p.id || ': refunded ' || p.refunded_minor || ' but its refunds and lost disputes "
        "sum to ' || (coalesce(r.s, 0) + coalesce(d.s, 0)) || ' (of ' || p.captured_minor || ' captured)' "
        "FROM payments p "
        "LEFT JOIN (SELECT payment_id, sum(amount_minor) AS s FROM refunds GROUP BY payment_id) r ON r.payment_id = "
        "p.id "
        "LEFT JOIN (SELECT payment_id, sum(amount_minor) AS s FROM disputes WHERE status = 3 GROUP BY payment_id) d "
        "ON d.payment_id = p.id WHERE p.refunded_minor <> CASE WHEN p.captured_minor < coalesce(r.s, 0) + "
        "coalesce(d.s, 0) THEN p.captured_minor ELSE coalesce(r.s, 0) + coalesce(d.s, 0) END"_s,
        // a merchant's order counter is at or past its highest order number: the next order
        // must not take a number one of its orders has
        u"SELECT 'merchant ' || o.merchant_id || ': order numbers reach ' || max(o.number) || ' but its counter is at "
        u"' "
        "|| coalesce(CAST(n.last_number AS TEXT), 'nothing') FROM orders o LEFT JOIN order_numbers n ON n.merchant_id "
        "= o.merchant_id "
        "WHERE o.number IS NOT NULL GROUP BY o.merchant_id, n.last_number HAVING max(o.number) > coalesce(n.last_number, 0)"_s,
        // an order's totals: its lines, then subtotal - discount + tax + delivery
        u"SELECT 'order ' || o.id || ': subtotal ' || o.subtotal_minor || ' but its lines sum to ' || "
        "coalesce(l.s, 0) FROM orders o LEFT JOIN (SELECT order_id, sum(line_total_minor) AS s FROM order_lines "
        "GROUP BY order_id) l ON l.order_id = o.id WHERE o.subtotal_minor <> coalesce(l.s, 0)"_s,
        u"SELECT 'order ' || order_id || ', line ' || position || ': ' || quantity || ' x ' || unit_price_minor || "
        "' is not ' || line_total_minor FROM order_lines WHERE line_total_minor <> quantity * unit_price_minor"_s,
        u"SELECT 'order ' || id || ': total ' || total_minor || ' is not subtotal - discount + tax + delivery' "
        "FROM orders WHERE total_minor <> subtotal_minor - discount_minor + tax_minor + delivery_fee_minor"_s,
        // an order past payment has captured money; one awaiting payment has not
        u"SELECT 'order ' || id || ': status ' || status || ' with ' || captured_minor || ' captured' FROM orders "
        "WHERE (status IN (1, 2, 3, 4, 5, 8, 9) AND captured_minor = 0 AND total_minor > 0) "
        "OR (status = 0 AND captured_minor <> 0)"_s,
        // what waits for the provider matches the store: a hold to release belongs to a payment
        // the store released, a capture to one that captured that much, refunds to refunded money
        u"SELECT 'provider call ' || c.id || ': release of payment ' || c.payment_id || ', which is not voided or "
        "expired (status ' || coalesce(CAST(p.status AS TEXT), 'missing') || ')' FROM provider_outbox c LEFT JOIN "
        "payments p "
        "ON p.id = c.payment_id WHERE c.kind = 0 AND c.payment_id IS NOT NULL "
        "AND (p.status IS NULL OR p.status NOT IN (3, 4))"_s,
        u"SELECT 'provider call ' || c.id || ': capture of ' || c.amount_minor || ' for payment ' || c.payment_id || "
        "', which captured ' || coalesce(CAST(p.captured_minor AS TEXT), 'nothing') FROM provider_outbox c LEFT JOIN "
        "payments p "
        "ON p.id = c.payment_id WHERE c.kind = 1 AND (p.id IS NULL OR p.captured_minor <> c.amount_minor)"_s,
        u"SELECT 'provider calls: refunds of ' || sum(c.amount_minor) || ' for payment ' || c.payment_id || "
        "', which refunded ' || coalesce(CAST(p.refunded_minor AS TEXT), 'nothing') FROM provider_outbox c LEFT JOIN "
        "payments p "
        "ON p.id = c.payment_id WHERE c.kind = 2 GROUP BY c.payment_id, p.id, p.refunded_minor "
        "HAVING p.id IS NULL OR sum(c.amount_minor) > p.refunded_minor"_s,
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
