#include "backend/risk/decisions/Reviews.h"

#include <QDateTime>
#include <QSqlQuery>

#include "backend/orders/OrderService.h"
#include "backend/payments/PaymentRows.h"
#include "backend/payments/PaymentService.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::risk {
namespace {

constexpr int NoteCharsMax = 1000;

const QString ReviewSelect =
    u"SELECT r.id, r.payment_id, r.order_id, r.merchant_id, r.status, r.opened_ms, r.deadline_ms, "
    "coalesce(r.claimed_by, ''), coalesce(r.claimed_until_ms, 0), coalesce(r.decided_by, ''), "
    "coalesce(r.decided_ms, 0), r.reason, r.note, r.version, a.amount_minor, a.currency, a.email, a.card_country, "
    "a.ip_country, a.shipping_country, a.billing_country, r.assessment_id, coalesce(a.score, -1), "
    "coalesce(a.rule_text, '') "
    "FROM risk_reviews r JOIN risk_assessments a ON a.id = r.assessment_id "_s;

Review readReview(const QSqlQuery& q, qint64 nowMs)
{
    Review r;
    int c = 0;
    r.id = Id{q.value(c++).toLongLong()};
    r.paymentId = Id{q.value(c++).toLongLong()};
    r.orderId = Id{q.value(c++).toLongLong()};
    r.merchantId = Id{q.value(c++).toLongLong()};
    r.status = q.value(c++).toString();
    r.openedMs = q.value(c++).toLongLong();
    r.deadlineMs = q.value(c++).toLongLong();
    r.claimedBy = q.value(c++).toString();
    r.claimedUntilMs = q.value(c++).toLongLong();
    r.decidedBy = q.value(c++).toString();
    r.decidedMs = q.value(c++).toLongLong();
    r.reason = q.value(c++).toString();
    r.note = q.value(c++).toString();
    r.version = q.value(c++).toLongLong();
    r.amountMinor = q.value(c++).toLongLong();
    r.currency = q.value(c++).toString();
    r.email = q.value(c++).toString();
    r.cardCountry = q.value(c++).toString();
    r.ipCountry = q.value(c++).toString();
    r.shippingCountry = q.value(c++).toString();
    r.billingCountry = q.value(c++).toString();
    r.assessment.id = Id{q.value(c++).toLongLong()};
    r.assessment.score = q.value(c++).toInt();
    r.assessment.ruleText = q.value(c++).toString();
    if (r.status == u"open"_s && nowMs >= r.deadlineMs)
        r.status = u"lapsed"_s; // the authorization ran out: nothing is left to decide
    if (r.claimedUntilMs <= nowMs) {
        r.claimedBy.clear(); // an expired claim is no claim
        r.claimedUntilMs = 0;
    }
    return r;
}

Status addRelated(QSqlDatabase& db, Review& r);

Result<Review> load(QSqlDatabase& db, Id reviewId, qint64 nowMs, bool withAssessment)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(ReviewSelect + u"WHERE r.id = ?"_s);
    q.bindValue(0, reviewId.value);
    if (auto s = store::exec(q, u"reading a review"_s); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(u"reviewId"_s, u"there is no review %1"_s.arg(reviewId.toString()));
    Review r = readReview(q, nowMs);
    q.finish();
    if (withAssessment) {
        auto a = Assessments::find(db, r.assessment.id);
        if (!a)
            return a.error();
        if (*a)
            r.assessment = **a;
        if (auto s = addRelated(db, r); !s)
            return s.error();
    }
    return r;
}

const QString FraudExpr =
    u"(fraud = 1 OR (fraud IS NULL AND disputed = 1 AND lower(dispute_reason) = 'fraudulent'))"_s;

/// The customer's history and the payments linked to the reviewed one, from the assessments
/// (each through its own index: the card's, the email's, the device's, the IP's). Only the
/// review's merchant's: whoever may read the review may read those, and no other merchant's.
Status addRelated(QSqlDatabase& db, Review& r)
{
    QSqlQuery keys(db);
    keys.prepare(u"SELECT card_fingerprint, email, device_id, ip FROM risk_assessments WHERE id = ?"_s);
    keys.bindValue(0, r.assessment.id.value);
    if (auto s = store::exec(keys, u"reading a review's payment"_s); !s)
        return s;
    if (!keys.next())
        return {};
    const QStringList values{keys.value(0).toString(), keys.value(1).toString(), keys.value(2).toString(),
                             keys.value(3).toString()};
    keys.finish();
    const QString email = values[1];
    if (!email.isEmpty()) {
        QSqlQuery h(db);
        h.prepare(
            u"SELECT count(*), coalesce(sum(CASE WHEN outcome = 'approved' THEN 1 ELSE 0 END), 0), coalesce(sum(CASE "
            u"WHEN outcome = 'declined' THEN 1 ELSE 0 END), 0), "
            "coalesce(sum(CASE WHEN refunded_minor > 0 THEN 1 ELSE 0 END), 0), coalesce(sum(disputed), 0), coalesce(sum(CASE WHEN "_s +
            FraudExpr +
            u" THEN 1 ELSE 0 END), 0), coalesce(min(created_ms), 0) FROM risk_assessments "
            "WHERE email = ? AND email <> '' AND id <> ? AND merchant_id = ?"_s);
        h.bindValue(0, email);
        h.bindValue(1, r.assessment.id.value);
        h.bindValue(2, r.merchantId.value);
        if (auto s = store::exec(h, u"reading a customer's history"_s); !s)
            return s;
        if (h.next())
            r.customer = CustomerHistory{h.value(0).toLongLong(), h.value(1).toLongLong(), h.value(2).toLongLong(),
                                         h.value(3).toLongLong(), h.value(4).toLongLong(), h.value(5).toLongLong(),
                                         h.value(6).toLongLong()};
    }
    static const std::array<std::pair<const char*, const char*>, 4> by = {
        std::pair{"card", "card_fingerprint = ?"}, std::pair{"email", "email = ? AND email <> ''"},
        std::pair{"device", "device_id = ? AND device_id <> ''"}, std::pair{"ip", "ip = ? AND ip <> ''"}};
    QMap<qint64, LinkedPayment> found;
    for (std::size_t k = 0; k < by.size(); ++k) {
        if (values[qsizetype(k)].isEmpty())
            continue;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT id, payment_id, order_id, created_ms, amount_minor, currency, coalesce(outcome, ''), "_s
                  + FraudExpr + u", disputed, refunded_minor FROM risk_assessments WHERE "_s
                  + QString::fromLatin1(by[k].second)
                  + u" AND id <> ? AND merchant_id = ? ORDER BY created_ms DESC LIMIT ?"_s);
        q.bindValue(0, values[qsizetype(k)]);
        q.bindValue(1, r.assessment.id.value);
        q.bindValue(2, r.merchantId.value);
        q.bindValue(3, Reviews::LinkedMax);
        if (auto s = store::exec(q, u"reading linked payments"_s); !s)
            return s;
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            LinkedPayment& l = found[id];
            if (l.assessmentId.isNull()) {
                l.assessmentId = Id{id};
                l.paymentId = Id{q.value(1).toLongLong()};
                l.orderId = Id{q.value(2).toLongLong()};
                l.createdMs = q.value(3).toLongLong();
                l.amountMinor = q.value(4).toLongLong();
                l.currency = q.value(5).toString();
                l.outcome = q.value(6).toString();
                l.fraud = q.value(7).toInt() == 1;
                l.disputed = q.value(8).toInt() == 1;
                l.refundedMinor = q.value(9).toLongLong();
            }
            l.sharedBy.append(QString::fromLatin1(by[k].first));
        }
    }
    QList<LinkedPayment> all = found.values();
    std::stable_sort(all.begin(), all.end(),
                     [](const LinkedPayment& a, const LinkedPayment& b) { return a.createdMs > b.createdMs; });
    r.linked = all.mid(0, Reviews::LinkedMax);
    return {};
}

