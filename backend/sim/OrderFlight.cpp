#include "backend/sim/OrderFlight.h"

#include "backend/payments/PaymentProvider.h"

using namespace Qt::StringLiterals;
using souk::orders::Order;
using souk::payments::Dispute;
using souk::payments::Payment;
using souk::payments::PaymentStatus;
using souk::payments::Refund;

namespace souk::sim {
namespace {

constexpr int RestocksPending = 64; ///< settle finished restocks once this many are outstanding

QString approvedCard()
{
    return QString::fromLatin1(payments::SimulatedProvider::Approved);
}

} // namespace

void TrafficContext::unexpected(const OrderPlan& plan, const QString& step, const Error& error)
{
    ++summary.unexpected;
    if (summary.errors.size() < TrafficSummary::ErrorsKept)
        summary.errors.append(u"order #%1, %2: %3"_s.arg(plan.index).arg(step, error.toString()));
}

void TrafficContext::takeStock(const QList<PlannedLine>& lines)
{
    for (const PlannedLine& line : lines) {
        SimSku& s = skus[line.sku];
        if (s.available - line.quantity < options.restockBelow) {
            // the writer runs commands in order, so this receipt lands before the order that needs it
            const qint64 quantity = options.restockQuantity + line.quantity;
            restocks.append(
                client.adjustStock(catalog::StockAdjustment{s.variantId, s.locationId, catalog::MovementKind::Received,
                                                            quantity, u"simulated delivery"_s, -1},
                                   u"sim-%1-restock-%2"_s.arg(runTag).arg(summary.restocks)));
            s.available += quantity;
            ++summary.restocks;
        }
        s.available -= line.quantity;
    }
    if (restocks.size() >= RestocksPending)
        settleRestocks(false);
}

void TrafficContext::settleRestocks(bool all)
{
    for (auto it = restocks.begin(); it != restocks.end();) {
        if (!all && !it->isFinished()) {
            ++it;
            continue;
        }
        it->waitForFinished();
        if (const auto& r = it->result(); !r) {
            ++summary.unexpected;
            if (summary.errors.size() < TrafficSummary::ErrorsKept)
                summary.errors.append(u"restock: "_s + r.error().toString());
        }
        it = restocks.erase(it);
    }
}

OrderFlight::OrderFlight(TrafficContext& ctx, OrderPlan plan) : m_ctx(ctx), m_plan(std::move(plan)) {}

template <typename T> void OrderFlight::await(QFuture<Result<T>> future, Step<T> step)
{
    m_done = false;
    m_pending = QFuture<void>(future);
    m_resume = [this, future, step]() { (this->*step)(future.result()); };
}

void OrderFlight::resume()
{
    Q_ASSERT(!m_done && m_pending.isFinished());
    auto next = std::move(m_resume);
    m_resume = {};
    m_done = true; // a step that issues no further command ends the flight
    next();
}

QString OrderFlight::key(const QString& step) const
{
    return u"sim-%1-%2-%3"_s.arg(m_ctx.runTag).arg(m_plan.index).arg(step);
}

template <typename T> bool OrderFlight::ok(const Result<T>& result, const QString& step)
{
    if (result)
        return true;
    m_ctx.unexpected(m_plan, step, result.error());
    return false;
}

void OrderFlight::start()
{
    orders::NewOrder order;
    order.merchantId = m_ctx.options.merchantId;
    order.customerId = m_ctx.customers[m_plan.customer];
    for (const PlannedLine& line : m_plan.lines)
        order.lines.append(orders::NewOrderLine{m_ctx.skus[line.sku].sku, line.quantity});
    if (m_plan.useDiscount)
        order.discountCode = m_ctx.discountCode;
    m_ctx.takeStock(m_plan.lines);
    if (m_plan.pay == PayPath::Approve && m_plan.capturePercent == 100 && !m_plan.replaySameKey) {
        // what a shop's pay button does: order, authorization and capture in one command
        await(m_ctx.client.checkout(order, cardInput(m_plan.firstCard), true, key(u"checkout"_s)),
              &OrderFlight::checkedOut);
        return;
    }
    await(m_ctx.client.createOrder(order, key(u"create"_s)), &OrderFlight::created);
}

payments::CardInput OrderFlight::cardInput(const QString& number) const
{
    payments::CardInput card{number, 12, m_ctx.cardExpYear, u"123"_s};
    // what the shop's page knows of who pays: the customer's own device and address, or the
    // stolen card's buyer abroad (the email stays the customer's: the order carries it)
    const int c = m_plan.customer;
    const QString home = m_ctx.customerCountries.value(c);
    payments::PaymentContext& x = card.context;
    if (m_plan.stolenCardFrom.isEmpty()) {
        x.deviceId = u"sim-%1-device-%2"_s.arg(m_ctx.runTag).arg(c);
        x.ip = u"10.%1.%2.%3"_s.arg((c >> 16) & 255).arg((c >> 8) & 255).arg(c & 255);
        x.ipCountry = home;
        x.shippingCountry = home;
        x.billingCountry = home;
        x.shippingDistanceKm = 0;
    } else {
        x.deviceId = u"sim-%1-device-x%2"_s.arg(m_ctx.runTag).arg(m_plan.index);
        x.ip = u"198.51.100.%1"_s.arg(m_plan.index % 250 + 1);
        x.ipCountry = m_plan.stolenCardFrom;
        x.shippingCountry = m_plan.stolenCardFrom;
        x.billingCountry = home;
        x.shippingDistanceKm = 5200;
    }
    return card;
}

bool OrderFlight::stoppedByRisk(const Payment& payment)
{
    // what the store's rules decided is theirs to decide: not a failure of the simulation
    if (payment.declineCode == u"risk_blocked"_s) {
        ++m_ctx.summary.blockedByRisk;
        return true;
    }
    if (payment.heldMs > 0) {
        ++m_ctx.summary.heldForReview; // waits for a person in the review queue
        return true;
    }
    return false;
}

void OrderFlight::stockRanOut()
{
    // our estimate was too high (someone else sold it): restock these before they sell again
    ++m_ctx.summary.stockouts;
    for (const PlannedLine& line : m_plan.lines)
        m_ctx.skus[line.sku].available = 0;
}

void OrderFlight::checkedOut(const Result<payments::Checkout>& r)
{
    if (!r && r.error().code == ErrorCode::InsufficientStock)
        return stockRanOut();
    if (!ok(r, u"checkout"_s))
        return;
    ++m_ctx.summary.ordersCreated;
    m_order = r->order;
    m_payment = r->payment;
    if (stoppedByRisk(m_payment))
        return;
    if (m_payment.status != PaymentStatus::Captured) {
        m_ctx.unexpected(m_plan, u"checkout"_s,
                         Error::internal(u"the approving test card was declined: "_s + m_payment.declineCode));
        return;
    }
    ++m_ctx.summary.paid;
    afterCapture();
}

void OrderFlight::created(const Result<Order>& r)
{
    if (!r && r.error().code == ErrorCode::InsufficientStock)
        return stockRanOut();
    if (!ok(r, u"create"_s))
        return;
    ++m_ctx.summary.ordersCreated;
    m_order = *r;
    pay();
}

void OrderFlight::pay()
{
    switch (m_plan.pay) {
    case PayPath::LeaveUnpaid:
        ++m_ctx.summary.unpaid;
        return;
    case PayPath::CancelUnpaid:
        cancel(u"the customer changed their mind"_s);
        return;
    default:
        authorize(m_plan.firstCard, u"auth1"_s, &OrderFlight::firstAttempt);
    }
}

void OrderFlight::authorize(const QString& card, const QString& keyStep, Step<Payment> next)
{
    await(m_ctx.client.authorizePayment(m_order.id, cardInput(card), key(keyStep)), next);
}

void OrderFlight::firstAttempt(const Result<Payment>& r)
{
    if (!ok(r, u"authorize"_s))
        return;
    if (stoppedByRisk(*r))
        return;
    const bool expectDecline = m_plan.pay == PayPath::Decline || m_plan.pay == PayPath::ProcessingErrorThenRetry;
    if ((r->status == PaymentStatus::Failed) != expectDecline) {
        const QString what = expectDecline ? u"a declining test card was approved"_s
                                           : u"the approving test card was declined: "_s + r->declineCode;
        m_ctx.unexpected(m_plan, u"authorize"_s, Error::internal(what));
        return;
    }
    if (!expectDecline) {
        authorized(*r);
        return;
    }
    ++m_ctx.summary.declined;
    if (m_plan.pay == PayPath::ProcessingErrorThenRetry) {
        if (!r->retryable)
            m_ctx.unexpected(m_plan, u"authorize"_s, Error::internal(r->declineCode + u" is not retryable"_s));
        else
            authorize(approvedCard(), u"auth2"_s, &OrderFlight::retried); // a new attempt needs a new key
        return;
    }
    if (m_plan.cancelAfterDecline)
        cancel(u"payment declined"_s);
    else
        ++m_ctx.summary.unpaid;
}

void OrderFlight::retried(const Result<Payment>& r)
{
    if (!ok(r, u"authorize again"_s))
        return;
    if (r->status != PaymentStatus::Authorized) {
        m_ctx.unexpected(m_plan, u"authorize again"_s, Error::internal(u"declined: "_s + r->declineCode));
        return;
    }
    ++m_ctx.summary.retried;
    authorized(*r);
}

void OrderFlight::authorized(const Payment& p)
{
    m_payment = p;
    if (m_plan.replaySameKey && m_plan.pay == PayPath::Approve) {
        // a client that lost the answer asks again: it must get the same payment, not a second hold
        authorize(m_plan.firstCard, u"auth1"_s, &OrderFlight::replayedAuthorization);
        return;
    }
    capture();
}

void OrderFlight::replayedAuthorization(const Result<Payment>& r)
{
    if (!ok(r, u"authorize replay"_s))
        return;
    if (r->id != m_payment.id || r->status != PaymentStatus::Authorized) {
        m_ctx.unexpected(m_plan, u"authorize replay"_s, Error::internal(u"the same key gave another payment"_s));
        return;
    }
    ++m_ctx.summary.replays;
    capture();
}

void OrderFlight::capture()
{
    if (m_plan.pay == PayPath::VoidAuthorization) {
        await(m_ctx.client.voidPayment(m_payment.id, u"the customer asked to pay otherwise"_s, key(u"void"_s)),
              &OrderFlight::voided);
        return;
    }
    std::optional<qint64> amount;
    if (m_plan.capturePercent < 100) // a partial shipment: capture what ships, release the rest
        amount = std::max<qint64>(1, m_payment.amountMinor * m_plan.capturePercent / 100);
    await(m_ctx.client.capturePayment(m_payment.id, amount, key(u"capture"_s)), &OrderFlight::captured);
}

void OrderFlight::captured(const Result<Payment>& r)
{
    if (!ok(r, u"capture"_s))
        return;
    ++m_ctx.summary.paid;
    m_payment = *r;
    if (m_plan.replaySameKey) {
        std::optional<qint64> amount;
        if (m_plan.capturePercent < 100)
            amount = m_payment.capturedMinor;
        await(m_ctx.client.capturePayment(m_payment.id, amount, key(u"capture"_s)), &OrderFlight::replayedCapture);
        return;
    }
    afterCapture();
}

void OrderFlight::replayedCapture(const Result<Payment>& r)
{
    if (!ok(r, u"capture replay"_s))
        return;
    if (r->id != m_payment.id || r->capturedMinor != m_payment.capturedMinor) {
        m_ctx.unexpected(m_plan, u"capture replay"_s, Error::internal(u"the same key captured again"_s));
        return;
    }
    ++m_ctx.summary.replays;
    afterCapture();
}

void OrderFlight::afterCapture()
{
    const qint64 captured = m_payment.capturedMinor;
    switch (m_plan.after) {
    case AfterCapture::Keep:
        return;
    case AfterCapture::PartialRefund:
        await(m_ctx.client.refundPayment(m_payment.id, std::max<qint64>(1, captured * m_plan.refundPercent / 100),
                                         u"an item arrived damaged"_s, key(u"refund"_s)),
              &OrderFlight::refunded);
        return;
    case AfterCapture::FullRefund:
        await(m_ctx.client.refundPayment(m_payment.id, captured, u"returned"_s, key(u"refund"_s)),
              &OrderFlight::refunded);
        return;
    case AfterCapture::DisputeWon:
    case AfterCapture::DisputeLost:
        await(m_ctx.client.openDispute(m_payment.id, captured, u"fraudulent"_s, key(u"dispute"_s)), &OrderFlight::disputeOpened);
        return;
    case AfterCapture::Cancel:
        cancel(u"cancelled before shipping"_s);
        return;
    }
}

void OrderFlight::cancel(const QString& reason)
{
    await(m_ctx.client.cancelOrder(m_order.id, reason, key(u"cancel"_s)), &OrderFlight::cancelled);
}

void OrderFlight::cancelled(const Result<Order>& r)
{
    if (!ok(r, u"cancel"_s))
        return;
    if (r->status != orders::OrderStatus::Cancelled) {
        m_ctx.unexpected(m_plan, u"cancel"_s, Error::internal(u"the order is not cancelled"_s));
        return;
    }
    ++m_ctx.summary.cancelled;
}

void OrderFlight::voided(const Result<Payment>& r)
{
    if (!ok(r, u"void"_s))
        return;
    ++m_ctx.summary.voided;
    ++m_ctx.summary.unpaid;
}

void OrderFlight::refunded(const Result<Refund>& r)
{
    if (ok(r, u"refund"_s))
        ++m_ctx.summary.refunded;
}

void OrderFlight::disputeOpened(const Result<Dispute>& r)
{
    if (!ok(r, u"open dispute"_s))
        return;
    ++m_ctx.summary.disputed;
    await(m_ctx.client.submitDisputeEvidence(r->id, key(u"evidence"_s)), &OrderFlight::evidenceSent);
}

void OrderFlight::evidenceSent(const Result<Dispute>& r)
{
    if (!ok(r, u"dispute evidence"_s))
        return;
    await(m_ctx.client.resolveDispute(r->id, m_plan.after == AfterCapture::DisputeWon, key(u"decision"_s)), &OrderFlight::disputeResolved);
}

void OrderFlight::disputeResolved(const Result<Dispute>& r)
{
    if (ok(r, u"resolve dispute"_s) && r->status == payments::DisputeStatus::Lost)
        ++m_ctx.summary.disputesLost;
}

} // namespace souk::sim
