#include "backend/risk/decisions/Assessments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "backend/orders/OrderService.h"
#include "backend/payments/PaymentAttempts.h"
#include "backend/payments/PaymentRows.h"
#include "backend/payments/PaymentService.h"
#include "backend/store/Connection.h"
#include "backend/store/Sql.h"
#include "backend/store/Statement.h"

using namespace Qt::StringLiterals;

namespace souk::risk {
namespace {

RiskAction actionOf(RuleAction a)
{
    switch (a) {
    case RuleAction::Block:
        return RiskAction::Block;
    case RuleAction::Review:
        return RiskAction::Review;
    case RuleAction::Allow:
    case RuleAction::None:
        break;
    }
    return RiskAction::Allow;
}

RiskAction actionNamed(const QString& name)
{
    if (name == u"block"_s)
        return RiskAction::Block;
    if (name == u"review"_s)
        return RiskAction::Review;
    return RiskAction::Allow;
}

/// How much a feature's value stands out, to order the reasons when no model has weighed them.
double salience(Feature f, double v)
{
    switch (f) {
    case Feature::AmountToCustomerMean:
    case Feature::AmountToMerchantMean:
        return std::abs(std::log(std::max(v, 1e-6))); // 4x and 1/4x alike
    case Feature::Amount:
    case Feature::HourOfDay:
    case Feature::ShippingBillingDistanceKm:
        return f == Feature::ShippingBillingDistanceKm ? v / 1000.0 : 0.0;
    default:
        return v; // counts and flags: more is more unusual
    }
}

QList<RiskReason> reasonsOf(const FeatureVector& features)
{
    QList<RiskReason> reasons;
    for (int i = 0; i < FeatureCount; ++i) {
        const Feature f = Feature(i);
        const double v = features[f];
        if (FeatureVector::missing(v))
            continue;
        reasons.append(RiskReason{featureName(f), v, 0.0, Features::describe(f, v)});
    }
    std::stable_sort(reasons.begin(), reasons.end(), [](const RiskReason& a, const RiskReason& b) {
        const auto sa = salience(Feature(featureIndex(a.feature)), a.value);
        const auto sb = salience(Feature(featureIndex(b.feature)), b.value);
        return sa > sb;
    });
    return reasons;
}

QString reasonsJson(const QList<RiskReason>& reasons)
{
    QJsonArray a;
    for (const RiskReason& r : reasons)
        a.append(QJsonObject{{u"feature"_s, r.feature},
                             {u"value"_s, r.value},
                             {u"contribution"_s, r.contribution},
                             {u"text"_s, r.text}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<RiskReason> reasonsFromJson(const QString& json)
{
    QList<RiskReason> out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        out.append(RiskReason{o.value(u"feature"_s).toString(), o.value(u"value"_s).toDouble(),
                              o.value(u"contribution"_s).toDouble(), o.value(u"text"_s).toString()});
    }
    return out;
}

Status upsertProfile(store::UnitOfWork& uow, int kind, const QString& key, const QString& currency, bool approved,
                     qint64 amountMinor)
{
    static const QString sql =
        u"INSERT INTO risk_profiles (kind, key, currency, payments, approved, approved_sum_minor, first_ms, last_ms) "
        "VALUES (?, ?, ?, 1, ?, ?, ?, ?) ON CONFLICT (kind, key, currency) DO UPDATE SET "
        "payments = payments + 1, approved = approved + excluded.approved, "
        "approved_sum_minor = approved_sum_minor + excluded.approved_sum_minor, "
        "last_ms = max(last_ms, excluded.last_ms)"_s;
    store::Statement& q = uow.statement(sql);
    q.bindValue(0, kind);
    q.bindValue(1, key);
    q.bindValue(2, currency);
    q.bindValue(3, approved ? 1 : 0);
    q.bindValue(4, approved ? amountMinor : 0);
    q.bindValue(5, uow.nowMs());
    q.bindValue(6, uow.nowMs());
    return store::exec(q, u"updating a risk profile"_s);
}

} // namespace

QString riskActionName(RiskAction action)
{
    switch (action) {
    case RiskAction::Allow:
        return u"allow"_s;
    case RiskAction::Block:
        return u"block"_s;
    case RiskAction::Review:
        return u"review"_s;
    }
    return u"allow"_s;
}

QString Assessment::summary() const
{
    QString s;
    switch (action) {
    case RiskAction::Allow:
        s = ruleLine > 0 ? u"allowed by rule %1: %2"_s.arg(ruleLine).arg(ruleText) : u"allowed"_s;
        break;
    case RiskAction::Block:
        s = u"blocked by rule %1: %2"_s.arg(ruleLine).arg(ruleText);
        break;
    case RiskAction::Review:
        s = u"held for review by rule %1: %2"_s.arg(ruleLine).arg(ruleText);
        break;
    }
    if (score >= 0)
        s += u" (risk score %1)"_s.arg(score);
    if (ruleSetVersion > 0)
        s += u"; rule set v%1"_s.arg(ruleSetVersion);
    return s;
}

Result<Assessment> Assessments::assess(store::UnitOfWork& uow, Id id, Id orderId, const RiskInput& in,
                                       PolicyCache& cache)
{
    auto features = Features::compute(uow.db(), in);
    if (!features)
        return features.error();
    const Result<PolicyCache::Policy>& policy = cache.current(uow.db());
    if (!policy)
        return policy.error();
    Assessment a;
    a.id = id;
    a.features = *features;
    Facts facts;
    Features::toFacts(in, a.features, a.score, facts);
    if (policy->active) {
        const Decision d = policy->active->evaluate(facts, policy->lists);
        a.action = actionOf(d.action);
        a.ruleSetVersion = policy->activeVersion;
        a.ruleLine = d.ruleIndex >= 0 ? d.ruleLine : 0;
        a.ruleText = d.ruleText;
        for (std::size_t i = 0; i < d.outcomes.size(); ++i) {
            if (d.outcomes[i] == RuleOutcome::Match)
                a.fired.append(policy->active->rule(int(i)).line);
        }
    }
    if (policy->shadow) {
        a.shadowAction = riskActionName(actionOf(policy->shadow->evaluate(facts, policy->lists).action));
        a.shadowVersion = policy->shadowVersion;
    }
    a.reasons = reasonsOf(a.features);
    QJsonArray fired;
    for (int line : a.fired)
        fired.append(line);
    static const QString sql =
        u"INSERT INTO risk_assessments (id, source, merchant_id, order_id, customer_key, created_ms, amount_minor, "
        "currency, card_fingerprint, card_brand, card_bin, card_country, email, ip, ip_country, device_id, "
        "shipping_country, billing_country, distance_km, features, score, model_version, ruleset_version, action, "
        "rule_line, rule_text, fired, reasons, shadow) "
        "VALUES (?, 'live', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    store::Statement& q = uow.statement(sql);
    const QVariant null = QVariant(QMetaType::fromType<qint64>());
    const QVariantList values{
        id.value,
        in.merchantId.value,
        orderId.value,
        store::nonNull(in.customerKey),
        in.atMs,
        in.amountMinor,
        in.currency,
        store::nonNull(in.cardFingerprint),
        store::nonNull(in.cardBrand),
        store::nonNull(in.cardBin),
        store::nonNull(in.cardCountry),
        store::nonNull(in.context.email.toLower()),
        store::nonNull(in.context.ip),
        store::nonNull(in.context.ipCountry),
        store::nonNull(in.context.deviceId),
        store::nonNull(in.context.shippingCountry),
        store::nonNull(in.context.billingCountry),
        in.context.shippingDistanceKm ? QVariant(*in.context.shippingDistanceKm) : null,
        Features::toJson(a.features),
        a.score >= 0 ? QVariant(a.score) : null,
        a.modelVersion > 0 ? QVariant(a.modelVersion) : null,
        a.ruleSetVersion > 0 ? QVariant(a.ruleSetVersion) : null,
        riskActionName(a.action),
        a.ruleLine > 0 ? QVariant(a.ruleLine) : null,
        store::nonNull(a.ruleText),
        QString::fromUtf8(QJsonDocument(fired).toJson(QJsonDocument::Compact)),
        reasonsJson(a.reasons),
        a.shadowAction.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                 : QVariant(u"%1:%2"_s.arg(a.shadowVersion).arg(a.shadowAction)),
    };
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (auto s = store::exec(q, u"writing a risk assessment"_s); !s)
        return s.error();
    // what risk decided is on the order's timeline, before what the provider answers
    if (auto s = orders::OrderService::addEvent(uow, orderId, u"risk."_s + riskActionName(a.action), std::nullopt,
                                                a.summary());
        !s)
        return s.error();
    return a;
}

Status Assessments::recorded(store::UnitOfWork& uow, Id attemptId, const std::optional<payments::Payment>& payment,
                             bool blocked)
{
    static const QString readSql =
        u"SELECT action, merchant_id, customer_key, amount_minor, currency, device_id, rule_line, rule_text, score, "
        "ruleset_version FROM risk_assessments WHERE id = ? AND outcome IS NULL"_s;
    store::Statement& read = uow.statement(readSql);
    read.bindValue(0, attemptId.value);
    if (auto s = store::exec(read, u"reading a risk assessment"_s); !s)
        return s;
    if (!read.next()) {
        read.finish();
        return {}; // not assessed (opened before risk existed), or recorded already
    }
    Assessment a;
    a.id = attemptId;
    a.action = actionNamed(read.value(0).toString());
    const Id merchantId{read.value(1).toLongLong()};
    const QString customerKey = read.value(2).toString();
    const qint64 amountMinor = read.value(3).toLongLong();
    const QString currency = read.value(4).toString();
    const QString deviceId = read.value(5).toString();
    a.ruleLine = read.value(6).toInt();
    a.ruleText = read.value(7).toString();
    a.score = read.value(8).isNull() ? -1 : read.value(8).toInt();
    a.ruleSetVersion = read.value(9).toLongLong();
    read.finish();

    const bool approved = !blocked && payment && payment->status != payments::PaymentStatus::Failed;
    const QString outcome = blocked ? u"blocked"_s : approved ? u"approved"_s : u"declined"_s;
    store::Statement& update =
        uow.statement(u"UPDATE risk_assessments SET payment_id = ?, outcome = ? WHERE id = ?"_s);
    update.bindValue(0, payment ? QVariant(payment->id.value) : QVariant(QMetaType::fromType<qint64>()));
    update.bindValue(1, outcome);
    update.bindValue(2, attemptId.value);
    if (auto s = store::exec(update, u"recording a risk outcome"_s); !s)
        return s;
    if (!customerKey.isEmpty()) {
        if (auto s = upsertProfile(uow, 0, customerKey, currency, approved, amountMinor); !s)
            return s;
        if (approved && !deviceId.isEmpty()) {
            store::Statement& device =
                uow.statement(u"INSERT INTO risk_customer_devices (customer_key, device_id, first_ms) VALUES (?, ?, ?) "
                              "ON CONFLICT (customer_key, device_id) DO NOTHING"_s);
            device.bindValue(0, customerKey);
            device.bindValue(1, deviceId);
            device.bindValue(2, uow.nowMs());
            if (auto s = store::exec(device, u"remembering a customer's device"_s); !s)
                return s;
        }
    }
    if (auto s = upsertProfile(uow, 1, QString::number(merchantId.value), currency, approved, amountMinor); !s)
        return s;
    if (!payment)
        return {};
    // held when recorded (PaymentAttempt::holdForReview): capture and fulfilment wait for a
    // reviewer, until the authorization lapses
    if (a.action != RiskAction::Review || payment->status != payments::PaymentStatus::Authorized
        || payment->heldMs == 0)
        return {};
    const Id reviewId = uow.newId();
    store::Statement& review = uow.statement(
        u"INSERT INTO risk_reviews (id, assessment_id, payment_id, order_id, merchant_id, status, opened_ms, "
        "deadline_ms, version) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, 1)"_s);
    const QVariantList values{reviewId.value,        attemptId.value, payment->id.value,     payment->orderId.value,
                              payment->merchantId.value, uow.nowMs(),  payment->authExpiresMs};
    for (int i = 0; i < values.size(); ++i)
        review.bindValue(i, values[i]);
    if (auto s = store::exec(review, u"opening a risk review"_s); !s)
        return s;
    uow.recordChange(u"risk_review"_s, reviewId, 1, ChangeOp::Created);
    return {};
}

Status Assessments::settled(store::UnitOfWork& uow, Id attemptId, bool blocked)
{
    auto state = payments::PaymentAttempts::stateOf(uow, attemptId);
    if (!state)
        return state.error();
    const auto [attemptState, paymentId] = *state;
    if (attemptState == payments::AttemptState::Open)
        return {}; // not settled yet
    std::optional<payments::Payment> payment;
    if (attemptState == payments::AttemptState::Recorded && paymentId.value != 0) {
        auto p = payments::PaymentService::payment(uow, paymentId);
        if (!p)
            return p.error();
        payment = *p;
    }
    return recorded(uow, attemptId, payment, blocked);
}

Result<std::optional<Assessment>> Assessments::find(QSqlDatabase& db, Id id)
{
    static const QString sql =
        u"SELECT action, score, model_version, ruleset_version, rule_line, rule_text, fired, reasons, features, "
        "shadow FROM risk_assessments WHERE id = ?"_s;
    store::Statement& q = store::Connection::statement(db, sql);
    q.bindValue(0, id.value);
    if (auto s = store::exec(q, u"reading a risk assessment"_s); !s)
        return s.error();
    if (!q.next()) {
        q.finish();
        return std::optional<Assessment>();
    }
    Assessment a;
    a.id = id;
    a.action = actionNamed(q.value(0).toString());
    a.score = q.value(1).isNull() ? -1 : q.value(1).toInt();
    a.modelVersion = q.value(2).toLongLong();
    a.ruleSetVersion = q.value(3).toLongLong();
    a.ruleLine = q.value(4).toInt();
    a.ruleText = q.value(5).toString();
    for (const QJsonValue& v : QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array())
        a.fired.append(v.toInt());
    a.reasons = reasonsFromJson(q.value(7).toString());
    a.features = Features::fromJson(q.value(8).toString());
    const QString shadow = q.value(9).toString();
    if (const qsizetype colon = shadow.indexOf(u':'); colon > 0) {
        a.shadowVersion = shadow.left(colon).toLongLong();
        a.shadowAction = shadow.mid(colon + 1);
    }
    q.finish();
    return std::optional<Assessment>(std::move(a));
}

} // namespace souk::risk
