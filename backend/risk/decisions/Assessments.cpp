#include "backend/risk/decisions/Assessments.h"

#include <QJsonArray>
#include <QSet>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

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
        // a reason is what stands out: no count of 0, no "same country" (the amount always shows)
        if (FeatureVector::missing(v) || (f != Feature::Amount && salience(f, v) <= 0))
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
                             {u"value"_s, FeatureVector::missing(r.value) ? QJsonValue() : QJsonValue(r.value)},
                             {u"contribution"_s, r.contribution},
                             {u"text"_s, r.text}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<RiskReason> reasonsFromJson(const QString& json)
{
    QList<RiskReason> out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        const QJsonValue value = o.value(u"value"_s);
        out.append(RiskReason{o.value(u"feature"_s).toString(),
                              value.isDouble() ? value.toDouble() : std::numeric_limits<double>::quiet_NaN(),
                              o.value(u"contribution"_s).toDouble(), o.value(u"text"_s).toString()});
    }
    return out;
}

Status upsertProfile(store::UnitOfWork& uow, int kind, const QString& key, const QString& currency, bool approved,
                     qint64 amountMinor, qint64 atMs)
{
    static const QString sql =
        u"INSERT INTO risk_profiles (kind, key, currency, payments, approved, approved_sum_minor, first_ms, last_ms) "
        "VALUES (?, ?, ?, 1, ?, ?, ?, ?) ON CONFLICT (kind, key, currency) DO UPDATE SET "
        "payments = payments + 1, approved = approved + excluded.approved, "
        "approved_sum_minor = approved_sum_minor + excluded.approved_sum_minor, "
        "first_ms = min(first_ms, excluded.first_ms), last_ms = max(last_ms, excluded.last_ms)"_s;
    static const QString postgres =
        u"INSERT INTO risk_profiles AS r (kind, key, currency, payments, approved, approved_sum_minor, first_ms, "
        "last_ms) VALUES (?, ?, ?, 1, ?, ?, ?, ?) ON CONFLICT (kind, key, currency) DO UPDATE SET "
        "payments = r.payments + 1, approved = r.approved + excluded.approved, "
        "approved_sum_minor = r.approved_sum_minor + excluded.approved_sum_minor, "
        "first_ms = least(r.first_ms, excluded.first_ms), last_ms = greatest(r.last_ms, excluded.last_ms)"_s;
    store::Statement& q = uow.statement(store::dialect(uow.db(), sql, postgres));
    q.bindValue(0, kind);
    q.bindValue(1, key);
    q.bindValue(2, currency);
    q.bindValue(3, approved ? 1 : 0);
    q.bindValue(4, approved ? amountMinor : 0);
    q.bindValue(5, atMs);
    q.bindValue(6, atMs);
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

Result<Assessment> Assessments::judge(QSqlDatabase& db, Id id, const RiskInput& in, PolicyCache& cache)
{
    auto features = Features::compute(db, in);
    if (!features)
        return features.error();
    const Result<PolicyCache::Policy>& policy = cache.current(db);
    if (!policy)
        return policy.error();
    Assessment a;
    a.id = id;
    a.features = *features;
    // the model's score first: rules may read it as :risk_score:
    thread_local std::vector<float> row;
    if (policy->model) {
        row.resize(policy->modelFeatures.size());
        for (std::size_t i = 0; i < row.size(); ++i) {
            const int f = policy->modelFeatures[i];
            row[i] = f < 0 ? std::numeric_limits<float>::quiet_NaN() : float(a.features.values[std::size_t(f)]);
        }
        a.score = score100(policy->model->score(row));
        a.modelVersion = policy->modelVersion;
    }
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
    // a decision someone will read is explained now, with the model's contributions (TreeSHAP
    // and the reasons' texts cost more than the rest of an allowed payment's assessment); an
    // allowed payment's reasons are made from its stored features when someone asks (find)
    if (a.action != RiskAction::Allow)
        a.reasons = reasonsOf(a.features);
    if (policy->model && a.action != RiskAction::Allow) {
        thread_local Contributions contributions;
        policy->model->contributionsInto(row, contributions);
        QHash<QString, double> byName;
        const QStringList& names = policy->model->featureNames();
        for (std::size_t i = 0; i < contributions.features.size() && i < std::size_t(names.size()); ++i)
            byName.insert(names[qsizetype(i)], contributions.features[i]);
        for (RiskReason& r : a.reasons)
            r.contribution = byName.value(r.feature);
        // what the model weighed is a reason too, an unremarkable or missing value included
        QSet<QString> listed;
        for (const RiskReason& r : a.reasons)
            listed.insert(r.feature);
        for (int i = 0; i < FeatureCount; ++i) {
            const Feature f = Feature(i);
            const double c = byName.value(featureName(f));
            if (!listed.contains(featureName(f)) && std::abs(c) > 1e-6)
                a.reasons.append(RiskReason{featureName(f), a.features[f], c, Features::describe(f, a.features[f])});
        }
        std::stable_sort(a.reasons.begin(), a.reasons.end(), [](const RiskReason& x, const RiskReason& y) {
            return std::abs(x.contribution) > std::abs(y.contribution);
        });
    }
    return a;
}

Result<Assessment> Assessments::assess(store::UnitOfWork& uow, Id id, Id orderId, const RiskInput& in,
                                       PolicyCache& cache)
{
    auto judged = judge(uow.db(), id, in, cache);
    if (!judged)
        return judged.error();
    const Assessment& a = *judged;
    if (auto s = write(uow, in, a, orderId); !s)
        return s.error();
    // what risk decided is on the order's timeline, before what the provider answers
    if (auto s = orders::OrderService::addEvent(uow, orderId, u"risk."_s + riskActionName(a.action), std::nullopt,
                                                a.summary());
        !s)
        return s.error();
    return a;
}

Status Assessments::write(store::UnitOfWork& uow, const RiskInput& in, const Assessment& a, Id orderId,
                          const KnownOutcome* known)
{
    QJsonArray fired;
    for (int line : a.fired)
        fired.append(line);
    static const QString sql =
        u"INSERT INTO risk_assessments (id, merchant_id, order_id, customer_key, created_ms, amount_minor, "
        "currency, card_fingerprint, card_brand, card_bin, card_country, email, ip, ip_country, device_id, "
        "shipping_country, billing_country, distance_km, features, score, model_version, ruleset_version, action, "
        "rule_line, rule_text, fired, reasons, shadow, source, outcome, refunded_minor, disputed, dispute_reason, "
        "fraud, label_source, label_ms, import_batch) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?)"_s;
    store::Statement& q = uow.statement(sql);
    const QVariant null = QVariant(QMetaType::fromType<qint64>());
    const QVariantList values{
        a.id.value,
        in.merchantId.value,
        orderId.value != 0 ? QVariant(orderId.value) : null,
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
        Features::toBytes(a.features),
        a.score >= 0 ? QVariant(a.score) : null,
        a.modelVersion > 0 ? QVariant(a.modelVersion) : null,
        a.ruleSetVersion > 0 ? QVariant(a.ruleSetVersion) : null,
        riskActionName(a.action),
        a.ruleLine > 0 ? QVariant(a.ruleLine) : null,
        store::nonNull(a.ruleText),
        QString::fromUtf8(QJsonDocument(fired).toJson(QJsonDocument::Compact)),
        a.reasons.isEmpty() ? QStringLiteral("[]") : reasonsJson(a.reasons),
        a.shadowAction.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                 : QVariant(u"%1:%2"_s.arg(a.shadowVersion).arg(a.shadowAction)),
        known ? u"imported"_s : u"live"_s,
        known ? QVariant(known->approved ? u"approved"_s : u"declined"_s) : QVariant(QMetaType::fromType<QString>()),
        known ? known->refundedMinor : 0,
        known && known->disputed ? 1 : 0,
        known ? store::nonNull(known->disputeReason) : QString(u""_s),
        known && known->fraud ? QVariant(*known->fraud ? 1 : 0) : null,
        known && known->fraud ? u"imported"_s : QString(u""_s),
        known && known->labelMs ? QVariant(*known->labelMs) : null,
        known && known->importBatch.value != 0 ? QVariant(known->importBatch.value) : null,
    };
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    return store::exec(q, u"writing a risk assessment"_s);
}

Status Assessments::noteOutcome(store::UnitOfWork& uow, const RiskInput& in, bool approved)
{
    if (!in.customerKey.isEmpty()) {
        if (auto s = upsertProfile(uow, 0, in.customerKey, in.currency, approved, in.amountMinor, in.atMs); !s)
            return s;
        if (approved && !in.context.deviceId.isEmpty()) {
            store::Statement& device =
                uow.statement(u"INSERT INTO risk_customer_devices (customer_key, device_id, first_ms) VALUES (?, ?, ?) "
                              "ON CONFLICT (customer_key, device_id) DO NOTHING"_s);
            device.bindValue(0, in.customerKey);
            device.bindValue(1, in.context.deviceId);
            device.bindValue(2, in.atMs);
            if (auto s = store::exec(device, u"remembering a customer's device"_s); !s)
                return s;
        }
    }
    return upsertProfile(uow, 1, QString::number(in.merchantId.value), in.currency, approved, in.amountMinor, in.atMs);
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
    RiskInput in;
    in.merchantId = merchantId;
    in.customerKey = customerKey;
    in.currency = currency;
    in.amountMinor = amountMinor;
    in.atMs = uow.nowMs();
    in.context.deviceId = deviceId;
    if (auto s = noteOutcome(uow, in, approved); !s)
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
    a.features = Features::fromBytes(q.value(8).toByteArray());
    if (a.reasons.isEmpty())
        a.reasons = reasonsOf(a.features); // an allowed payment: its values, without contributions
    const QString shadow = q.value(9).toString();
    if (const qsizetype colon = shadow.indexOf(u':'); colon > 0) {
        a.shadowVersion = shadow.left(colon).toLongLong();
        a.shadowAction = shadow.mid(colon + 1);
    }
    q.finish();
    return std::optional<Assessment>(std::move(a));
}

} // namespace souk::risk
