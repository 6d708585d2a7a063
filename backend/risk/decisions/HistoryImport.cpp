#include "backend/risk/decisions/HistoryImport.h"

#include <cmath>

#include "backend/risk/decisions/Assessments.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

namespace souk::risk {
namespace {

constexpr qint64 ProgressEvery = 1000;

RiskInput inputOf(Id merchantId, const HistoryPayment& row)
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

} // namespace

bool HistoryImport::isFraud(const HistoryPayment& row)
{
    if (row.fraud)
        return *row.fraud;
    return row.disputed && row.disputeReason.compare(u"fraudulent"_s, Qt::CaseInsensitive) == 0;
}

Result<HistoryImportSummary> HistoryImport::run(store::UnitOfWork& uow, Id merchantId,
                                                const std::vector<HistoryPayment>& rows,
                                                const std::function<bool(qint64, qint64)>& progress)
{
    auto merchant = store::scalar(uow.db(), u"SELECT count(*) FROM merchants WHERE id = ?"_s, {merchantId.value});
    if (!merchant)
        return merchant.error();
    if (merchant->toLongLong() == 0)
        return Error::notFound(u"merchant_id"_s, u"there is no merchant %1"_s.arg(merchantId.toString()));
    if (rows.empty())
        return Error::invalid(u"file"_s, u"the history has no payments"_s);
    HistoryImportSummary summary;
    summary.batch = uow.newId();
    summary.fromMs = rows.front().createdMs;
    summary.toMs = rows.back().createdMs;
    const qint64 total = qint64(rows.size());
    for (qint64 i = 0; i < total; ++i) {
        const HistoryPayment& row = rows[std::size_t(i)];
        if (row.createdMs < summary.fromMs || (i > 0 && row.createdMs < rows[std::size_t(i - 1)].createdMs))
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
        known.importBatch = summary.batch;
        if (auto s = Assessments::write(uow, in, a, Id{}, &known); !s)
            return s.error();
        if (auto s = Assessments::noteOutcome(uow, in, row.approved); !s)
            return s.error();
        ++summary.rows;
        (row.approved ? summary.approved : summary.declined) += 1;
        summary.fraud += isFraud(row);
        summary.disputed += row.disputed;
        if (progress && ((i + 1) % ProgressEvery == 0 || i + 1 == total) && !progress(i + 1, total))
            return Error{ErrorCode::Cancelled, u"the import was cancelled; nothing was imported"_s, {}};
    }
    return summary;
}

} // namespace souk::risk