/// Why `actor` may not work the review now, if so.
std::optional<Error> refusal(const Review& r, const QString& actor)
{
    if (r.status == u"lapsed"_s)
        return Error{ErrorCode::IllegalTransition,
                     u"the authorization lapsed on %1; there is nothing left to approve or decline"_s.arg(
                         QDateTime::fromMSecsSinceEpoch(r.deadlineMs, Qt::UTC).toString(Qt::ISODate)),
                     u"reviewId"_s};
    if (r.status != u"open"_s)
        return Error{ErrorCode::IllegalTransition,
                     u"the review is closed: %1 by %2"_s.arg(r.status, r.decidedBy), u"reviewId"_s};
    if (!r.claimedBy.isEmpty() && r.claimedBy != actor)
        return Error::conflict(u"reviewId"_s,
                               u"%1 is working this review until %2"_s.arg(
                                   r.claimedBy, QDateTime::fromMSecsSinceEpoch(r.claimedUntilMs, Qt::UTC)
                                                    .toString(u"HH:mm:ss 'UTC'"_s)));
    return std::nullopt;
}

Status saveReview(store::UnitOfWork& uow, Review& r, const QString& sql, const QVariantList& binds)
{
    QSqlQuery q(uow.db());
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    q.bindValue(int(binds.size()), r.id.value);
    q.bindValue(int(binds.size()) + 1, r.version);
    if (auto s = store::exec(q, u"updating a review"_s); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return Error::versionConflict(u"reviewId"_s, u"the review changed since it was read"_s);
    r.version += 1;
    uow.recordChange(u"risk_review"_s, r.id, r.version, ChangeOp::Updated);
    return {};
}

Status addToBlockList(store::UnitOfWork& uow, const QString& list, const QString& kind, const QString& value)
{
    if (value.isEmpty())
        return {};
    auto lists = RiskPolicy::lists(uow.db());
    if (!lists)
        return lists.error();
    const bool exists = std::any_of(lists->begin(), lists->end(), [&](const RiskList& l) { return l.name == list; });
    if (!exists) {
        if (auto made = RiskPolicy::createList(uow, list, kind, u"added to by fraud verdicts"_s); !made)
            return made.error();
    }
    if (auto added = RiskPolicy::addToList(uow, list, {value}); !added)
        return added.error();
    return {};
}

} // namespace

