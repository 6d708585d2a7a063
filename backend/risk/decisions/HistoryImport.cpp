#include "backend/risk/decisions/HistoryImport.h"

#include <cmath>

#include "backend/risk/decisions/Assessments.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::risk {
namespace {

constexpr qint64 ProgressEvery = 1000;

} // namespace

RiskInput HistoryImport::inputOf(Id merchantId, const HistoryPayment& row)
{
    RiskInput in;
    in.merchantId = merchantId;
    // the merchant's own customer ids are not Souk's: kept apart by merchant; a guest by email,
    // as a live guest is, so history and live payments of one email meet
    in.customerKey = !row.customerId.isEmpty() ? u"import:%1:%2"_s.arg(merchantId.value).arg(row.customerId)
                     : !row.email.isEmpty()    ? u"email:"_s + row.email.toLower()
                                               : QString();
    in.atMs = row.createdMs;
    in.amountMinor = row.amount.minor();
    in.currency = row.amount.currency().code;
    in.cardFingerprint = row.cardFingerprint;
    in.cardBrand = row.cardBrand;
    in.cardBin = row.bin;
    in.cardCountry = row.cardCountry;
    in.context.email = row.email;
    in.context.ip = row.ip;
    in.context.ipCountry = row.ipCountry;
    in.context.deviceId = row.deviceId;
    in.context.shippingCountry = row.shippingCountry;
    if (row.shippingDistanceKm)
        in.context.shippingDistanceKm = qint64(std::llround(*row.shippingDistanceKm));
    return in;
}

bool HistoryImport::isFraud(const HistoryPayment& row)
{
    if (row.fraud)
        return *row.fraud;
    return row.disputed && row.disputeReason.compare(u"fraudulent"_s, Qt::CaseInsensitive) == 0;
}

Result<Id> HistoryImport::begin(store::UnitOfWork& uow, Id merchantId, qint64 rows)
{
    auto merchant = store::scalar(uow.db(), u"SELECT count(*) FROM merchants WHERE id = ?"_s, {merchantId.value});
    if (!merchant)
        return merchant.error();
    if (merchant->toLongLong() == 0)
        return Error::notFound(u"merchant_id"_s, u"there is no merchant %1"_s.arg(merchantId.toString()));
    if (rows <= 0)
        return Error::invalid(u"file"_s, u"the history has no payments"_s);
    auto unfinished = store::ids(uow.db(), u"SELECT id FROM risk_import_batches WHERE status = 'importing'"_s, {},
                                 u"finding unfinished imports"_s);
    if (!unfinished)
        return unfinished.error();
    for (Id batch : *unfinished) {
        if (auto r = rollback(uow, batch); !r)
            return r.error();
    }
    const Id batch = uow.newId();
    if (auto s = store::exec(uow.db(),
                             u"INSERT INTO risk_import_batches (id, merchant_id, status, rows, started_ms) "
                             "VALUES (?, ?, 'importing', ?, ?)"_s,
                             {batch.value, merchantId.value, rows, uow.nowMs()});
        !s)
        return s.error();
    return batch;
}

Status HistoryImport::chunk(store::UnitOfWork& uow, Id merchantId, Id batch, std::span<const HistoryPayment> rows,
                            HistoryImportSummary& summary)
{
    for (const HistoryPayment& row : rows) {
        if (summary.rows > 0 && row.createdMs < summary.toMs)
            return Error::internal(u"history rows must be sorted by time"_s);
        const RiskInput in = inputOf(merchantId, row);
        auto features = Features::compute(uow.db(), in);
        if (!features)
            return features.error();
        Assessment a;
        a.id = uow.newId();
        a.features = *features;
        KnownOutcome known;
        known.approved = row.approved;
        known.refundedMinor = row.refundedMinor;
        known.disputed = row.disputed;
        known.disputeReason = row.disputeReason;
        known.fraud = row.fraud ? row.fraud : (isFraud(row) ? std::optional<bool>(true) : std::nullopt);
        known.labelMs = row.labelKnownMs;
        known.importBatch = batch;
        if (auto s = Assessments::write(uow, in, a, Id{}, &known); !s)
            return s;
        if (auto s = Assessments::noteOutcome(uow, in, row.approved); !s)
            return s;
        if (summary.rows == 0)
            summary.fromMs = row.createdMs;
        summary.toMs = row.createdMs;
        ++summary.rows;
        (row.approved ? summary.approved : summary.declined) += 1;
        summary.fraud += isFraud(row);
        summary.disputed += row.disputed;
    }
    return {};
}

