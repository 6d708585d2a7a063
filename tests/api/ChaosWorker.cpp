#include "tests/api/ChaosWorker.h"

#include <QDateTime>
#include <QTimer>

#include <memory>

#include "backend/core/Async.h"
#include "backend/payments/PaymentProvider.h"

using namespace Qt::StringLiterals;

namespace souk::test {
namespace {

constexpr int RetryPauseMs = 250;
constexpr qint64 RefundMinor = 100;

/// The answer of `future` as an outcome named by `name`.
template <typename T, typename Name> QFuture<Result<ChaosOutcome>> outcome(QFuture<Result<T>> future, Name name)
{
    return future.then([name](const Result<T>& r) -> Result<ChaosOutcome> {
        if (!r)
            return r.error();
        return name(*r);
    });
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

ChaosWorker::ChaosWorker(int index, std::shared_ptr<Client> client, ChaosPlan plan, std::deque<ChaosOp>& history)
    : m_index(index), m_client(std::move(client)), m_plan(std::move(plan)), m_history(history)
{}

bool ChaosWorker::retryable(const Error& error)
{
    return error.code == ErrorCode::Unavailable || error.code == ErrorCode::InProgress;
}

void ChaosWorker::start()
{
    m_idle = false;
    flow();
}

void ChaosWorker::flow()
{
    if (m_stopping) {
        m_idle = true;
        return;
    }
    ++m_flows;
    const orders::NewOrder order{m_plan.merchant, m_plan.customer, {{m_plan.sku, 1}}, {}, {}};
    call(
        u"place"_s,
        [order](Client& c, const QString& key) {
            return outcome(c.createOrder(order, key), [](const orders::Order& o) {
                return ChaosOutcome{o.id.toString(), o.id.value};
            });
        },
        [this](const ChaosOutcome& o) { authorize(Id{o.value}); });
}

void ChaosWorker::authorize(Id order)
{
    const payments::CardInput card{QString::fromLatin1(payments::SimulatedProvider::Approved), 12, 2030, u"123"_s};
    call(
        u"authorize"_s,
        [order, card](Client& c, const QString& key) {
            return outcome(c.authorizePayment(order, card, key), [](const payments::Payment& p) {
                return ChaosOutcome{p.id.toString(), p.id.value,
                                    p.status == payments::PaymentStatus::Authorized && p.heldMs == 0};
            });
        },
        [this](const ChaosOutcome& p) {
            if (p.capturable)
                capture(Id{p.value});
            else
                flowDone(); // declined or held for review: nothing to capture
        });
}

void ChaosWorker::capture(Id payment)
{
    call(
        u"capture"_s,
        [payment](Client& c, const QString& key) {
            return outcome(c.capturePayment(payment, std::nullopt, key), [](const payments::Payment& p) {
                return ChaosOutcome{p.id.toString(), p.id.value};
            });
        },
        [this, payment](const ChaosOutcome&) { afterCapture(payment); });
}

void ChaosWorker::afterCapture(Id payment)
{
    if (m_flows % m_plan.refundEvery != 0) {
        payout();
        return;
    }
    call(
        u"refund"_s,
        [payment](Client& c, const QString& key) {
            return outcome(c.refundPayment(payment, RefundMinor, u"chaos"_s, key), [](const payments::Refund& r) {
                return ChaosOutcome{r.id.toString(), r.id.value};
            });
        },
        [this](const ChaosOutcome&) { payout(); });
}

void ChaosWorker::payout()
{
    if (m_flows % m_plan.payoutEvery != 0) {
        flowDone();
        return;
    }
    const Id merchant = m_plan.merchant;
    call(
        u"payout"_s,
        [merchant](Client& c, const QString& key) {
            return outcome(c.payout(merchant, {}, key), [](const QList<payments::Payout>& paid) {
                QStringList ids;
                for (const payments::Payout& p : paid)
                    ids << p.id.toString();
                return ChaosOutcome{ids.join(u','), paid.isEmpty() ? 0 : paid.first().id.value};
            });
        },
        [this](const ChaosOutcome&) { flowDone(); });
}

void ChaosWorker::flowDone()
{
    QTimer::singleShot(0, this, [this] { flow(); });
}

void ChaosWorker::call(const QString& kind, ChaosOp::Send send, Next next)
{
    ChaosOp op;
    op.kind = kind;
    op.key = u"chaos-%1-%2-%3"_s.arg(m_index).arg(++m_keys).arg(nowMs());
    op.worker = m_index;
    op.send = std::move(send);
    op.startMs = nowMs();
    m_history.push_back(std::move(op));
    attempt(m_history.size() - 1, next);
}

void ChaosWorker::attempt(size_t index, const Next& next)
{
    ChaosOp& op = m_history[index];
    ++op.attempts;
    // the first of the answer and the attempt's deadline decides; the other is ignored
    auto settled = std::make_shared<bool>(false);
    onReady(op.send(*m_client, op.key), this, [this, index, next, settled](const Result<ChaosOutcome>& result) {
        if (std::exchange(*settled, true))
            return;
        answered(index, result, next);
    });
    QTimer::singleShot(AttemptMs, this, [this, index, next, settled] {
        if (std::exchange(*settled, true))
            return;
        answered(index, Error{ErrorCode::Unavailable, u"no answer within %1 ms"_s.arg(AttemptMs), {}}, next);
    });
}

void ChaosWorker::answered(size_t index, const Result<ChaosOutcome>& result, const Next& next)
{
    ChaosOp& op = m_history[index];
    if (result) {
        op.state = ChaosOp::State::Acked;
        op.id = result->id;
        op.doneMs = nowMs();
        next(*result);
        return;
    }
    op.error = result.error();
    if (retryable(op.error) && nowMs() - op.startMs < OpDeadlineMs) {
        QTimer::singleShot(RetryPauseMs, this, [this, index, next] { attempt(index, next); });
        return;
    }
    op.state = retryable(op.error) ? ChaosOp::State::GaveUp : ChaosOp::State::Failed;
    op.doneMs = nowMs();
    flowDone(); // the flow ends here; the check judges the error
}

} // namespace souk::test