QString reviewVerdictName(ReviewVerdict verdict)
{
    switch (verdict) {
    case ReviewVerdict::Approve:
        return u"approve"_s;
    case ReviewVerdict::Decline:
        return u"decline"_s;
    case ReviewVerdict::Fraud:
        return u"fraud"_s;
    }
    return u"decline"_s;
}

std::optional<ReviewVerdict> reviewVerdictNamed(const QString& name)
{
    for (ReviewVerdict v : {ReviewVerdict::Approve, ReviewVerdict::Decline, ReviewVerdict::Fraud}) {
        if (reviewVerdictName(v) == name)
            return v;
    }
    return std::nullopt;
}

QStringList Reviews::reasonsFor(ReviewVerdict verdict)
{
    return reviewReasonsFor(verdict);
}

Result<QList<Review>> Reviews::list(QSqlDatabase& db, const ReviewFilter& filter, qint64 nowMs)
{
    QString sql = ReviewSelect + u"WHERE 1 = 1"_s;
    QVariantList binds;
    if (filter.openOnly) {
        sql += u" AND r.status = 'open' AND r.deadline_ms > ?"_s;
        binds.append(nowMs);
    }
    if (filter.merchantId) {
        sql += u" AND r.merchant_id = ?"_s;
        binds.append(filter.merchantId->value);
    }
    if (filter.minScore >= 0) {
        sql += u" AND coalesce(a.score, -1) >= ?"_s;
        binds.append(filter.minScore);
    }
    if (!filter.ruleContains.isEmpty()) {
        sql += u" AND %1 > 0"_s.arg(store::position(db, u"lower(a.rule_text)"_s, u"lower(?)"_s));
        binds.append(filter.ruleContains);
    }
    // the most urgent first: the authorization that lapses soonest
    sql += u" ORDER BY r.deadline_ms, r.id LIMIT ?"_s;
    binds.append(std::clamp(filter.limit, 1, 1000));
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto s = store::exec(q, u"reading the review queue"_s); !s)
        return s.error();
    QList<Review> out;
    while (q.next())
        out.append(readReview(q, nowMs));
    q.finish();
    for (Review& r : out) {
        auto a = Assessments::find(db, r.assessment.id); // the reasons beside each row
        if (!a)
            return a.error();
        if (*a)
            r.assessment = **a;
    }
    return out;
}

Result<Review> Reviews::get(QSqlDatabase& db, Id reviewId, qint64 nowMs)
{
    return load(db, reviewId, nowMs, true);
}

Result<Review> Reviews::claim(store::UnitOfWork& uow, Id reviewId)
{
    auto r = load(uow.db(), reviewId, uow.nowMs(), false);
    if (!r)
        return r.error();
    if (auto refused = refusal(*r, uow.actor().user))
        return *refused;
    const qint64 until = uow.nowMs() + ClaimMs;
    if (auto s = saveReview(uow, *r,
                            u"UPDATE risk_reviews SET claimed_by = ?, claimed_until_ms = ?, version = version + 1 "
                            "WHERE id = ? AND version = ?"_s,
                            {uow.actor().user, until});
        !s)
        return s.error();
    r->claimedBy = uow.actor().user;
    r->claimedUntilMs = until;
    return *r;
}

