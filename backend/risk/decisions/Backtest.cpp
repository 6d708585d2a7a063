#include "backend/risk/decisions/Backtest.h"

#include "backend/risk/decisions/Features.h"
#include "backend/risk/decisions/RiskPolicy.h"
#include "backend/risk/rules/RuleParser.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"
#include "backend/store/Statement.h"

using namespace Qt::StringLiterals;

namespace souk::risk {
namespace {

constexpr qint64 ProgressEvery = 10'000;

} // namespace

Result<BacktestResult> Backtest::run(QSqlDatabase& db, const QString& rulesText, qint64 fromMs, qint64 toMs,
                                     const std::function<bool(qint64, qint64)>& progress)
{
    if (toMs <= fromMs)
        return Error::invalid(u"to"_s, u"the end of the window must come after its start"_s);
    auto lists = RiskPolicy::loadLists(db);
    if (!lists)
        return lists.error();
    const RuleParseResult parsed = RuleParser(lists->names()).parse(rulesText);
    if (!parsed.ok())
        return parsed.error();
    const RuleSet& rules = parsed.rules();
    BacktestResult out;
    out.fromMs = fromMs;
    out.toMs = toMs;
    for (int i = 0; i < rules.size(); ++i) {
        const Rule& r = rules.rule(i);
        out.rules.append(BacktestRuleHits{r.line, ruleActionName(r.action), r.text, 0, 0, 0});
    }
    auto total = store::scalar(db, u"SELECT count(*) FROM risk_assessments WHERE created_ms >= ? AND created_ms < ?"_s,
                               {fromMs, toMs});
    if (!total)
        return total.error();
    static const QString sql =
        u"SELECT merchant_id, amount_minor, currency, card_fingerprint, card_brand, card_bin, card_country, email, ip, "
        "ip_country, device_id, shipping_country, billing_country, features, coalesce(score, -1), "
        "coalesce(outcome, ''), coalesce(fraud, -1), disputed, dispute_reason, refunded_minor "
        "FROM risk_assessments WHERE created_ms >= ? AND created_ms < ?"_s;
    store::Statement& q = store::Connection::statement(db, sql);
    q.bindValue(0, fromMs);
    q.bindValue(1, toMs);
    if (auto s = store::exec(q, u"reading the payments to backtest"_s); !s)
        return s.error();
    RiskInput in;
    Facts facts;
    Decision decision;
    qint64 done = 0;
    while (q.next()) {
        in.merchantId = Id{q.value(0).toLongLong()};
        in.amountMinor = q.value(1).toLongLong();
        in.currency = q.value(2).toString();
        in.cardFingerprint = q.value(3).toString();
        in.cardBrand = q.value(4).toString();
        in.cardBin = q.value(5).toString();
        in.cardCountry = q.value(6).toString();
        in.context.email = q.value(7).toString();
        in.context.ip = q.value(8).toString();
        in.context.ipCountry = q.value(9).toString();
        in.context.deviceId = q.value(10).toString();
        in.context.shippingCountry = q.value(11).toString();
        in.context.billingCountry = q.value(12).toString();
        const FeatureVector features = Features::fromBytes(q.value(13).toByteArray());
        Features::toFacts(in, features, q.value(14).toInt(), facts);
        rules.evaluate(facts, *lists, decision);
        const QString outcome = q.value(15).toString();
        const int label = q.value(16).toInt();
        const bool disputed = q.value(17).toInt() != 0;
        const bool fraud = label == 1
                           || (label < 0 && disputed
                               && q.value(18).toString().compare(u"fraudulent"_s, Qt::CaseInsensitive) == 0);
        const bool refunded = q.value(19).toLongLong() > 0;
        ++out.payments;
        out.fraud += fraud;
        for (std::size_t i = 0; i < decision.outcomes.size(); ++i)
            out.rules[qsizetype(i)].matched += decision.outcomes[i] == RuleOutcome::Match;
        if (decision.ruleIndex >= 0) {
            BacktestRuleHits& hit = out.rules[decision.ruleIndex];
            ++hit.decided;
            hit.decidedFraud += fraud;
        }
        if (decision.action == RuleAction::Block) {
            ++out.blocked;
            out.blockedFraud += fraud;
            out.blockedDisputed += disputed;
            out.blockedRefunded += refunded;
            if (outcome == u"approved"_s) {
                out.blockedApprovedMinor[in.currency] += in.amountMinor;
                if (!fraud)
                    out.blockedLegitimateMinor[in.currency] += in.amountMinor;
            }
        } else if (decision.action == RuleAction::Review) {
            ++out.reviewed;
            out.reviewedFraud += fraud;
            out.reviewedDisputed += disputed;
            out.reviewedRefunded += refunded;
        }
        if (progress && ++done % ProgressEvery == 0 && !progress(done, total->toLongLong())) {
            q.finish();
            return Error{ErrorCode::Cancelled, u"the backtest was cancelled"_s, {}};
        }
    }
    q.finish();
    if (progress)
        progress(out.payments, out.payments);
    return out;
}

} // namespace souk::risk