Status HistoryImport::finish(store::UnitOfWork& uow, Id batch)
{
    return store::exec(uow.db(),
                       u"UPDATE risk_import_batches SET status = 'done', finished_ms = ? WHERE id = ? "
                       "AND status = 'importing'"_s,
                       {uow.nowMs(), batch.value});
}

Result<qint64> HistoryImport::rollback(store::UnitOfWork& uow, Id batch)
{
    auto removed = store::scalar(uow.db(), u"SELECT count(*) FROM risk_assessments WHERE import_batch = ?"_s,
                                 {batch.value});
    if (!removed)
        return removed.error();
    // the running totals are sums over the assessments: made again from those that stay
    static const QStringList steps{
        u"DELETE FROM risk_assessments WHERE import_batch = ?"_s,
        u"DELETE FROM risk_profiles"_s,
        u"INSERT INTO risk_profiles (kind, key, currency, payments, approved, approved_sum_minor, first_ms, last_ms) "
        "SELECT 0, customer_key, currency, count(*), sum(CASE WHEN outcome = 'approved' THEN 1 ELSE 0 END), "
        "sum(CASE WHEN outcome = 'approved' THEN amount_minor ELSE 0 END), min(created_ms), max(created_ms) "
        "FROM risk_assessments WHERE customer_key <> '' AND outcome IS NOT NULL GROUP BY customer_key, currency"_s,
        u"INSERT INTO risk_profiles (kind, key, currency, payments, approved, approved_sum_minor, first_ms, last_ms) "
        "SELECT 1, CAST(merchant_id AS TEXT), currency, count(*), sum(CASE WHEN outcome = 'approved' THEN 1 ELSE 0 "
        "END), "
        "sum(CASE WHEN outcome = 'approved' THEN amount_minor ELSE 0 END), min(created_ms), max(created_ms) "
        "FROM risk_assessments WHERE outcome IS NOT NULL GROUP BY merchant_id, currency"_s,
        u"DELETE FROM risk_customer_devices"_s,
        u"INSERT INTO risk_customer_devices (customer_key, device_id, first_ms) "
        "SELECT customer_key, device_id, min(created_ms) FROM risk_assessments "
        "WHERE outcome = 'approved' AND customer_key <> '' AND device_id <> '' GROUP BY customer_key, device_id"_s,
    };
    for (const QString& step : steps) {
        const bool bound = step.contains(u'?');
        if (auto s = bound ? store::exec(uow.db(), step, {batch.value}) : store::exec(uow.db(), step); !s)
            return s.error();
    }
    if (auto s = store::exec(uow.db(),
                             u"UPDATE risk_import_batches SET status = 'rolled_back', finished_ms = ? WHERE id = ?"_s,
                             {uow.nowMs(), batch.value});
        !s)
        return s.error();
    return removed->toLongLong();
}

Result<HistoryImportSummary> HistoryImport::run(store::UnitOfWork& uow, Id merchantId,
                                                const std::vector<HistoryPayment>& rows,
                                                const std::function<bool(qint64, qint64)>& progress)
{
    auto batch = begin(uow, merchantId, qint64(rows.size()));
    if (!batch)
        return batch.error();
    HistoryImportSummary summary;
    summary.batch = *batch;
    const qint64 total = qint64(rows.size());
    for (qint64 from = 0; from < total; from += ProgressEvery) {
        const qint64 to = std::min(total, from + ProgressEvery);
        if (auto s = chunk(uow, merchantId, *batch, std::span(rows).subspan(std::size_t(from), std::size_t(to - from)),
                           summary);
            !s)
            return s.error();
        if (progress && !progress(to, total))
            return Error{ErrorCode::Cancelled, u"the import was cancelled; nothing was imported"_s, {}};
    }
    if (auto s = finish(uow, *batch); !s)
        return s.error();
    return summary;
}

} // namespace souk::risk