Result<Review> Reviews::release(store::UnitOfWork& uow, Id reviewId)
{
    auto r = load(uow.db(), reviewId, uow.nowMs(), false);
    if (!r)
        return r.error();
    if (auto refused = refusal(*r, uow.actor().user))
        return *refused;
    if (r->claimedBy.isEmpty())
        return *r;
    if (auto s = saveReview(uow, *r,
                            u"UPDATE risk_reviews SET claimed_by = NULL, claimed_until_ms = NULL, "
                            "version = version + 1 WHERE id = ? AND version = ?"_s,
                            {});
        !s)
        return s.error();
    r->claimedBy.clear();
    r->claimedUntilMs = 0;
    return *r;
}

Result<Review> Reviews::decide(store::UnitOfWork& uow, Id reviewId, ReviewVerdict verdict, const QString& reason,
                               const QString& note, bool blockCardAndEmail)
{
    if (!reasonsFor(verdict).contains(reason))
        return Error::invalid(u"reason"_s, u"'%1' is not a reason to %2 (%3)"_s.arg(
                                               reason.left(40), reviewVerdictName(verdict),
                                               reasonsFor(verdict).join(u", ")));
    if (note.size() > NoteCharsMax)
        return Error::invalid(u"note"_s, u"at most %1 characters"_s.arg(NoteCharsMax));
    if (blockCardAndEmail && verdict != ReviewVerdict::Fraud)
        return Error::invalid(u"block"_s, u"only a fraud verdict adds the card and email to the block lists"_s);
    auto r = load(uow.db(), reviewId, uow.nowMs(), false);
    if (!r)
        return r.error();
    if (auto refused = refusal(*r, uow.actor().user))
        return *refused;
    auto payment = payments::PaymentService::payment(uow, r->paymentId);
    if (!payment)
        return payment.error();
    if (payment->status != payments::PaymentStatus::Authorized)
        return Error{ErrorCode::IllegalTransition,
                     u"the payment is %1, no longer authorized"_s.arg(payments::paymentStatusName(payment->status)),
                     u"reviewId"_s};
    // the hold goes first: the payment then moves as any other would
    if (auto s = payments::rows::setHeld(uow, *payment, 0); !s)
        return s.error();
    const QString why = u"risk review: "_s + reviewVerdictName(verdict) + u" ("_s + reason + u")"_s;
    if (verdict == ReviewVerdict::Approve) {
        auto captured = payments::PaymentService::capture(uow, r->paymentId, std::nullopt);
        if (!captured)
            return captured.error();
    } else {
        // voids the authorization (the release joins the outbox), cancels, restocks
        auto cancelled = payments::PaymentService::cancelOrder(uow, r->orderId, why);
        if (!cancelled)
            return cancelled.error();
    }
    if (auto s = orders::OrderService::addEvent(uow, r->orderId, u"risk.review."_s + reviewVerdictName(verdict),
                                                std::nullopt, note.isEmpty() ? why : why + u": "_s + note);
        !s)
        return s.error();
    // the decision is a training label: approved means not fraud, fraud means fraud
    if (verdict != ReviewVerdict::Decline) {
        if (auto s = store::exec(uow.db(),
                                 u"UPDATE risk_assessments SET fraud = ?, label_source = 'review', label_ms = ? "
                                 "WHERE id = ?"_s,
                                 {verdict == ReviewVerdict::Fraud ? 1 : 0, uow.nowMs(), r->assessment.id.value});
            !s)
            return s.error();
    }
    if (blockCardAndEmail) {
        if (auto s = addToBlockList(uow, BlockedCardsList, u"card_fingerprint"_s, payment->card.fingerprint); !s)
            return s.error();
        if (auto s = addToBlockList(uow, BlockedEmailsList, u"email"_s, r->email); !s)
            return s.error();
    }
    const QString status = verdict == ReviewVerdict::Approve   ? u"approved"_s
                           : verdict == ReviewVerdict::Decline ? u"declined"_s
                                                               : u"fraud"_s;
    if (auto s = saveReview(uow, *r,
                            u"UPDATE risk_reviews SET status = ?, decided_by = ?, decided_ms = ?, reason = ?, note = ?, "
                            "claimed_by = NULL, claimed_until_ms = NULL, version = version + 1 "
                            "WHERE id = ? AND version = ?"_s,
                            {status, uow.actor().user, uow.nowMs(), reason, store::nonNull(note)});
        !s)
        return s.error();
    r->status = status;
    r->decidedBy = uow.actor().user;
    r->decidedMs = uow.nowMs();
    r->reason = reason;
    r->note = note;
    r->claimedBy.clear();
    r->claimedUntilMs = 0;
    return *r;
}

} // namespace souk::risk
